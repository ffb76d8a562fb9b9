package main

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestMain lets the test binary be the tool of the children that the
// benchmark starts, as the command's executable is.
func TestMain(m *testing.M) {
	if tool := os.Getenv(toolEnv); tool != "" {
		runTool(tool)
	}
	os.Exit(m.Run())
}

// integrationEnv turns on the end-to-end test of every variant, as CI
// does: under go vet, a cold run vets every dependency of net/http, which
// takes tens of seconds.
const integrationEnv = "ERRCONTRACT_INTEGRATION"

// TestBench runs the benchmark on a module with one handler, which leaks
// an error's text in a raw http.Error, with the variants that take a
// second.
func TestBench(t *testing.T) {
	benchTiny(t, "floor,driver-floor,errcontract")
}

func TestBenchAllVariants(t *testing.T) {
	if os.Getenv(integrationEnv) != "1" {
		t.Skipf("the go vet variants take tens of seconds; %s=1 runs them", integrationEnv)
	}
	benchTiny(t, allVariants)
}

// floorTools are the tools that run the do-nothing analyzer.
var floorTools = map[string]bool{"floor": true, "driver-floor": true}

// benchTiny runs the benchmark once with the variants of list on
// testdata/tiny, and checks that the table has a row for each, with the
// handler's two diagnostics (none for a floor) and numeric ratios to the
// variant's floor.
func benchTiny(t *testing.T, list string) {
	want, err := parseVariants(list)
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := benchMain([]string{"-corpus=dir:testdata/tiny", "-runs=1", "-variants=" + list}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr.String())
	}
	t.Logf("progress:\n%s", stderr.String())
	rows := tableRows(t, stdout.String())
	if len(rows) != len(want) {
		t.Errorf("%d rows, want %d:\n%s", len(rows), len(want), stdout.String())
	}
	for _, v := range want {
		r := rows[v.name]
		if r == nil {
			t.Errorf("no row for %s in:\n%s", v.name, stdout.String())
			continue
		}
		diags := "2"
		if floorTools[v.tool] {
			diags = "0"
		}
		if r["diagnostics"] != diags {
			t.Errorf("%s: %s diagnostics, want %s", v.name, r["diagnostics"], diags)
		}
		if r["floor"] != v.floor {
			t.Errorf("%s: divided by %s, want %s", v.name, r["floor"], v.floor)
		}
		for _, col := range []string{"wall / floor", "CPU / floor", "peak RSS / floor"} {
			if x, err := strconv.ParseFloat(r[col], 64); err != nil || x <= 0 || v.floor == v.name && x != 1 {
				t.Errorf("%s: %s is %q", v.name, col, r[col])
			}
		}
	}
}

// tableRows parses the Markdown table in out: variant to column to cell.
func tableRows(t *testing.T, out string) map[string]map[string]string {
	var header []string
	rows := make(map[string]map[string]string)
	for line := range strings.Lines(out) {
		if !strings.HasPrefix(line, "|") || strings.HasPrefix(line, "|---") {
			continue
		}
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		if header == nil {
			header = cells
			continue
		}
		if len(cells) != len(header) {
			t.Fatalf("row %q has %d cells, the header %d", line, len(cells), len(header))
		}
		r := make(map[string]string)
		for i, h := range header {
			r[h] = cells[i]
		}
		rows[r["variant"]] = r
	}
	return rows
}
