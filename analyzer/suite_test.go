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
//
// A suite's packages are those of testdata/src, or, if dir is set, the
// patterns ("./name") of the module that dir returns.
type suite struct {
	analyzer func() *analysis.Analyzer
	pkgs     []string
	dir      func(*testing.T) string

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
	// openapiSuite runs undocumented-status and openapi-route, the rules
	// that check handlers against an OpenAPI spec.
	openapiSuite = &suite{
		analyzer: func() *analysis.Analyzer { return only(ruleUndocumentedStatus, ruleOpenAPIRoute) },
		pkgs:     []string{"openapimux", "example.com/openapiapp/handlers", "example.com/openapiapp", "openapibadspec"},
	}
	// frameworksOpenAPISuite is openapiSuite on the framework module.
	frameworksOpenAPISuite = &suite{
		analyzer: func() *analysis.Analyzer { return only(ruleUndocumentedStatus, ruleOpenAPIRoute) },
		pkgs:     []string{"./openapichi", "./openapigorilla", "./openapigin", "./openapiecho", "./openapifiber", "./openapihuma"},
		dir:      frameworksModule,
	}
	// jsonapiSuite runs undocumented-status under the jsonapi contract,
	// set through the analyzer's flags as a driver sets it.
	jsonapiSuite = &suite{
		analyzer: func() *analysis.Analyzer {
			a := New(DefaultConfig())
			if err := a.Flags.Parse([]string{"-contract=jsonapi", "-disable=raw-http-error,error-leak,superfluous-write"}); err != nil {
				panic(err)
			}
			return a
		},
		pkgs: []string{"jsonapistatus"},
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
	var dir string
	if s.dir != nil {
		dir = s.dir(t)
	} else {
		dir = testdata(t)
	}
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
		path := r.Action.Package.PkgPath
		for _, pkg := range pkgs {
			if names(pkg, path) {
				results = append(results, r)
				found[pkg] = true
			}
		}
	}
	for _, pkg := range pkgs {
		if !found[pkg] {
			t.Errorf("no result for package %s", pkg)
		}
	}
	return results
}

// names reports whether the package pattern pkg of a suite names the
// package path: pkg itself, or, for "./name" in a module, the module's
// package whose path ends in "/name".
func names(pkg, path string) bool {
	if rel, ok := strings.CutPrefix(pkg, "./"); ok {
		return strings.HasSuffix(path, "/"+rel)
	}
	return path == pkg
}

// owner returns the package of the suite whose directory msg names
// (analysistest names files relative to testdata/src, or in full, and
// those of a module in full), the longest if several do
// ("configexclude/legacy" over "configexclude"), or "" if none does.
func (s *suite) owner(msg string) string {
	msg = filepath.ToSlash(msg)
	owner := ""
	for _, pkg := range s.pkgs {
		var names bool
		if rel, ok := strings.CutPrefix(pkg, "./"); ok {
			names = strings.Contains(msg, "/"+rel+"/")
		} else {
			names = strings.HasPrefix(msg, pkg+"/") || strings.Contains(msg, "/src/"+pkg+"/")
		}
		if names && len(pkg) > len(owner) {
			owner = pkg
		}
	}
	return owner
}

// suiteFindings checks pkgs through s without their // want comments and
// returns each diagnostic as "file:line:col: category: message", sorted,
// the file by its base name, as findings does. A package the analyzer
// failed on fails the test.
func suiteFindings(t *testing.T, s *suite, pkgs ...string) []string {
	t.Helper()
	var got []string
	for _, res := range s.run(t, new(discardErrors), pkgs...) {
		if res.Err != nil {
			t.Fatalf("%s: %v", res.Action.Package, res.Err)
		}
		for _, d := range res.Diagnostics {
			posn := res.Action.Package.Fset.Position(d.Pos)
			got = append(got, fmt.Sprintf("%s:%d:%d: %s: %s", filepath.Base(posn.Filename), posn.Line, posn.Column, d.Category, d.Message))
		}
	}
	slices.Sort(got)
	return got
}

// category returns the findings of got in rule.
func category(got []string, rule string) []string {
	var in []string
	for _, f := range got {
		if strings.Contains(f, ": "+rule+": ") {
			in = append(in, f)
		}
	}
	return in
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
	for msg, want := range map[string]string{
		"/x/testdata/frameworks/openapichi/chi.go:3:1: unexpected diagnostic":   "./openapichi",
		"/x/testdata/frameworks/openapihuma/h.go:3: no diagnostic was reported": "./openapihuma",
		"/x/testdata/frameworks/gin/gin.go:3: no diagnostic was reported":       "",
	} {
		if got := frameworksOpenAPISuite.owner(msg); got != want {
			t.Errorf("owner(%q) = %q, want %q", msg, got, want)
		}
	}
	for pkg, paths := range map[string][2]string{
		"./openapichi":    {"example.com/frameworks/openapichi", "example.com/frameworks/xopenapichi"},
		"example.com/a/b": {"example.com/a/b", "example.com/a/b/c"},
	} {
		if !names(pkg, paths[0]) || names(pkg, paths[1]) {
			t.Errorf("names(%q, _): want %s and not %s", pkg, paths[0], paths[1])
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
