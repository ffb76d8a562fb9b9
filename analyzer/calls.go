package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
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

	fw                *frameworkFunc // the table entry of a framework call
	statusSetBefore   ast.Expr       // the status a framework write inherits
	statusArgs        []ast.Expr     // a helper's arguments written as statuses
	helperWritesError bool           // a helper writes an error response
	helperStatuses    []int          // constant statuses a helper writes inside
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
	fn, _ := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
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
	if isFrameworkPkg(fn.Pkg().Path()) {
		if fw := lookupFramework(fn); fw != nil {
			return s.classifyFramework(call, fw)
		}
		return nil
	}
	if fn.Signature().Recv() != nil {
		return s.classifyMethod(call, fn)
	}
	args := call.Args
	switch path, name := fn.Pkg().Path(), fn.Name(); {
	case path == "net/http" && name == "Error":
		if len(args) == 3 {
			return &site{kind: siteHTTPError, writer: args[0], status: args[2], payload: plain(args[1])}
		}
	case path == "net/http" && name == "NotFound":
		if len(args) == 2 {
			return &site{kind: siteNotFound, writer: args[0], fixed: 404}
		}
	case path == "net/http" && name == "Redirect":
		if len(args) == 4 {
			return &site{kind: siteRedirect, writer: args[0], status: args[3]}
		}
	case path == "io" && (name == "WriteString" || name == "Copy" || name == "CopyN" || name == "CopyBuffer"):
		if len(args) >= 2 && s.isResponseWriter(args[0]) {
			return &site{kind: siteBody, writer: args[0], payload: plain(args[1])}
		}
	case path == "fmt" && (name == "Fprint" || name == "Fprintln" || name == "Fprintf"):
		if len(args) >= 1 && s.isResponseWriter(args[0]) {
			return &site{kind: siteBody, writer: args[0], payload: s.formattedOperands(call, name == "Fprintf", 1)}
		}
	}
	return s.classifyCanonical(call, fn)
}

func (s *state) classifyMethod(call *ast.CallExpr, fn *types.Func) *site {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	recv, args := sel.X, call.Args
	switch fn.Name() {
	case "WriteHeader":
		if len(args) == 1 && s.isResponseWriter(recv) {
			return &site{kind: siteWriteHeader, writer: recv, status: args[0]}
		}
	case "Write":
		if len(args) == 1 && s.isResponseWriter(recv) {
			return &site{kind: siteBody, writer: recv, payload: plain(args[0])}
		}
	case "Encode":
		if len(args) == 1 && inPackage(fn, "encoding/json", "encoding/xml") {
			if w := s.encoderTarget(recv); w != nil {
				body := payload{expr: args[0], json: fn.Pkg().Path() == "encoding/json"}
				return &site{kind: siteBody, writer: w, payload: []payload{body}}
			}
		}
	case "Execute", "ExecuteTemplate":
		// Templates print their data with fmt, error values included.
		if len(args) >= 2 && inPackage(fn, "text/template", "html/template") && s.isResponseWriter(args[0]) {
			data := payload{expr: args[len(args)-1], formatted: true}
			return &site{kind: siteBody, writer: args[0], payload: []payload{data}}
		}
	}
	return s.classifyCanonical(call, fn)
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
		if s.isResponseWriter(arg) {
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
	if fn == nil || fn.Name() != "NewEncoder" || fn.Pkg() == nil {
		return nil
	}
	if path := fn.Pkg().Path(); path != "encoding/json" && path != "encoding/xml" {
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
	f := s.flowAt(id.Pos())
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

func inPackage(fn *types.Func, paths ...string) bool {
	for _, p := range paths {
		if fn.Pkg().Path() == p {
			return true
		}
	}
	return false
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func plain(e ast.Expr) []payload { return []payload{{expr: e}} }

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
