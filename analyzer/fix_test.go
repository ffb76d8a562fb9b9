package analyzer

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFixes applies every fix to the packages of the fixes module and
// compares the results with their golden files: fixes through apierror,
// imported or not yet, and through a team's own package, which wins.
func TestFixes(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(testdata(t), "fixes")
	analysistest.RunWithSuggestedFixes(t, dir, Analyzer, "./withimport", "./noimport", "./teamfix", "./teamnoimport", "./generated", "./perhandlerfix")
}
