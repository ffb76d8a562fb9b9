package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// textMakers are the functions that make an error whose text is made of
// their arguments alone, which taint follows: the text of
// errors.New("room not found") is constant, and that of fmt.Errorf is
// its format's with its operands'.
var textMakers = [...]struct{ pkg, name string }{
	{"errors", "New"},
	{"fmt", "Errorf"},
}

// constantText reports whether the error e shows a text that carries no
// error text: it was made by a text maker from constants, in the call e or
// in every assignment of the local variable e. Its Error text is then no
// more than what taint already follows.
func (f *flow) constantText(e ast.Expr, before token.Pos) bool {
	if !f.madeByTextMaker(e) {
		return false
	}
	t := f.exprTaint(e, false, before)
	return t.src == nil && t.params == 0
}

// madeByTextMaker reports whether e is a call of a text maker, or a local
// variable assigned only such calls.
func (f *flow) madeByTextMaker(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return f.isTextMakerCall(e)
	}
	v := f.localVar(id)
	if v == nil || f.incomplete || len(f.assigns[v]) == 0 {
		return false // not a local, or one whose assignments may be lost
	}
	declared := false
	for _, a := range f.assigns[v] {
		if a.kind != assignValue || !f.isTextMakerCall(a.rhs) {
			return false
		}
		// The statement that declares v holds v's name before the value.
		declared = declared || (a.pos <= v.Pos() && v.Pos() < a.rhs.Pos())
	}
	return declared // else a parameter, whose callers choose its first value
}

func (f *flow) isTextMakerCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(f.s.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return false
	}
	for _, m := range textMakers {
		if fn.Pkg().Path() == m.pkg && fn.Name() == m.name {
			return true
		}
	}
	return false
}
