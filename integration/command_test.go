package integration_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// A relatedFinding is a related position of a diagnostic, with the
// diagnostic's rule and its own message.
type relatedFinding struct {
	finding
	of position // the diagnostic's position
}

// A report is what a driver found: its findings and their related
// information, and the messages of the suggested fixes of each finding.
type report struct {
	findings []finding
	related  []relatedFinding
	fixes    map[finding][]string
}

// relatedAsFindings returns the related information as findings.
func relatedAsFindings(rs []relatedFinding) []finding {
	fs := make([]finding, len(rs))
	for i, r := range rs {
		fs[i] = r.finding
	}
	return fs
}

// jsonDiagnostic is a diagnostic in the -json output of the command and
// of go vet.
type jsonDiagnostic struct {
	Category       string `json:"category"`
	Posn           string `json:"posn"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Message string `json:"message"`
	} `json:"suggested_fixes"`
	Related []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related"`
}

var posnRE = regexp.MustCompile(`^(.*):(\d+):(\d+)$`)

func parsePosn(t *testing.T, posn, rule, message string) finding {
	t.Helper()
	m := posnRE.FindStringSubmatch(posn)
	if m == nil {
		t.Fatalf("bad position %q", posn)
	}
	line, _ := strconv.Atoi(m[2])
	return newFinding(t, m[1], line, rule, message)
}

// parseJSON reads -json output: a tree {package: {analyzer: diagnostics
// or {"error": text}}}, in go vet's case one per package, each after a
// "# package" line.
func parseJSON(t *testing.T, out string) *report {
	t.Helper()
	var trees strings.Builder
	for line := range strings.Lines(out) {
		if !strings.HasPrefix(line, "#") {
			trees.WriteString(line)
		}
	}
	r := &report{fixes: make(map[finding][]string)}
	dec := json.NewDecoder(strings.NewReader(trees.String()))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("reading -json output: %v\n%s", err, out)
		}
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var diags []jsonDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					t.Fatalf("%s: %s failed: %s", pkg, name, raw)
				}
				for _, d := range diags {
					f := parsePosn(t, d.Posn, d.Category, d.Message)
					r.findings = append(r.findings, f)
					for _, rel := range d.Related {
						r.related = append(r.related, relatedFinding{parsePosn(t, rel.Posn, d.Category, rel.Message), f.position})
					}
					for _, fix := range d.SuggestedFixes {
						r.fixes[f] = append(r.fixes[f], fix.Message)
					}
				}
			}
		}
	}
	return r
}

// compareReports compares the findings and related information of got
// and want.
func compareReports(t *testing.T, driver string, got, want *report) {
	t.Helper()
	compare(t, driver, got.findings, want.findings)
	compare(t, driver+" (related information)", relatedAsFindings(got.related), relatedAsFindings(want.related))
}

var (
	reportsMu sync.Mutex
	reports   = make(map[string]*report)
)

// commandReport returns the command's report on the corpus with flags, the
// reference every driver is held to, running the command once per flags.
func commandReport(t *testing.T, flags ...string) *report {
	t.Helper()
	key := strings.Join(flags, " ")
	reportsMu.Lock()
	defer reportsMu.Unlock()
	if r := reports[key]; r != nil {
		return r
	}
	args := append(append([]string{"-json"}, flags...), "./...")
	out, stderr, code := run(t, errcontractTool.binary(t), args...)
	if code != 0 {
		t.Fatalf("errcontract -json: exit %d\n%s", code, stderr)
	}
	r := parseJSON(t, out)
	if len(r.findings) == 0 {
		t.Fatal("errcontract reports nothing on the corpus")
	}
	reports[key] = r
	return r
}

// marks are what testdata/integration's comments say is found there.
type marks struct {
	want    []finding            // "// findings: RULE..."
	flagged map[string][]finding // "// findings under FLAG: RULE...", by flag
	nolint  map[position]bool    // lines with //nolint:errcontract
}

var markRE = regexp.MustCompile(`// findings(?: under (\S+))?: ([a-z][a-z -]*)$`)

func readMarks(t *testing.T) *marks {
	t.Helper()
	mk := &marks{flagged: make(map[string][]finding), nolint: make(map[position]bool)}
	err := filepath.WalkDir(filepath.Join(corpus, "integration"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		for line := 1; sc.Scan(); line++ {
			text := sc.Text()
			at := newFinding(t, path, line, "", "").position
			if strings.Contains(text, "//nolint:errcontract") {
				mk.nolint[at] = true
			}
			m := markRE.FindStringSubmatch(text)
			if m == nil {
				continue
			}
			for rule := range strings.FieldsSeq(m[2]) {
				f := finding{position: at, Rule: rule}
				if m[1] == "" {
					mk.want = append(mk.want, f)
				} else {
					mk.flagged[m[1]] = append(mk.flagged[m[1]], f)
				}
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(mk.want) == 0 || len(mk.nolint) == 0 || len(mk.flagged[jsonapi]) == 0 {
		t.Fatalf("testdata/integration lost its marks: %d findings, %d nolint lines, %d under %s", len(mk.want), len(mk.nolint), len(mk.flagged[jsonapi]), jsonapi)
	}
	return mk
}

// jsonapi is the flag whose effect the tests check in each driver.
const jsonapi = "-contract=jsonapi"

// inIntegration returns the findings in testdata/integration.
func inIntegration(fs []finding) []finding {
	return slices.DeleteFunc(slices.Clone(fs), func(f finding) bool { return !strings.HasPrefix(f.File, "integration/") })
}

// TestCommand holds the command to testdata/integration's marks, which
// makes its report the reference for the other drivers.
func TestCommand(t *testing.T) {
	requireIntegration(t)
	mk := readMarks(t)
	compare(t, "errcontract on testdata/integration", without(inIntegration(commandReport(t).findings), false, true), mk.want)

	// The flagged marks appear with the flag, and only with it.
	withFlag := without(commandReport(t, jsonapi).findings, false, true)
	for _, f := range mk.flagged[jsonapi] {
		if !slices.Contains(withFlag, f) {
			t.Errorf("errcontract %s does not report %v", jsonapi, f)
		}
		if slices.Contains(mk.want, f) {
			t.Errorf("%v is marked both with and without %s", f, jsonapi)
		}
	}
}

// TestGoVet runs the command as go vet's tool, with and without a flag.
func TestGoVet(t *testing.T) {
	requireIntegration(t)
	mk := readMarks(t)
	bin := errcontractTool.binary(t)
	for _, flags := range [][]string{nil, {jsonapi}} {
		args := append(append([]string{"vet", "-vettool=" + bin}, flags...), "-json", "./...")
		out, stderr, code := run(t, "go", args...) // -json: findings on standard output, exit 0
		if code != 0 {
			t.Fatalf("go %s: exit %d\n%s", strings.Join(args, " "), code, stderr)
		}
		got := parseJSON(t, out)
		compareReports(t, "go "+strings.Join(args, " "), got, commandReport(t, flags...))

		// The flag reached the tool: the findings it adds are there only with it.
		stripped := without(got.findings, false, true)
		for _, f := range mk.flagged[jsonapi] {
			if has, want := slices.Contains(stripped, f), len(flags) > 0; has != want {
				t.Errorf("go %s: %v reported: %v, want %v", strings.Join(args, " "), f, has, want)
			}
		}
	}
}
