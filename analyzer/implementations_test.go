package analyzer

import "testing"

// TestInterfaceCalls checks that a call of an interface method of the
// package's own is checked against what its implementations write, and
// that interfaces of other packages are not resolved to the package's
// types.
func TestInterfaceCalls(t *testing.T) {
	t.Parallel()
	writeSuite.run(t, t, "responders")
}
