package driver

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// sarifSource is the file the synthetic diagnostics point into. The
// string before http.Error makes byte and UTF-16 columns differ: "日本"
// is 6 bytes and 2 code units.
const sarifSource = `package api

func get() {
	_ = "日本"; http.Error(w, err.Error(), 500)
}
`

// synthetic returns root actions as the checker leaves them for a package
// and its test variant, which share api.go, and a package whose analysis
// failed.
func synthetic(t *testing.T) (a *analysis.Analyzer, roots []*checker.Action, dir string) {
	dir = t.TempDir()
	name := filepath.Join(dir, "api", "api.go")
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(sarifSource), 0o644); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	file := fset.AddFile(name, -1, len(sarifSource))
	file.SetLinesForContent([]byte(sarifSource))
	at := func(s string) token.Pos { return file.Pos(strings.Index(sarifSource, s)) }
	end := func(s string) token.Pos { return at(s) + token.Pos(len(s)) }

	a = &analysis.Analyzer{Name: "errcontract", Doc: "errcontract: check\n\nraw-http-error: an error response written outside the canonical error constructors: http.Error.", URL: "https://example.com/errcontract"}
	call := "http.Error(w, err.Error(), 500)"
	diags := []analysis.Diagnostic{
		{
			Pos: at(call), End: end(call), Category: "raw-http-error",
			URL:     "https://example.com/errcontract#raw-http-error",
			Message: "http.Error bypasses the canonical error constructors",
			SuggestedFixes: []analysis.SuggestedFix{{
				Message:   "Replace http.Error with apierror.Write",
				TextEdits: []analysis.TextEdit{{Pos: at(call), End: end(call), NewText: []byte("apierror.Write(w, err)")}},
			}},
		},
		{
			Pos: at("err.Error()"), End: end("err.Error()"), Category: "error-leak",
			URL:     "https://example.com/errcontract#error-leak",
			Message: "error text reaches the response body",
			Related: []analysis.RelatedInformation{{Pos: at("func get"), Message: "in handler get"}},
		},
		{Pos: at("500"), Category: "config", URL: "https://example.com/errcontract#configuration", Message: "an entry names nothing"},
	}
	// The module is a directory of the repository: URIs start at the
	// repository's root, which code scanning resolves them against.
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	mod := &packages.Module{Path: "example.com/api", Dir: filepath.Dir(name), Main: true}
	pkg := &packages.Package{ID: "example.com/api", Fset: fset, Module: mod}
	test := &packages.Package{ID: "example.com/api [example.com/api.test]", Fset: fset, Module: mod}
	broken := &packages.Package{ID: "example.com/broken", Fset: fset, Module: mod}
	roots = []*checker.Action{
		{Analyzer: a, Package: pkg, IsRoot: true, Diagnostics: diags},
		{Analyzer: a, Package: test, IsRoot: true, Diagnostics: diags},
		{Analyzer: a, Package: broken, IsRoot: true, Err: errors.New("internal error")},
	}
	return a, roots, dir
}

func TestSARIF(t *testing.T) {
	a, roots, dir := synthetic(t)
	if got := sourceRoot(roots); got != dir {
		t.Errorf("sourceRoot = %q, want the repository's root %q", got, dir)
	}
	var buf bytes.Buffer
	if err := printSARIF(&buf, a, roots, dir); err != nil {
		t.Fatal(err)
	}
	for _, problem := range sarifProblems(buf.Bytes()) {
		t.Error(problem)
	}
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if n := len(run.Results); n != 3 {
		t.Fatalf("%d results, want 3: a test variant's duplicates are dropped\n%s", n, buf.Bytes())
	}

	// Results are sorted by position: the call, err.Error(), then 500.
	leak, raw, cfg := run.Results[1], run.Results[0], run.Results[2]
	if raw.RuleID != "raw-http-error" || leak.RuleID != "error-leak" || cfg.RuleID != "config" {
		t.Fatalf("rules %s, %s, %s: want raw-http-error, error-leak, config", raw.RuleID, leak.RuleID, cfg.RuleID)
	}
	// The tab and `_ = "日本"; ` are 15 bytes and 11 UTF-16 code units:
	// go/token's column 16 is SARIF's 12.
	wantRegion := sarifRegion{StartLine: 4, StartColumn: 12, EndLine: 4, EndColumn: 43}
	if got := raw.Locations[0].PhysicalLocation.Region; got != wantRegion {
		t.Errorf("region %+v, want %+v (UTF-16 columns)", got, wantRegion)
	}
	if uri := raw.Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "api/api.go" {
		t.Errorf("uri %q, want api/api.go", uri)
	}
	if got := run.Tool.Driver.Rules[0].ShortDescription.Text; got != "An error response written outside the canonical error constructors" {
		t.Errorf("raw-http-error's description %q does not come from the analyzer's doc", got)
	}
	if got := run.Tool.Driver.Rules[cfg.RuleIndex].HelpURI; got != "https://example.com/errcontract#configuration" {
		t.Errorf("config's helpUri %q, want the URL of its diagnostics", got)
	}
	if got := run.Tool.Driver.Rules[raw.RuleIndex+4].HelpURI; got != "https://example.com/errcontract#superfluous-write" {
		t.Errorf("superfluous-write's helpUri %q, want the analyzer's URL and the rule as fragment", got)
	}
	if got := run.Tool.Driver.Rules[raw.RuleIndex+5].HelpURI; got != "https://example.com/errcontract#unused-documented-status" {
		t.Errorf("unused-documented-status's helpUri %q, want the analyzer's URL and the rule as fragment", got)
	}

	rel := leak.RelatedLocations
	if len(rel) != 1 || rel[0].ID != 1 || rel[0].Message == nil || rel[0].Message.Text != "in handler get" || rel[0].PhysicalLocation.Region.StartLine != 3 {
		t.Errorf("related locations %+v, want one, id 1, at line 3, with its message", rel)
	}

	// The fix's deleted bytes are the call, and its inserted text the
	// fix's new text.
	if len(raw.Fixes) != 1 || len(raw.Fixes[0].ArtifactChanges) != 1 {
		t.Fatalf("fixes %+v, want one with one artifact change", raw.Fixes)
	}
	rep := raw.Fixes[0].ArtifactChanges[0].Replacements[0]
	off, n := *rep.DeletedRegion.ByteOffset, *rep.DeletedRegion.ByteLength
	if got := sarifSource[off : off+n]; got != "http.Error(w, err.Error(), 500)" || rep.InsertedContent.Text != "apierror.Write(w, err)" {
		t.Errorf("replacement deletes %q and inserts %q", got, rep.InsertedContent.Text)
	}

	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.Notifications) != 1 || !strings.Contains(inv.Notifications[0].Message.Text, "internal error") {
		t.Errorf("invocation %+v, want unsuccessful with the failed analysis' error", inv)
	}
}

// TestSARIFEmpty checks that a run without findings still has its rules
// and an empty results array, which code scanning reads as "all fixed".
func TestSARIFEmpty(t *testing.T) {
	a, _, dir := synthetic(t)
	var buf bytes.Buffer
	if err := printSARIF(&buf, a, nil, dir); err != nil {
		t.Fatal(err)
	}
	for _, problem := range sarifProblems(buf.Bytes()) {
		t.Error(problem)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"results": []`)) {
		t.Errorf("no empty results array:\n%s", buf.Bytes())
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"id": "unused-documented-status"`)) || !bytes.Contains(buf.Bytes(), []byte(`"id": "directive"`)) {
		t.Errorf("rules are missing:\n%s", buf.Bytes())
	}
}

func TestRuleSummary(t *testing.T) {
	doc := "x: check\n\nmissing-return: a handler that goes on (after a write: any) when\nit should not: details.\n\nerror-leak: error text. More."
	for rule, want := range map[string]string{
		"missing-return": "A handler that goes on (after a write: any) when it should not",
		"error-leak":     "Error text",
		"directive":      "directive",
	} {
		if got := ruleSummary(doc, rule); got != want {
			t.Errorf("ruleSummary(%s) = %q, want %q", rule, got, want)
		}
	}
}
