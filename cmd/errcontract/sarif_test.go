package main_test

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// stdout runs the command with args in the module's root and returns
// what it printed on stdout, failing the test unless it exits 0.
func stdout(t *testing.T, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var out, errs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Run(); err != nil {
		t.Fatalf("errcontract %s: %v\n%s", strings.Join(args, " "), err, errs.Bytes())
	}
	return out.Bytes()
}

// TestDemoSARIF checks that -sarif reports, rule by rule, the findings
// -json reports, less the copies a file's package and its test variant
// both carry, at paths relative to the module's root, and exits 0.
func TestDemoSARIF(t *testing.T) {
	t.Parallel()
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Rules []struct{ ID string } }
			}
			Results []struct {
				RuleID    string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(stdout(t, "-sarif", "./testdata/demo/..."), &log); err != nil {
		t.Fatalf("-sarif output is not JSON: %v", err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	got := make(map[string]int)
	for _, r := range log.Runs[0].Results {
		got[r.RuleID]++
		uri := r.Locations[0].PhysicalLocation.ArtifactLocation
		if !strings.HasPrefix(uri.URI, "testdata/demo/") || uri.URIBaseID != "%SRCROOT%" {
			t.Errorf("%s result at %q (base %q), want a path under testdata/demo/ relative to %%SRCROOT%%", r.RuleID, uri.URI, uri.URIBaseID)
		}
	}
	var ids []string
	for _, rule := range log.Runs[0].Tool.Driver.Rules {
		ids = append(ids, rule.ID)
	}
	for _, id := range []string{"raw-http-error", "undocumented-status", "error-leak", "missing-return", "superfluous-write", "unused-documented-status", "openapi-route", "directive"} {
		if !strings.Contains(" "+strings.Join(ids, " ")+" ", " "+id+" ") {
			t.Errorf("rule %s is missing from the driver's rules %v", id, ids)
		}
	}

	var tree map[string]map[string][]struct{ Category, Posn, Message string }
	if err := json.Unmarshal(stdout(t, "-json", "./testdata/demo/..."), &tree); err != nil {
		t.Fatalf("-json output: %v", err)
	}
	want := make(map[string]int)
	seen := make(map[string]bool)
	for _, analyzers := range tree {
		for _, d := range analyzers["errcontract"] {
			if key := d.Posn + " " + d.Message; !seen[key] {
				seen[key] = true
				want[d.Category]++
			}
		}
	}
	if len(want) == 0 || !maps.Equal(got, want) {
		t.Errorf("-sarif results per rule %v, want -json's %v", got, want)
	}

	// The GitHub Actions example runs the command this test runs.
	doc, err := os.ReadFile(filepath.Join(root, "docs", "github-actions.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), "run: errcontract -sarif ./... > errcontract.sarif\n") {
		t.Errorf("docs/github-actions.md does not run errcontract -sarif ./... into the file it uploads")
	}
}
