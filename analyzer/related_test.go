package analyzer

import (
	"go/token"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// TestRelated checks the second site that diagnostics point at: where leaked
// error text came from, where a status was set, where a body was written.
func TestRelated(t *testing.T) {
	t.Parallel()
	// All rules run here, which the packages' expectations do not
	// describe: this test checks its own table instead.
	results := defaultSuite.run(t, new(discardErrors), "leak", "undocumented", "rawerror")
	for _, tc := range []struct {
		pkg, message string
		line         int // of the diagnostic
		relatedLine  int // of its one related position, or 0 for none
	}{
		{"leak", "error text from err.Error() reaches the response body via w.Write", 55, 54},
		{"leak", "error text from err.Error() reaches the response body via http.Error", 28, 0},
		{"leak", "error text from recover() reaches the response body via fmt.Fprintf", 144, 143},
		{"undocumented", "status 418 is not documented by the contentful contract (400 401 403 404 409 422 429 500 502)", 42, 41},
		{"undocumented", "status 410 is not documented by the contentful contract (400 401 403 404 409 422 429 500 502)", 21, 0},
		{"rawerror", "WriteHeader(401) with a hand-written body bypasses the canonical error constructors (declare the project's own writer with //errcontract:writer or writers: in errcontract.yaml)", 43, 45},
	} {
		d, fset := find(results, tc.pkg, tc.line, tc.message)
		if d == nil {
			t.Errorf("%s:%d: no diagnostic %q", tc.pkg, tc.line, tc.message)
			continue
		}
		switch {
		case tc.relatedLine == 0 && len(d.Related) != 0:
			t.Errorf("%s:%d: unexpected related %v", tc.pkg, tc.line, d.Related)
		case tc.relatedLine != 0 && (len(d.Related) != 1 || fset.Position(d.Related[0].Pos).Line != tc.relatedLine):
			t.Errorf("%s:%d: related = %v, want one at line %d", tc.pkg, tc.line, d.Related, tc.relatedLine)
		}
		if want := "#" + d.Category; !strings.HasSuffix(d.URL, want) {
			t.Errorf("%s:%d: URL = %q, want %q", tc.pkg, tc.line, d.URL, want)
		}
	}
}

func find(results []*analysistest.Result, pkg string, line int, message string) (*analysis.Diagnostic, *token.FileSet) {
	for _, r := range results {
		if r.Pass.Pkg.Path() != pkg {
			continue
		}
		for i, d := range r.Diagnostics {
			if d.Message == message && r.Pass.Fset.Position(d.Pos).Line == line {
				return &r.Diagnostics[i], r.Pass.Fset
			}
		}
	}
	return nil, nil
}

// TestConstructorStatusRange checks that the finding on a constructor
// directive covers exactly its status, however the directive is spaced.
func TestConstructorStatusRange(t *testing.T) {
	t.Parallel()
	results := undocumentedSuite.run(t, new(discardErrors), "teamerr")
	found := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if !strings.HasPrefix(d.Message, "constructor status ") {
				continue
			}
			found++
			status := strings.Fields(d.Message)[2]
			start, end := r.Pass.Fset.Position(d.Pos), r.Pass.Fset.Position(d.End)
			src, err := os.ReadFile(start.Filename)
			if err != nil {
				t.Fatal(err)
			}
			if got := string(src[start.Offset:end.Offset]); got != status {
				t.Errorf("%s: the finding covers %q, want %q", start, got, status)
			}
		}
	}
	if found != 2 {
		t.Errorf("%d constructor status findings in teamerr, want 2", found)
	}
}
