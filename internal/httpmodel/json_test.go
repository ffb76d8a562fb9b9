package httpmodel

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// fakeJSONIter is the part of jsoniter's API that the JSON table names,
// with a function of the same package that it does not.
const fakeJSONIter = `package jsoniter

import "io"

type API interface {
	Marshal(v any) ([]byte, error)
	Unmarshal(data []byte, v any) error
	NewEncoder(w io.Writer) *Encoder
}

type Encoder struct{}

func (e *Encoder) Encode(v any) error { return nil }

func Marshal(v any) ([]byte, error)      { return nil, nil }
func Unmarshal(data []byte, v any) error { return nil }
func NewEncoder(w io.Writer) *Encoder    { return nil }
func Valid(data []byte) bool             { return true }
`

// TestJSONTable checks the JSON table's Marshals, Encoders and Encode
// rows on a package of jsoniter's path, and that the package's decoding
// functions are none of them.
func TestJSONTable(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "jsoniter.go", fakeJSONIter, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check(jsoniterPkg, fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := Default()
	for _, tt := range []struct {
		recv, name       string
		marshals, encode bool
	}{
		{"", "Marshal", true, false},
		{"API", "Marshal", true, false},
		{"", "NewEncoder", false, true},
		{"API", "NewEncoder", false, true},
		{"", "Unmarshal", false, false},
		{"API", "Unmarshal", false, false},
		{"", "Valid", false, false},
	} {
		fn := lookupFunc(t, pkg, tt.recv, tt.name)
		if got := r.Marshals(fn); got != tt.marshals {
			t.Errorf("Marshals(%s.%s) = %v, want %v", tt.recv, tt.name, got, tt.marshals)
		}
		if got := r.IsEncoder(fn); got != tt.encode {
			t.Errorf("IsEncoder(%s.%s) = %v, want %v", tt.recv, tt.name, got, tt.encode)
		}
	}
	c := r.Call(lookupFunc(t, pkg, "Encoder", "Encode"))
	if c == nil || r.Owner(c) != JSON || c.Writer != Encoder || !c.Body.JSON || !c.Checked {
		t.Errorf("Call(Encoder.Encode) = %+v, want the JSON table's Encode row", c)
	}
}
