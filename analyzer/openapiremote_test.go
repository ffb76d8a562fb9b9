package analyzer

import (
	"slices"
	"strings"
	"testing"
)

// TestOpenAPIRemoteHandlers checks routes whose handlers are functions
// and method values of another package: each exported handler's statuses
// are its fact, and the package that registers it checks them against the
// operation of its route.
var _ = unusedSuite.join("example.com/openapiapp")

func TestOpenAPIRemoteHandlers(t *testing.T) {
	t.Parallel()
	openapiSuite.run(t, t, "example.com/openapiapp/handlers", "example.com/openapiapp")
}

// TestOpenAPIRemoteUnused checks that a status the operation lists and
// the other package's handler never writes is reported at the route, with
// unused-documented-status on, and not for a handler whose statuses are
// not all known. It reads the findings of unusedSuite, which runs every
// rule.
func TestOpenAPIRemoteUnused(t *testing.T) {
	t.Parallel()
	got := suiteFindings(t, unusedSuite, "example.com/openapiapp")
	want := "links.go:15:42: unused-documented-status: status 404 documented by operation deleteLink is never written by handlers.Links.Delete"
	if !slices.Contains(got, want) {
		t.Errorf("findings:\n%s\nwant among them:\n%s", strings.Join(got, "\n"), want)
	}
	for _, f := range got {
		if strings.Contains(f, "unused-documented-status") && f != want {
			t.Errorf("unexpected: %s", f)
		}
	}
}
