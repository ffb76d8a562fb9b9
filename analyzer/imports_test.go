package analyzer

import (
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"slices"
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

var errs = newImport{path: "example.com/errs"}

// importCases are the import layouts that fixes edit: the imports to add
// and the paths whose imports to remove, and the source that results.
var importCases = []struct {
	name   string
	src    string
	add    []newImport
	remove []string
	want   string
}{
	{name: "no imports",
		src: "package p\n\nvar x = 1\n", add: []newImport{errs},
		want: "package p\n\nimport \"example.com/errs\"\n\nvar x = 1\n"},
	{name: "no imports, two added",
		src: "package p\n\nvar x = 1\n", add: []newImport{errs, {path: "errors"}},
		want: "package p\n\nimport (\n\t\"errors\"\n\t\"example.com/errs\"\n)\n\nvar x = 1\n"},
	{name: "no imports, comment after the package clause",
		src: "// Package p.\npackage p // import \"example.com/p\"\n\n// x is one.\nvar x = 1\n", add: []newImport{errs},
		want: "// Package p.\npackage p // import \"example.com/p\"\n\nimport \"example.com/errs\"\n\n// x is one.\nvar x = 1\n"},
	{name: "no imports, nothing after the package clause",
		src: "package p\n", add: []newImport{errs},
		want: "package p\n\nimport \"example.com/errs\"\n"},
	{name: "one line, two added",
		src: "package p\n\nimport \"net/http\"\n\nvar _ http.Handler\n", add: []newImport{errs, {path: "errors"}},
		want: "package p\n\nimport (\n\t\"net/http\"\n\n\t\"errors\"\n\t\"example.com/errs\"\n)\n\nvar _ http.Handler\n"},
	{name: "one line with doc and line comments",
		src: "package p\n\n// Handlers.\nimport \"net/http\" // the server\n\nvar _ http.Handler\n", add: []newImport{errs},
		want: "package p\n\n// Handlers.\nimport (\n\t\"net/http\" // the server\n\n\t\"example.com/errs\"\n)\n\nvar _ http.Handler\n"},
	{name: "one line, named",
		src: "package p\n\nimport h \"net/http\"\n", add: []newImport{errs},
		want: "package p\n\nimport (\n\th \"net/http\"\n\n\t\"example.com/errs\"\n)\n"},
	{name: "one line, dot",
		src: "package p\n\nimport . \"net/http\"\n", add: []newImport{{name: "errs2", path: "example.com/errs"}},
		want: "package p\n\nimport (\n\t. \"net/http\"\n\n\terrs2 \"example.com/errs\"\n)\n"},
	{name: "grouped",
		src: "package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n", add: []newImport{errs},
		want: "package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\n\t\"example.com/errs\"\n)\n"},
	{name: "several groups with comments",
		src:  "package p\n\nimport (\n\t// fmt formats.\n\t\"fmt\" // and prints\n\n\t\"example.com/other\"\n\t// the end\n)\n",
		add:  []newImport{errs, {path: "errors"}},
		want: "package p\n\nimport (\n\t// fmt formats.\n\t\"fmt\" // and prints\n\n\t\"example.com/other\"\n\t// the end\n\n\t\"errors\"\n\t\"example.com/errs\"\n)\n"},
	{name: "dot, blank and named",
		src:  "package p\n\nimport (\n\t_ \"embed\"\n\th \"html\"\n\t. \"net/http\"\n)\n",
		add:  []newImport{{name: "errs2", path: "example.com/errs"}},
		want: "package p\n\nimport (\n\t_ \"embed\"\n\th \"html\"\n\t. \"net/http\"\n\n\terrs2 \"example.com/errs\"\n)\n"},
	{name: "several declarations",
		src: "package p\n\nimport \"fmt\"\nimport \"net/http\"\n", add: []newImport{errs},
		want: "package p\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/errs\"\n)\nimport \"net/http\"\n"},
	{name: "empty group",
		src: "package p\n\nimport ()\n", add: []newImport{errs},
		want: "package p\n\nimport (\n\t\"example.com/errs\"\n)\n"},
	{name: "cgo only",
		src: "package p\n\n// #include <stdio.h>\nimport \"C\"\n\nfunc f() {}\n", add: []newImport{errs},
		want: "package p\n\n// #include <stdio.h>\nimport \"C\"\n\nimport \"example.com/errs\"\n\nfunc f() {}\n"},
	{name: "cgo, then a group",
		src: "package p\n\n/*\n#include <stdio.h>\n*/\nimport \"C\"\n\nimport (\n\t\"fmt\"\n)\n", add: []newImport{errs},
		want: "package p\n\n/*\n#include <stdio.h>\n*/\nimport \"C\"\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/errs\"\n)\n"},
	{name: "a one-line import, then cgo",
		src: "package p\n\nimport \"fmt\"\n\n// #include <stdio.h>\nimport \"C\"\n", add: []newImport{errs},
		want: "package p\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/errs\"\n)\n\n// #include <stdio.h>\nimport \"C\"\n"},
	{name: "cgo in a group",
		src: "package p\n\nimport (\n\t// #include <stdio.h>\n\t\"C\"\n)\n", add: []newImport{errs},
		want: "package p\n\nimport (\n\t// #include <stdio.h>\n\t\"C\"\n)\n\nimport \"example.com/errs\"\n"},

	{name: "remove from a group",
		src: "package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\t\"os\"\n)\n", remove: []string{"net/http"},
		want: "package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n"},
	{name: "remove a group of its own at the end",
		src: "package p\n\nimport (\n\t\"net/http\"\n\n\t\"fmt\"\n)\n", remove: []string{"fmt"},
		want: "package p\n\nimport (\n\t\"net/http\"\n)\n"},
	{name: "remove a group of its own at the start",
		src: "package p\n\nimport (\n\t\"fmt\"\n\n\t\"net/http\"\n)\n", remove: []string{"fmt"},
		want: "package p\n\nimport (\n\t\"net/http\"\n)\n"},
	{name: "remove a group of its own in the middle",
		src: "package p\n\nimport (\n\t\"fmt\"\n\n\t\"net/http\"\n\n\t\"os\"\n)\n", remove: []string{"net/http"},
		want: "package p\n\nimport (\n\t\"fmt\"\n\n\t\"os\"\n)\n"},
	{name: "remove the ends of two groups",
		src: "package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\n\t\"os\"\n\t\"strings\"\n)\n", remove: []string{"net/http", "os"},
		want: "package p\n\nimport (\n\t\"fmt\"\n\n\t\"strings\"\n)\n"},
	{name: "remove two groups that touch",
		src: "package p\n\nimport (\n\t\"fmt\"\n\n\t\"net/http\"\n\n\t\"os\"\n\n\t\"strings\"\n)\n", remove: []string{"net/http", "os"},
		want: "package p\n\nimport (\n\t\"fmt\"\n\n\t\"strings\"\n)\n"},
	{name: "remove with its comments",
		src: "package p\n\nimport (\n\t\"fmt\"\n\t// http serves.\n\t\"net/http\" // the server\n\t\"os\"\n)\n", remove: []string{"net/http"},
		want: "package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n"},
	{name: "remove a one-line declaration",
		src: "package p\n\nimport \"fmt\"\n\nvar x = 1\n", remove: []string{"fmt"},
		want: "package p\n\nvar x = 1\n"},
	{name: "remove a declaration with its doc",
		src: "package p\n\nimport \"os\"\n\n// fmt formats.\nimport \"fmt\" // and prints\n\nvar x = 1\n", remove: []string{"fmt"},
		want: "package p\n\nimport \"os\"\n\nvar x = 1\n"},
	{name: "remove a declaration between two",
		src: "package p\n\nimport \"fmt\"\nimport \"net/http\"\nimport \"os\"\n", remove: []string{"net/http"},
		want: "package p\n\nimport \"fmt\"\nimport \"os\"\n"},
	{name: "remove the last declaration before code",
		src: "package p\n\nimport \"fmt\"\nimport \"os\"\n\nvar x = 1\n", remove: []string{"os"},
		want: "package p\n\nimport \"fmt\"\n\nvar x = 1\n"},
	{name: "remove every import",
		src: "package p\n\nimport \"fmt\"\n\nimport (\n\t\"net/http\"\n\n\t\"os\"\n)\n\nvar x = 1\n", remove: []string{"fmt", "net/http", "os"},
		want: "package p\n\nvar x = 1\n"},
	{name: "remove the only import at the end of the file",
		src: "package p\n\nimport \"fmt\"\n", remove: []string{"fmt"},
		want: "package p\n"},

	{name: "replace a one-line import",
		src: "package p\n\nimport \"fmt\"\n\nvar x = 1\n", add: []newImport{errs, {path: "errors"}}, remove: []string{"fmt"},
		want: "package p\n\nimport (\n\t\"errors\"\n\t\"example.com/errs\"\n)\n\nvar x = 1\n"},
	{name: "replace the last spec of a group",
		src: "package p\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n", add: []newImport{errs}, remove: []string{"net/http"},
		want: "package p\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/errs\"\n)\n"},
	{name: "replace a group of its own at the end",
		src: "package p\n\nimport (\n\t\"fmt\"\n\n\t\"net/http\"\n)\n", add: []newImport{errs}, remove: []string{"net/http"},
		want: "package p\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/errs\"\n)\n"},
	{name: "replace the first declaration",
		src: "package p\n\nimport \"fmt\"\nimport \"os\"\n", add: []newImport{errs}, remove: []string{"fmt"},
		want: "package p\n\nimport (\n\t\"os\"\n\n\t\"example.com/errs\"\n)\n"},
	{name: "replace the import after cgo's",
		src: "package p\n\n// #include <stdio.h>\nimport \"C\"\n\nimport \"fmt\"\n\nfunc f() {}\n", add: []newImport{errs}, remove: []string{"fmt"},
		want: "package p\n\n// #include <stdio.h>\nimport \"C\"\n\nimport \"example.com/errs\"\n\nfunc f() {}\n"},
	{name: "replace the only import at the end of the file",
		src: "package p\n\nimport \"fmt\"\n", add: []newImport{errs}, remove: []string{"fmt"},
		want: "package p\n\nimport \"example.com/errs\"\n"},
}

// TestImportEdits applies the edits of every layout and requires the
// wanted source, gofmt-clean, from edits that neither overlap nor touch.
func TestImportEdits(t *testing.T) {
	t.Parallel()
	for _, tc := range importCases {
		t.Run(tc.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "p.go", tc.src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			var remove []*ast.ImportSpec
			for _, spec := range f.Imports {
				if slices.Contains(tc.remove, importPath(spec)) {
					remove = append(remove, spec)
				}
			}
			if len(remove) != len(tc.remove) {
				t.Fatalf("the source imports %d of %v", len(remove), tc.remove)
			}
			tok := fset.File(f.Pos())
			edits, ok := importEdits(f, tok, []byte(tc.src), tc.add, remove)
			if !ok {
				t.Fatal("importEdits failed")
			}
			requireSeparate(t, edits)
			got := apply(tok, tc.src, edits...)
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
			if formatted, err := format.Source([]byte(got)); err != nil || string(formatted) != got {
				t.Errorf("result is not gofmt-clean (err %v):\n%s", err, got)
			}
		})
	}
}

// requireSeparate requires edits to be in increasing order, with text
// between every two.
func requireSeparate(t *testing.T, edits []analysis.TextEdit) {
	t.Helper()
	for i, e := range edits {
		if e.End < e.Pos || i > 0 && e.Pos <= edits[i-1].End {
			t.Fatalf("edit %d [%d, %d) overlaps or touches the one before it, or ends before it starts: %v", i, e.Pos, e.End, edits)
		}
	}
}

// TestImportEditsDecline requires importEdits to fail, not to break the
// code or panic, when a spec to remove shares its line with other code or
// its declaration is left open at the end of the file.
func TestImportEditsDecline(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		"package p\n\nimport (\"fmt\"; \"os\")\n",
		"package p\n\nimport (\n\t\"fmt\"; \"os\"\n)\n",
		"package p; import \"fmt\"\n",
		"package p\n\nimport (\n\t\"os\"\n\t\"fmt\")\n",
		"package p\n\nimport (\n\t\"fmt\"\n",
	} {
		fset := token.NewFileSet()
		f, _ := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
		var remove []*ast.ImportSpec
		for _, spec := range f.Imports {
			if importPath(spec) == "fmt" {
				remove = append(remove, spec)
			}
		}
		if edits, ok := importEdits(f, fset.File(f.Pos()), []byte(src), []newImport{errs}, remove); ok {
			t.Errorf("%q: got edits %v, want a failure", src, edits)
		}
	}
}

func TestMergeEdits(t *testing.T) {
	t.Parallel()
	edit := func(pos, end int, text string) analysis.TextEdit {
		return analysis.TextEdit{Pos: token.Pos(pos), End: token.Pos(end), NewText: []byte(text)}
	}
	for _, tc := range []struct {
		name  string
		edits []analysis.TextEdit
		want  []analysis.TextEdit
		ok    bool
	}{
		{"apart, out of order", []analysis.TextEdit{edit(10, 12, "b"), edit(1, 3, "a")}, []analysis.TextEdit{edit(1, 3, "a"), edit(10, 12, "b")}, true},
		{"a deletion, then an insertion where it ends", []analysis.TextEdit{edit(5, 5, "b"), edit(1, 5, "")}, []analysis.TextEdit{edit(1, 5, "b")}, true},
		{"an insertion, then a deletion where it is", []analysis.TextEdit{edit(5, 8, "b"), edit(5, 5, "a")}, []analysis.TextEdit{edit(5, 8, "ab")}, true},
		{"two insertions at one place, in order", []analysis.TextEdit{edit(5, 5, "a"), edit(5, 5, "b")}, []analysis.TextEdit{edit(5, 5, "ab")}, true},
		{"overlapping", []analysis.TextEdit{edit(1, 5, "a"), edit(4, 6, "b")}, nil, false},
		{"the same line twice", []analysis.TextEdit{edit(1, 5, "a"), edit(1, 5, "b")}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := mergeEdits(tc.edits)
			if ok != tc.ok || !slices.EqualFunc(got, tc.want, func(x, y analysis.TextEdit) bool {
				return x.Pos == y.Pos && x.End == y.End && string(x.NewText) == string(y.NewText)
			}) {
				t.Errorf("mergeEdits(%v) = %v, %v; want %v, %v", tc.edits, got, ok, tc.want, tc.ok)
			}
		})
	}
}
