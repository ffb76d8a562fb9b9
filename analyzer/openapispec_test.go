package analyzer

import (
	"strings"
	"testing"
)

// TestOpenAPIBadSpec checks that a spec that cannot be read is one
// finding at the openapi entry of errcontract.yaml, naming the spec's
// file, line and column, and that the rules go on without it.
func TestOpenAPIBadSpec(t *testing.T) {
	t.Parallel()
	got := suiteFindings(t, openapiSuite, "openapibadspec")
	if len(got) != 2 {
		t.Fatalf("findings:\n%s\nwant 2", strings.Join(got, "\n"))
	}
	wantSpec := `api/openapi.yaml:7:23: $ref "#/components/responses/Missing" resolves to nothing`
	if !strings.HasPrefix(got[1], "errcontract.yaml:1:10: config: openapi: ") || !strings.HasSuffix(got[1], wantSpec) {
		t.Errorf("spec finding %q, want one at errcontract.yaml:1:10 ending %q", got[1], wantSpec)
	}
	want := "bad.go:13:16: undocumented-status: status 418 is not documented by the contentful contract (400 401 403 404 409 422 429 500 502)"
	if got[0] != want {
		t.Errorf("finding %q, want %q", got[0], want)
	}
}
