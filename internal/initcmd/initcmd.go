// Package initcmd is errcontract init: it analyses a module and writes a
// first errcontract.yaml from what the code does, the functions that write
// its error responses, the statuses it writes, and the preset that
// documents them, and prints what the user should check.
package initcmd

import (
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/errcontract/errcontract/analyzer"
	"github.com/errcontract/errcontract/internal/config"
	"github.com/errcontract/errcontract/internal/contract"
)

const usage = `usage: errcontract init [-force] [-o file] [-C dir] [packages]

init analyses the packages (default ./...) and writes errcontract.yaml at
the root of their module, from what the code does. It never overwrites an
existing file without -force.
`

// Run runs errcontract init with args, the arguments after "init", and
// returns the exit status: 0 on success, 1 on failure, 2 on bad usage.
func Run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("errcontract init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage); fs.PrintDefaults() }
	force := fs.Bool("force", false, "overwrite an existing errcontract.yaml")
	out := fs.String("o", "", "the file to write (default: errcontract.yaml at the module root)")
	dir := fs.String("C", ".", "the directory to run in")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	if err := run(*dir, patterns, *out, *force, stdout); err != nil {
		fmt.Fprintf(stderr, "errcontract init: %v\n", err)
		return 1
	}
	return 0
}

func run(dir string, patterns []string, out string, force bool, stdout io.Writer) error {
	if out != "" && !filepath.IsAbs(out) {
		out = filepath.Join(dir, out)
	}
	// A file named by -o is refused before the packages are loaded, which
	// takes seconds; the default file's place is known only after.
	if err := refuse(out, force); err != nil {
		return err
	}
	pkgs, err := load(dir, patterns)
	if err != nil {
		return err
	}
	mod := pkgs[0].Module
	if mod == nil || mod.Dir == "" {
		return fmt.Errorf("%s is not in a module", pkgs[0].PkgPath)
	}
	if out == "" {
		out = filepath.Join(mod.Dir, config.FileName)
		if err := refuse(out, force); err != nil {
			return err
		}
	}
	f, err := survey(pkgs)
	if err != nil {
		return err
	}
	f.module = mod.Path
	var yaml bytes.Buffer
	f.writeYAML(&yaml)
	if err := os.WriteFile(out, yaml.Bytes(), 0o644); err != nil {
		return err
	}
	f.writeReport(stdout, displayPath(dir, out))
	return nil
}

// refuse returns an error if out exists and force is false.
func refuse(out string, force bool) error {
	if _, err := os.Stat(out); err == nil && !force && out != "" {
		return fmt.Errorf("%s exists: rerun with -force to overwrite it", out)
	}
	return nil
}

func load(dir string, patterns []string) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if packages.PrintErrors(pkgs) > 0 {
		return nil, errors.New("the packages have errors: fix them first")
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	slices.SortFunc(pkgs, func(a, b *packages.Package) int { return cmp.Compare(a.PkgPath, b.PkgPath) })
	return pkgs, nil
}

// displayPath returns path relative to dir if it is below it.
func displayPath(dir, path string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(abs, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

// findings is what init found in the module.
type findings struct {
	module     string
	packages   int
	frameworks []string
	statuses   []int
	writers    []ranked // helpers to declare as writers, most called first
	declared   []ranked // writers and constructors already declared
	preset     *contract.Preset
	missing    []int // written statuses that the preset does not document
}

// A ranked function and the number of handlers that call it.
type ranked struct {
	name     string
	handlers int
}

// survey runs the analyzer on pkgs and gathers its surveys.
func survey(pkgs []*packages.Package) (*findings, error) {
	cfg := analyzer.DefaultConfig()
	// The survey is of the code, not of an errcontract.yaml written before:
	// writers it declared would no longer be helpers.
	cfg.File = os.DevNull
	a := analyzer.NewSurveyor(cfg)
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		return nil, err
	}
	f := &findings{packages: len(pkgs)}
	helpers := make(map[*types.Func]analyzer.Helper)
	var declared []*types.Func
	var calls []analyzer.HandlerCall
	statuses := make(map[int]bool)
	for _, act := range graph.Roots {
		if act.Err != nil {
			return nil, fmt.Errorf("%s: %v", act.Package.PkgPath, act.Err)
		}
		s, _ := act.Result.(*analyzer.Survey)
		if s == nil {
			continue
		}
		for _, h := range s.Helpers {
			helpers[h.Func] = h
		}
		declared = append(declared, s.Declared...)
		calls = append(calls, s.Calls...)
		for _, code := range s.Statuses {
			statuses[code] = true
		}
	}
	f.frameworks = frameworks(pkgs)
	for code := range statuses {
		f.statuses = append(f.statuses, code)
	}
	slices.Sort(f.statuses)
	f.writers = rankWriters(helpers, calls)
	f.declared = rank(declared, calls)
	f.preset, f.missing = bestPreset(f.statuses)
	return f, nil
}

// rankWriters returns the helpers to declare as writers: the ones that
// always write an error, and the ones whose every call in a handler writes
// an error status. Ranked by how many handlers call them.
func rankWriters(helpers map[*types.Func]analyzer.Helper, calls []analyzer.HandlerCall) []ranked {
	var writers []*types.Func
	for fn, h := range helpers {
		errorOnly := slices.ContainsFunc(calls, func(c analyzer.HandlerCall) bool { return c.Callee == fn && c.Error }) &&
			!slices.ContainsFunc(calls, func(c analyzer.HandlerCall) bool { return c.Callee == fn && c.Success })
		if h.WritesError || (h.StatusParam && h.MessageParam && errorOnly) {
			writers = append(writers, fn)
		}
	}
	return rank(writers, calls)
}

// rank returns fns with the number of distinct handlers that call each,
// most called first, then by name.
func rank(fns []*types.Func, calls []analyzer.HandlerCall) []ranked {
	var out []ranked
	for _, fn := range fns {
		handlers := make(map[any]bool)
		for _, c := range calls {
			if c.Callee == fn {
				handlers[c.Handler] = true
			}
		}
		out = append(out, ranked{qualifiedName(fn), len(handlers)})
	}
	slices.SortFunc(out, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.handlers, a.handlers), cmp.Compare(a.name, b.name))
	})
	return slices.CompactFunc(out, func(a, b ranked) bool { return a.name == b.name })
}

// qualifiedName returns fn as errcontract.yaml names it: pkgpath.Func or
// pkgpath.Type.Method.
func qualifiedName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if named, ok := t.(*types.Named); ok {
			return fn.Pkg().Path() + "." + named.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// knownFrameworks are the web packages init names, in the order it
// names them.
var knownFrameworks = []struct{ path, name string }{
	{"github.com/gin-gonic/gin", "gin"},
	{"github.com/labstack/echo/v4", "echo"},
	{"github.com/gofiber/fiber/v2", "fiber"},
	{"github.com/go-chi/chi/v5", "chi"},
	{"github.com/go-chi/render", "chi render"},
	{"net/http", "net/http"},
}

// frameworks returns the web frameworks that pkgs import directly.
func frameworks(pkgs []*packages.Package) []string {
	var names []string
	for _, fw := range knownFrameworks {
		for _, p := range pkgs {
			if _, ok := p.Imports[fw.path]; ok {
				names = append(names, fw.name)
				break
			}
		}
	}
	return names
}

// bestPreset returns the preset that documents the most of the statuses,
// the first in the presets' order among equals (the default first), and the
// statuses it leaves undocumented.
func bestPreset(statuses []int) (*contract.Preset, []int) {
	names := contract.Names()
	slices.SortStableFunc(names, func(a, b string) int {
		return boolInt(b == contract.Default) - boolInt(a == contract.Default)
	})
	var best *contract.Preset
	var bestMissing []int
	for _, name := range names {
		p, _ := contract.Lookup(name)
		set := contract.NewSet(p.Codes())
		var missing []int
		for _, code := range statuses {
			if set.Undocumented(code) {
				missing = append(missing, code)
			}
		}
		if best == nil || len(missing) < len(bestMissing) {
			best, bestMissing = p, missing
		}
	}
	return best, bestMissing
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func joinInts(list []int, sep string) string {
	s := make([]string, len(list))
	for i, n := range list {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, sep)
}

// writeYAML writes the file: every choice with a comment that says where it
// comes from and what to check.
func (f *findings) writeYAML(w io.Writer) {
	fmt.Fprintf(w, "# errcontract's configuration for %s, written by errcontract init\n", f.module)
	fmt.Fprintf(w, "# from what the code does. docs/config.md describes every key.\n\n")
	written := "The handlers write no constant status."
	if len(f.statuses) > 0 {
		written = "The handlers write " + joinInts(f.statuses, " ") + "."
	}
	if len(f.frameworks) > 0 {
		written = strings.TrimSuffix(written, ".") + " (" + strings.Join(f.frameworks, ", ") + ")."
	}
	fmt.Fprintf(w, "# %s\n", written)
	if len(f.missing) == 0 {
		fmt.Fprintf(w, "# The %s preset documents all of them: check that it is the API's\n", f.preset.Name)
		fmt.Fprintf(w, "# contract, or give the API's own statuses instead.\n")
		fmt.Fprintf(w, "contract: %s\n", f.preset.Name)
	} else {
		fmt.Fprintf(w, "# No preset documents all of them (%s, the closest, lacks %s).\n", f.preset.Name, joinInts(f.missing, " "))
		fmt.Fprintf(w, "# These are the statuses the code writes: check them against the API's\n")
		fmt.Fprintf(w, "# documentation, and add its error codes and body format.\n")
		fmt.Fprintf(w, "contract:\n  statuses: [%s]\n", joinInts(f.statuses, ", "))
	}
	if len(f.declared) > 0 {
		fmt.Fprintf(w, "\n# Declared by directives already, by how many handlers call them:\n")
		for _, d := range f.declared {
			fmt.Fprintf(w, "#   %s (%s)\n", d.name, plural(d.handlers, "handler"))
		}
	}
	if len(f.writers) > 0 {
		fmt.Fprintf(w, "\n# Functions that write error responses, by how many handlers call them.\n")
		fmt.Fprintf(w, "# The statuses and messages their callers pass are still checked; check\n")
		fmt.Fprintf(w, "# that each keeps the text of the errors it is given server-side.\n")
		fmt.Fprintf(w, "writers:\n")
		for _, r := range f.writers {
			fmt.Fprintf(w, "  - %s # %s\n", r.name, plural(r.handlers, "handler"))
		}
	}
	fmt.Fprintf(w, "\n# Findings in _test.go files are not reported: test servers are not the API.\n")
	fmt.Fprintf(w, "tests: false\n")
}

// writeReport prints what init found and what to check.
func (f *findings) writeReport(w io.Writer, file string) {
	fmt.Fprintf(w, "errcontract init: %s in %s of %s\n", plural(f.packages, "package"), strings.Join(f.frameworks, ", "), f.module)
	if len(f.statuses) > 0 {
		fmt.Fprintf(w, "statuses written: %s\n", joinInts(f.statuses, " "))
	}
	if len(f.missing) == 0 {
		fmt.Fprintf(w, "contract: %s, which documents all of them\n", f.preset.Name)
	} else {
		fmt.Fprintf(w, "contract: the statuses written; no preset documents %s\n", joinInts(f.missing, " "))
	}
	for _, d := range f.declared {
		fmt.Fprintf(w, "declared by directives: %s (%s)\n", d.name, plural(d.handlers, "handler"))
	}
	for _, r := range f.writers {
		fmt.Fprintf(w, "writer: %s (%s)\n", r.name, plural(r.handlers, "handler"))
	}
	fmt.Fprintf(w, "wrote %s\n", file)
	fmt.Fprintf(w, "check: that the contract is the one the API documents, that each writer keeps error text server-side; then run errcontract ./...\n")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
