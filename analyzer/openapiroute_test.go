package analyzer

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// findings runs a on the packages of dir and returns each diagnostic as
// "file:line:col: category: message", sorted, the file by its base name.
// It serves tests whose findings are also in files that hold no // want
// comments: the OpenAPI spec.
func findings(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) []string {
	t.Helper()
	var ignored discard
	var got []string
	for _, res := range analysistest.Run(&ignored, dir, a, patterns...) {
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

// TestOpenAPIRouteRule checks that the routes a spec lacks are the
// openapi-route rule's: reported with it on, and not with it disabled,
// while the statuses of the routes the spec has are still checked.
func TestOpenAPIRouteRule(t *testing.T) {
	t.Parallel()
	got := findings(t, testdata(t), only(ruleUndocumentedStatus), "openapimux")
	for _, f := range got {
		if strings.Contains(f, ruleOpenAPIRoute) || strings.Contains(f, "is not in the OpenAPI spec") {
			t.Errorf("with openapi-route disabled: %s", f)
		}
	}
	if !slices.Contains(got, "mux.go:27:26: undocumented-status: status 409 is not documented by operation getLink (200 404 500)") {
		t.Errorf("with openapi-route disabled, the statuses of routes are not checked:\n%s", strings.Join(got, "\n"))
	}
}

// TestOpenAPIUnused checks the two findings of the spec's side, both of
// unused-documented-status: an operation that no route of the package
// serves, at its method key in the spec, and a status an operation
// documents that its handler never writes, at the registration. Neither
// is reported while the rule is off, as it is by default.
func TestOpenAPIUnused(t *testing.T) {
	t.Parallel()
	cfg := Config{Enable: []string{ruleUnusedDocumentedStatus}}
	for _, rule := range rules {
		if rule != ruleUnusedDocumentedStatus {
			cfg.Disable = append(cfg.Disable, rule)
		}
	}
	got := findings(t, testdata(t), New(cfg), "openapiunused")
	want := []string{
		"openapi.yaml:16:5: unused-documented-status: operation listTags (GET /tags) of the OpenAPI spec is served by no route of package openapiunused",
		"unused.go:12:2: unused-documented-status: status 404 documented by operation deleteLink is never written",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := findings(t, testdata(t), New(Config{}), "openapiunused"); len(got) > 0 {
		t.Errorf("by default:\n%s", strings.Join(got, "\n"))
	}
}
