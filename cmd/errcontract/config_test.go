package main_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNotes runs the command on the notes service, whose errcontract.yaml
// (written by errcontract init) declares its writers: nothing is reported,
// not even the raw write of its test's stand-in server. Without the file,
// the writers' own writes are raw-http-error findings.
func TestNotes(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(root, "testdata", "notes")
	if out, code := run(t, dir, binary, "./..."); code != 0 || out != "" {
		t.Errorf("with its errcontract.yaml: exit code %d, want 0 and no findings:\n%s", code, out)
	}
	empty := filepath.Join(t.TempDir(), "errcontract.yaml")
	writeFile(t, empty, "")
	out, code := run(t, dir, binary, "-config="+empty, "./...")
	if code != 3 || !strings.Contains(out, "internal/httperr/httperr.go:42:2: http.Error bypasses the canonical error constructors (no fix: the package imports no canonical error package and go.mod does not require errcontract; declare the project's own writer with //errcontract:writer or writers: in errcontract.yaml)") {
		t.Errorf("with an empty file: exit code %d, want 3 and the writers' raw writes:\n%s", code, out)
	}
	if strings.Contains(out, "_test.go") {
		t.Errorf("with an empty file, findings in _test.go files are reported:\n%s", out)
	}
}

// TestBadFileOncePerRun checks that the command reports each problem of an
// errcontract.yaml once, however many packages share it, as a line that
// starts with the file's name and position, and that go vet, which runs one
// process per package, reports it in each.
func TestBadFileOncePerRun(t *testing.T) {
	t.Parallel()
	dir := newModule(t, "contract: soap\nwriters: [httpx]\n")
	want := []string{
		`errcontract.yaml:1:11: unknown contract "soap" (valid: contensis, contentful, jsonapi, management, problem, or a mapping of statuses, codes and format)`,
		`errcontract.yaml:2:11: writer "httpx" is not a qualified name of a function (valid: pkgpath.Func or pkgpath.Type.Method, as in example.com/svc/httpx.Error)`,
	}
	out, code := run(t, dir, binary, "./...")
	if code != 3 {
		t.Errorf("exit code %d, want 3", code)
	}
	if got := strings.Join(strings.Fields(out), " "); got != strings.Join(strings.Fields(strings.Join(want, "\n")), " ") {
		t.Errorf("command output:\n%s\nwant each problem once:\n%s", out, strings.Join(want, "\n"))
	}
	vet, _ := run(t, dir, "go", "vet", "-vettool="+binary, "./...")
	for _, w := range want {
		if n := strings.Count(vet, w); n != 2 {
			t.Errorf("go vet printed %q %d times, want once per package (2):\n%s", w, n, vet)
		}
	}
}

// TestVetCache checks what docs/config.md says of go vet: it caches each
// package's result, findings included, by the package's inputs, and
// errcontract.yaml is not one of them; a change to a Go file of the
// package makes go vet read the file again.
func TestVetCache(t *testing.T) {
	t.Parallel()
	dir := newModule(t, "contract: problem\n")
	vet := func() string {
		out, _ := run(t, dir, "go", "vet", "-vettool="+binary, "./...")
		return out
	}
	const finding = "status 503 is not documented by the jsonapi contract"
	if out := vet(); out != "" {
		t.Fatalf("problem documents 503, yet go vet reported:\n%s", out)
	}
	writeFile(t, filepath.Join(dir, "errcontract.yaml"), "contract: jsonapi\n")
	if out := vet(); strings.Contains(out, finding) {
		t.Errorf("go vet saw the changed errcontract.yaml without a change to the package: docs/config.md is wrong:\n%s", out)
	}
	f, err := os.OpenFile(filepath.Join(dir, "h.go"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(f, "// edited")
	f.Close()
	if out := vet(); !strings.Contains(out, finding) {
		t.Errorf("after an edit of the package, go vet did not apply the changed errcontract.yaml:\n%s", out)
	}
}

// newModule writes a module of two packages with a handler that writes 503,
// and an errcontract.yaml. Its source is unique, so that no cached vet
// result applies to it.
func newModule(t *testing.T, yaml string) string {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/svc\n\ngo 1.26.0\n")
	writeFile(t, filepath.Join(dir, "errcontract.yaml"), yaml)
	handler := "package %s\n\nimport \"net/http\"\n\n// %s, %d\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(http.StatusServiceUnavailable)\n}\n"
	writeFile(t, filepath.Join(dir, "h.go"), fmt.Sprintf(handler, "svc", t.Name(), time.Now().UnixNano()))
	writeFile(t, filepath.Join(dir, "sub", "h.go"), fmt.Sprintf(handler, "sub", t.Name(), time.Now().UnixNano()))
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

// TestFileEntriesOfAnotherModule runs the command on a module whose
// errcontract.yaml names the error package of another module, which the
// command reads from export data: its constructors' messages and statuses
// are checked at their calls, and its public type's text is safe.
func TestFileEntriesOfAnotherModule(t *testing.T) {
	out, code := run(t, filepath.Join(root, "testdata", "crossmodule", "main"), binary, "./...")
	want := []string{
		"web.go:16:31: error text from err.Error() reaches the response body via httpx.Missing",
		"web.go:19:16: status 410 is not documented by the contentful contract (400 401 403 404 409 422 429 500 502)",
		"web.go:24:2: http.Error bypasses the canonical error constructors (declare the project's own writer with //errcontract:writer or writers: in errcontract.yaml)",
	}
	if code != 3 || strings.Count(out, "\n") != len(want) {
		t.Errorf("exit code %d and %d findings, want 3 and %d:\n%s", code, strings.Count(out, "\n"), len(want), out)
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %s:\n%s", w, out)
		}
	}
}
