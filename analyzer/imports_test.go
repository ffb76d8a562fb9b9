package analyzer

import (
	"go/format"
	"go/parser"
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// apply applies edits, in increasing order of position, to src.
func apply(tok *token.File, src string, edits ...analysis.TextEdit) string {
	out := src
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		out = out[:tok.Offset(e.Pos)] + string(e.NewText) + out[tok.Offset(e.End):]
	}
	return out
}

func TestAddImport(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, src, want string }{
		{"grouped", "package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n", "package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\n\t\"example.com/errs\"\n)\n"},
		{"single", "package p\n\nimport \"net/http\"\n\nvar _ http.Handler\n", "package p\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/errs\"\n)\n\nvar _ http.Handler\n"},
		{"named single", "package p\n\nimport h \"net/http\"\n", "package p\n\nimport (\n\th \"net/http\"\n\n\t\"example.com/errs\"\n)\n"},
		{"none", "package p\n\nvar x = 1\n", "package p\n\nimport \"example.com/errs\"\n\nvar x = 1\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "p.go", tc.src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			tok := fset.File(f.Pos())
			got := apply(tok, tc.src, addImport(f, tok, []byte(tc.src), "example.com/errs"))
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
			if formatted, err := format.Source([]byte(got)); err != nil || string(formatted) != got {
				t.Errorf("result is not gofmt-clean (err %v):\n%s", err, got)
			}
		})
	}
}

func TestRemoveImport(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, src, path, want string
	}{
		{"in group", "package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n", "fmt", "package p\n\nimport (\n\t\"net/http\"\n)\n"},
		{"group of its own at the end", "package p\n\nimport (\n\t\"net/http\"\n\n\t\"fmt\"\n)\n", "fmt", "package p\n\nimport (\n\t\"net/http\"\n)\n"},
		{"group of its own at the start", "package p\n\nimport (\n\t\"fmt\"\n\n\t\"net/http\"\n)\n", "fmt", "package p\n\nimport (\n\t\"net/http\"\n)\n"},
		{"single", "package p\n\nimport \"fmt\"\n\nvar x = 1\n", "fmt", "package p\n\nvar x = 1\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "p.go", tc.src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			tok := fset.File(f.Pos())
			for _, spec := range f.Imports {
				if importPath(spec) == tc.path {
					got := apply(tok, tc.src, removeImport(f, tok, []byte(tc.src), spec))
					if got != tc.want {
						t.Errorf("got:\n%q\nwant:\n%q", got, tc.want)
					}
					if formatted, err := format.Source([]byte(got)); err != nil || string(formatted) != got {
						t.Errorf("result is not gofmt-clean (err %v):\n%s", err, got)
					}
				}
			}
		})
	}
}
