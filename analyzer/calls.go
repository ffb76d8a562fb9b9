package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcontract/errcontract/internal/httpmodel"
)

// A siteKind says what a call does to a response.
type siteKind int

const (
	siteHTTPError   siteKind = iota // http.Error(w, msg, status)
	siteNotFound                    // http.NotFound(w, r)
	siteRedirect                    // http.Redirect(w, r, url, status)
	siteWriteHeader                 // w.WriteHeader(status)
	siteBody                        // a write of payload to w's body
	siteConstructor                 // a canonical error constructor
	siteWriter                      // a canonical error writer
	siteHelper                      // a function whose summary writes its arguments
	siteFramework                   // a web framework's writer or error constructor
)

// A site is a call that writes to a response or builds an error response.
type site struct {
	kind    siteKind
	call    *ast.CallExpr
	writer  ast.Expr // the response writer, if the call has one
	status  ast.Expr // the status argument, if any
	fixed   int      // the status of NotFound and of constructors
	payload []payload
	callee  *types.Func
	local   bool // the callee is in the package being checked

	row               *httpmodel.Call // the model's row of the callee
	statusSetBefore   ast.Expr        // the status a framework write inherits
	statusArgs        []ast.Expr      // a helper's arguments written as statuses
	helperWritesError bool            // a helper writes an error response
	helperStatuses    []int           // constant statuses a helper writes inside
}

// statusExprs returns the expressions the site writes as statuses.
func (s *site) statusExprs() []ast.Expr {
	if s.status != nil {
		return append([]ast.Expr{s.status}, s.statusArgs...)
	}
	return s.statusArgs
}

// name is how messages name what the site calls: http.Error, w.Write,
// writeError.
func (s *site) name() string {
	if s.local && s.callee.Signature().Recv() == nil {
		return s.callee.Name()
	}
	if s.callee.Signature().Recv() == nil {
		return s.callee.Pkg().Name() + "." + s.callee.Name()
	}
	if name := types.ExprString(s.call.Fun); len(name) <= maxExprLen {
		return name
	}
	// A long chain of calls: name the method by its receiver's type.
	recv := types.TypeString(s.callee.Signature().Recv().Type(), (*types.Package).Name)
	if _, ok := s.callee.Signature().Recv().Type().(*types.Pointer); ok {
		recv = "(" + recv + ")"
	}
	return recv + "." + s.callee.Name()
}

// A payload is an argument whose value reaches the response body.
type payload struct {
	expr ast.Expr
	// formatted is set where fmt renders the value, so that an error
	// value shows its Error text.
	formatted bool
	// sink is where a helper writes the argument: "file.go:12:3".
	sink string
	// json is set where the value is encoded, whole, as a JSON body.
	json bool
}

// classify returns the site of call, or nil if the call neither writes to
// a response nor builds an error response.
func (s *state) classify(call *ast.CallExpr) *site {
	fn := s.callee(call)
	if fn == nil || fn.Pkg() == nil {
		return nil // a builtin, a conversion, or a dynamic call
	}
	if !validType(fn.Type()) {
		return nil // a callee whose signature does not type-check
	}
	site := s.classifyFunc(call, fn)
	if site != nil {
		site.call, site.callee, site.local = call, fn, fn.Pkg() == s.pass.Pkg
	}
	return site
}

func (s *state) classifyFunc(call *ast.CallExpr, fn *types.Func) *site {
	if row := s.modelCall(fn); row != nil {
		if site := s.classifyModel(call, row); site != nil {
			return site
		}
		if s.closedPkg(fn.Pkg()) {
			return nil
		}
	} else if s.closedPkg(fn.Pkg()) {
		return nil // the framework's other calls write nothing the rules see
	}
	return s.classifyCanonical(call, fn)
}

// callee returns the function that call calls: the static callee; for a
// local variable, the closure, function or method value it holds; or for
// a package-level variable of another package that the model has a row
// of (huma.NewError, which an app may replace), the function it holds; or
// nil.
func (s *state) callee(call *ast.CallExpr) *types.Func {
	switch obj := typeutil.Callee(s.pass.TypesInfo, call).(type) {
	case *types.Func:
		return obj
	case *types.Var:
		if fn := s.localFunc(obj); fn != nil {
			return fn
		}
		return s.varFunc(obj)
	}
	return nil
}

// varFunc returns the function that stands for the package-level function
// variable v in the model's rows, or nil. It is made once per variable, so
// that it is the same object at every call.
func (s *state) varFunc(v *types.Var) *types.Func {
	if fn, ok := s.varFuncs[v]; ok {
		return fn
	}
	var fn *types.Func
	sig, isFunc := v.Type().Underlying().(*types.Signature)
	if isFunc && v.Pkg() != nil && v.Pkg() != s.pass.Pkg && v.Parent() == v.Pkg().Scope() {
		fn = types.NewFunc(v.Pos(), v.Pkg(), v.Name(), sig)
		if s.model.Call(fn) == nil {
			fn = nil // a variable the model does not describe: a dynamic call
		}
	}
	s.varFuncs[v] = fn
	return fn
}

// modelCall returns the model's row for fn, or nil.
func (s *state) modelCall(fn *types.Func) *httpmodel.Call {
	row, ok := s.calls[fn]
	if !ok {
		row = s.model.Call(fn)
		s.calls[fn] = row
	}
	return row
}

// closedPkg reports whether pkg is a framework package whose calls the
// model lists all of.
func (s *state) closedPkg(pkg *types.Package) bool {
	fw := s.model.Framework(pkg.Path())
	return fw != nil && fw.Closed
}

// classifyModel returns the site of a call of the model's row, or nil if
// the call does not fit the row or writes to no response.
func (s *state) classifyModel(call *ast.CallExpr, row *httpmodel.Call) *site {
	for _, a := range []httpmodel.Arg{row.Writer, row.Request, row.Status} {
		if i, ok := a.Index(); ok && i >= len(call.Args) {
			return nil // not a call the row describes: one that does not type-check
		}
	}
	writer, ok := s.writerOf(call, row)
	if !ok {
		return nil
	}
	site := &site{kind: siteKindOf(row), row: row, writer: writer, fixed: row.Fixed, payload: s.bodyOf(call, row.Body)}
	switch i, ok := row.Status.Index(); {
	case ok:
		site.status = call.Args[i]
	case row.Status == httpmodel.Before && row.Effect == httpmodel.WritesBody:
		// Checked against the contract at the status call; here it only
		// tells whether the write is an error response.
		site.statusSetBefore = s.statusSetBefore(call, row)
	}
	if row.Effect == httpmodel.Renders {
		s.bindRendered(site, call)
	}
	return site
}

// siteKindOf returns the kind of the sites of a row.
func siteKindOf(row *httpmodel.Call) siteKind {
	switch row.Effect {
	case httpmodel.WritesError:
		if row.Fixed != 0 {
			return siteNotFound
		}
		return siteHTTPError
	case httpmodel.Redirects:
		return siteRedirect
	case httpmodel.WritesStatusLine:
		return siteWriteHeader
	case httpmodel.WritesBody:
		if row.Status == httpmodel.None {
			return siteBody
		}
	}
	return siteFramework
}

// writerOf returns the response that a call of row writes to, and
// whether the call writes one.
func (s *state) writerOf(call *ast.CallExpr, row *httpmodel.Call) (ast.Expr, bool) {
	var w ast.Expr
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	switch i, ok := row.Writer.Index(); {
	case ok:
		w = call.Args[i]
	case row.Writer == httpmodel.None:
		return nil, true // an error value, or a status kept in the request
	case sel == nil:
		return nil, false // a method value called through a variable
	case row.Writer == httpmodel.Receiver:
		w = sel.X
	case row.Writer == httpmodel.Chain:
		w = contextOf(sel.X) // the framework context answers
	case row.Writer == httpmodel.Encoder:
		w = s.encoderTarget(sel.X)
	}
	if w == nil || (row.Checked && !s.isResponseWriter(w)) {
		return nil, false
	}
	return w, true
}

// bodyOf returns the arguments of call that reach the body as b says.
func (s *state) bodyOf(call *ast.CallExpr, b httpmodel.Body) []payload {
	i, ok := b.From.Index()
	if !ok || i >= len(call.Args) {
		return nil
	}
	switch {
	case b.Format == httpmodel.Printf:
		return s.formattedOperands(call, true, i)
	case b.Rest && b.Format == httpmodel.Fmt:
		return s.formattedOperands(call, false, i)
	}
	args := call.Args[i:]
	if !b.Rest {
		args = args[:1]
	}
	var out []payload
	for _, arg := range args {
		out = append(out, payload{expr: arg, formatted: b.Format == httpmodel.Fmt, json: b.JSON})
	}
	return out
}

// classifyCanonical recognizes calls of declared constructors and writers,
// and of helpers, known from their summaries.
func (s *state) classifyCanonical(call *ast.CallExpr, fn *types.Func) *site {
	if !s.isCanonicalPkg(fn.Pkg()) {
		return s.classifyHelper(call, fn)
	}
	if ctor, ok := s.constructorOf(fn); ok {
		// A constructor renders its string parameters to clients.
		site := &site{kind: siteConstructor, fixed: ctor.Status}
		for _, arg := range call.Args {
			if isString(s.pass.TypesInfo.TypeOf(arg)) {
				site.payload = append(site.payload, payload{expr: arg})
			}
		}
		return site
	}
	if s.isWriterFunc(fn) {
		// A writer's call is an error response whatever its summary
		// says, and the statuses and messages it is given are checked as
		// a helper's are. Its error parameters are kept server-side, as
		// a constructor's: text it shows of them is reported in its body.
		site := &site{kind: siteWriter, writer: s.writerArg(call)}
		sum := s.summaryOf(fn)
		if sum != nil {
			s.bindHelperArgs(site, call, fn, sum, true)
		}
		if sum == nil || len(sum.StatusParams) == 0 {
			// A writer whose body does not tell (no facts of its
			// package, or a status it carries in a value the analysis
			// does not follow): its integer parameters are statuses.
			site.statusArgs = intArgs(call, fn.Signature())
		}
		return site
	}
	return s.classifyHelper(call, fn)
}

// classifyHelper recognizes a call of a function that, by its summary,
// writes its arguments to a response.
func (s *state) classifyHelper(call *ast.CallExpr, fn *types.Func) *site {
	sum := s.summaryOf(fn)
	if sum == nil || (len(sum.BodyParams) == 0 && len(sum.StatusParams) == 0 && len(sum.Statuses) == 0 && !sum.WritesError) {
		return nil
	}
	site := &site{kind: siteHelper, writer: s.writerArg(call), helperWritesError: sum.WritesError, helperStatuses: sum.Statuses}
	s.bindHelperArgs(site, call, fn, sum, false)
	return site
}

// bindHelperArgs adds to site the arguments of call that fn's summary
// writes: to the body, as payload, and as statuses. keepErrors leaves out
// the arguments of error parameters, which a writer keeps server-side.
func (s *state) bindHelperArgs(site *site, call *ast.CallExpr, fn *types.Func, sum *summary, keepErrors bool) {
	sig := fn.Signature()
	for k, i := range sum.BodyParams {
		if i == recvParam {
			for _, recv := range argsAt(call, sig, i) {
				site.payload = append(site.payload, payload{expr: recv, sink: sum.BodySinks[k]})
			}
			continue
		}
		if i >= sig.Params().Len() {
			continue // a summary of another signature
		}
		elem := paramElem(sig, i)
		if keepErrors && types.Identical(elem, universeError) {
			continue
		}
		// An argument passed as an interface is most likely rendered by
		// fmt, where an error shows its text.
		formatted := types.IsInterface(elem)
		for _, arg := range argsAt(call, sig, i) {
			site.payload = append(site.payload, payload{expr: arg, formatted: formatted, sink: sum.BodySinks[k]})
		}
	}
	for _, i := range sum.StatusParams {
		site.statusArgs = append(site.statusArgs, argsAt(call, sig, i)...)
	}
}

// writerArg returns the first argument of call that is a response writer.
func (s *state) writerArg(call *ast.CallExpr) ast.Expr {
	for _, arg := range call.Args {
		if s.isResponseWriter(arg) || s.model.Context(s.pass.TypesInfo.TypeOf(arg)) && s.wellTyped(arg) {
			return arg
		}
	}
	return nil
}

// encoderTarget returns the writer that an encoder expression encodes to,
// if it is a response writer: json.NewEncoder(w), or a local variable
// assigned only that.
func (s *state) encoderTarget(enc ast.Expr) ast.Expr {
	enc = ast.Unparen(enc)
	if id, ok := enc.(*ast.Ident); ok {
		v, _ := s.pass.TypesInfo.Uses[id].(*types.Var)
		if v == nil {
			return nil
		}
		enc = s.singleAssignment(id, v)
		if enc == nil {
			return nil
		}
	}
	call, ok := enc.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	fn, _ := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
	if fn == nil || !s.model.IsEncoder(fn) {
		return nil
	}
	if !s.isResponseWriter(call.Args[0]) {
		return nil
	}
	return call.Args[0]
}

// singleAssignment returns the one value assigned to the local variable v,
// used at id, or nil if there is not exactly one.
func (s *state) singleAssignment(id *ast.Ident, v *types.Var) ast.Expr {
	return s.singleAssignmentAt(id.Pos(), v)
}

// singleAssignmentAt is singleAssignment of v in the declaration at pos.
func (s *state) singleAssignmentAt(pos token.Pos, v *types.Var) ast.Expr {
	f := s.flowAt(pos)
	if f == nil || f.incomplete {
		return nil // no declaration, or one whose assignments may be lost
	}
	as := f.assigns[v]
	if len(as) != 1 || as[0].kind != assignValue {
		return nil
	}
	return as[0].rhs
}

// isResponseWriter reports whether e is well-typed and its type implements
// http.ResponseWriter.
func (s *state) isResponseWriter(e ast.Expr) bool {
	t := s.pass.TypesInfo.TypeOf(e)
	return t != nil && s.responseWriter != nil && types.Implements(t, s.responseWriter) && s.wellTyped(e)
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// paramElem returns the type of parameter i of sig, or of the elements of
// a variadic one.
func paramElem(sig *types.Signature, i int) types.Type {
	t := sig.Params().At(i).Type()
	if slice, ok := t.(*types.Slice); ok && sig.Variadic() && i == sig.Params().Len()-1 {
		t = slice.Elem()
	}
	return t
}

// intArgs returns the arguments of call that sig's integer parameters get.
func intArgs(call *ast.CallExpr, sig *types.Signature) []ast.Expr {
	var args []ast.Expr
	for i := range sig.Params().Len() {
		if b, ok := sig.Params().At(i).Type().Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
			args = append(args, argsAt(call, sig, i)...)
		}
	}
	return args
}
