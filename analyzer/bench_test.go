package analyzer

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	driver "golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// This file holds the benchmark and the loading and running helpers that
// the benchmark, race, bad-input and fuzz tests share: they drive the
// analyzer with go/packages and go/analysis/checker, as the command does.
// The checker package is imported as driver, since checker is the name of
// the analyzer's own type.

// demoAPI is the demo service's API package: handlers with every kind of
// finding.
const demoAPI = "github.com/errcontract/errcontract/testdata/demo/api"

// BenchmarkAnalyzer runs the analyzer on the demo service's API package,
// loaded once, with the driver's own work: the inspector and the analysis
// of every dependency, whose facts the API package imports.
func BenchmarkAnalyzer(b *testing.B) {
	pkgs := load(b, moduleConfig(), demoAPI)
	requireNoErrors(b, pkgs)
	if diags := diagnostics(analyze(b, Analyzer, pkgs)); len(diags) == 0 {
		b.Fatal("no diagnostics on the demo: the benchmark would measure a skipped package")
	}
	b.ReportAllocs()
	for b.Loop() {
		analyze(b, Analyzer, pkgs)
	}
}

// moduleConfig loads packages of this module from source, dependencies
// included, as errcontract does for an analyzer with facts.
func moduleConfig() *packages.Config {
	return &packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		Dir:  "..",
		Env:  append(os.Environ(), "GOWORK=off"),
	}
}

// testdataConfig loads the analysistest packages in ../testdata/src in
// GOPATH mode, as analysistest does.
func testdataConfig(tb testing.TB) *packages.Config {
	tb.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		tb.Fatal(err)
	}
	return &packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off"),
	}
}

// load loads patterns with cfg. Packages with errors are returned: the
// bad-input tests need them.
func load(tb testing.TB, cfg *packages.Config, patterns ...string) []*packages.Package {
	tb.Helper()
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		tb.Fatalf("loading %v: %v", patterns, err)
	}
	if len(pkgs) != len(patterns) {
		tb.Fatalf("loading %v: got %d packages", patterns, len(pkgs))
	}
	return pkgs
}

// requireNoErrors fails tb if any of pkgs, or of their dependencies, has
// an error.
func requireNoErrors(tb testing.TB, pkgs []*packages.Package) {
	tb.Helper()
	for pkg := range packages.Postorder(pkgs) {
		for _, err := range pkg.Errors {
			tb.Errorf("%s: %v", pkg.PkgPath, err)
		}
	}
	if tb.Failed() {
		tb.FailNow()
	}
}

// analyze runs a on pkgs and fails tb if any action failed.
func analyze(tb testing.TB, a *analysis.Analyzer, pkgs []*packages.Package) *driver.Graph {
	tb.Helper()
	graph, err := driver.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		tb.Fatal(err)
	}
	for act := range graph.All() {
		if act.Err != nil {
			tb.Fatalf("%s: %v", act, act.Err)
		}
	}
	return graph
}

// diagnostics returns the diagnostics of the graph's roots as sorted
// lines: position, category, message, related positions.
func diagnostics(graph *driver.Graph) []string {
	var lines []string
	for _, act := range graph.Roots {
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			line := fmt.Sprintf("%s: [%s] %s", position(fset, d.Pos), d.Category, d.Message)
			for _, rel := range d.Related {
				line += fmt.Sprintf(" (%s: %s)", position(fset, rel.Pos), rel.Message)
			}
			lines = append(lines, line)
		}
	}
	slices.Sort(lines)
	return lines
}

// position formats pos as file:line:column, with the file's base name.
func position(fset *token.FileSet, pos token.Pos) string {
	p := fset.PositionFor(pos, true)
	return fmt.Sprintf("%s:%d:%d", filepath.Base(p.Filename), p.Line, p.Column)
}
