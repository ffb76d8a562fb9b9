package integration_test

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"text/template"
)

// lintConfig is a golangci-lint configuration enabling errcontract alone.
type lintConfig struct {
	Settings    map[string]string // errcontract's settings, as YAML values
	ExcludeText string            // the text of an exclusion rule, if any
}

// Every finding is shown: golangci-lint's defaults keep one finding per
// line and three per message.
var lintConfigTemplate = template.Must(template.New("").Parse(`version: "2"
run:
  relative-path-mode: wd
linters:
  default: none
  enable:
    - errcontract
  settings:
    custom:
      errcontract:
        type: module
        description: HTTP handlers against their API's documented error contract
        settings:
{{- range $key, $value := .Settings}}
          {{$key}}: {{$value}}
{{- else}} {}
{{- end}}
{{- with .ExcludeText}}
  exclusions:
    rules:
      - linters: [errcontract]
        text: {{printf "%q" .}}
{{- end}}
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
  uniq-by-line: false
output:
  formats:
    text:
      path: stdout
      print-issued-lines: false
      colors: false
`))

// runLint runs the custom golangci-lint on the corpus with cfg and extra
// flags, and returns its output and exit status.
func runLint(t *testing.T, cfg lintConfig, flags ...string) (stdout, stderr string, code int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), ".golangci.yml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := lintConfigTemplate.Execute(f, cfg); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	args := append([]string{"run", "--config=" + path}, flags...)
	return run(t, golangciLintTool.binary(t), append(args, "./...")...)
}

// lintLineRE matches a finding in golangci-lint's text output:
// FILE:LINE:COL: MESSAGE (LINTER).
var lintLineRE = regexp.MustCompile(`^(\S+\.go):(\d+):(?:\d+:)? (.*) \(([\w-]+)\)$`)

// ruleRE splits the plugin's messages into rule and message.
var ruleRE = regexp.MustCompile(`^([a-z][a-z-]*): (.*)$`)

// relatedPrefix starts the text of the entries golangci-lint makes of a
// diagnostic's related information.
const relatedPrefix = "errcontract(related information): "

// parseLintText returns what golangci-lint's text output shows of
// errcontract, with the rule taken from each message's prefix. Findings of
// other linters are errors unless othersEnabled.
func parseLintText(t *testing.T, out string, othersEnabled bool) *report {
	t.Helper()
	r := new(report)
	for line := range strings.Lines(out) {
		m := lintLineRE.FindStringSubmatch(strings.TrimRight(line, "\n"))
		if m == nil {
			continue // the summary, or source lines
		}
		if m[4] != "errcontract" {
			if !othersEnabled {
				t.Errorf("finding of linter %q: %s", m[4], line)
			}
			continue
		}
		n, _ := strconv.Atoi(m[2])
		r.add(t, m[1], n, m[3])
	}
	return r
}

// add adds a golangci-lint issue to r, as a finding or as related
// information.
func (r *report) add(t *testing.T, path string, line int, text string) {
	t.Helper()
	text, isRelated := strings.CutPrefix(text, relatedPrefix)
	rule, msg := "", text
	if m := ruleRE.FindStringSubmatch(text); m != nil {
		rule, msg = m[1], m[2]
	} else {
		t.Errorf("%s:%d: message without its rule: %q", path, line, text)
	}
	f := newFinding(t, path, line, rule, msg)
	if isRelated {
		r.related = append(r.related, relatedFinding{finding: f})
	} else {
		r.findings = append(r.findings, f)
	}
}

// golangciView returns what golangci-lint shows of the command's report r:
// related information in another file than its diagnostic is shown at the
// diagnostic, and nothing on the lines of skip or of the rule drop.
func golangciView(r *report, skip map[position]bool, drop string) *report {
	v := new(report)
	for _, f := range r.findings {
		if !skip[f.position] && f.Rule != drop {
			v.findings = append(v.findings, f)
		}
	}
	for _, rel := range r.related {
		if rel.File != rel.of.File {
			rel.position = rel.of
		}
		if !skip[rel.position] && rel.Rule != drop {
			v.related = append(v.related, rel)
		}
	}
	return v
}

// sarifLog is the part of a SARIF 2.1.0 log the tests read.
type sarifLog struct {
	Runs []struct {
		Results []struct {
			RuleID  string `json:"ruleId"`
			Message struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

// parseSARIF returns what a SARIF log shows, requiring errcontract as the
// ruleId of each result.
func parseSARIF(t *testing.T, path string) *report {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("reading SARIF: %v\n%s", err, data)
	}
	r := new(report)
	for _, run := range log.Runs {
		for _, res := range run.Results {
			if res.RuleID != "errcontract" {
				t.Errorf("SARIF result with ruleId %q: %s", res.RuleID, res.Message.Text)
			}
			if len(res.Locations) == 0 {
				t.Errorf("SARIF result without a location: %s", res.Message.Text)
				continue
			}
			loc := res.Locations[0].PhysicalLocation
			path, err := url.PathUnescape(strings.TrimPrefix(loc.ArtifactLocation.URI, "file://"))
			if err != nil {
				t.Fatal(err)
			}
			r.add(t, filepath.FromSlash(path), loc.Region.StartLine, res.Message.Text)
		}
	}
	return r
}

// TestGolangciLint runs golangci-lint built with the module plugin: its
// findings, with their rule in the message, and its SARIF output are the
// command's, less what //nolint:errcontract suppresses; settings and
// exclusion rules take effect; bad settings stop it with a clear error.
func TestGolangciLint(t *testing.T) {
	requireIntegration(t)
	mk := readMarks(t)
	reported := make(map[position]bool)
	for _, f := range commandReport(t).findings {
		reported[f.position] = true
	}
	for at := range mk.nolint {
		if !reported[at] {
			t.Fatalf("the command reports nothing on the //nolint line %s:%d: suppressing it would prove nothing", at.File, at.Line)
		}
	}

	t.Run("findings", func(t *testing.T) {
		sarif := filepath.Join(t.TempDir(), "errcontract.sarif")
		out, stderr, code := runLint(t, lintConfig{}, "--output.sarif.path="+sarif)
		if code != 1 {
			t.Fatalf("exit %d, want 1 (issues found)\n%s\n%s", code, out, stderr)
		}
		want := golangciView(commandReport(t), mk.nolint, "")
		compareReports(t, "golangci-lint", parseLintText(t, out, false), want)
		compareReports(t, "golangci-lint's SARIF", parseSARIF(t, sarif), want)
	})

	t.Run("settings and exclusions", func(t *testing.T) {
		// The exclusion rule that .golangci.example.yml documents.
		cfg := lintConfig{Settings: map[string]string{"contract": "jsonapi"}, ExcludeText: `^(errcontract\(related information\): )?error-leak: `}
		out, stderr, code := runLint(t, cfg)
		if code != 1 {
			t.Fatalf("exit %d, want 1 (issues found)\n%s\n%s", code, out, stderr)
		}
		want := golangciView(commandReport(t, jsonapi), mk.nolint, "error-leak")
		compareReports(t, "golangci-lint with contract: jsonapi and error-leak excluded", parseLintText(t, out, false), want)
	})

	t.Run("example configuration", func(t *testing.T) {
		// The example's settings are the defaults, its exclusion rule is for
		// paths the corpus lacks, and its paths are relative to its directory.
		example, err := os.ReadFile(filepath.Join(root, ".golangci.example.yml"))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(corpus, ".golangci.example.yml")
		if err := os.WriteFile(path, example, 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(path)
		out, stderr, code := run(t, golangciLintTool.binary(t), "run", "--config="+path, "--output.text.print-issued-lines=false", "./...")
		if code != 1 {
			t.Fatalf("exit %d, want 1 (issues found)\n%s\n%s", code, out, stderr)
		}
		compareReports(t, "golangci-lint with .golangci.example.yml", parseLintText(t, out, true), golangciView(commandReport(t), mk.nolint, ""))
	})

	for _, test := range []struct {
		name     string
		settings map[string]string
		want     []string
	}{
		{"unknown setting", map[string]string{"contracts": "jsonapi"}, []string{`unknown field "contracts"`, "valid settings: contract, statuses, disable, enable, constructors"}},
		{"bad contract", map[string]string{"contract": "soap"}, []string{`unknown contract "soap"`, "valid: contensis, contentful, jsonapi, management, problem"}},
		{"bad status", map[string]string{"statuses": "[400, 999]"}, []string{"status 999 is out of range"}},
	} {
		t.Run(test.name, func(t *testing.T) {
			out, stderr, code := runLint(t, lintConfig{Settings: test.settings})
			if code == 0 || code == 1 {
				t.Fatalf("exit %d, want a failure\n%s\n%s", code, out, stderr)
			}
			for _, want := range test.want {
				if !strings.Contains(stderr, want) {
					t.Errorf("error output does not contain %q:\n%s", want, stderr)
				}
			}
		})
	}
}
