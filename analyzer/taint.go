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

// errorVar returns the variable whose error text the source renders: err
// in err.Error(), or an error variable formatted by fmt; nil for other
// sources, such as recover() or a stack trace.
func (src *source) errorVar() *ast.Ident {
	e, ok := src.node.(ast.Expr)
	if !ok {
		return nil
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || len(call.Args) != 0 || sel.Sel.Name != "Error" {
			return nil
		}
		e = sel.X
	}
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
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

// A taint is what error text a value may carry: the first source of it in
// the function, and the function's parameters whose text flows into it
// (which callers see through the function's summary).
type taint struct {
	src    *source
	params bitset
}

// or merges u into t, keeping t's source if it has one.
func (t taint) or(u taint) taint {
	if t.src == nil {
		t.src = u.src
	}
	t.params |= u.params
	return t
}

// A bitset is a set of parameter indexes below 64.
type bitset uint64

func (b bitset) has(i int) bool { return i < 64 && b&(1<<i) != 0 }

func (b bitset) indexes() []int {
	var list []int
	for i := range 64 {
		if b.has(i) {
			list = append(list, i)
		}
	}
	return list
}

func bitOf(i int) bitset {
	if i >= 64 {
		return 0
	}
	return 1 << i
}

// taint returns the error text that e may carry. With formatted set, e is
// rendered by fmt, so an error value shows its text. A non-zero before
// bounds the assignments of the variables e names to those written before
// it. An expression that does not type-check carries none that the rules
// can claim.
func (f *flow) taint(e ast.Expr, formatted bool, before token.Pos) taint {
	if !f.s.wellTyped(e) {
		return taint{} // what it carries is not known
	}
	return f.exprTaint(e, formatted, before)
}

// exprTaint is taint of an expression known to be well-typed.
func (f *flow) exprTaint(e ast.Expr, formatted bool, before token.Pos) taint {
	t := f.s.pass.TypesInfo.TypeOf(e)
	if t == nil || cannotCarryText(t) {
		return taint{}
	}
	if formatted && f.s.isErrorValue(t) && !f.s.isModuleSentinel(e) {
		// The text of an error made by errors.New or fmt.Errorf is its
		// arguments': name the error text among them, if there is one.
		if f.textMakerCalls(e) != nil {
			if t := f.exprTaint(e, false, before); t.src != nil || f.constantText(e) {
				return t
			}
		}
		return taint{src: &source{e}}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v := f.localVar(e); v != nil {
			return f.varTaint(v, before)
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return f.exprTaint(e.X, false, before).or(f.exprTaint(e.Y, false, before))
		}
	case *ast.CallExpr:
		return f.callTaint(e, formatted, before)
	case *ast.CompositeLit:
		var all taint
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			all = all.or(f.exprTaint(elt, formatted, before))
		}
		return all
	case *ast.UnaryExpr:
		return f.exprTaint(e.X, formatted, before)
	case *ast.StarExpr:
		return f.exprTaint(e.X, formatted, before)
	case *ast.IndexExpr:
		return f.exprTaint(e.X, formatted, before)
	case *ast.SliceExpr:
		return f.exprTaint(e.X, formatted, before)
	case *ast.TypeAssertExpr:
		return f.exprTaint(e.X, formatted, before)
	case *ast.SelectorExpr:
		if sel := f.s.pass.TypesInfo.Selections[e]; sel != nil && sel.Kind() == types.FieldVal {
			return f.exprTaint(e.X, formatted, before)
		}
	}
	return taint{}
}

func (f *flow) callTaint(call *ast.CallExpr, formatted bool, before token.Pos) taint {
	info := f.s.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) != 1 {
			return taint{}
		}
		return f.exprTaint(call.Args[0], formatted, before) // a conversion
	}
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		switch fn.Name() {
		case "append":
			return f.argsTaint(call.Args, formatted, before)
		case "recover":
			return taint{src: &source{call}}
		}
	case *types.Func:
		return f.funcTaint(call, fn, before)
	}
	return taint{}
}

func (f *flow) funcTaint(call *ast.CallExpr, fn *types.Func, before token.Pos) taint {
	if isErrorMethod(fn) {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (f.s.isSafeError(sel.X) || f.constantText(sel.X)) {
			return taint{}
		}
		return taint{src: &source{call}}
	}
	if fn.Pkg() == nil {
		return taint{}
	}
	path, name := fn.Pkg().Path(), fn.Name()
	switch {
	case path == "runtime/debug" && name == "Stack":
		return taint{src: &source{call}}
	case path == "fmt":
		var ops []payload
		switch name {
		case "Sprint", "Sprintln", "Errorf", "Sprintf":
			ops = f.s.formattedOperands(call, name == "Sprintf" || name == "Errorf", 0)
		case "Append", "Appendln", "Appendf":
			if len(call.Args) == 0 {
				return taint{} // not a call fmt.Append can be
			}
			ops = f.s.formattedOperands(call, name == "Appendf", 1)
			ops = append(ops, payload{expr: call.Args[0]})
		}
		var all taint
		for _, op := range ops {
			all = all.or(f.exprTaint(op.expr, op.formatted, before))
		}
		return all
	case f.s.model.Marshals(fn):
		// A JSON encoder's Marshal: its result is its arguments'
		// encoding; a configured API's receiver carries no text.
		return f.argsTaint(call.Args, false, before)
	case textPackages[path]:
		var all taint
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil {
			all = f.exprTaint(sel.X, false, before)
		}
		return all.or(f.argsTaint(call.Args, false, before))
	}
	if sum := f.s.summaryOf(fn); sum != nil {
		return f.summaryTaint(call, fn.Signature(), sum, before)
	}
	return taint{}
}

// summaryTaint returns the taint of a call's result from the callee's
// summary: error text it makes, and that of the arguments it passes on.
func (f *flow) summaryTaint(call *ast.CallExpr, sig *types.Signature, sum *summary, before token.Pos) taint {
	var t taint
	if sum.ResultText {
		t.src = &source{call}
	}
	for _, i := range sum.ResultParams {
		for _, arg := range argsAt(call, sig, i) {
			t = t.or(f.exprTaint(arg, false, before))
		}
	}
	return t
}

func (f *flow) argsTaint(args []ast.Expr, formatted bool, before token.Pos) taint {
	var all taint
	for _, arg := range args {
		all = all.or(f.exprTaint(arg, formatted, before))
	}
	return all
}

// varTaint returns the error text that the local variable v may hold at a
// use at position before (or anywhere, if before is zero). A parameter
// carries its own text, for the function's summary.
//
// Variables that are assigned from each other form cycles. A variable met
// again while its taint is being computed contributes nothing there, and
// what was computed below it is partial: the whole cycle (a strongly
// connected component, found as Tarjan's algorithm does) carries the same
// text, known only once the first variable of it met is done. Only then
// are its members memoized, so a result never depends on which variable a
// rule asked about first.
func (f *flow) varTaint(v *types.Var, before token.Pos) taint {
	if before == token.NoPos {
		if t, ok := f.taints[v]; ok {
			if low, partial := f.tainting.partial[v]; partial {
				f.tainting.low = min(f.tainting.low, low)
			}
			return t
		}
	}
	tt := &f.tainting
	if depth, ok := tt.depth[v]; ok {
		tt.low = min(tt.low, depth) // a cycle: its first variable decides
		return taint{}
	}
	depth, outer, members := len(tt.depth), tt.low, len(tt.members)
	tt.depth[v] = depth
	tt.low = depth
	var t taint
	if i, ok := f.params[v]; ok && passesText(f.s.pass.Pkg, v.Type()) {
		t.params = bitOf(i)
	}
	for _, a := range f.assigns[v] {
		if before == token.NoPos || f.reaches(a, before) {
			t = t.or(f.assignTaint(a))
		}
	}
	delete(tt.depth, v)
	switch {
	case tt.low < depth: // part of a cycle through a variable still open
		if before == token.NoPos {
			f.taints[v] = t
			tt.partial[v] = tt.low
			tt.members = append(tt.members, v)
		}
		tt.low = min(outer, tt.low)
		return t
	case before == token.NoPos: // the first of its cycle: all are done
		for _, m := range tt.members[members:] {
			f.taints[m] = t
			delete(tt.partial, m)
		}
		f.taints[v] = t
	default: // bounded: the members' text is not v's at this use
		for _, m := range tt.members[members:] {
			delete(f.taints, m)
			delete(tt.partial, m)
		}
	}
	tt.members = tt.members[:members]
	tt.low = outer
	return t
}

func (f *flow) assignTaint(a assignment) taint {
	if a.src != nil {
		if !f.s.wellTyped(a.src.node) {
			return taint{} // a source that does not type-check is none
		}
		return taint{src: a.src}
	}
	if a.rhs == nil {
		return taint{}
	}
	return f.taint(a.rhs, a.kind == assignFormatted, token.NoPos)
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
//
// A framework's error type (*fiber.Error, *huma.ErrorDetail) is not: its
// text is that of the values it was built from, which taint follows, and
// its constructor's are checked where it is called.
func (s *state) isErrorValue(t types.Type) bool {
	return types.Implements(t, errorType) && !s.isPublicType(t) && !s.model.Public(t)
}

// isSafeError reports whether the text of the error e is safe for clients:
// its type is documented so, or it is one of the module's sentinels.
func (s *state) isSafeError(e ast.Expr) bool {
	return s.isPublicType(s.pass.TypesInfo.TypeOf(e)) || s.isModuleSentinel(e)
}

// isPublicType reports whether t, or what it points to, is an error type
// declared public.
func (s *state) isPublicType(t types.Type) bool {
	tn := typeNameOf(t)
	if tn == nil || tn.Pkg() == nil || !s.isCanonicalPkg(tn.Pkg()) {
		return false
	}
	return s.isPublicTypeName(tn)
}
