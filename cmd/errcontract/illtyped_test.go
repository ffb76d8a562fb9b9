package main_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestIllTypedDependency runs the command on a module whose handler
// package imports a package that does not type-check: the handler's
// findings are reported, the type error is printed once, and one line
// says how many packages could not be type-checked completely.
func TestIllTypedDependency(t *testing.T) {
	t.Parallel()
	out, code := run(t, filepath.Join("testdata", "illtyped"), binary, "./...")
	const want = `store/store.go:12:28: undefined: undefinedValue
errcontract: 2 packages could not be type-checked completely (errors in them or their dependencies): findings there may be incomplete
api/api.go:13:3: http.Error bypasses the canonical error constructors (no fix: the package imports no canonical error package and go.mod does not require errcontract; declare the project's own writer with //errcontract:writer or writers: in errcontract.yaml)
api/api.go:13:17: error text from err.Error() reaches the response body via http.Error (no fix: the package imports no canonical error package and go.mod does not require errcontract)
`
	if got := strings.ReplaceAll(out, "\n\n", "\n"); got != want || code != 3 {
		t.Errorf("errcontract ./...: exit %d\n%s\nwant exit 3\n%s", code, out, want)
	}
}
