package analyzer

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	driver "golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestConcurrentAnalyze runs the same analyzers on several sets of
// packages at once, sharing the loaded packages and their dependencies,
// as drivers do (gopls analyzes many packages at a time, and the checker
// runs one analyzer on a package's dependencies in parallel), and requires
// the diagnostics of a sequential run. Under go test -race it also checks
// that an analyzer keeps no unsynchronized state across packages.
func TestConcurrentAnalyze(t *testing.T) {
	t.Parallel()
	sets := [][]string{
		{"rawerror"},
		{"leak"},
		{"undocumented", "jsonapistatus"},
		{"teamerr", "usesteam", "constructorsonly"},
		{"directives"},
	}
	pkgs := loadTestdata(t, slices.Concat(sets...)...)
	requireNoErrors(t, pkgs)
	byPath := make(map[string]*packages.Package)
	for _, pkg := range pkgs {
		byPath[pkg.PkgPath] = pkg
	}
	pick := func(paths []string) []*packages.Package {
		var set []*packages.Package
		for _, path := range paths {
			set = append(set, byPath[path])
		}
		return set
	}
	// Two analyzers with different contracts, so that state shared
	// between instances would show as well as state shared between
	// packages. Every set imports net/http, so each analyzer also runs on
	// the same dependencies in several goroutines at once.
	analyzers := []*analysis.Analyzer{Analyzer, New(Config{Contract: "jsonapi"})}

	type job struct {
		a   *analysis.Analyzer
		set []string
	}
	var jobs []job
	for _, a := range analyzers {
		for _, set := range sets {
			jobs = append(jobs, job{a, set})
		}
	}
	want := make([][]string, len(jobs))
	for i, j := range jobs {
		want[i] = diagnostics(analyze(t, j.a, pick(j.set)))
		if len(want[i]) == 0 {
			t.Fatalf("%s on %v: no diagnostics; the comparison would prove nothing", j.a.Name, j.set)
		}
	}

	got := make([][]string, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() { got[i], errs[i] = analyzeSafely(j.a, pick(j.set)) })
	}
	wg.Wait()
	for i, j := range jobs {
		if errs[i] != nil {
			t.Errorf("%s on %v: %v", j.a.Name, j.set, errs[i])
			continue
		}
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("%s on %v: concurrent run reported\n%s\nsequential run reported\n%s",
				j.a.Name, j.set, strings.Join(got[i], "\n"), strings.Join(want[i], "\n"))
		}
	}
}

// analyzeSafely is analyze for goroutines other than the test's: it
// returns the diagnostics or the first error instead of failing the test.
func analyzeSafely(a *analysis.Analyzer, pkgs []*packages.Package) ([]string, error) {
	graph, err := driver.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		return nil, err
	}
	for act := range graph.All() {
		if act.Err != nil {
			return nil, fmt.Errorf("%s: %v", act, act.Err)
		}
	}
	return diagnostics(graph), nil
}
