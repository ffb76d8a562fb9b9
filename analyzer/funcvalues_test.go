package analyzer

import "testing"

// TestFuncValues checks that error text and statuses are followed through
// function values, method values and closures held by a local variable,
// and that a variable assigned several functions is not guessed at.
func TestFuncValues(t *testing.T) {
	t.Parallel()
	writeSuite.run(t, t, "funcvalues")
}
