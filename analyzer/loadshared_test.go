package analyzer

import (
	"slices"
	"sync"
	"testing"

	"golang.org/x/tools/go/packages"
)

// sharedTestdata are the testdata packages that tests load themselves,
// with testdataConfig, to drive the checker. Loading them with one
// packages.Load parses and type-checks net/http's dependency closure once
// instead of once per test; the tests only read the packages, and the
// checker analyses shared packages concurrently (TestConcurrentAnalyze).
// The standard library packages are TestWellTypedAcceptsWellTypedCode's:
// loaded from GOROOT, in GOPATH mode as in module mode.
var sharedTestdata = slices.Concat(
	[]string{"badinputconfig", "badinputnofiles", "configbad", "configbad/sub", "confignames"},
	[]string{"rawerror", "leak", "undocumented", "jsonapistatus", "teamerr", "usesteam", "constructorsonly", "directives"},
	wellTypedStd,
)

var shared struct {
	once  sync.Once
	pkgs  map[string]*packages.Package
	fatal string // why the load failed
}

// loadTestdata returns the packages patterns of testdata/src, as load with
// testdataConfig does, from the one load of sharedTestdata. Patterns that
// are not shared are loaded on their own.
func loadTestdata(tb testing.TB, patterns ...string) []*packages.Package {
	tb.Helper()
	for _, p := range patterns {
		if !slices.Contains(sharedTestdata, p) {
			return load(tb, testdataConfig(tb), patterns...)
		}
	}
	cfg := testdataConfig(tb)
	shared.once.Do(func() {
		pkgs, err := packages.Load(cfg, sharedTestdata...)
		if err != nil {
			shared.fatal = err.Error()
			return
		}
		shared.pkgs = make(map[string]*packages.Package)
		for _, pkg := range pkgs {
			shared.pkgs[pkg.PkgPath] = pkg
		}
	})
	if shared.fatal != "" {
		tb.Fatalf("loading %v: %s", sharedTestdata, shared.fatal)
	}
	var pkgs []*packages.Package
	for _, p := range patterns {
		pkg := shared.pkgs[p]
		if pkg == nil {
			tb.Fatalf("loading %v: no package %s", sharedTestdata, p)
		}
		pkgs = append(pkgs, pkg)
	}
	return pkgs
}
