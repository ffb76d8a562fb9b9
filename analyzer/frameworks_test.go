package analyzer

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFrameworks runs the rules on handlers written with real framework
// modules: gin, echo, fiber, chi with render, and gorilla/mux. The module
// testdata/frameworks pins their versions; its dependencies must be in the
// module cache (go -C testdata/frameworks mod download).
func TestFrameworks(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the framework modules")
	}
	dir := filepath.Join(testdata(t), "frameworks")
	analysistest.Run(t, dir, Analyzer, "./gin", "./echo", "./fiber", "./chirender", "./chimux", "./perhandlergin", "./perhandlerecho", "./fwhelpers", "./fwhelperuse")
}
