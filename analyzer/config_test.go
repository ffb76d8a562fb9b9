package analyzer

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFlagsBindToTheirAnalyzer checks that each analyzer owns its flags:
// setting -contract on one changes what it reports and not the other's.
func TestFlagsBindToTheirAnalyzer(t *testing.T) {
	jsonapi, defaults := New(DefaultConfig()), New(DefaultConfig())
	if err := jsonapi.Flags.Parse([]string{"-contract=jsonapi", "-disable=raw-http-error,error-leak"}); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), jsonapi, "jsonapistatus")
	// The package's expectations are jsonapi's, so the default analyzer
	// fails them: record those failures instead of failing the test.
	results := analysistest.Run(new(discardErrors), testdata(t), defaults, "jsonapistatus")
	for _, d := range results[0].Diagnostics {
		if strings.Contains(d.Message, "jsonapi") {
			t.Errorf("default analyzer reported %q", d.Message)
		}
	}
	if len(results[0].Diagnostics) == 0 {
		t.Error("default analyzer reported nothing: 415 is undocumented under contentful")
	}
}

// discardErrors is an analysistest.Testing that ignores failures.
type discardErrors struct{}

func (discardErrors) Errorf(string, ...any) {}
