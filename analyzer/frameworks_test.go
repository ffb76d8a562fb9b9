package analyzer

import (
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFrameworks runs the rules on handlers written with real framework
// modules: gin, echo, fiber, chi with render, and gorilla/mux, pinned by the
// module testdata/frameworks. analysistest loads them with the module proxy
// off, so the test first fetches them into the module cache (a no-op once
// they are there).
func TestFrameworks(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("loads the framework modules")
	}
	dir := filepath.Join(testdata(t), "frameworks")
	download := exec.Command("go", "mod", "download")
	download.Dir = dir
	if out, err := download.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	analysistest.Run(t, dir, Analyzer, "./gin", "./echo", "./fiber", "./chirender", "./chimux",
		"./perhandlergin", "./perhandlerecho", "./fwhelpers", "./fwhelperuse", "./fiberv3", "./huma", "./connect")
}
