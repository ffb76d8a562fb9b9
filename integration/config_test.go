package integration_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A file module is a module of one handler that writes 503, which the
// problem preset documents and jsonapi does not, with an errcontract.yaml.
// Its source is unique, so that no cached result of a driver applies.
func newFileModule(t *testing.T, yaml string) string {
	t.Helper()
	dir := filepath.Join(work, "files", strings.ReplaceAll(t.Name(), "/", "-"))
	src := fmt.Sprintf("package svc\n\nimport \"net/http\"\n\n// %d\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(http.StatusServiceUnavailable)\n}\n", time.Now().UnixNano())
	for name, content := range map[string]string{
		"go.mod":           "module example.com/svc\n\ngo 1.26.0\n",
		"h.go":             src,
		"errcontract.yaml": yaml,
	} {
		writeFile(t, filepath.Join(dir, name), content)
	}
	return dir
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runIn runs a command in dir, as run does in the corpus.
func runIn(t *testing.T, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, environ()
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
}

const jsonapi503 = "status 503 is not documented by the jsonapi contract"

// TestFileGopls checks that gopls reads errcontract.yaml, and what
// docs/config.md says of a change to it: the file is not among the inputs
// gopls keys its cached results by, so the change applies once a Go file
// of the package changes too. (Without that, a new gopls process may or
// may not replay the old result from its on-disk cache.)
func TestFileGopls(t *testing.T) {
	requireIntegration(t)
	gopls := goplsTool.binary(t)
	dir := newFileModule(t, "contract: jsonapi\n")
	check := func() string {
		out, stderr, code := runIn(t, dir, gopls, "check", "h.go")
		if code != 0 {
			t.Fatalf("gopls check: exit %d\n%s\n%s", code, out, stderr)
		}
		return out
	}
	if out := check(); !strings.Contains(out, jsonapi503) {
		t.Fatalf("gopls check did not apply errcontract.yaml's contract:\n%s", out)
	}
	writeFile(t, filepath.Join(dir, "errcontract.yaml"), "contract: problem\n")
	h := filepath.Join(dir, "h.go")
	src, err := os.ReadFile(h)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, h, string(src)+"\n// edited\n")
	if out := check(); strings.Contains(out, jsonapi503) {
		t.Errorf("after errcontract.yaml and a Go file changed, gopls applied the old errcontract.yaml: docs/config.md is wrong:\n%s", out)
	}
}

// TestFileGolangciLint checks that the plugin reads errcontract.yaml, that
// its settings override the file, and that a bad file stops the run with
// the problem's line and column.
func TestFileGolangciLint(t *testing.T) {
	requireIntegration(t)
	lint := golangciLintTool.binary(t)
	config := func(t *testing.T, settings string) string {
		path := filepath.Join(t.TempDir(), ".golangci.yml")
		writeFile(t, path, `version: "2"
linters:
  default: none
  enable: [errcontract]
  settings:
    custom:
      errcontract:
        type: module
        settings: `+settings+"\n")
		return "--config=" + path
	}
	t.Run("file", func(t *testing.T) {
		dir := newFileModule(t, "contract: jsonapi\n")
		out, stderr, _ := runIn(t, dir, lint, "run", config(t, "{}"), "./...")
		if !strings.Contains(out, "undocumented-status: "+jsonapi503) {
			t.Errorf("golangci-lint did not apply errcontract.yaml's contract:\n%s\n%s", out, stderr)
		}
	})
	t.Run("settings override", func(t *testing.T) {
		dir := newFileModule(t, "contract: jsonapi\n")
		out, stderr, code := runIn(t, dir, lint, "run", config(t, "{contract: problem}"), "./...")
		if code != 0 || strings.Contains(out, jsonapi503) {
			t.Errorf("the contract setting did not override the file: exit %d\n%s\n%s", code, out, stderr)
		}
	})
	t.Run("named file", func(t *testing.T) {
		dir := newFileModule(t, "contract: problem\n")
		writeFile(t, filepath.Join(dir, "ci", "errcontract.yaml"), "contract: jsonapi\n")
		out, stderr, _ := runIn(t, dir, lint, "run", config(t, "{config: ci/errcontract.yaml}"), "./...")
		if !strings.Contains(out, jsonapi503) {
			t.Errorf("golangci-lint did not use the file its config setting names:\n%s\n%s", out, stderr)
		}
	})
	t.Run("bad file", func(t *testing.T) {
		dir := newFileModule(t, "contract: soap\n")
		out, stderr, code := runIn(t, dir, lint, "run", config(t, "{}"), "./...")
		want := `errcontract.yaml:1:11: unknown contract "soap"`
		if code == 0 || !strings.Contains(out+stderr, "\n"+want) {
			t.Errorf("golangci-lint with a bad file: exit %d, want a failure with a line starting %q:\n%s\n%s", code, want, out, stderr)
		}
	})
}
