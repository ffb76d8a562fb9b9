package main

import (
	"strings"
	"testing"
)

func TestCountDiagnostics(t *testing.T) {
	for _, tc := range []struct{ name, out string }{
		// singlechecker -json: one tree, a package and its test variant
		// reporting the same diagnostic.
		{"singlechecker", `{
	"a": {"errcontract": [{"posn": "a.go:1:1", "category": "error-leak", "message": "m"}, {"posn": "a.go:2:1", "category": "raw-http-error", "message": "m"}]},
	"a [a.test]": {"errcontract": [{"posn": "a.go:1:1", "category": "error-leak", "message": "m"}, {"posn": "a_test.go:3:1", "category": "error-leak", "message": "m"}]}
}`},
		// go vet -json: one tree per package, empty ones included.
		{"go vet", `{}
{"a [a.test]": {"errcontract": [{"posn": "a.go:1:1", "category": "error-leak", "message": "m"}, {"posn": "a.go:2:1", "category": "raw-http-error", "message": "m"}]}}
{"b": {}}
{"a_test [a.test]": {"errcontract": [{"posn": "a_test.go:3:1", "category": "error-leak", "message": "m"}]}}
`},
	} {
		if n, err := countDiagnostics(strings.NewReader(tc.out)); err != nil || n != 3 {
			t.Errorf("%s: countDiagnostics = %d, %v; want 3", tc.name, n, err)
		}
	}
	if n, err := countDiagnostics(strings.NewReader("")); err != nil || n != 0 {
		t.Errorf("no output: countDiagnostics = %d, %v; want 0", n, err)
	}
}

func TestCountDiagnosticsErrors(t *testing.T) {
	for _, tc := range []struct{ out, want string }{
		{`{"b": {"errcontract": {"error": "failed prerequisites"}}}
{"a": {"errcontract": [{"posn": "a.go:1:1", "message": "m"}]}, "c": {"floor": {"error": "boom"}}}`,
			"b: errcontract: failed prerequisites\nc: floor: boom"},
		{`{"a": {"errcontract": 3}}`, "a: errcontract: neither diagnostics nor an error: 3"},
		{`{"a": `, "reading the JSON output: unexpected EOF"},
	} {
		if _, err := countDiagnostics(strings.NewReader(tc.out)); err == nil || err.Error() != tc.want {
			t.Errorf("countDiagnostics(%s) = %v, want %q", tc.out, err, tc.want)
		}
	}
}

func TestVersionLine(t *testing.T) {
	line := versionLine([]byte("exe"), "floor", "n1")
	f := strings.Fields(line)
	// go vet reads a development build's ID from the last field.
	if len(f) != 5 || f[1] != "version" || f[2] != "devel" || f[3] != "bench-floor-n1" || !strings.HasPrefix(f[4], "buildID=") {
		t.Errorf("versionLine = %q, not in go vet's format", line)
	}
	ids := make(map[string]bool)
	for _, l := range []string{line, versionLine([]byte("exe2"), "floor", "n1"), versionLine([]byte("exe"), "errcontract", "n1"), versionLine([]byte("exe"), "floor", "n2")} {
		ids[l[strings.LastIndex(l, " ")+1:]] = true
	}
	if len(ids) != 4 {
		t.Errorf("the build IDs of another executable, tool or nonce are not all different: %v", ids)
	}
	if versionLine([]byte("exe"), "floor", "n1") != line {
		t.Error("versionLine is not deterministic")
	}
}
