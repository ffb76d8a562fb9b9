package analyzer

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// What a fix may import. A fix that imports a package the module cannot
// build with leaves code that does not compile, so fixes import only:
//
//   - a canonical package that the package being checked imports already
//     (known by its facts, or named by errcontract.yaml);
//   - the configured package (apierror), described without its facts,
//     when the module is its module or requires it in go.mod.
//
// Whether another package of the module imports the configured package
// cannot be known while analyzing this one: facts flow only from a
// package to its importers, never between siblings. The module's go.mod
// is what every driver shares, and what decides whether the import
// builds: a required module is in the build list with its checksum, and
// go mod tidy keeps a requirement only while a package imports it.

// moduleProvides reports whether the module of the package in dir can
// import the package pkgPath: pkgPath is in the module, or in a module it
// requires in its go.mod, and vendored if the module vendors.
func moduleProvides(dir, pkgPath string) bool {
	root := moduleRoot(dir)
	if root == "" {
		return false // no module: nothing is known to be importable
	}
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return false
	}
	module, requires := parseGoMod(data)
	provided := withinModule(module, pkgPath)
	for _, r := range requires {
		provided = provided || withinModule(r, pkgPath)
	}
	if !provided || withinModule(module, pkgPath) {
		return provided
	}
	if _, err := os.Stat(filepath.Join(root, "vendor", "modules.txt")); err == nil {
		// The go command builds from vendor/, which holds only the
		// packages the module imported when it was vendored.
		st, err := os.Stat(filepath.Join(root, "vendor", filepath.FromSlash(pkgPath)))
		return err == nil && st.IsDir()
	}
	return true
}

// moduleRoot returns the first directory from dir upward with a go.mod,
// or "".
func moduleRoot(dir string) string {
	for dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return ""
}

// withinModule reports whether the package pkgPath belongs to the module
// path module, ignoring nested modules.
func withinModule(module, pkgPath string) bool {
	return module != "" && (pkgPath == module || strings.HasPrefix(pkgPath, module+"/"))
}

// parseGoMod returns the module path of a go.mod and the module paths it
// requires. It reads only the module and require directives, which is
// all that moduleProvides needs; a malformed file yields what it can.
func parseGoMod(data []byte) (module string, requires []string) {
	inRequire := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "//")
		fields := strings.Fields(line)
		switch {
		case len(fields) == 0:
		case inRequire && fields[0] == ")":
			inRequire = false
		case inRequire:
			requires = append(requires, unquote(fields[0]))
		case fields[0] == "module" && len(fields) >= 2:
			module = unquote(fields[1])
		case fields[0] == "require(" || fields[0] == "require" && len(fields) >= 2 && fields[1] == "(":
			inRequire = true
		case fields[0] == "require" && len(fields) >= 2:
			requires = append(requires, unquote(fields[1]))
		}
	}
	return module, requires
}

func unquote(s string) string {
	if u, err := strconv.Unquote(s); err == nil {
		return u
	}
	return s
}
