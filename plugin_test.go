package errcontract

import (
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/errcontract/errcontract/analyzer"
)

// decode runs New on settings and returns the configuration it kept.
func decode(t *testing.T, settings any) analyzer.Config {
	t.Helper()
	p, err := New(settings)
	if err != nil {
		t.Fatalf("New(%#v): %v", settings, err)
	}
	return p.(*plugin).cfg
}

func TestDefaults(t *testing.T) {
	for _, settings := range []any{nil, map[string]any{}} {
		if got, want := decode(t, settings), analyzer.DefaultConfig(); !reflect.DeepEqual(got, want) {
			t.Errorf("New(%#v) kept %+v, want the defaults %+v", settings, got, want)
		}
	}
}

func TestSettings(t *testing.T) {
	// The shapes golangci-lint passes: YAML decoded into maps and []any.
	settings := map[string]any{
		"contract":     "jsonapi",
		"statuses":     []any{200, 400, 404, 500},
		"disable":      []any{"raw-http-error"},
		"constructors": "example.com/shop/errs",
	}
	want := analyzer.Config{
		Contract:     "jsonapi",
		Statuses:     []int{200, 400, 404, 500},
		Disable:      []string{"raw-http-error"},
		Constructors: "example.com/shop/errs",
	}
	if got := decode(t, settings); !reflect.DeepEqual(got, want) {
		t.Errorf("New kept %+v, want %+v", got, want)
	}

	// Unset keys keep their defaults.
	got := decode(t, map[string]any{"disable": []any{"error-leak"}})
	if got.Contract != analyzer.DefaultConfig().Contract || got.Constructors != analyzer.DefaultConstructors {
		t.Errorf("New kept %+v, want the default contract and constructors", got)
	}
}

func TestRejectedSettings(t *testing.T) {
	for _, test := range []struct {
		name     string
		settings any
		want     []string // substrings of the error
	}{
		{
			name:     "unknown key",
			settings: map[string]any{"contracts": "jsonapi"},
			want:     []string{`unknown field "contracts"`, "valid settings: contract, statuses, disable, enable, constructors, tests, config"},
		},
		{
			name:     "unknown contract",
			settings: map[string]any{"contract": "soap"},
			want:     []string{`unknown contract "soap"`, "(valid: contensis, contentful, jsonapi, management, problem)"},
		},
		{
			name:     "status out of range",
			settings: map[string]any{"statuses": []any{404, 700}},
			want:     []string{"status 700 is out of range (valid: 100 to 599)"},
		},
		{
			name:     "unknown rule",
			settings: map[string]any{"disable": []any{"leaks"}},
			want:     []string{`unknown rule "leaks"`, "raw-http-error", "undocumented-status", "error-leak"},
		},
		{
			name:     "statuses not a list",
			settings: map[string]any{"statuses": "400,404"},
			want:     []string{"statuses"},
		},
		{
			name:     "settings not a map",
			settings: []any{"jsonapi"},
			want:     []string{"cannot unmarshal array"},
		},
		{
			name:     "settings not encodable",
			settings: map[string]any{"contract": make(chan int)},
			want:     []string{"encoding settings"},
		},
	} {
		t.Run(test.name, func(t *testing.T) {
			p, err := New(test.settings)
			if err == nil {
				t.Fatalf("New(%#v) = %+v, want an error", test.settings, p)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "errcontract settings: ") {
				t.Errorf("error %q does not say it is about errcontract's settings", msg)
			}
			for _, want := range test.want {
				if !strings.Contains(msg, want) {
					t.Errorf("error %q does not contain %q", msg, want)
				}
			}
		})
	}
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("errcontract")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(map[string]any{"contract": "problem"})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
}

func TestBuildAnalyzers(t *testing.T) {
	p, err := New(map[string]any{"constructors": "example.com/shop/errs"})
	if err != nil {
		t.Fatal(err)
	}
	first, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	second, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 1 || len(second) != 1 {
		t.Fatalf("BuildAnalyzers returned %d and %d analyzers, want 1", len(first), len(second))
	}
	a := first[0]
	if a == second[0] {
		t.Error("BuildAnalyzers returned the same analyzer twice, want a new one each time")
	}
	if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
		t.Errorf("the plugin's analyzer is invalid: %v", err)
	}

	// The copy is the analyzer in every respect but Run.
	plain := analyzer.New(p.(*plugin).cfg)
	if a.Name != plain.Name || a.Doc != plain.Doc || a.URL != plain.URL {
		t.Errorf("the plugin's analyzer is %q (%s), want %q (%s)", a.Name, a.URL, plain.Name, plain.URL)
	}
	if !slices.Equal(a.Requires, plain.Requires) {
		t.Errorf("the plugin's analyzer requires %v, want %v", a.Requires, plain.Requires)
	}
	if !slices.Equal(factTypes(a), factTypes(plain)) {
		t.Errorf("the plugin's analyzer has facts %v, want %v", factTypes(a), factTypes(plain))
	}
	if f := a.Flags.Lookup("constructors"); f == nil || f.Value.String() != "example.com/shop/errs" {
		t.Errorf("the plugin's analyzer does not have the configured constructors: flag %v", f)
	}
}

func factTypes(a *analysis.Analyzer) []reflect.Type {
	var types []reflect.Type
	for _, f := range a.FactTypes {
		types = append(types, reflect.TypeOf(f))
	}
	return types
}

func TestRuleInMessages(t *testing.T) {
	const pos = token.Pos(1)
	related := []analysis.RelatedInformation{{Pos: pos, Message: "the error text comes from here"}}
	original := &analysis.Analyzer{
		Name: "fake",
		Doc:  "fake: reports what the test needs",
		Run: func(pass *analysis.Pass) (any, error) {
			pass.Report(analysis.Diagnostic{Pos: pos, Category: "error-leak", Message: "error text from err.Error() reaches the response body via http.Error", Related: related})
			pass.Report(analysis.Diagnostic{Pos: pos, Category: "directive", Message: "ignore directive suppresses nothing"})
			pass.Report(analysis.Diagnostic{Pos: pos, Message: "a message without a category"})
			pass.Reportf(pos, "reported with %s", "Reportf")
			return "result", nil
		},
	}
	want := []string{
		"error-leak: error text from err.Error() reaches the response body via http.Error",
		"\terror-leak: the error text comes from here",
		"directive: ignore directive suppresses nothing",
		"a message without a category",
		"reported with Reportf",
	}

	wrapped := withRuleInMessages(original)
	if wrapped == original {
		t.Fatal("withRuleInMessages returned its argument, want a copy")
	}
	var got []string
	pass := &analysis.Pass{
		Analyzer: wrapped,
		Report: func(d analysis.Diagnostic) {
			got = append(got, d.Message)
			for _, r := range d.Related {
				got = append(got, "\t"+r.Message)
			}
		},
	}
	result, err := wrapped.Run(pass)
	if err != nil || result != "result" {
		t.Errorf("Run = %v, %v, want the analyzer's result, nil", result, err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("messages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The original analyzer and its passes are untouched.
	got = nil
	if _, err := original.Run(pass); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got[0], "error text") || related[0].Message != "the error text comes from here" {
		t.Errorf("the original analyzer reports %q, %q, want its plain messages", got[0], related[0].Message)
	}
}

// TestSettingsFile checks the config setting, and that New rejects an
// invalid errcontract.yaml, named or found upward from the working
// directory, once, with the problems' lines and columns.
func TestSettingsFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/svc\n")
	writeFile(t, filepath.Join(dir, "ci", "errcontract.yaml"), "contract: jsonapi\n")
	t.Chdir(dir)

	cfg := decode(t, map[string]any{"config": "ci/errcontract.yaml", "tests": true})
	if cfg.File != filepath.Join(dir, "ci", "errcontract.yaml") || cfg.Tests == nil || !*cfg.Tests {
		t.Errorf("New kept %+v, want the absolute path of the named file and tests", cfg)
	}

	writeFile(t, filepath.Join(dir, "errcontract.yaml"), "contract: soap\ntests: 3\n")
	_, err := New(nil)
	want := "errcontract: invalid errcontract.yaml:\n" +
		`errcontract.yaml:1:11: unknown contract "soap" (valid: contensis, contentful, jsonapi, management, problem, or a mapping of statuses, codes and format)` + "\n" +
		`errcontract.yaml:2:8: tests must be true or false, not "3"`
	if err == nil || err.Error() != want {
		t.Errorf("New with an invalid file found upward = %v, want:\n%s", err, want)
	}
	if _, err := New(map[string]any{"config": "missing.yaml"}); err == nil || !strings.Contains(err.Error(), "missing.yaml:1:1: cannot read") {
		t.Errorf("New with a missing named file = %v, want a read error at the file", err)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
