package main_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestSweepDeps lints every package that the module's packages and tests
// depend on, outside the standard library and the module itself, and
// requires no crash and no internal error.
func TestSweepDeps(t *testing.T) {
	if os.Getenv(sweepEnv) == "" {
		t.Skipf("set %s=1 to lint the module's dependencies", sweepEnv)
	}
	deps := dependencies(t)
	const analysis = "golang.org/x/tools/go/analysis"
	if !slices.Contains(deps, analysis) {
		t.Fatalf("the dependencies do not include %s, which the analyzer imports: %v", analysis, deps)
	}

	cmd := exec.Command(binary, append([]string{"-json"}, deps...)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || strings.Contains(stderr.String(), "panic") {
		t.Fatalf("errcontract -json on %d packages: %v\n%s", len(deps), err, stderr.String())
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out, &tree); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	diags := 0
	for pkg, analyzers := range tree {
		raw := analyzers["errcontract"]
		var failure struct{ Error string }
		if json.Unmarshal(raw, &failure) == nil && failure.Error != "" {
			t.Errorf("%s: internal error: %s", pkg, failure.Error)
			continue
		}
		var found []json.RawMessage
		if err := json.Unmarshal(raw, &found); err != nil {
			t.Fatalf("%s: %v", pkg, err)
		}
		diags += len(found)
	}
	t.Logf("dependencies: %d packages linted, %d packages with findings, %d findings", len(deps), len(tree), diags)
}

// dependencies returns the import paths of the packages that the module's
// packages and their tests depend on, less the standard library and the
// module's own packages (test mains included, which belong to no module).
func dependencies(t *testing.T) []string {
	t.Helper()
	const notOwn = "{{if and (not .Standard) .Module (not .Module.Main)}}{{.ImportPath}}{{end}}"
	cmd := exec.Command("go", "list", "-deps", "-test", "-f", notOwn, "./...")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps -test ./...: %v", err)
	}
	var deps []string
	for line := range strings.Lines(string(out)) {
		// A package recompiled for a test is listed as "path [pkg.test]".
		path, _, _ := strings.Cut(strings.TrimSpace(line), " ")
		if path != "" && !slices.Contains(deps, path) {
			deps = append(deps, path)
		}
	}
	return deps
}
