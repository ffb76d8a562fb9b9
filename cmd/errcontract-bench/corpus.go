package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// The named corpora, and those measured by default: the large third-party
// graph and the standard library.
const (
	namedCorpora   = "std,cmd,deps,frameworks"
	defaultCorpora = "frameworks,std"
	dirPrefix      = "dir:"
)

// A corpus is a set of packages to measure: patterns in dir.
type corpus struct {
	name     string
	dir      string
	patterns []string
}

// parseCorpora returns the corpora of a comma-separated list, in its
// order and without repeats.
func parseCorpora(list string) ([]corpus, error) {
	var names []string
	for name := range strings.SplitSeq(list, ",") {
		if name = strings.TrimSpace(name); name != "" && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no corpus in %q (valid: %s, dir:PATH)", list, listing(namedCorpora))
	}
	var cs []corpus
	for _, name := range names {
		c, err := findCorpus(name)
		if err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	return cs, nil
}

// findCorpus returns the corpus called name.
func findCorpus(name string) (corpus, error) {
	switch name {
	case "std":
		src, err := gorootSrc()
		return corpus{name, src, []string{"std"}}, err
	case "cmd":
		src, err := gorootSrc()
		return corpus{name, filepath.Join(src, "cmd"), []string{"./..."}}, err
	case "deps":
		root, err := moduleRoot(name)
		return corpus{name, root, []string{"all"}}, err
	case "frameworks":
		dir, err := frameworksDir()
		return corpus{name, dir, []string{"./..."}}, err
	}
	if path, ok := strings.CutPrefix(name, dirPrefix); ok && path != "" {
		dir, err := moduleDir(path)
		return corpus{name, dir, []string{"./..."}}, err
	}
	return corpus{}, fmt.Errorf("unknown corpus %q (valid: %s, dir:PATH)", name, listing(namedCorpora))
}

func gorootSrc() (string, error) {
	goroot, err := goEnv("", "GOROOT")
	if err != nil {
		return "", err
	}
	return filepath.Join(goroot, "src"), nil
}

// moduleRoot returns the root directory of the module that contains the
// current directory.
func moduleRoot(corpus string) (string, error) {
	gomod, err := goEnv("", "GOMOD")
	if err != nil {
		return "", err
	}
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("corpus %s: the current directory is in no module", corpus)
	}
	return filepath.Dir(gomod), nil
}

// frameworksDir returns testdata/frameworks of the errcontract module,
// a module of its own whose dependencies are the frameworks.
func frameworksDir() (string, error) {
	root, err := moduleRoot("frameworks")
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, "testdata", "frameworks")
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		return "", fmt.Errorf("corpus frameworks: no testdata/frameworks/go.mod in %s (run from the errcontract module)", root)
	}
	return dir, nil
}

// moduleDir returns the absolute path of dir, which must be in a module.
func moduleDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("corpus %s%s: not a directory", dirPrefix, dir)
	}
	gomod, err := goEnv(abs, "GOMOD")
	if err != nil {
		return "", err
	}
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("corpus %s%s: in no module", dirPrefix, dir)
	}
	return abs, nil
}

// goEnv returns the value of the go command's variable name in dir (the
// current directory if empty).
func goEnv(dir, name string) (string, error) {
	cmd := exec.Command("go", "env", name)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// countPackages returns how many packages the patterns of c match, test
// variants not counted; an error means a corpus that does not load.
func countPackages(c corpus) (int, error) {
	cmd := exec.Command("go", append([]string{"list"}, c.patterns...)...)
	cmd.Dir = c.dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("listing %s: %v\n%s", c.name, err, stderr.String())
	}
	n := strings.Count(string(out), "\n")
	if n == 0 {
		return 0, fmt.Errorf("listing %s: no packages", c.name)
	}
	return n, nil
}

// listing spaces out a comma-separated list for a message.
func listing(all string) string { return strings.ReplaceAll(all, ",", ", ") }
