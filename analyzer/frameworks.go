package analyzer

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// A frameworkFunc describes one method or function of a web framework that
// writes a response or builds an error response. The table below is all
// the analyzer knows of frameworks: matching is by package path, receiver
// type and name, and the rules treat every entry alike.
type frameworkFunc struct {
	pkg, recv, name string // recv is "" for a package-level function
	role            frameworkRole
	status          int   // index of the status argument; -1: set by an earlier Status call
	body            []int // indexes of the arguments that reach the body
	variadicBody    bool  // the last body index stands for all the arguments from there on
	formatted       bool  // fmt (or a %v-like rendering) shows the body arguments as text
	json            bool  // the body argument is encoded as JSON
}

// A frameworkRole says what a framework call does to a response.
type frameworkRole int

const (
	fwWrite     frameworkRole = iota // writes a body, and a status
	fwStatus                         // sets or writes only a status
	fwErrorCtor                      // builds an error response the framework renders
	fwRender                         // renders a value whose own method picks the status
)

const (
	ginPkg    = "github.com/gin-gonic/gin"
	echoPkg   = "github.com/labstack/echo/v4"
	fiberPkg  = "github.com/gofiber/fiber/v2"
	renderPkg = "github.com/go-chi/render"
)

var frameworkFuncs = []*frameworkFunc{
	// gin: the status first, then the body. Abort* do not end the handler.
	{pkg: ginPkg, recv: "Context", name: "JSON", status: 0, body: []int{1}, json: true},
	{pkg: ginPkg, recv: "Context", name: "IndentedJSON", status: 0, body: []int{1}, json: true},
	{pkg: ginPkg, recv: "Context", name: "PureJSON", status: 0, body: []int{1}, json: true},
	{pkg: ginPkg, recv: "Context", name: "XML", status: 0, body: []int{1}},
	{pkg: ginPkg, recv: "Context", name: "AbortWithStatusJSON", status: 0, body: []int{1}, json: true},
	{pkg: ginPkg, recv: "Context", name: "Data", status: 0, body: []int{2}},
	{pkg: ginPkg, recv: "Context", name: "String", status: 0, body: []int{1, 2}, variadicBody: true, formatted: true},
	{pkg: ginPkg, recv: "Context", name: "Status", role: fwStatus, status: 0},
	{pkg: ginPkg, recv: "Context", name: "AbortWithStatus", role: fwStatus, status: 0},
	{pkg: ginPkg, recv: "Context", name: "AbortWithError", role: fwStatus, status: 0},

	// echo: handlers return errors to the HTTPErrorHandler.
	{pkg: echoPkg, recv: "Context", name: "JSON", status: 0, body: []int{1}, json: true},
	{pkg: echoPkg, recv: "Context", name: "String", status: 0, body: []int{1}},
	{pkg: echoPkg, recv: "Context", name: "HTML", status: 0, body: []int{1}},
	{pkg: echoPkg, recv: "Context", name: "Blob", status: 0, body: []int{2}},
	{pkg: echoPkg, recv: "Context", name: "NoContent", role: fwStatus, status: 0},
	// The default error handler renders the message, and an error message
	// as its Error text.
	{pkg: echoPkg, name: "NewHTTPError", role: fwErrorCtor, status: 0, body: []int{1}, variadicBody: true, formatted: true},

	// fiber: the status is set by Status (often chained) before the body.
	{pkg: fiberPkg, recv: "Ctx", name: "JSON", status: -1, body: []int{0}, json: true},
	{pkg: fiberPkg, recv: "Ctx", name: "SendString", status: -1, body: []int{0}},
	{pkg: fiberPkg, recv: "Ctx", name: "Send", status: -1, body: []int{0}},
	{pkg: fiberPkg, recv: "Ctx", name: "SendStatus", status: 0}, // the status text is the body
	{pkg: fiberPkg, recv: "Ctx", name: "Status", role: fwStatus, status: 0},
	{pkg: fiberPkg, name: "NewError", role: fwErrorCtor, status: 0, body: []int{1}, variadicBody: true},

	// chi's render: render.Status stores the status for the next writer.
	{pkg: renderPkg, name: "JSON", status: -1, body: []int{2}, json: true},
	{pkg: renderPkg, name: "PlainText", status: -1, body: []int{2}},
	{pkg: renderPkg, name: "Status", role: fwStatus, status: 1},
	{pkg: renderPkg, name: "Render", role: fwRender, status: -1, body: []int{2}},
}

// frameworkIndex indexes frameworkFuncs by package path and name.
var frameworkIndex = func() map[[2]string][]*frameworkFunc {
	index := make(map[[2]string][]*frameworkFunc)
	for _, f := range frameworkFuncs {
		key := [2]string{f.pkg, f.name}
		index[key] = append(index[key], f)
	}
	return index
}()

// isFrameworkPkg reports whether path is a framework of the table.
func isFrameworkPkg(path string) bool {
	switch path {
	case ginPkg, echoPkg, fiberPkg, renderPkg:
		return true
	}
	return false
}

// lookupFramework returns the table entry for fn, or nil.
func lookupFramework(fn *types.Func) *frameworkFunc {
	if fn.Pkg() == nil {
		return nil
	}
	entries := frameworkIndex[[2]string{fn.Pkg().Path(), fn.Name()}]
	if len(entries) == 0 {
		return nil
	}
	recv := ""
	if r := fn.Signature().Recv(); r != nil {
		if tn := typeNameOf(r.Type()); tn != nil {
			recv = tn.Name()
		}
	}
	for _, e := range entries {
		if e.recv == recv {
			return e
		}
	}
	return nil
}

// classifyFramework returns the site of a call of a framework entry.
func (s *state) classifyFramework(call *ast.CallExpr, fw *frameworkFunc) *site {
	site := &site{kind: siteFramework, fw: fw, writer: s.writerArg(call)}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fw.recv != "" {
		site.writer = contextOf(sel.X) // the framework context answers
	}
	switch {
	case fw.status >= 0 && fw.status < len(call.Args):
		site.status = call.Args[fw.status]
	case fw.status < 0 && fw.role == fwWrite:
		// Checked against the contract at the Status call; here it only
		// tells whether the write is an error response.
		site.statusSetBefore = s.statusSetBefore(call, fw)
	}
	for i, idx := range fw.body {
		args := call.Args[min(idx, len(call.Args)):]
		if !(fw.variadicBody && i == len(fw.body)-1) && len(args) > 0 {
			args = args[:1]
		}
		for _, arg := range args {
			site.payload = append(site.payload, payload{expr: arg, formatted: fw.formatted, json: fw.json})
		}
	}
	return site
}

// statusSetBefore returns the status that a framework body write without
// a status argument writes: set by a Status call chained to its receiver
// (c.Status(404).JSON(v)), or by the nearest Status call of the same
// framework in an earlier statement of its block.
func (s *state) statusSetBefore(call *ast.CallExpr, fw *frameworkFunc) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if status := s.frameworkStatusArg(sel.X, fw.pkg); status != nil {
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
				if status := s.frameworkStatusArg(expr.X, fw.pkg); status != nil {
					return status
				}
			}
		}
		return nil // only the innermost block
	}
	return nil
}

// frameworkStatusArg returns the status argument of e if e is a call of a
// status-setting entry of the framework pkg.
func (s *state) frameworkStatusArg(e ast.Expr, pkg string) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn, _ := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return nil
	}
	if fw := lookupFramework(fn); fw != nil && fw.pkg == pkg && fw.role == fwStatus && fw.status < len(call.Args) {
		return call.Args[fw.status]
	}
	return nil
}

// A returnedErrors describes how a framework renders the errors its
// handlers return.
type returnedErrors struct {
	pkg, context string // the handler's one parameter: *pkg.context or pkg.context
	handler      string // how messages name what renders them
	// fromBinder limits the leak to errors made by these methods of the
	// context, whose text (a decoder's) the renderer shows; empty: every
	// error's text is shown.
	fromBinder []string
	// passOn are the context's methods whose error is the next handler's,
	// reported where that handler makes it.
	passOn []string
}

var returnedErrorRenderers = []returnedErrors{
	// fiber's DefaultErrorHandler writes err.Error() for every error.
	{pkg: fiberPkg, context: "Ctx", handler: "fiber.DefaultErrorHandler", passOn: []string{"Next"}},
	// echo's DefaultHTTPErrorHandler answers plain errors with a generic
	// 500, but the binder's *HTTPError carries the decoder's text.
	{pkg: echoPkg, context: "Context", handler: "(*echo.Echo).DefaultHTTPErrorHandler", fromBinder: []string{"Bind", "BindBody", "BindQueryParams", "BindPathParams", "BindHeaders"}},
}

// checkReturnedErrors reports error text that a framework handler returns
// to a renderer that shows it to the client.
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
		if r := rendererOf(sig); r != nil {
			s.checkReturns(body, r)
		}
	}
}

// rendererOf returns how a framework renders the errors of a handler with
// this signature: func(*fiber.Ctx) error, func(echo.Context) error.
func rendererOf(sig *types.Signature) *returnedErrors {
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), universeError) {
		return nil
	}
	for i, r := range returnedErrorRenderers {
		if isNamed(sig.Params().At(0).Type(), r.pkg, r.context) {
			return &returnedErrorRenderers[i]
		}
	}
	return nil
}

func (s *state) checkReturns(body *ast.BlockStmt, r *returnedErrors) {
	f := s.flowAt(body.Pos())
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			if len(n.Results) == 1 {
				s.checkReturned(f, n.Results[0], r)
			}
		}
		return true
	})
}

func (s *state) checkReturned(f *flow, e ast.Expr, r *returnedErrors) {
	t := s.pass.TypesInfo.TypeOf(e)
	if t == nil || s.isPublicType(t) || isFrameworkPublic(t) || isNilIdent(s.pass.TypesInfo, e) {
		return
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if fn, _ := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func); fn != nil && (lookupFramework(fn) != nil || s.isCanonicalFunc(fn) || s.writesResponse(fn)) {
			return // the error of a write, or a canonical error
		}
	}
	if len(r.fromBinder) > 0 && !s.assignedFrom(f, e, r.pkg, r.fromBinder) {
		return
	}
	if s.assignedFrom(f, e, r.pkg, r.passOn) {
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
		Message:  "error text from " + describeSource(src) + " reaches the response body via " + r.handler,
	}
	if src.node != e {
		d.Related = []analysis.RelatedInformation{{Pos: src.node.Pos(), End: src.node.End(), Message: "the error text comes from here"}}
	}
	s.r.report(d)
}

// assignedFrom reports whether the variable e was assigned the result of
// one of the named functions or methods of package pkg.
func (s *state) assignedFrom(f *flow, e ast.Expr, pkg string, names []string) bool {
	if len(names) == 0 {
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
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkg && slices.Contains(names, fn.Name()) {
			return true
		}
	}
	return false
}

// isFrameworkPublic reports whether t is a framework's error type whose
// message the handler wrote: *fiber.Error, *echo.HTTPError. Their
// constructors are checked where they are called.
func isFrameworkPublic(t types.Type) bool {
	return isNamed(t, fiberPkg, "Error") || isNamed(t, echoPkg, "HTTPError")
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
