package integration_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// enable is the environment variable that turns the tests on: they build
// golangci-lint and gopls, which takes minutes.
const enable = "ERRCONTRACT_INTEGRATION"

// The corpus is copied into a module of its own, since gopls diagnoses no
// file under a testdata directory. Its packages keep their directory names
// (demo/..., integration/...) and their import paths are rewritten from the
// checkout's testdata to the corpus module; lines keep their numbers.
var corpusDirs = []string{"testdata/demo", "testdata/integration"}

const (
	corpusModule   = "example.com/corpus"
	checkoutPrefix = "github.com/errcontract/errcontract/testdata/"
)

var (
	root   string // the checkout
	work   string // this run's scratch directory: binaries, caches, corpus
	corpus string // the corpus module's directory
)

func TestMain(m *testing.M) {
	if os.Getenv(enable) != "1" {
		os.Exit(m.Run()) // every test skips
	}
	if err := setUp(); err != nil {
		fmt.Fprintln(os.Stderr, "integration:", err)
		if work != "" {
			os.RemoveAll(work)
		}
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(work)
	os.Exit(code)
}

func setUp() error {
	var err error
	if root, err = filepath.Abs(".."); err != nil {
		return err
	}
	if work, err = os.MkdirTemp("", "errcontract-integration"); err != nil {
		return err
	}
	// The drivers print resolved paths: resolve ours the same way.
	if work, err = filepath.EvalSymlinks(work); err != nil {
		return err
	}
	corpus = filepath.Join(work, "corpus")
	return makeCorpus()
}

func makeCorpus() error {
	for _, dir := range corpusDirs {
		src := filepath.Join(root, filepath.FromSlash(dir))
		dst := filepath.Join(corpus, filepath.Base(dir))
		err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(src, path)
			if err != nil {
				return err
			}
			target := filepath.Join(dst, rel)
			if d.IsDir() {
				return os.MkdirAll(target, 0o755)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if strings.HasSuffix(path, ".go") {
				data = bytes.ReplaceAll(data, []byte(`"`+checkoutPrefix), []byte(`"`+corpusModule+"/"))
			}
			return os.WriteFile(target, data, 0o644)
		})
		if err != nil {
			return err
		}
	}
	// errcontract is required for apierror, if the corpus imports it; the
	// checkout's go.sum holds every checksum that can take.
	if err := os.WriteFile(filepath.Join(corpus, "go.mod"), []byte("module "+corpusModule+"\n\ngo 1.26.0\n"), 0o644); err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(corpus, "go.sum"), sum, 0o644); err != nil {
		return err
	}
	for _, args := range [][]string{
		{"mod", "edit", "-require=github.com/errcontract/errcontract@v0.0.0", "-replace=github.com/errcontract/errcontract=" + root},
		{"mod", "tidy"},
	} {
		cmd := exec.Command("go", args...)
		cmd.Dir, cmd.Env = corpus, environ()
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return nil
}

// environ is the environment of every command: no workspace, and caches of
// this run's own, so that no result of an earlier build of the analyzer is
// reused.
func environ() []string {
	return append(os.Environ(),
		"GOWORK=off",
		"GOPLSCACHE="+filepath.Join(work, "cache", "gopls"),
		"GOLANGCI_LINT_CACHE="+filepath.Join(work, "cache", "golangci-lint"),
	)
}

func requireIntegration(t *testing.T) {
	t.Helper()
	if work == "" {
		t.Skipf("set %s=1 to build golangci-lint and gopls with errcontract and run every driver", enable)
	}
}

// A tool is a binary built once per run, on first use.
type tool struct {
	name  string
	build func(out string) []string // the command, run in the checkout, that writes the binary to out
	once  sync.Once
	path  string
	err   error
}

var (
	errcontractTool = &tool{name: "errcontract", build: func(out string) []string {
		return []string{"go", "build", "-o", out, "./cmd/errcontract"}
	}}
	golangciLintTool = &tool{name: "golangci-lint", build: func(out string) []string {
		return []string{"bash", "integration/build-golangci-lint.sh", out}
	}}
	goplsTool = &tool{name: "gopls", build: func(out string) []string {
		return []string{"bash", "integration/build-gopls.sh", out}
	}}
)

// binary returns the tool's path, building it first if need be.
func (tl *tool) binary(t *testing.T) string {
	t.Helper()
	tl.once.Do(func() {
		tl.path = filepath.Join(work, "bin", tl.name)
		args := tl.build(tl.path)
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Dir, cmd.Env = root, environ()
		start := time.Now()
		out, err := cmd.CombinedOutput()
		if err != nil {
			tl.err = fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out)
			return
		}
		t.Logf("built %s in %v", tl.name, time.Since(start).Round(time.Second))
	})
	if tl.err != nil {
		t.Fatalf("building %s: %v", tl.name, tl.err)
	}
	return tl.path
}

// run runs a command in the corpus and returns its standard output and
// error and its exit status.
func run(t *testing.T, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = corpus, environ()
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	if _, ok := errors.AsType[*exec.ExitError](err); err != nil && !ok {
		t.Fatalf("%s: %v", name, err)
	}
	t.Logf("%s %s: exit %d in %v", filepath.Base(name), strings.Join(args, " "), cmd.ProcessState.ExitCode(), time.Since(start).Round(time.Millisecond))
	return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
}

// A position is a line of a corpus file, named by its slash-separated path
// in the corpus module (demo/api/items.go is testdata/demo/api/items.go).
type position struct {
	File string
	Line int
}

// A finding is a diagnostic as a driver shows it. Drivers agree when they
// report the same set of findings.
type finding struct {
	position
	Rule    string // the diagnostic's Category
	Message string // without the rule, where the driver prefixes it
}

func (f finding) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", f.File, f.Line, f.Rule, f.Message)
}

// newFinding makes a finding of a position a driver printed: path is
// absolute or relative to the corpus.
func newFinding(t *testing.T, path string, line int, rule, message string) finding {
	t.Helper()
	if filepath.IsAbs(path) {
		rel, err := filepath.Rel(corpus, path)
		if err != nil || strings.HasPrefix(rel, "..") {
			t.Fatalf("finding outside the corpus: %s:%d: %s", path, line, message)
		}
		path = rel
	}
	return finding{position{filepath.ToSlash(path), line}, rule, message}
}

// without returns the findings with the given fields cleared, for
// comparisons with drivers that do not show them.
func without(fs []finding, rule, message bool) []finding {
	out := make([]finding, len(fs))
	for i, f := range fs {
		if rule {
			f.Rule = ""
		}
		if message {
			f.Message = ""
		}
		out[i] = f
	}
	return out
}

// compare reports how got differs from want, as sets.
func compare(t *testing.T, driver string, got, want []finding) {
	t.Helper()
	gotSet, wantSet := make(map[finding]bool), make(map[finding]bool)
	for _, f := range got {
		gotSet[f] = true
	}
	for _, f := range want {
		wantSet[f] = true
	}
	var missing, extra []string
	for f := range wantSet {
		if !gotSet[f] {
			missing = append(missing, "\t"+f.String())
		}
	}
	for f := range gotSet {
		if !wantSet[f] {
			extra = append(extra, "\t"+f.String())
		}
	}
	if len(missing)+len(extra) == 0 {
		return
	}
	slices.Sort(missing)
	slices.Sort(extra)
	t.Errorf("%s disagrees: %d findings missing, %d extra\nmissing:\n%s\nextra:\n%s",
		driver, len(missing), len(extra), strings.Join(missing, "\n"), strings.Join(extra, "\n"))
}
