package analyzer

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestMissingReturnFlow checks that missing-return follows only the
// paths that can run: a flag that may be false after the error response
// leaves the second write reachable, and a constant condition's dead
// branch is not reported.
func TestMissingReturnFlow(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata(t), only(ruleMissingReturn), "missingreturnflow")
}
