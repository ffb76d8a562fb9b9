package analyzer

import (
	"go/types"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBadConfigFailsRun checks that an analyzer made from an invalid
// Config, which New accepts without checking, fails each package's Run
// with the message Validate gives, and does not panic.
func TestBadConfigFailsRun(t *testing.T) {
	t.Parallel()
	// The package imports nothing, so that the error is its own and not
	// the checker's "failed prerequisites" of a dependency.
	pkgs := loadTestdata(t, "badinputconfig")
	requireNoErrors(t, pkgs)
	for _, tc := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"unknown preset", Config{Contract: "x"}, `unknown contract "x" (valid: contensis, contentful, jsonapi, management, problem)`},
		{"status out of range", Config{Statuses: []int{404, 42}}, "status 42 is out of range (valid: 100 to 599)"},
		{"unknown rule", Config{Disable: []string{"leaks"}}, `unknown rule "leaks" (valid: raw-http-error, undocumented-status, error-leak, missing-return, superfluous-write, unused-documented-status, openapi-route)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := analyzeSafely(New(tc.cfg), pkgs)
			if err == nil || !strings.HasSuffix(err.Error(), tc.want) {
				t.Errorf("analysis error = %v, want one ending %q", err, tc.want)
			}
		})
	}
}

// TestTypeErrors runs the analyzer on a package that does not type-check,
// with every rule on: the code that type-checks is reported, in the same
// functions as code that does not, and nothing is claimed about what an
// ill-typed expression does. The diagnostics are well-formed.
func TestTypeErrors(t *testing.T) {
	t.Parallel()
	// The diagnostics are checked against the package of the same load,
	// whose positions they carry.
	results := unusedSuite.run(t, diagnosticsOnly{t}, "badinputtypes")
	pkg := results[0].Action.Package
	if len(pkg.TypeErrors) == 0 {
		t.Fatal("badinputtypes type-checks: the test would prove nothing")
	}
	for _, d := range results[0].Diagnostics {
		checkDiagnostic(t, pkg, d)
	}
}

// TestNoBuildableFiles checks a package whose files build constraints all
// exclude: the loader's message says so, and the analyzer, which runs
// despite the error, neither fails nor reports.
func TestNoBuildableFiles(t *testing.T) {
	t.Parallel()
	pkgs := loadTestdata(t, "badinputnofiles")
	const msg = "build constraints exclude all Go files"
	if errs := pkgs[0].Errors; len(errs) != 1 || !strings.Contains(errs[0].Msg, msg) {
		t.Fatalf("load errors %v, want one saying %q", errs, msg)
	}
	if !Analyzer.RunDespiteErrors {
		t.Fatal("the analyzer does not run despite errors: the test would prove nothing")
	}
	if diags := diagnostics(analyze(t, Analyzer, pkgs)); len(diags) != 0 {
		t.Errorf("diagnostics in a package without files: %v", diags)
	}
}

// TestGenericsBuildTagsDirectives checks generic handlers, helper types
// with ResponseWriter type parameters and generic canonical declarations;
// a package with files that build constraints exclude; and the malformed
// directives that the directives package lacks.
func TestGenericsBuildTagsDirectives(t *testing.T) {
	t.Parallel()
	results := writeSuite.run(t, diagnosticsOnly{t}, "badinputgenerics", "badinputtags", "badinputdirectives")
	for _, r := range results {
		if r.Pass.Pkg.Path() != "badinputtags" {
			continue
		}
		var ignored []string
		for _, name := range r.Pass.IgnoredFiles {
			ignored = append(ignored, filepath.Base(name))
		}
		slices.Sort(ignored)
		if want := []string{"ignored.go", "never.go"}; !slices.Equal(ignored, want) {
			t.Errorf("badinputtags: ignored files %v, want %v", ignored, want)
		}
		for _, d := range r.Diagnostics {
			if file := filepath.Base(r.Pass.Fset.Position(d.Pos).Filename); file != "tags.go" {
				t.Errorf("badinputtags: diagnostic %q in excluded file %s", d.Message, file)
			}
		}
	}
}

// TestCgo checks a package with a file that imports "C": the analyzer
// runs on the files cgo generates and reports at the positions of the
// original.
func TestCgo(t *testing.T) {
	t.Parallel()
	requireCgo(t)
	results := cgoSuite.run(t, diagnosticsOnly{t}, "badinputcgo")
	files := 0
	for _, f := range results[0].Pass.Files {
		if filepath.Base(results[0].Pass.Fset.Position(f.Package).Filename) == "cgo.go" {
			files++
		}
	}
	if files != 1 {
		t.Errorf("%d analyzed files map to cgo.go, want 1: its expectations went unchecked", files)
	}
}

// TestBrokenDependencies checks handler packages that import a package
// that does not type-check, and one that cannot be found, as when a
// dependency's module cannot be downloaded. The checker skips such
// packages for an analyzer that does not run despite errors ("failed
// prerequisites"); this one reports their findings, uses the summaries of
// the dependency's well-typed helpers, and claims nothing through what
// does not type-check.
func TestBrokenDependencies(t *testing.T) {
	t.Parallel()
	results := defaultSuite.run(t, t, "brokendep", "usesbrokendep", "usesmissingdep")
	for _, r := range results {
		typeErrors := len(r.Pass.TypeErrors) > 0
		if want := r.Pass.Pkg.Path() != "usesbrokendep"; typeErrors != want {
			t.Errorf("%s: type errors %v, want %v: the test would prove nothing", r.Pass.Pkg.Path(), r.Pass.TypeErrors, want)
		}
	}
}

// TestCgoDependency checks a handler package that imports a package whose
// cgo preamble includes a header that does not exist: go list cannot
// preprocess it, so it is type-checked as written, where every use of C
// is undefined. The handlers' findings are reported.
func TestCgoDependency(t *testing.T) {
	t.Parallel()
	requireCgo(t)
	results := cgoSuite.run(t, t, "cgobroken", "usescgobroken")
	const want = "could not import C"
	if errs := result(t, results, "cgobroken").Pass.TypeErrors; !slices.ContainsFunc(errs, func(err types.Error) bool { return strings.Contains(err.Msg, want) }) {
		t.Errorf("cgobroken: type errors %v, want one saying %q: the test would prove nothing", errs, want)
	}
}

// requireCgo skips the test where cgo is disabled: files that import C
// would not be built at all.
func requireCgo(t *testing.T) {
	out, err := exec.Command("go", "env", "CGO_ENABLED").Output()
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is disabled: the file that imports C would not be built")
	}
}

// diagnosticsOnly is an analysistest.Testing that fails its test on every
// unmet expectation but not on facts the packages do not mention: these
// packages state what is reported on bad input, and which helpers get
// summaries is the business of the fact tests.
type diagnosticsOnly struct{ t *testing.T }

func (d diagnosticsOnly) Errorf(format string, args ...any) {
	d.t.Helper()
	if format == "%v: unexpected %s: %v" && len(args) == 3 && args[1] == "fact" {
		return
	}
	d.t.Errorf(format, args...)
}
