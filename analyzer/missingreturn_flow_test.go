package analyzer

import (
	"testing"

	"golang.org/x/tools/go/analysis"
)

// missingReturnSuite runs missing-return alone.
var missingReturnSuite = &suite{
	analyzer: func() *analysis.Analyzer { return only(ruleMissingReturn) },
	pkgs:     []string{"missingreturnflow", "missingreturnmore", "example.com/noreturnlib", "example.com/applog"},
}

// TestMissingReturnFlow checks that missing-return follows only the
// paths that can run: a flag that may be false after the error response
// leaves the second write reachable, and a constant condition's dead
// branch is not reported.
func TestMissingReturnFlow(t *testing.T) {
	t.Parallel()
	missingReturnSuite.run(t, t, "missingreturnflow")
}

// TestNoReturn checks which functions never return, in the package and
// across packages (the noreturn fact), and that a path ends at a call of
// one: a wrapper of log.Fatal or os.Exit, a method that panics, a
// function that loops forever; not a function that exits on one branch,
// recovers from its own panic, or calls itself through another.
func TestNoReturn(t *testing.T) {
	t.Parallel()
	missingReturnSuite.run(t, t, "example.com/noreturnlib")
}

// TestMissingReturnPaths checks the paths after an error response:
// through calls that never return, a continue that moves on to the same
// response, a writer made anew in each iteration, a status line and its
// body, and cleanup that tests the flag the error's branch set.
func TestMissingReturnPaths(t *testing.T) {
	t.Parallel()
	missingReturnSuite.run(t, t, "missingreturnmore")
}
