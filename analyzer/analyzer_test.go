package analyzer

import (
	"path/filepath"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

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

// only returns an analyzer that reports only the given rules, for a
// corpus written for them.
func only(enabled ...string) *analysis.Analyzer {
	var cfg Config
	for _, rule := range rules {
		if !slices.Contains(enabled, rule) {
			cfg.Disable = append(cfg.Disable, rule)
		}
	}
	return New(cfg)
}

func TestRawHTTPError(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata(t), only(ruleRawHTTPError), "rawerror")
}

// TestGeneratedFiles checks that nothing is reported in a generated file.
func TestGeneratedFiles(t *testing.T) {
	t.Parallel()
	defaultSuite.run(t, t, "generatedfile")
}

func TestUndocumentedStatus(t *testing.T) {
	t.Parallel()
	undocumentedSuite.run(t, t, "undocumented")
}

// TestUndocumentedStatusJSONAPI checks undocumented-status under the
// jsonapi contract, through jsonapiSuite (the contract set by -contract).
func TestUndocumentedStatusJSONAPI(t *testing.T) {
	t.Parallel()
	jsonapiSuite.run(t, t, "jsonapistatus")
}

func TestErrorLeak(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata(t), only(ruleErrorLeak), "leak")
}

func TestDirectives(t *testing.T) {
	t.Parallel()
	writeSuite.run(t, t, "directives")
}

// TestFacts checks that a team's directives are exported as facts and
// used in the packages that import it, including one that does not import
// net/http.
func TestFacts(t *testing.T) {
	t.Parallel()
	writeSuite.run(t, t, "teamerr", "usesteam", "constructorsonly")
}

// TestSummaries checks helpers summarized as facts, in the same package,
// across packages, through recursion, and from a package that serves no
// HTTP.
func TestSummaries(t *testing.T) {
	t.Parallel()
	writeSuite.run(t, t, "helpers", "helperlib", "example.com/textutil", "helperuse")
}

// TestStatusFlow checks statuses that reach a write through function
// results, in the package and from facts, map lookups, struct fields and
// another package's constants.
func TestStatusFlow(t *testing.T) {
	t.Parallel()
	undocumentedSuite.run(t, t, "statusflow", "example.com/statuscodes")
}

// TestBuilders checks error text kept in a response builder by chained
// calls, or in a response value, and written later.
func TestBuilders(t *testing.T) {
	t.Parallel()
	writeSuite.run(t, t, "builders", "example.com/respond")
}

// TestFalseClaims checks error text and statuses that a write cannot
// see: a (T, error) function's T, a value set in a branch that returns, an
// encoder's error said to echo input; and a cycle of variables whose text
// does not depend on which is asked about first.
func TestFalseClaims(t *testing.T) {
	t.Parallel()
	writeSuite.run(t, t, "falseclaims")
}

// TestPrecision checks sentinel errors of the module, which are safe, and
// parsers whose errors echo the client's input.
func TestPrecision(t *testing.T) {
	t.Parallel()
	plumbingSuite.run(t, t, "precision")
}

// precision's configuration is plumbingSuite's.
var _ = plumbingSuite.join("precision")

func TestMissingReturn(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata(t), only(ruleMissingReturn), "missingreturn", "missingreturnlib")
}

// TestPerHandler checks handlers against the statuses their swag
// annotations or errcontract:statuses directives document, through direct
// writes, constructors and helpers in the same and another package.
func TestPerHandler(t *testing.T) {
	t.Parallel()
	undocumentedSuite.run(t, t, "perhandler", "perhandlerlib")
}

func TestUnusedDocumentedStatus(t *testing.T) {
	t.Parallel()
	unusedSuite.run(t, t, "perhandlerunused")
}

// TestWriterCalls checks that a declared writer's calls keep the status
// and leak checks of a helper's, and that neither its calls nor its body
// are raw error responses.
func TestWriterCalls(t *testing.T) {
	t.Parallel()
	writeSuite.run(t, t, "writercalls")
}
