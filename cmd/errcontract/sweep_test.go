package main_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sweepEnv turns on the sweeps: they lint the standard library and cmd,
// which takes about a minute, so everyday runs of go test skip them.
const sweepEnv = "ERRCONTRACT_SWEEP"

// A finding that a sweep must report: real code nobody here wrote.
type finding struct {
	file, category, message string // file is a path suffix
}

// TestSweep lints every package of the standard library and of cmd with
// the command, and requires no crash, no internal error, and a few real
// findings.
func TestSweep(t *testing.T) {
	if os.Getenv(sweepEnv) == "" {
		t.Skipf("set %s=1 to lint the standard library and cmd", sweepEnv)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(strings.TrimSpace(string(goroot)), "src")
	for _, tc := range []struct {
		name, dir, pattern string
		want               []finding
	}{
		{"std", src, "std", []finding{
			{"net/rpc/debug.go", "error-leak", "error text from err.Error() reaches the response body via fmt.Fprintln"},
			{"internal/trace/traceviewer/http.go", "error-leak", "error text from err.Error() reaches the response body via http.Error"},
			{"net/http/pprof/pprof.go", "error-leak", "error text from err reaches the response body via w.Write"},
			// pprof's serveError(w, status, txt) helper, found by its summary.
			{"net/http/pprof/pprof.go", "error-leak", "error text from err.Error() reaches the response body via serveError"},
			{"net/http/pprof/pprof.go", "undocumented-status", "status 408 is not documented by the contentful contract"},
			{"net/rpc/server.go", "undocumented-status", "status 405 is not documented by the contentful contract"},
			{"net/http/cgi/host.go", "raw-http-error", "WriteHeader(400) with a hand-written body"},
		}},
		{"cmd", filepath.Join(src, "cmd"), "./...", []finding{
			{"cmd/trace/regions.go", "error-leak", "error text from err.Error() reaches the response body via http.Error"},
			{"cmd/trace/tasks.go", "raw-http-error", "http.Error bypasses the canonical error constructors"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sweep(t, tc.dir, tc.pattern, tc.want)
		})
	}
}

func sweep(t *testing.T, dir, pattern string, want []finding) {
	cmd := exec.Command(binary, "-json", pattern)
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || strings.Contains(stderr.String(), "panic") {
		t.Fatalf("errcontract -json %s: %v\n%s", pattern, err, stderr.String())
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(out, &tree); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	var diags []struct{ Posn, Category, Message string }
	for pkg, analyzers := range tree {
		raw := analyzers["errcontract"]
		var failure struct{ Error string }
		if json.Unmarshal(raw, &failure) == nil && failure.Error != "" {
			t.Errorf("%s: internal error: %s", pkg, failure.Error)
			continue
		}
		var found []struct{ Posn, Category, Message string }
		if err := json.Unmarshal(raw, &found); err != nil {
			t.Fatalf("%s: %v", pkg, err)
		}
		diags = append(diags, found...)
	}
	packages := countPackages(t, dir, pattern)
	t.Logf("%s: %d packages linted, %d packages with findings, %d findings", pattern, packages, len(tree), len(diags))
	for _, w := range want {
		seen := false
		for _, d := range diags {
			file, _, _ := strings.Cut(d.Posn, ":")
			if strings.HasSuffix(file, w.file) && d.Category == w.category && strings.HasPrefix(d.Message, w.message) {
				seen = true
				break
			}
		}
		if !seen {
			t.Errorf("no %s finding %q in %s", w.category, w.message, w.file)
		}
	}
}

// countPackages returns how many packages pattern matches in dir.
func countPackages(t *testing.T, dir, pattern string) int {
	out, err := exec.Command("go", "list", "-C", dir, pattern).Output()
	if err != nil {
		t.Fatalf("go list %s: %v", pattern, err)
	}
	return strings.Count(string(out), "\n")
}
