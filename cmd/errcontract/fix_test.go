package main_test

import (
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// demoPath is the demo's import path prefix, rewritten in the copy.
const demoPath = "github.com/errcontract/errcontract/testdata/demo"

// TestFixDemo applies every fix to a copy of the demo service: the result
// builds, is gofmt-clean, no longer has the fixed findings, and a second
// -fix changes nothing.
func TestFixDemo(t *testing.T) {
	t.Parallel()
	dir := copyDemo(t)
	before := lint(t, dir)
	var fixable int
	var unfixable []string
	for _, d := range before {
		if d.fixable {
			fixable++
		} else {
			unfixable = append(unfixable, d.key)
		}
	}
	if fixable < 4 {
		t.Fatalf("%d fixable findings in the demo, want at least 4", fixable)
	}

	if out, code := run(t, dir, binary, "-fix", "./..."); code != 0 {
		t.Fatalf("errcontract -fix: exit code %d\n%s", code, out)
	}
	if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Fatalf("the fixed demo does not build:\n%s", out)
	}
	if out, _ := run(t, dir, "gofmt", "-l", "."); out != "" {
		t.Errorf("the fixed demo is not gofmt-clean:\n%s", out)
	}

	var after []string
	for _, d := range lint(t, dir) {
		if d.fixable {
			t.Errorf("still fixable after -fix: %s", d.key)
		}
		after = append(after, d.key)
	}
	slices.Sort(after)
	slices.Sort(unfixable)
	if !slices.Equal(after, unfixable) {
		t.Errorf("findings after -fix:\n%s\nwant the unfixable ones:\n%s", strings.Join(after, "\n"), strings.Join(unfixable, "\n"))
	}

	snapshot := readTree(t, dir)
	if out, code := run(t, dir, binary, "-fix", "./..."); code != 0 {
		t.Fatalf("second errcontract -fix: exit code %d\n%s", code, out)
	}
	if again := readTree(t, dir); !maps.Equal(snapshot, again) {
		t.Error("a second -fix changed files")
	}
}

// copyDemo copies the demo service into a module of its own that uses this
// checkout, and returns its directory.
func copyDemo(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join(root, "testdata", "demo"))
	if err != nil {
		t.Fatal(err)
	}
	checkout, _ := filepath.Abs(root)
	dir := t.TempDir()
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		dst := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, []byte(strings.ReplaceAll(string(data), demoPath, "example.com/demo")), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	gomod := "module example.com/demo\n\ngo 1.26\n\nrequire github.com/errcontract/errcontract v0.0.0\n\nreplace github.com/errcontract/errcontract => " + checkout + "\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// A lintFinding is a finding without its position, which fixes shift.
type lintFinding struct {
	key     string // file: category: message
	fixable bool
}

// lint runs the command with -json in dir and returns its findings.
func lint(t *testing.T, dir string) []lintFinding {
	t.Helper()
	cmd := exec.Command(binary, "-json", "./...")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("errcontract -json: %v", err)
	}
	var tree map[string]map[string][]struct {
		Posn, Category, Message string
		SuggestedFixes          []json.RawMessage `json:"suggested_fixes"`
	}
	if err := json.Unmarshal(out, &tree); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	var findings []lintFinding
	for _, analyzers := range tree {
		for _, d := range analyzers["errcontract"] {
			file, _, _ := strings.Cut(d.Posn, ":")
			key := filepath.Base(file) + ": " + d.Category + ": " + d.Message
			findings = append(findings, lintFinding{key, len(d.SuggestedFixes) > 0})
		}
	}
	return findings
}

// readTree returns the contents of the Go files under dir.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := make(map[string]string)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		files[path] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestVetFixDemo applies the fixes through go vet -fix and expects the same
// files as the command's own -fix.
func TestVetFixDemo(t *testing.T) {
	t.Parallel()
	standalone, vet := copyDemo(t), copyDemo(t)
	if out, code := run(t, standalone, binary, "-fix", "./..."); code != 0 {
		t.Fatalf("errcontract -fix: exit code %d\n%s", code, out)
	}
	if out, code := run(t, vet, "go", "vet", "-vettool="+binary, "-fix", "./..."); code != 0 {
		t.Fatalf("go vet -fix: exit code %d\n%s", code, out)
	}
	want, got := readTree(t, standalone), readTree(t, vet)
	for path, text := range want {
		rel, _ := filepath.Rel(standalone, path)
		if got[filepath.Join(vet, rel)] != text {
			t.Errorf("%s differs between go vet -fix and errcontract -fix", rel)
		}
	}
	if snapshot := readTree(t, copyDemo(t)); len(snapshot) != len(got) {
		t.Errorf("go vet -fix left %d Go files, want %d", len(got), len(snapshot))
	}
}

// TestFixRounds applies fixes that conflict: both add imports to the same
// import declaration, errors and the canonical package or that alone. -fix applies the second in another
// round on the packages analysed anew, so one run fixes both, and the
// result builds.
func TestFixRounds(t *testing.T) {
	checkout, _ := filepath.Abs(root)
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/rounds\n\ngo 1.26.0\n\nrequire github.com/errcontract/errcontract v0.0.0\n\nreplace github.com/errcontract/errcontract => " + checkout + "\n",
		"web/web.go": `package web

import "net/http"

func internal(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "Internal Server Error", http.StatusInternalServerError)
}

func missing(w http.ResponseWriter, r *http.Request) {
	http.NotFound(w, r)
}
`,
		// The module uses apierror already, in another file.
		"web/taken.go": `package web

import (
	"net/http"

	"github.com/errcontract/errcontract/apierror"
)

func taken(w http.ResponseWriter, r *http.Request) {
	apierror.Write(w, r, apierror.Conflict("taken"))
}
`,
	}
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, code := run(t, dir, binary, "-fix", "-diff", "./..."); code != 1 || !strings.Contains(out, "applied 1 of 2 fixes; 0 files updated; 1 conflicted with others") {
		t.Fatalf("errcontract -fix -diff: exit code %d\n%s\nwant exit 1 and one fix that conflicts", code, out)
	}
	if out, code := run(t, dir, binary, "-fix", "./..."); code != 0 {
		t.Fatalf("errcontract -fix: exit code %d\n%s", code, out)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "web", "web.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"apierror.Write(w, r, apierror.Internal(errors.New(\"Internal Server Error\")))",
		"apierror.Write(w, r, apierror.NotFound(\"Not Found\"))",
	} {
		if !strings.Contains(string(fixed), want) {
			t.Errorf("after -fix, web.go lacks %s:\n%s", want, fixed)
		}
	}
	if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Errorf("the fixed module does not build:\n%s", out)
	}
}

// TestFixWithoutErrcontract runs -fix on a module that does not require
// errcontract: the package that imports the module's own canonical
// package is fixed through it, the one that imports none is left as it
// is and its findings say why, and the module builds.
func TestFixWithoutErrcontract(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/plain\n\ngo 1.26.0\n",
		"errs/errs.go": `// Package errs is the module's canonical error package.
package errs

import "net/http"

type Error struct {
	Status  int
	Message string
}

func (e *Error) Error() string { return e.Message }

//errcontract:constructor 400 BadRequestError
func Invalid(msg string) *Error { return &Error{http.StatusBadRequest, msg} }

//errcontract:writer
func Send(w http.ResponseWriter, err error) {
	http.Error(w, "request failed", http.StatusBadRequest)
}
`,
		"api/a.go": `package api

import (
	"net/http"

	"example.com/plain/errs"
)

func create(w http.ResponseWriter, r *http.Request) {
	errs.Send(w, errs.Invalid("no body"))
}
`,
		"api/b.go": `package api

import "net/http"

func update(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "bad id", http.StatusBadRequest)
}
`,
		"web/web.go": `package web

import "net/http"

func get(w http.ResponseWriter, r *http.Request) {
	http.NotFound(w, r)
}
`,
	}
	for name, content := range files {
		writeFile(t, filepath.Join(dir, name), content)
	}
	out, _ := run(t, dir, binary, "./...")
	const why = "web.go:6:2: http.NotFound bypasses the canonical error constructors (no fix: the package imports no canonical error package and go.mod does not require errcontract;"
	if !strings.Contains(out, why) {
		t.Errorf("errcontract ./... does not say why web has no fix:\n%s\nwant %s", out, why)
	}
	if out, code := run(t, dir, binary, "-fix", "./..."); code != 0 {
		t.Fatalf("errcontract -fix: exit code %d\n%s", code, out)
	}
	if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Fatalf("the fixed module does not build:\n%s", out)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "api", "b.go"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `errs.Send(w, errs.Invalid("bad id"))`; !strings.Contains(string(fixed), want) {
		t.Errorf("after -fix, api/b.go lacks %s:\n%s", want, fixed)
	}
	if web, _ := os.ReadFile(filepath.Join(dir, "web", "web.go")); string(web) != files["web/web.go"] {
		t.Errorf("-fix changed web/web.go, which has no fix:\n%s", web)
	}
}
