package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A source is where error text comes from: an Error call, an error value
// rendered by fmt, recover(), or a stack trace.
type source struct {
	node ast.Node
}

// textPackages are the standard packages whose functions and methods return
// text derived from their arguments (and receiver), so that error text
// passes through them: strings.ToUpper, json.Marshal, url.QueryEscape, ...
var textPackages = map[string]bool{
	"bytes":         true,
	"encoding/json": true,
	"encoding/xml":  true,
	"errors":        true,
	"html":          true,
	"html/template": true,
	"net/url":       true,
	"strconv":       true,
	"strings":       true,
	"text/template": true,
}

// taint returns the source of the error text that e carries, or nil. With
// formatted set, e is rendered by fmt, so an error value shows its text.
// A non-zero before bounds the assignments of the variables e names to
// those written before it.
func (f *flow) taint(e ast.Expr, formatted bool, before token.Pos) *source {
	t := f.s.pass.TypesInfo.TypeOf(e)
	if t == nil || cannotCarryText(t) {
		return nil
	}
	if formatted && f.s.isErrorValue(t) {
		return &source{e}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v := f.localVar(e); v != nil {
			return f.varTaint(v, before)
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return firstSource(f.taint(e.X, false, before), f.taint(e.Y, false, before))
		}
	case *ast.CallExpr:
		return f.callTaint(e, formatted, before)
	case *ast.CompositeLit:
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if src := f.taint(elt, formatted, before); src != nil {
				return src
			}
		}
	case *ast.UnaryExpr:
		return f.taint(e.X, formatted, before)
	case *ast.StarExpr:
		return f.taint(e.X, formatted, before)
	case *ast.IndexExpr:
		return f.taint(e.X, formatted, before)
	case *ast.SliceExpr:
		return f.taint(e.X, formatted, before)
	case *ast.TypeAssertExpr:
		return f.taint(e.X, formatted, before)
	case *ast.SelectorExpr:
		if sel := f.s.pass.TypesInfo.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			return f.taint(e.X, formatted, before)
		}
	}
	return nil
}

func (f *flow) callTaint(call *ast.CallExpr, formatted bool, before token.Pos) *source {
	info := f.s.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) != 1 {
			return nil
		}
		return f.taint(call.Args[0], formatted, before) // a conversion
	}
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		switch fn.Name() {
		case "append":
			return f.anyTaint(call.Args, formatted, before)
		case "recover":
			return &source{call}
		}
	case *types.Func:
		return f.funcTaint(call, fn, before)
	}
	return nil
}

func (f *flow) funcTaint(call *ast.CallExpr, fn *types.Func, before token.Pos) *source {
	if isErrorMethod(fn) {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && f.s.isPublicType(f.s.pass.TypesInfo.TypeOf(sel.X)) {
			return nil // the type documents its text as safe for clients
		}
		return &source{call}
	}
	if fn.Pkg() == nil {
		return nil
	}
	path, name := fn.Pkg().Path(), fn.Name()
	switch {
	case path == "runtime/debug" && name == "Stack":
		return &source{call}
	case path == "fmt":
		var ops []payload
		switch name {
		case "Sprint", "Sprintln", "Errorf", "Sprintf":
			ops = f.s.formattedOperands(call, name == "Sprintf" || name == "Errorf", 0)
		case "Append", "Appendln", "Appendf":
			ops = f.s.formattedOperands(call, name == "Appendf", 1)
			ops = append(ops, payload{expr: call.Args[0]})
		}
		for _, op := range ops {
			if src := f.taint(op.expr, op.formatted, before); src != nil {
				return src
			}
		}
	case textPackages[path]:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil {
			if src := f.taint(sel.X, false, before); src != nil {
				return src
			}
		}
		return f.anyTaint(call.Args, false, before)
	}
	return nil
}

func (f *flow) anyTaint(args []ast.Expr, formatted bool, before token.Pos) *source {
	for _, arg := range args {
		if src := f.taint(arg, formatted, before); src != nil {
			return src
		}
	}
	return nil
}

// varTaint returns the source of error text that the local variable v may
// hold at a use at position before (or anywhere, if before is zero).
func (f *flow) varTaint(v *types.Var, before token.Pos) *source {
	if before == token.NoPos {
		if src, ok := f.taints[v]; ok {
			return src
		}
	}
	if f.visiting[v] {
		return nil // a cycle: its other assignments decide
	}
	f.visiting[v] = true
	var src *source
	for _, a := range f.assigns[v] {
		if before != token.NoPos && a.pos > before {
			continue
		}
		if src = f.assignTaint(a); src != nil {
			break
		}
	}
	delete(f.visiting, v)
	if before == token.NoPos {
		f.taints[v] = src
	}
	return src
}

func (f *flow) assignTaint(a assignment) *source {
	if a.src != nil {
		return a.src
	}
	if a.rhs == nil {
		return nil
	}
	return f.taint(a.rhs, a.kind == assignFormatted, token.NoPos)
}

func firstSource(a, b *source) *source {
	if a != nil {
		return a
	}
	return b
}

// cannotCarryText reports whether values of t cannot hold text: booleans
// and numbers.
func cannotCarryText(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsBoolean|types.IsNumeric|types.IsUntyped) != 0 && b.Info()&types.IsString == 0
}

// isErrorMethod reports whether fn is an Error() string method.
func isErrorMethod(fn *types.Func) bool {
	sig := fn.Signature()
	return fn.Name() == "Error" && sig.Recv() != nil && sig.Params().Len() == 0 &&
		sig.Results().Len() == 1 && isString(sig.Results().At(0).Type())
}

var (
	universeError = types.Universe.Lookup("error").Type()
	errorType     = universeError.Underlying().(*types.Interface)
)

// isErrorValue reports whether t is an error whose text is not documented
// as safe for clients.
func (s *state) isErrorValue(t types.Type) bool {
	return types.Implements(t, errorType) && !s.isPublicType(t)
}

// isPublicType reports whether t, or what it points to, is an error type
// marked //errcontract:public.
func (s *state) isPublicType(t types.Type) bool {
	if t == nil {
		return false
	}
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok || named.Obj().Pkg() == nil || !s.isCanonicalPkg(named.Obj().Pkg()) {
		return false
	}
	return s.pass.ImportObjectFact(named.Origin().Obj(), new(isPublic))
}
