package analyzer

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// testdata returns the directory of the analysistest packages.
func testdata(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRawHTTPError(t *testing.T) {
	analysistest.Run(t, testdata(t), New(Config{Disable: []string{ruleUndocumentedStatus, ruleErrorLeak}}), "rawerror")
}

func TestUndocumentedStatus(t *testing.T) {
	analysistest.Run(t, testdata(t), New(Config{Disable: []string{ruleRawHTTPError, ruleErrorLeak}}), "undocumented")
}

func TestUndocumentedStatusJSONAPI(t *testing.T) {
	cfg := Config{Contract: "jsonapi", Disable: []string{ruleRawHTTPError, ruleErrorLeak}}
	analysistest.Run(t, testdata(t), New(cfg), "jsonapistatus")
}

func TestErrorLeak(t *testing.T) {
	analysistest.Run(t, testdata(t), New(Config{Disable: []string{ruleRawHTTPError, ruleUndocumentedStatus}}), "leak")
}

func TestDirectives(t *testing.T) {
	analysistest.Run(t, testdata(t), Analyzer, "directives")
}

// TestFacts checks that a team's directives are exported as facts and
// used in the packages that import it, including one that does not import
// net/http.
func TestFacts(t *testing.T) {
	analysistest.Run(t, testdata(t), Analyzer, "teamerr", "usesteam", "constructorsonly")
}

// TestSummaries checks helpers summarized as facts, in the same package,
// across packages, through recursion, and from a package that serves no
// HTTP.
func TestSummaries(t *testing.T) {
	analysistest.Run(t, testdata(t), Analyzer, "helpers", "helperlib", "example.com/textutil", "helperuse")
}

// TestPrecision checks sentinel errors of the module, which are safe, and
// parsers whose errors echo the client's input.
func TestPrecision(t *testing.T) {
	analysistest.Run(t, testdata(t), New(Config{Disable: []string{ruleRawHTTPError}}), "precision")
}
