package analyzer

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestSuperfluousPaths checks the paths superfluous-write rules out: a
// branch that a bool flag or field, or an integer's range, set or tested
// earlier on the path forbids; and that a writer whose own methods write
// the header is not followed.
func TestSuperfluousPaths(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata(t), only(ruleSuperfluousWrite), "superfluouspaths")
}
