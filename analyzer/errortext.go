package analyzer

import (
	"go/ast"
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

// constantText reports whether the error e shows a constant text: it was
// made by a text maker from constants (and numbers) and the module's
// sentinels, whose text is constant too (fmt.Errorf("later: %w",
// errBusy)), in the call e or in every assignment of the local variable
// e.
func (f *flow) constantText(e ast.Expr) bool {
	calls := f.textMakerCalls(e)
	for _, call := range calls {
		for _, arg := range call.Args {
			tv, ok := f.s.pass.TypesInfo.Types[arg]
			if !ok || (tv.Value == nil && !cannotCarryText(tv.Type) && !f.s.isModuleSentinel(arg)) {
				return false
			}
		}
	}
	return len(calls) > 0
}

// textMakerCalls returns the calls of text makers that made the error e:
// e itself, or every value assigned to the local variable e; or nil if
// another call or value may have made it.
func (f *flow) textMakerCalls(e ast.Expr) []*ast.CallExpr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		if call := f.textMakerCall(e); call != nil {
			return []*ast.CallExpr{call}
		}
		return nil
	}
	v := f.localVar(id)
	if v == nil || f.incomplete {
		return nil // not a local, or one whose assignments may be lost
	}
	var calls []*ast.CallExpr
	declared := false
	for _, a := range f.assigns[v] {
		call := f.textMakerCall(a.rhs)
		if a.kind != assignValue || call == nil {
			return nil
		}
		calls = append(calls, call)
		// The statement that declares v holds v's name before the value.
		declared = declared || (a.pos <= v.Pos() && v.Pos() < a.rhs.Pos())
	}
	if !declared {
		return nil // a parameter, whose callers choose its first value
	}
	return calls
}

// textMakerCall returns e if it is a call of a text maker.
func (f *flow) textMakerCall(e ast.Expr) *ast.CallExpr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, _ := typeutil.Callee(f.s.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return nil
	}
	for _, m := range textMakers {
		if fn.Pkg().Path() == m.pkg && fn.Name() == m.name {
			return call
		}
	}
	return nil
}
