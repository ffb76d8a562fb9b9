package analyzer

import (
	"net/http"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestSuperfluousWrite checks superfluous-write: header writes after the
// header was written, header edits after the response was committed, and
// the paths on which neither happens.
func TestSuperfluousWrite(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata(t), only(ruleSuperfluousWrite), "superfluous", "example.com/replylib")
}

// TestTrailerPrefix checks that the rule's trailer prefix is net/http's.
func TestTrailerPrefix(t *testing.T) {
	if trailerPrefix != http.TrailerPrefix {
		t.Errorf("trailerPrefix = %q, want http.TrailerPrefix %q", trailerPrefix, http.TrailerPrefix)
	}
}
