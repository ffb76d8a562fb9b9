package analyzer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBodyCodes checks the error codes of hand-written JSON bodies against
// the codes the contract documents for their status: under contentful,
// management, a team's contract with codes and a format, and contracts
// whose bodies hold no code.
func TestBodyCodes(t *testing.T) {
	t.Parallel()
	undocumentedSuite.run(t, t, "codes", "codesmanagement", "codesteam", "codesnoformat", "codescontensis")
}

// TestBodyCodeRanges checks that a body code's finding covers exactly the
// constant, and relates the status where it is set outside the call that
// writes the body.
func TestBodyCodeRanges(t *testing.T) {
	t.Parallel()
	results := undocumentedSuite.run(t, new(discardErrors), "codes")
	type want struct {
		text        string
		relatedLine int // 0 for none
	}
	wants := map[string]want{
		"codes.go:31":   {`"NotFound"`, 29},
		"codes.go:38":   {`"Forbidden"`, 37},
		"codes.go:48":   {`codeGone`, 47},
		"codes.go:60":   {`"Conflict"`, 59},
		"codes.go:75":   {`"BadRequestError"`, 72},
		"helpers.go:34": {`"NoSuchThing"`, 0},
		"helpers.go:38": {`"Gone"`, 0},
	}
	found := 0
	for _, r := range results {
		fset := r.Pass.Fset
		for _, d := range r.Diagnostics {
			if !strings.HasPrefix(d.Message, "code ") {
				continue
			}
			start, end := fset.Position(d.Pos), fset.Position(d.End)
			key := fmt.Sprintf("%s:%d", filepath.Base(start.Filename), start.Line)
			w, ok := wants[key]
			if !ok {
				continue
			}
			found++
			src, err := os.ReadFile(start.Filename)
			if err != nil {
				t.Fatal(err)
			}
			if got := string(src[start.Offset:end.Offset]); got != w.text {
				t.Errorf("%s: the finding covers %q, want %q", key, got, w.text)
			}
			switch {
			case w.relatedLine == 0 && len(d.Related) != 0:
				t.Errorf("%s: unexpected related %v", key, d.Related)
			case w.relatedLine != 0 && (len(d.Related) != 1 || fset.Position(d.Related[0].Pos).Line != w.relatedLine):
				t.Errorf("%s: related = %v, want one at line %d", key, d.Related, w.relatedLine)
			case w.relatedLine != 0 && !strings.HasPrefix(d.Related[0].Message, "status "):
				t.Errorf("%s: related message %q", key, d.Related[0].Message)
			}
		}
	}
	if found != len(wants) {
		t.Errorf("found %d of the %d findings of the table", found, len(wants))
	}
}
