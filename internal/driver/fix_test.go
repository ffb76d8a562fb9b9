package driver

import (
	"go/types"
	"strings"
	"testing"
)

func TestMerge(t *testing.T) {
	accepted := []edit{{10, 20, "x"}, {30, 30, "import"}}
	for _, tc := range []struct {
		name  string
		edits []edit
		want  []edit // nil: a conflict
	}{
		{"disjoint", []edit{{0, 5, "a"}}, []edit{{0, 5, "a"}, {10, 20, "x"}, {30, 30, "import"}}},
		{"identical insertion coalesced", []edit{{30, 30, "import"}}, accepted},
		{"identical replacement coalesced", []edit{{10, 20, "x"}, {40, 41, ""}}, []edit{{10, 20, "x"}, {30, 30, "import"}, {40, 41, ""}}},
		{"adjacent", []edit{{20, 25, "b"}}, []edit{{10, 20, "x"}, {20, 25, "b"}, {30, 30, "import"}}},
		{"overlap", []edit{{15, 25, "b"}}, nil},
		{"other text at the same insertion point", []edit{{30, 30, "other"}}, nil},
		{"insertion inside a replacement", []edit{{12, 12, "b"}}, nil},
		{"different replacement of the same range", []edit{{10, 20, "y"}}, nil},
		{"edits of one fix overlapping", []edit{{0, 5, "a"}, {3, 8, "b"}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := merge(accepted, tc.edits)
			if tc.want == nil {
				if ok {
					t.Fatalf("merge = %v, want a conflict", got)
				}
				return
			}
			if !ok {
				t.Fatalf("merge: conflict, want %v", tc.want)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("merge = %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("merge = %v, want %v", got, tc.want)
				}
			}
		})
	}
}

// TestFixedSource checks that the edited file is formatted and loses the
// imports the edits left unused, keeping new and blank ones.
func TestFixedSource(t *testing.T) {
	const src = `package p

import (
	"fmt"
	_ "embed"
	"net/http"
)

func f(w http.ResponseWriter) { fmt.Fprint(w, "x") }
`
	fmtPkg := types.NewPackage("fmt", "fmt")
	httpPkg := types.NewPackage("net/http", "http")
	pkg := types.NewPackage("example.com/p", "p")
	pkg.SetImports([]*types.Package{fmtPkg, httpPkg, types.NewPackage("embed", "embed")})
	insert := strings.Index(src, "\t_ \"embed\"")
	call := strings.Index(src, "fmt.Fprint")
	ff := &fileFixes{
		baseline: []byte(src),
		pkg:      pkg,
		edits: []edit{
			{insert, insert, "\t\"example.com/apierror\"\n"},
			{call, call + len(`fmt.Fprint(w, "x")`), `apierror.Write(w,   nil)`},
		},
	}
	const want = `package p

import (
	_ "embed"
	"example.com/apierror"
	"net/http"
)

func f(w http.ResponseWriter) { apierror.Write(w, nil) }
`
	if got := string(fixedSource(ff)); got != want {
		t.Errorf("fixedSource:\n%s\nwant:\n%s", got, want)
	}
}
