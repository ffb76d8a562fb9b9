package analyzer

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// A suite is one analysistest.Run over the packages of several tests that
// check them with the same configuration. Each analysistest.Run loads
// net/http's dependency closure from source and, the analyzer having
// facts, analyses all of it: that costs seconds, where checking the
// testdata packages themselves costs milliseconds. A suite pays it once.
// A package's results do not depend on which other packages are roots:
// facts flow along imports only, and each package's expectations are
// checked wherever it is a root.
type suite struct {
	analyzer func() *analysis.Analyzer
	pkgs     []string

	once    sync.Once
	reports []report
	results []*analysistest.Result
}

// A report is one failure analysistest reported, kept unformatted so that
// each test can pass it to its own analysistest.Testing.
type report struct {
	format string
	args   []any
}

type recorder struct {
	mu      sync.Mutex
	reports []report
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reports = append(r.reports, report{format, args})
}

// The suites, each named after the configuration its tests share.
var (
	// undocumentedSuite runs undocumented-status alone.
	undocumentedSuite = &suite{
		analyzer: func() *analysis.Analyzer { return only(ruleUndocumentedStatus) },
		pkgs: []string{"undocumented", "perhandler", "perhandlerlib", "configdefaulttests", "configtests",
			"configexclude", "configexclude/legacy", "teamerr", "statusflow", "example.com/statuscodes",
			"codes", "codesmanagement", "codesteam", "codesnoformat", "codescontensis"},
	}
	// writeSuite runs the rules about what a handler writes.
	writeSuite = &suite{
		analyzer: func() *analysis.Analyzer {
			return only(ruleRawHTTPError, ruleUndocumentedStatus, ruleErrorLeak)
		},
		pkgs: []string{"directives", "teamerr", "usesteam", "constructorsonly",
			"helpers", "helperlib", "example.com/textutil", "helperuse",
			"badinputgenerics", "badinputtags", "badinputdirectives", "falseclaims",
			"builders", "example.com/respond", "funcvalues", "responders", "writercalls"},
	}
	// defaultSuite runs the default configuration.
	defaultSuite = &suite{
		analyzer: func() *analysis.Analyzer { return New(DefaultConfig()) },
		pkgs: []string{"configlib", "configuse", "configcontract", "leak", "undocumented", "rawerror",
			"generatedfile", "brokendep", "usesbrokendep", "usesmissingdep", "jsonapistatus"},
	}
	// unusedSuite runs every rule, unused-documented-status too.
	unusedSuite = &suite{
		analyzer: func() *analysis.Analyzer { return New(Config{Enable: []string{ruleUnusedDocumentedStatus}}) },
		pkgs:     []string{"perhandlerunused", "badinputtypes"},
	}
	// cgoSuite runs the default configuration on packages that import
	// "C"; its tests run only where cgo is enabled, and the other suites
	// stay loadable where it is not.
	cgoSuite = &suite{
		analyzer: func() *analysis.Analyzer { return New(DefaultConfig()) },
		pkgs:     []string{"badinputcgo", "cgobroken", "usescgobroken"},
	}
)

// join adds pkgs to the suite and returns true. A test file joins a suite
// in a package-level declaration, which runs before any test does:
//
//	var _ = writeSuite.join("mypackage", "example.com/mylib")
func (s *suite) join(pkgs ...string) bool {
	s.pkgs = append(s.pkgs, pkgs...)
	return true
}

// run checks pkgs, which must be packages of the suite, through t: it
// reports to t the failures analysistest reported about files of pkgs, and
// every failure it cannot place in a package, and returns the results of
// pkgs.
func (s *suite) run(t *testing.T, tt analysistest.Testing, pkgs ...string) []*analysistest.Result {
	t.Helper()
	for _, pkg := range pkgs {
		if !slices.Contains(s.pkgs, pkg) {
			t.Fatalf("package %s is not in the suite %v", pkg, s.pkgs)
		}
	}
	dir := testdata(t)
	s.once.Do(func() {
		rec := new(recorder)
		s.results = analysistest.Run(rec, dir, s.analyzer(), s.pkgs...)
		s.reports = rec.reports
	})
	for _, r := range s.reports {
		if owner := s.owner(fmt.Sprintf(r.format, r.args...)); owner == "" || slices.Contains(pkgs, owner) {
			tt.Errorf(r.format, r.args...)
		}
	}
	// A package with test files has a result for its test variant too.
	var results []*analysistest.Result
	found := make(map[string]bool)
	for _, r := range s.results {
		if path := r.Pass.Pkg.Path(); slices.Contains(pkgs, path) {
			results = append(results, r)
			found[path] = true
		}
	}
	for _, pkg := range pkgs {
		if !found[pkg] {
			t.Errorf("no result for package %s", pkg)
		}
	}
	return results
}

// owner returns the package of the suite whose directory msg names
// (analysistest names files relative to testdata/src, or in full), the
// longest if several do ("configexclude/legacy" over "configexclude"), or
// "" if none does.
func (s *suite) owner(msg string) string {
	msg = filepath.ToSlash(msg)
	owner := ""
	for _, pkg := range s.pkgs {
		names := strings.HasPrefix(msg, pkg+"/") || strings.Contains(msg, "/src/"+pkg+"/")
		if names && len(pkg) > len(owner) {
			owner = pkg
		}
	}
	return owner
}

// TestSuiteOwner checks that a failure reaches the tests of its package
// and no other, and that one the suite cannot place reaches every test.
func TestSuiteOwner(t *testing.T) {
	t.Parallel()
	for msg, want := range map[string]string{
		"/x/testdata/src/configexclude/legacy/legacy.go:3:1: unexpected diagnostic": "configexclude/legacy",
		"/x/testdata/src/configexclude/a.go:3: no diagnostic was reported":          "configexclude",
		"/x/testdata/src/undocumented/a.go:3: no diagnostic was reported":           "undocumented",
		"teamerr/teamerr.go:65: no diagnostic was reported matching":                "teamerr",
		"configexclude/legacy/legacy.go:3:1: unexpected fact":                       "configexclude/legacy",
		"undocumented.go:3: in another directory of perhandler/x.go":                "",
		"loading [undocumented]: exit status 1":                                     "",
	} {
		if got := undocumentedSuite.owner(msg); got != want {
			t.Errorf("owner(%q) = %q, want %q", msg, got, want)
		}
	}
}

// result returns the result of package path among results, failing the
// test if there is none.
func result(t *testing.T, results []*analysistest.Result, path string) *analysistest.Result {
	t.Helper()
	for _, r := range results {
		if r.Pass.Pkg.Path() == path {
			return r
		}
	}
	t.Fatalf("no result for package %s", path)
	return nil
}
