package analyzer

import (
	"go/ast"
	"go/types"

	"github.com/errcontract/errcontract/internal/dataflow"
)

// typeNameOf returns the declaration of the named type that t is or
// points to, or nil.
func typeNameOf(t types.Type) *types.TypeName {
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if named, ok := t.(*types.Named); ok {
		return named.Origin().Obj()
	}
	return nil
}

// isNamed reports whether t is, or points to, the type name of package
// pkg.
func isNamed(t types.Type, pkg, name string) bool {
	tn := typeNameOf(t)
	return tn != nil && tn.Name() == name && tn.Pkg() != nil && tn.Pkg().Path() == pkg
}

// stmtList returns the statements of a block, case or select clause.
func stmtList(n ast.Node) ([]ast.Stmt, bool) {
	return dataflow.StmtList(n)
}
