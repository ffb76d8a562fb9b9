package analyzer

import (
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"
)

// TestFrameworks runs the rules on handlers written with real framework
// modules: gin, echo, fiber v2 and v3, huma, connect, chi with render, and
// gorilla/mux, pinned by the module testdata/frameworks. analysistest loads them with the module proxy
// off, so the test first fetches them into the module cache (a no-op once
// they are there).
func TestFrameworks(t *testing.T) {
	t.Parallel()
	dir := frameworksModule(t)
	results := analysistest.Run(t, dir, Analyzer, "./gin", "./echo", "./fiber", "./chirender", "./chimux",
		"./perhandlergin", "./perhandlerecho", "./fwhelpers", "./fwhelperuse", "./fwcodes",
		"./fiberhandler", "./fiberhandlerleak", "./fiberhandlerlit", "./echohandler", "./echohandlerleak", "./echodebug", "./ginerrors", "./ginlogonly", "./chierr",
		"./fiberv3", "./huma", "./humareplaced", "./connect", "./fwmissingreturn")
	checkRelated(t, results, []related{
		// An error attached with c.Error, and the middleware that shows it.
		{"example.com/frameworks/ginerrors", "error text from err reaches the response body via c.Error and the middleware that renders the attached errors", 39, []int{28}},
		// A renderer the app installs is where the returned error is shown.
		{"example.com/frameworks/fiberhandlerleak", "error text from err reaches the response body via the app's ErrorHandler", 39, []int{21}},
		{"example.com/frameworks/fiberhandlerlit", "error text from err reaches the response body via the app's ErrorHandler", 26, []int{14}},
		{"example.com/frameworks/echohandlerleak", "error text from err reaches the response body via the app's HTTPErrorHandler", 35, []int{19}},
		{"example.com/frameworks/echodebug", "error text from err reaches the response body via (*echo.Echo).DefaultHTTPErrorHandler with Debug set", 24, []int{14}},
	})
}

// A related is a diagnostic and the lines of its related positions.
type related struct {
	pkg, message string
	line         int
	relatedLines []int
}

func checkRelated(t *testing.T, results []*analysistest.Result, want []related) {
	t.Helper()
	for _, tc := range want {
		d, fset := find(results, tc.pkg, tc.line, tc.message)
		if d == nil {
			t.Errorf("%s:%d: no diagnostic %q", tc.pkg, tc.line, tc.message)
			continue
		}
		var lines []int
		for _, r := range d.Related {
			lines = append(lines, fset.Position(r.Pos).Line)
		}
		if !slices.Equal(lines, tc.relatedLines) {
			t.Errorf("%s:%d: related at lines %v, want %v", tc.pkg, tc.line, lines, tc.relatedLines)
		}
	}
}

// TestFrameworkFixes applies the fixes of framework error constructors
// and compares them with their goldens, then applies each on its own and
// requires a gofmt-clean file in a package that type-checks.
func TestFrameworkFixes(t *testing.T) {
	t.Parallel()
	dir := frameworksModule(t)
	analysistest.RunWithSuggestedFixes(t, dir, Analyzer, "./fwfixes")

	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		Dir:  dir,
		Env:  append(os.Environ(), "GOWORK=off", "GOPROXY=off"),
	}
	pkgs, err := packages.Load(cfg, "./fwfixes", DefaultConstructors)
	if err != nil {
		t.Fatal(err)
	}
	requireNoErrors(t, pkgs)
	imports := make(map[string]*types.Package)
	for pkg := range packages.Postorder(pkgs) {
		imports[pkg.PkgPath] = pkg.Types
	}
	roots := slices.DeleteFunc(pkgs, func(p *packages.Package) bool { return p.PkgPath != "example.com/frameworks/fwfixes" })
	fixes := 0
	for _, act := range analyze(t, Analyzer, roots).Roots {
		for _, d := range act.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				checkFixCompiles(t, act.Package, imports, fix)
				fixes++
			}
		}
	}
	if fixes != 6 {
		t.Errorf("%d fixes checked, want fwfixes' 6", fixes)
	}
}

// frameworksModule returns the directory of the module testdata/frameworks
// with its modules in the module cache, or skips t under -short.
func frameworksModule(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("loads the framework modules")
	}
	dir := filepath.Join(testdata(t), "frameworks")
	download := exec.Command("go", "mod", "download")
	download.Dir = dir
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	return dir
}
