package main

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// runChild measures one variant on one corpus and writes the measurement
// to out as JSON.
func runChild(variant, corpusName string, out io.Writer) error {
	a, err := newVariant(variant)
	if err != nil {
		return err
	}
	c, err := findCorpus(corpusName)
	if err != nil {
		return err
	}
	m, err := measure(a, c)
	if err != nil {
		return err
	}
	m.Corpus, m.Variant = corpusName, variant
	return json.NewEncoder(out).Encode(m)
}

// measure loads c and runs a on it, as errcontract ./... would, and
// returns the wall time, the process's CPU time and its peak RSS.
func measure(a *analysis.Analyzer, c corpus) (measurement, error) {
	start := time.Now()
	pkgs, err := load(c)
	if err != nil {
		return measurement{}, err
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		return measurement{}, err
	}
	diags, err := rootDiagnostics(graph)
	if err != nil {
		return measurement{}, fmt.Errorf("%s on %s: %v", a.Name, c.name, err)
	}
	wall := time.Since(start)
	cpu, rss, err := resourceUsage()
	if err != nil {
		return measurement{}, err
	}
	return measurement{Packages: len(pkgs), Diagnostics: diags, Wall: wall, CPU: cpu, PeakRSS: rss}, nil
}

// load loads the packages of c as the singlechecker does for an analyzer
// with facts: every package from source, tests included. Every variant
// loads the same way, so that the floor is the same work for all.
func load(c corpus) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Dir:   c.dir,
		Tests: true,
	}
	pkgs, err := packages.Load(cfg, c.patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %v", c.name, err)
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("loading %s: %v matched no packages in %s", c.name, c.patterns, c.dir)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		return nil, fmt.Errorf("loading %s: %d errors, listed above; the benchmark measures only packages that load and type-check", c.name, n)
	}
	return pkgs, nil
}

// rootDiagnostics returns how many diagnostics the analysis reported on
// the root packages, or the first error of any of its actions.
func rootDiagnostics(graph *checker.Graph) (int, error) {
	for act := range graph.All() {
		if act.Err != nil {
			return 0, fmt.Errorf("%s: %v", act, act.Err)
		}
	}
	n := 0
	for _, act := range graph.Roots {
		n += len(act.Diagnostics)
	}
	return n, nil
}
