package analyzer

import "testing"

var _ = undocumentedSuite.join("statuscases", "example.com/apierrs")

// TestStatusCases checks statuses that reach a write through a map of
// statuses, a function returning a constant per case, in the package and
// from another, a struct field, another package's named constants, and the
// status parameter of a writer declared by directive or by errcontract.yaml;
// and the cases where each is not known and nothing is guessed.
func TestStatusCases(t *testing.T) {
	t.Parallel()
	undocumentedSuite.run(t, t, "statuscases", "example.com/apierrs")
}
