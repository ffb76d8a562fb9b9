package analyzer

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFlagsBindToTheirAnalyzer checks that each analyzer owns its flags:
// setting -contract on one changes what it reports and not the other's.
func TestFlagsBindToTheirAnalyzer(t *testing.T) {
	t.Parallel()
	// jsonapiSuite's analyzer is a New(DefaultConfig()) given
	// -contract=jsonapi; the default analyzer is defaultSuite's, another
	// New(DefaultConfig()).
	jsonapiSuite.run(t, t, "jsonapistatus")
	// The package's expectations are jsonapi's, so the default analyzer
	// fails them: record those failures instead of failing the test.
	results := defaultSuite.run(t, new(discardErrors), "jsonapistatus")
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

// TestFileFacts checks that the writers, constructors and public types of
// a package's errcontract.yaml are the directives' facts, used across
// packages, and that their statuses and codes are checked.
func TestFileFacts(t *testing.T) {
	t.Parallel()
	defaultSuite.run(t, t, "configlib", "configuse")
}

// TestTests checks that findings in _test.go files are reported only when
// errcontract.yaml says tests: true.
func TestTests(t *testing.T) {
	t.Parallel()
	undocumentedSuite.run(t, t, "configdefaulttests", "configtests")
}

func TestExclude(t *testing.T) {
	t.Parallel()
	undocumentedSuite.run(t, t, "configexclude", "configexclude/legacy")
}

// TestFileContract checks a team's own contract from errcontract.yaml:
// its statuses and codes, and the rules it disables.
func TestFileContract(t *testing.T) {
	t.Parallel()
	defaultSuite.run(t, t, "configcontract")
}

// TestBadFile checks that an invalid errcontract.yaml is reported at its
// positions, once per problem however many packages share the file, and
// that the packages report nothing else.
func TestBadFile(t *testing.T) {
	t.Parallel()
	pkgs := loadTestdata(t, "configbad", "configbad/sub")
	graph := analyze(t, New(DefaultConfig()), pkgs)
	want := []string{
		`errcontract.yaml:1:11: [config] unknown contract "graphql" (valid: contensis, contentful, jsonapi, management, problem, or a mapping of statuses, codes and format)`,
		`errcontract.yaml:2:1: [config] unknown key "writer" (valid: contract, writers, constructors, public, disable, enable, tests, exclude, openapi, openapi-base-path)`,
		`errcontract.yaml:3:8: [config] tests must be true or false, not "maybe"`,
	}
	got := diagnostics(graph)
	both := slices.Concat(want, want) // one set per package
	slices.Sort(both)
	if !slices.Equal(got, both) {
		t.Errorf("diagnostics:\n%s\nwant, for each package:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var out strings.Builder
	if err := graph.PrintText(&out, -1); err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		_, msg, _ := strings.Cut(w, "] ")
		if n := strings.Count(out.String(), msg); n != 1 {
			t.Errorf("the driver prints %q %d times, want once:\n%s", msg, n, out.String())
		}
	}
}

// TestFileNames checks the entries that name something their package does
// not declare, or declares as something else.
func TestFileNames(t *testing.T) {
	t.Parallel()
	pkgs := loadTestdata(t, "confignames")
	got := diagnostics(analyze(t, New(DefaultConfig()), pkgs))
	want := []string{
		"errcontract.yaml:2:5: [config] writer confignames.Missing does not exist in package confignames",
		"errcontract.yaml:3:5: [config] writer confignames.Limit is not a function (valid: pkgpath.Func or pkgpath.Type.Method)",
		"errcontract.yaml:4:5: [config] writer confignames.Wrapper.Write is promoted from package strings (valid: the method where it is declared)",
		"errcontract.yaml:5:5: [config] writer confignames.Wrapper.Other does not exist in package confignames",
		"errcontract.yaml:8:12: [config] constructor confignames.Build returns nothing; a constructor returns the error it builds",
		"errcontract.yaml:9:10: [config] public type confignames.Write is not a type of package confignames",
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFileEntriesOfAnotherModule checks that the entries of a module's
// errcontract.yaml apply to the objects they name in another module,
// whose packages do not find the file: at the calls of its writer and
// constructors, to its public type, and in fixes.
func TestFileEntriesOfAnotherModule(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(testdata(t), "crossmodule", "main")
	analysistest.RunWithSuggestedFixes(t, dir, New(DefaultConfig()), "./web")
}
