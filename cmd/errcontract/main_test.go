package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// root is the module's root directory, where the demo lives.
var root = filepath.Join("..", "..")

// binary is the errcontract command, built once by TestMain.
var binary string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "errcontract-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "errcontract")
	if runtime.GOOS == "windows" {
		binary += ".exe"
	}
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Stderr = os.Stderr
	code := 1
	if build.Run() == nil {
		code = m.Run()
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// run runs name with args in dir and returns its combined output, with
// the absolute path of dir removed, and its exit code.
func run(t *testing.T, dir, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s: %v", name, err)
	}
	abs, _ := filepath.Abs(dir)
	return strings.ReplaceAll(out.String(), abs+string(filepath.Separator), ""), cmd.ProcessState.ExitCode()
}

// TestDemo runs the command on the demo service and compares its report
// with testdata/demo.golden: every rule, with file:line:col and related
// positions, and exit status 3 for "diagnostics reported".
func TestDemo(t *testing.T) {
	t.Parallel()
	out, code := run(t, root, binary, "./testdata/demo/...")
	if code != 3 {
		t.Errorf("exit code %d, want 3\n%s", code, out)
	}
	golden := filepath.Join("testdata", "demo.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("report differs from %s (run go test -update to accept):\n%s", golden, out)
	}
	for _, rule := range []string{"bypasses the canonical error constructors", "is not documented by the contentful contract", "reaches the response body"} {
		if !strings.Contains(out, rule) {
			t.Errorf("no finding %q in the demo report", rule)
		}
	}
}

// TestDemoJSON checks that -json output carries each rule as the category.
func TestDemoJSON(t *testing.T) {
	t.Parallel()
	out, code := run(t, root, binary, "-json", "./testdata/demo/...")
	if code != 0 {
		t.Fatalf("exit code %d, want 0 with -json\n%s", code, out)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	counts := make(map[string]int)
	for pkg, analyzers := range tree {
		var diags []struct{ Category, Posn, Message string }
		if err := json.Unmarshal(analyzers["errcontract"], &diags); err != nil {
			t.Fatalf("%s: %v", pkg, err)
		}
		for _, d := range diags {
			counts[d.Category]++
		}
	}
	want := map[string]int{"raw-http-error": 12, "undocumented-status": 4, "error-leak": 6}
	for rule, n := range want {
		if counts[rule] != n {
			t.Errorf("%d %s findings, want %d (all: %v)", counts[rule], rule, n, counts)
		}
	}
}

// TestVet runs the command as go vet's tool: flags pass through vet, and
// the jsonapi contract documents 415 where contentful does not, and does
// not document 503 either.
func TestVet(t *testing.T) {
	t.Parallel()
	vettool := "-vettool=" + binary
	contentful, _ := run(t, root, "go", "vet", vettool, "./testdata/demo/...")
	jsonapi, _ := run(t, root, "go", "vet", vettool, "-contract=jsonapi", "./testdata/demo/...")
	const (
		unsupported = "testdata/demo/api/middleware.go:58:59: status 415 is not documented by the contentful contract"
		unavailable = "testdata/demo/api/server.go:56:34: status 503 is not documented by the jsonapi contract (200 201 400 401 403 404 405 409 415 422 500)"
		leak        = "testdata/demo/api/items.go:72:17: error text from err.Error() reaches the response body via http.Error"
	)
	for _, tc := range []struct {
		out, line string
		want      bool
	}{
		{contentful, unsupported, true},
		{contentful, unavailable, false},
		{contentful, leak, true},
		{jsonapi, unsupported, false},
		{jsonapi, unavailable, true},
		{jsonapi, leak, true},
	} {
		if strings.Contains(tc.out, tc.line) != tc.want {
			t.Errorf("go vet output has %q: %v, want %v\n%s", tc.line, !tc.want, tc.want, tc.out)
		}
	}
}

// TestVetFacts checks that directives in one package reach another as
// facts under go vet, which runs the tool once per package.
func TestVetFacts(t *testing.T) {
	t.Parallel()
	out, _ := run(t, filepath.Join(root, "testdata", "e2e"), "go", "vet", "-vettool="+binary, "./...")
	want := []string{
		"errs/errs.go:22:27: constructor status 410 is not documented by the contentful contract (400 401 403 404 409 422 429 500 502)",
		"web/web.go:14:31: error text from err.Error(), which echoes client input (strconv.Atoi), reaches the response body via errs.Conflict",
		"web/web.go:20:16: status 410 is not documented by the contentful contract (400 401 403 404 409 422 429 500 502)",
	}
	var got []string
	for line := range strings.Lines(out) {
		if !strings.HasPrefix(line, "#") {
			got = append(got, strings.TrimSpace(line))
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("go vet reported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestBadFlags checks that a bad value is a one-line usage error naming
// the valid values, followed by where to find the usage, with exit status
// 2, alone and through go vet. Each go vet run loads the demo, so go vet
// runs with the first bad flag only, and with every one where
// ERRCONTRACT_INTEGRATION is set.
func TestBadFlags(t *testing.T) {
	t.Parallel()
	for i, tc := range []struct{ flag, want string }{
		{"-contract=soap", `unknown contract "soap" (valid: contensis, contentful, jsonapi, management, problem)`},
		{"-statuses=404,x", `status "x" is not a number (valid: 100 to 599)`},
		{"-statuses=42", `status 42 is out of range (valid: 100 to 599)`},
		{"-disable=leak", `unknown rule "leak" (valid: raw-http-error, undocumented-status, error-leak, missing-return, superfluous-write, unused-documented-status, openapi-route)`},
		{"-nosuch", `flag provided but not defined: -nosuch`},
	} {
		out, code := run(t, root, binary, tc.flag, "./testdata/demo/...")
		if code != 2 {
			t.Errorf("%s: exit code %d, want 2", tc.flag, code)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != 2 || !strings.Contains(lines[0], tc.want) || lines[1] != "run 'errcontract -h' for usage" {
			t.Errorf("%s: output\n%s\nwant one line containing %q, then the hint to run errcontract -h", tc.flag, out, tc.want)
		}
		if strings.Contains(out, "panic:") || strings.Contains(out, "goroutine ") {
			t.Errorf("%s: output mentions a panic:\n%s", tc.flag, out)
		}
		if i > 0 && (testing.Short() || os.Getenv(integrationEnv) == "") {
			continue // go vet with every bad flag is for the slow suites
		}
		vet, code := run(t, root, "go", "vet", "-vettool="+binary, tc.flag, "./testdata/demo/...")
		if code == 0 || !strings.Contains(vet, tc.want) {
			t.Errorf("go vet %s: exit code %d, output:\n%s\nwant a failure naming %q", tc.flag, code, vet, tc.want)
		}
	}
}

// TestDemoFixed checks that the demo service corrected to write every error
// through apierror is clean: apierror's directives reach it as facts.
func TestDemoFixed(t *testing.T) {
	t.Parallel()
	out, code := run(t, root, binary, "./testdata/demofixed/...")
	if code != 0 || out != "" {
		t.Errorf("exit code %d, output:\n%s\nwant a clean run", code, out)
	}
}

// TestHelp checks that -h prints the summary line once, then the usage
// and every flag, on stdout, with exit status 0.
func TestHelp(t *testing.T) {
	t.Parallel()
	out, code := run(t, root, binary, "-h")
	if code != 0 {
		t.Errorf("errcontract -h: exit code %d, want 0", code)
	}
	if !strings.HasPrefix(out, "errcontract: check that ") || strings.Count(out, "errcontract: ") != 1 {
		t.Errorf("errcontract -h does not start with one summary line:\n%s", out)
	}
	for _, flag := range []string{"-contract", "-json", "-sarif", "-fix", "-source-deps"} {
		if !strings.Contains(out, "\n  "+flag+" ") && !strings.Contains(out, "\n  "+flag+"\n") {
			t.Errorf("errcontract -h does not list %s", flag)
		}
	}
}
