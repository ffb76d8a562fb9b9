package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/errcontract/errcontract/analyzer"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// The corpora and variants, in the order they are measured and printed.
// The facts variant is measured only on request.
const (
	allCorpora      = "std,cmd,deps"
	allVariants     = "floor,errcontract,ssa,facts"
	defaultVariants = "floor,errcontract,ssa"
)

// A corpus is a set of packages to measure: patterns loaded in dir.
type corpus struct {
	name     string
	dir      string
	patterns []string
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
		root, err := moduleRoot()
		return corpus{name, root, []string{"all"}}, err
	}
	return corpus{}, fmt.Errorf("unknown corpus %q (valid: %s)", name, listing(allCorpora))
}

func gorootSrc() (string, error) {
	goroot, err := goEnv("GOROOT")
	if err != nil {
		return "", err
	}
	return filepath.Join(goroot, "src"), nil
}

// moduleRoot returns the root directory of the module that contains the
// current directory.
func moduleRoot() (string, error) {
	gomod, err := goEnv("GOMOD")
	if err != nil {
		return "", err
	}
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("corpus deps: the current directory is in no module (run from the module whose dependencies to measure)")
	}
	return filepath.Dir(gomod), nil
}

func goEnv(name string) (string, error) {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// newVariant returns the analyzer that the variant called name runs.
func newVariant(name string) (*analysis.Analyzer, error) {
	switch name {
	case "floor":
		return &analysis.Analyzer{
			Name:     "floor",
			Doc:      "floor does nothing: what remains is loading, type-checking and building the inspector",
			Requires: []*analysis.Analyzer{inspect.Analyzer},
			Run:      nothing,
		}, nil
	case "errcontract":
		return analyzer.Analyzer, nil
	case "ssa":
		return &analysis.Analyzer{
			Name:     "ssa",
			Doc:      "ssa does nothing but build SSA for every function of the package",
			Requires: []*analysis.Analyzer{buildssa.Analyzer},
			Run:      nothing,
		}, nil
	case "facts":
		return &analysis.Analyzer{
			Name:      "facts",
			Doc:       "facts does nothing but declare a fact type, so that the driver runs it on every dependency of the packages too, as it runs errcontract",
			Requires:  []*analysis.Analyzer{inspect.Analyzer},
			Run:       nothing,
			FactTypes: []analysis.Fact{new(noFact)},
		}, nil
	}
	return nil, fmt.Errorf("unknown variant %q (valid: %s)", name, listing(allVariants))
}

func nothing(*analysis.Pass) (any, error) { return nil, nil }

// noFact is the fact type of the facts variant, which exports none.
type noFact struct{}

func (*noFact) AFact() {}

// parseList splits a comma-separated list of names and checks each one
// against the valid names in all.
func parseList(list, all, what string) ([]string, error) {
	valid := strings.Split(all, ",")
	var names []string
	for name := range strings.SplitSeq(list, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if !slices.Contains(valid, name) {
			return nil, fmt.Errorf("unknown %s %q (valid: %s)", what, name, listing(all))
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no %s in %q (valid: %s)", what, list, listing(all))
	}
	return names, nil
}

// listing spaces out a comma-separated list for a message.
func listing(all string) string { return strings.ReplaceAll(all, ",", ", ") }
