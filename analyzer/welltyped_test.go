package analyzer

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// wellTypedStd are the packages TestWellTypedAcceptsWellTypedCode checks,
// with their dependencies.
var wellTypedStd = []string{"net/http", "encoding/json", "go/types", "slices", "maps", "iter", "text/template", "fmt"}

// TestWellTypedAcceptsWellTypedCode requires every declaration of packages
// that type-check to be well-typed: the analyzer says nothing about what
// wellTyped rejects, so a false rejection loses findings silently. The
// packages cover generics, cgo-free low-level code, templates and
// reflection-heavy encoders.
func TestWellTypedAcceptsWellTypedCode(t *testing.T) {
	t.Parallel()
	pkgs := loadTestdata(t, wellTypedStd...)
	requireNoErrors(t, pkgs)
	checked := 0
	for pkg := range packages.Postorder(pkgs) {
		ty := newTyping(pkg.TypesInfo, pkg.TypeErrors)
		for _, file := range pkg.Syntax {
			for _, decl := range file.Decls {
				for _, n := range declParts(decl) {
					checked++
					if !ty.wellTyped(n) {
						t.Errorf("%s: %s is not well-typed", pkg.Fset.Position(n.Pos()), illTypedPart(ty, n))
					}
				}
			}
		}
	}
	if checked < 10000 {
		t.Errorf("only %d declarations checked", checked)
	}
}

// declParts returns the parts of a declaration that wellTyped can judge:
// a function's body and parameters, a type's definition, a variable's or
// constant's type and values.
func declParts(decl ast.Decl) []ast.Node {
	var parts []ast.Node
	switch decl := decl.(type) {
	case *ast.FuncDecl:
		for _, list := range []*ast.FieldList{decl.Recv, decl.Type.TypeParams, decl.Type.Params, decl.Type.Results} {
			if list != nil {
				for _, field := range list.List {
					parts = append(parts, field)
				}
			}
		}
		if decl.Body != nil {
			parts = append(parts, decl.Body)
		}
	case *ast.GenDecl:
		for _, spec := range decl.Specs {
			switch spec := spec.(type) {
			case *ast.TypeSpec:
				parts = append(parts, spec.Type)
			case *ast.ValueSpec:
				if spec.Type != nil {
					parts = append(parts, spec.Type)
				}
				for _, v := range spec.Values {
					parts = append(parts, v)
				}
			}
		}
	}
	return parts
}

// illTypedPart returns the innermost node of n that wellTyped rejects.
func illTypedPart(ty *typing, n ast.Node) string {
	bad := n
	ast.Inspect(n, func(m ast.Node) bool {
		if m == nil || ty.wellTyped(m) {
			return false
		}
		bad = m
		return true
	})
	if e, ok := bad.(ast.Expr); ok {
		return types.ExprString(e)
	}
	return "a statement"
}

// TestWellTyped checks what wellTyped accepts and rejects, on expressions
// that use an undefined name, a package that cannot be imported, a type
// that is invalid or holds an invalid one, arguments the type-checker
// rejects, and a syntax error.
func TestWellTyped(t *testing.T) {
	t.Parallel()
	tests := []struct {
		expr string
		want bool
	}{
		{`s + "x"`, true},
		{`n * 2`, true},
		{`f(n)`, true},
		{`len(s)`, true},
		{`len([3]int{})`, true}, // a constant call, whose builtin is recorded as invalid
		{`[...]int{1, 2}`, true},
		{"struct{ A string `json:\"a\"` }{A: s}", true},
		{`func(x int) int { return x }`, true},
		{`list.next.v`, true},
		{`T{}.F`, true}, // a field of a valid type, in a struct that has an invalid one
		{`undefined`, false},
		{`s + undefined`, false},
		{`f(s)`, false},
		{`f()`, false},
		{`l`, false},
		{`T{}.G`, false},
		{`missing.X`, false},
		{`[]undefinedT{}`, false},
		{`g`, false},
		{`func() { undefined() }`, false},
		{`(s + )`, false},
	}
	src := `package p

import "missing"

type T struct {
	F int
	G undefinedT
}

type Loop Loop

type List struct {
	next *List
	v    int
}

var (
	s    string
	n    int
	l    Loop
	list List
)

func f(int) string { return "" }

func g() (undefinedT, error) { return nil, nil }
`
	for i, tc := range tests {
		src += fmt.Sprintf("\nfunc case%d() { _ = %s }\n", i, tc.expr)
	}
	fset := token.NewFileSet()
	file, _ := parser.ParseFile(fset, "p.go", src, 0)
	info := &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue),
		Defs:       make(map[*ast.Ident]types.Object),
		Uses:       make(map[*ast.Ident]types.Object),
		Selections: make(map[*ast.SelectorExpr]*types.Selection),
	}
	var errs []types.Error
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) { return nil, fmt.Errorf("no package %s", path) }),
		Error:    func(err error) { errs = append(errs, err.(types.Error)) },
	}
	conf.Check("p", fset, []*ast.File{file}, info)
	ty := newTyping(info, errs)
	checked := 0
	for _, decl := range file.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || !strings.HasPrefix(fd.Name.Name, "case") {
			continue
		}
		i, _ := strconv.Atoi(strings.TrimPrefix(fd.Name.Name, "case"))
		e := fd.Body.List[0].(*ast.AssignStmt).Rhs[0]
		if got := ty.wellTyped(e); got != tests[i].want {
			t.Errorf("wellTyped(%s) = %v, want %v", tests[i].expr, got, tests[i].want)
		}
		checked++
	}
	if checked != len(tests) {
		t.Errorf("%d of %d cases checked", checked, len(tests))
	}
}
