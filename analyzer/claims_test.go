package analyzer

import "testing"

var _ = writeSuite.join("claims", "example.com/tokens")

// TestClaims checks what the leak analysis must not claim: a (T, error)
// call's T is no error text, across packages too; a field set in a branch
// that returns reaches no write after it; only a parser's error echoes
// client input, not an encoder's; next to the findings each must keep.
func TestClaims(t *testing.T) {
	t.Parallel()
	writeSuite.run(t, t, "claims", "example.com/tokens")
}
