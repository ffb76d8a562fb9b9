package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcontract/errcontract/internal/httpmodel"
)

// statusSetBefore returns the status that a framework body write without
// a status argument writes: set by a Status call chained to its receiver
// (c.Status(404).JSON(v)), or by the nearest Status call of the same
// framework in an earlier statement of its block.
func (s *state) statusSetBefore(call *ast.CallExpr, row *httpmodel.Call) ast.Expr {
	fw := s.model.Owner(row)
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if status := s.frameworkStatusArg(sel.X, fw); status != nil {
			return status
		}
	}
	fi := s.fileOf(call.Pos())
	path, _ := astutil.PathEnclosingInterval(fi.file, call.Pos(), call.End())
	for i, n := range path {
		list, ok := stmtList(n)
		if !ok || i == 0 {
			continue
		}
		at := slices.IndexFunc(list, func(st ast.Stmt) bool { return st == path[i-1] })
		for j := at - 1; j >= 0; j-- {
			if expr, ok := list[j].(*ast.ExprStmt); ok {
				if status := s.frameworkStatusArg(expr.X, fw); status != nil {
					return status
				}
			}
		}
		return nil // only the innermost block
	}
	return nil
}

// frameworkStatusArg returns the status argument of e if e is a call of a
// status-setting row of the framework fw.
func (s *state) frameworkStatusArg(e ast.Expr, fw *httpmodel.Framework) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, _ := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return nil
	}
	row := s.modelCall(fn)
	if row == nil || row.Effect != httpmodel.SetsStatus || s.model.Owner(row) != fw {
		return nil
	}
	if i, ok := row.Status.Index(); ok && i < len(call.Args) {
		return call.Args[i]
	}
	return nil
}

// checkReturnedErrors reports error text that a framework handler returns
// to a renderer that shows it to the client: a function with a handler's
// signature, or one registered as a handler of a framework whose
// handlers only a registration tells.
func (s *state) checkReturnedErrors(root inspector.Cursor) {
	for cur := range root.Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var sig *types.Signature
		switch fn := cur.Node().(type) {
		case *ast.FuncDecl:
			if obj, ok := s.pass.TypesInfo.Defs[fn.Name].(*types.Func); ok {
				sig = obj.Signature()
			}
		case *ast.FuncLit:
			sig, _ = s.pass.TypesInfo.TypeOf(fn).(*types.Signature)
		}
		body := funcBody(cur.Node())
		if sig == nil || body == nil {
			continue
		}
		if fw, h := s.model.Handler(sig); fw != nil && fw.Renderer != nil && h.ReturnsError() {
			s.checkReturns(body, sig, s.renderingOf(fw))
		}
	}
	checked := make(map[ast.Node]bool)
	for _, reg := range s.registrations() {
		h := reg.fw.Handler(reg.sig)
		if !h.Registered || !h.ReturnsError() || reg.fw.Renderer == nil || checked[reg.handler] {
			continue // checked above, or once already
		}
		checked[reg.handler] = true
		s.checkReturns(funcBody(reg.handler), reg.sig, s.renderingOf(reg.fw))
	}
}

// checkReturns checks the errors that the returns of a handler's body
// give its renderer: their last result, of a handler with signature sig.
func (s *state) checkReturns(body *ast.BlockStmt, sig *types.Signature, r *rendering) {
	if body == nil || r.silent {
		return // a declaration without a body, or errors the app shows not
	}
	f := s.flowAt(body.Pos())
	results := sig.Results().Len()
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			if len(n.Results) == results {
				s.checkReturned(f, n.Results[results-1], r)
			}
		}
		return true
	})
}

func (s *state) checkReturned(f *flow, e ast.Expr, r *rendering) {
	t := s.pass.TypesInfo.TypeOf(e)
	if t == nil || s.isPublicType(t) || s.model.Public(t) || isNilIdent(s.pass.TypesInfo, e) {
		return
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if fn := s.callee(call); fn != nil && (s.modelCall(fn) != nil || s.isCanonicalFunc(fn) || s.writesResponse(fn) || matchesAny(r.passOn, fn)) {
			return // the error of a write, a canonical error, or another's
		}
	}
	if !r.shows && !s.assignedFrom(f, e, r.textFrom) {
		return
	}
	if s.assignedFrom(f, e, r.passOn) {
		return
	}
	src := f.taint(e, false, e.Pos()).src
	if src == nil {
		src = f.taint(e, true, e.Pos()).src
	}
	if src == nil {
		return
	}
	d := analysis.Diagnostic{
		Pos:      e.Pos(),
		End:      e.End(),
		Category: ruleErrorLeak,
		Message:  "error text from " + describeSource(src) + " reaches the response body via " + r.via,
	}
	if src.node != e {
		d.Related = []analysis.RelatedInformation{{Pos: src.node.Pos(), End: src.node.End(), Message: "the error text comes from here"}}
	}
	d.Related = append(d.Related, r.related...)
	s.r.report(d)
}

// assignedFrom reports whether the variable e was assigned the result of
// one of the functions or methods funcs.
func (s *state) assignedFrom(f *flow, e ast.Expr, funcs []httpmodel.Func) bool {
	if len(funcs) == 0 {
		return false
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v := f.localVar(id)
	if v == nil {
		return false
	}
	for _, a := range f.assigns[v] {
		call, ok := ast.Unparen(a.rhs).(*ast.CallExpr)
		if !ok {
			continue
		}
		fn, _ := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
		if fn != nil && matchesAny(funcs, fn) {
			return true
		}
	}
	return false
}

// matchesAny reports whether fn is one of funcs.
func matchesAny(funcs []httpmodel.Func, fn *types.Func) bool {
	return slices.ContainsFunc(funcs, func(f httpmodel.Func) bool { return f.Matches(fn) })
}

// contextOf returns the framework context a call chain starts from:
// c in c.Status(404).JSON(v).
func contextOf(e ast.Expr) ast.Expr {
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return e
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return e
		}
		e = sel.X
	}
}

// writesResponse reports whether fn's summary says it writes a response:
// the error it returns is that of the write.
func (s *state) writesResponse(fn *types.Func) bool {
	sum := s.summaryOf(fn)
	return sum != nil && (len(sum.BodyParams) > 0 || len(sum.StatusParams) > 0 || len(sum.Statuses) > 0 || sum.WritesError)
}

// bindRendered narrows the site of a call that renders a composite
// literal, render.Render(w, r, &errResponse{...}), to what the encoder
// writes of it: the values of its exported fields not tagged json:"-".
// Its status is the field that the value's method (the row's Method)
// passes to a status call of the framework, where the literal sets it.
func (s *state) bindRendered(site *site, call *ast.CallExpr) {
	i, ok := site.row.Body.From.Index()
	if !ok || i >= len(call.Args) {
		return
	}
	lit, _ := ast.Unparen(call.Args[i]).(*ast.CompositeLit)
	if u, ok := ast.Unparen(call.Args[i]).(*ast.UnaryExpr); ok && u.Op == token.AND {
		lit, _ = ast.Unparen(u.X).(*ast.CompositeLit)
	}
	if lit == nil {
		return
	}
	st, _ := s.pass.TypesInfo.TypeOf(lit).Underlying().(*types.Struct)
	if st == nil {
		return
	}
	site.payload = nil
	values := fieldValues(s.pass.TypesInfo, lit, st)
	for j := range st.NumFields() {
		if v := values[st.Field(j)]; v != nil && st.Field(j).Exported() && reflect.StructTag(st.Tag(j)).Get("json") != "-" {
			site.payload = append(site.payload, payload{expr: v})
		}
	}
	if field := s.statusField(s.pass.TypesInfo.TypeOf(lit), site.row); field != nil {
		site.status = values[field]
	}
}

// fieldValues returns the values that a struct literal gives its fields.
func fieldValues(info *types.Info, lit *ast.CompositeLit, st *types.Struct) map[*types.Var]ast.Expr {
	values := make(map[*types.Var]ast.Expr)
	for j, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				if v, ok := info.ObjectOf(key).(*types.Var); ok {
					values[v] = kv.Value
				}
			}
		} else if j < st.NumFields() {
			values[st.Field(j)] = elt
		}
	}
	return values
}

// statusField returns the field of t that t's method row.Method, declared
// in the package, passes as the status to a status call of the row's
// framework: e.HTTPStatusCode in render.Status(r, e.HTTPStatusCode).
func (s *state) statusField(t types.Type, row *httpmodel.Call) *types.Var {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, s.pass.Pkg, row.Method)
	fn, _ := obj.(*types.Func)
	decl := s.funcDecl(fn)
	if decl == nil || decl.Recv == nil || len(decl.Recv.List) != 1 || len(decl.Recv.List[0].Names) != 1 {
		return nil
	}
	recv := s.pass.TypesInfo.Defs[decl.Recv.List[0].Names[0]]
	fw := s.model.Owner(row)
	var field *types.Var
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok || field != nil {
			return field == nil
		}
		sel, ok := ast.Unparen(s.frameworkStatusArg(e, fw)).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && recv != nil && s.pass.TypesInfo.Uses[id] == recv {
			field, _ = s.pass.TypesInfo.ObjectOf(sel.Sel).(*types.Var)
		}
		return field == nil
	})
	return field
}
