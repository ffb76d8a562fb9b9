package analyzer

import (
	"slices"
	"strings"
	"testing"
)

var (
	_ = undocumentedSuite.join("openapimux")
	_ = unusedSuite.join("openapiunused")
	_ = defaultSuite.join("openapiunused")
)

// TestOpenAPIRouteRule checks that the routes a spec lacks are the
// openapi-route rule's: reported with it on, and not with it disabled,
// while the statuses of the routes the spec has are still checked.
func TestOpenAPIRouteRule(t *testing.T) {
	t.Parallel()
	got := suiteFindings(t, undocumentedSuite, "openapimux")
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
// is reported while the rule is off, as it is by default. The findings
// are unusedSuite's, which runs every rule, and defaultSuite's.
func TestOpenAPIUnused(t *testing.T) {
	t.Parallel()
	got := category(suiteFindings(t, unusedSuite, "openapiunused"), ruleUnusedDocumentedStatus)
	want := []string{
		"openapi.yaml:16:5: unused-documented-status: operation listTags (GET /tags) of the OpenAPI spec is served by no route of package openapiunused",
		"unused.go:12:2: unused-documented-status: status 404 documented by operation deleteLink is never written",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := suiteFindings(t, defaultSuite, "openapiunused"); len(got) > 0 {
		t.Errorf("by default:\n%s", strings.Join(got, "\n"))
	}
}
