package analyzer

import (
	"go/ast"
	"go/types"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestWellTypedAcceptsWellTypedCode requires every declaration of packages
// that type-check to be well-typed: the analyzer says nothing about what
// wellTyped rejects, so a false rejection loses findings silently. The
// packages cover generics, cgo-free low-level code, templates and
// reflection-heavy encoders.
func TestWellTypedAcceptsWellTypedCode(t *testing.T) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax}
	pkgs, err := packages.Load(cfg, "net/http", "encoding/json", "go/types", "slices", "maps", "iter", "text/template", "fmt")
	if err != nil {
		t.Fatal(err)
	}
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
