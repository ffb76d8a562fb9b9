package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// A closure is a function literal assigned once to a local variable
// (reply := func(code int, msg string) { ... }), which the package's
// summaries cover like a declared function: its calls through the
// variable are checked as a helper's.
type closure struct {
	v    *types.Var
	fn   *types.Func   // stands for the literal; never exported as a fact
	decl *ast.FuncDecl // the literal's type and body
}

// closures returns the function literals of the package's declarations
// that are assigned once, by a definition, to a local variable, and are
// not registered as handlers.
func (s *state) closures() []closure {
	var list []closure
	for cur := range s.root().Preorder((*ast.AssignStmt)(nil)) {
		as := cur.Node().(*ast.AssignStmt)
		if as.Tok != token.DEFINE || len(as.Lhs) != len(as.Rhs) {
			continue
		}
		for i, lhs := range as.Lhs {
			if c, ok := s.closureOf(lhs, as.Rhs[i]); ok && inFuncDecl(cur) {
				list = append(list, c)
			}
		}
	}
	return list
}

// inFuncDecl reports whether cur is in the body of a declared function,
// not of a literal in a package-level variable's value.
func inFuncDecl(cur inspector.Cursor) bool {
	for range cur.Enclosing((*ast.FuncDecl)(nil)) {
		return true
	}
	return false
}

// closureOf returns the closure that lhs := rhs defines, if rhs is a
// function literal and lhs a local variable assigned nothing else.
func (s *state) closureOf(lhs, rhs ast.Expr) (closure, bool) {
	lit, ok := ast.Unparen(rhs).(*ast.FuncLit)
	id, isIdent := lhs.(*ast.Ident)
	if !ok || !isIdent || s.isRegistered(lit) {
		return closure{}, false
	}
	v, _ := s.pass.TypesInfo.Defs[id].(*types.Var)
	sig, isSig := s.pass.TypesInfo.TypeOf(lit).(*types.Signature)
	if v == nil || !isSig || !validType(sig) || s.singleAssignment(id, v) != rhs {
		return closure{}, false // reassigned: which literal a call runs is not known
	}
	fn := types.NewFunc(lit.Pos(), s.pass.Pkg, id.Name, sig)
	return closure{v: v, fn: fn, decl: &ast.FuncDecl{Name: id, Type: lit.Type, Body: lit.Body}}, true
}

// localFunc returns the function that a call of the local variable v
// runs: the closure assigned to it, or the function or method value
// (report := writePlain, fail := s.writeError) it is assigned once; or nil.
func (s *state) localFunc(v *types.Var) *types.Func {
	if fn, ok := s.closureFuncs[v]; ok {
		return fn
	}
	if v.Pkg() != s.pass.Pkg || v.Parent() == nil || v.Parent() == s.pass.Pkg.Scope() {
		return nil // not a local variable of this package
	}
	switch rhs := ast.Unparen(s.singleAssignmentAt(v.Pos(), v)).(type) {
	case *ast.Ident:
		fn, _ := s.pass.TypesInfo.Uses[rhs].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		if sel := s.pass.TypesInfo.Selections[rhs]; sel != nil {
			if sel.Kind() != types.MethodVal {
				return nil // a field, or a method expression
			}
		}
		fn, _ := s.pass.TypesInfo.Uses[rhs.Sel].(*types.Func)
		return fn
	}
	return nil
}
