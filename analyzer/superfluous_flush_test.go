package analyzer

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestSuperfluousFlush checks that Flush commits a response, that the
// header map's keys are header edits, and that every kind of body write
// makes a later WriteHeader superfluous.
func TestSuperfluousFlush(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata(t), only(ruleSuperfluousWrite), "superfluousflush")
}

// TestSuperfluousOwnedByMissingReturn checks that a write missing-return
// reports after an error response without a return gets no
// superfluous-write finding while missing-return is on, and gets them
// when it is off.
func TestSuperfluousOwnedByMissingReturn(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata(t), only(ruleSuperfluousWrite, ruleMissingReturn), "superfluousowned")
	analysistest.Run(t, testdata(t), only(ruleSuperfluousWrite), "superfluousunowned")
}
