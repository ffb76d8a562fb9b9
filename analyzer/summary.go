package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// summary is the fact of what a function does with error text and
// statuses, computed once and used at every call, in every package: a
// helper such as writeError(w, 500, err.Error()) is checked at the call.
type summary struct {
	BodyParams   []int       // parameters whose text reaches a response body
	BodySinks    []string    // for each of BodyParams, where: "file.go:12:3"
	StatusParams []int       // parameters written as a response status
	Statuses     []int       // constant error statuses the function writes
	ResultText   bool        // the result carries error text the function makes
	ResultParams []int       // parameters whose text the result carries
	WritesError  bool        // the function writes an error response
	JSONBodies   []bodyParam // parameters encoded into a JSON body with a status
	// RecvParams are the parameters whose text a method keeps in its
	// (pointer) receiver: b.WithBody(msg) of a response builder.
	RecvParams []int
	// ResultStatuses are the constant statuses that the function's
	// integer result StatusResult always is one of (statusOf(err)).
	ResultStatuses []int
	StatusResult   int
	// Partial is set where the function's body does not type-check: it
	// may write more than the summary says.
	Partial bool
}

func (*summary) AFact() {}

// A bodyParam is a parameter that a function encodes into the JSON body of
// a response: whole, or as the member at Path (members separated by dots,
// "[]" for the elements of an array), with the status of parameter
// StatusParam, or, where that is -1, the constant error status Status.
type bodyParam struct {
	Param       int
	Path        string
	StatusParam int
	Status      int
}

func (b bodyParam) String() string {
	s := strconv.Itoa(b.Param)
	if b.Path != "" {
		s += ":" + b.Path
	}
	if b.StatusParam >= 0 {
		return s + "@p" + strconv.Itoa(b.StatusParam)
	}
	return s + "@" + strconv.Itoa(b.Status)
}

func (s *summary) String() string {
	var parts []string
	if len(s.BodyParams) > 0 {
		parts = append(parts, "body="+joinParams(s.BodyParams))
	}
	if len(s.StatusParams) > 0 {
		parts = append(parts, "status="+joinParams(s.StatusParams))
	}
	if len(s.Statuses) > 0 {
		parts = append(parts, "statuses="+joinInts(s.Statuses))
	}
	if s.ResultText {
		parts = append(parts, "result=text")
	}
	if len(s.ResultParams) > 0 {
		parts = append(parts, "result="+joinParams(s.ResultParams))
	}
	if len(s.RecvParams) > 0 {
		parts = append(parts, "recv="+joinParams(s.RecvParams))
	}
	if s.WritesError {
		parts = append(parts, "writes-error")
	}
	if len(s.ResultStatuses) > 0 {
		parts = append(parts, fmt.Sprintf("returns[%d]=%s", s.StatusResult, joinInts(s.ResultStatuses)))
	}
	if len(s.JSONBodies) > 0 {
		bodies := make([]string, len(s.JSONBodies))
		for i, b := range s.JSONBodies {
			bodies[i] = b.String()
		}
		parts = append(parts, "json="+strings.Join(bodies, ","))
	}
	if s.Partial {
		parts = append(parts, "partial")
	}
	return "summary(" + strings.Join(parts, " ") + ")"
}

// joinParams is joinInts for parameter indexes, where the receiver is
// "recv".
func joinParams(list []int) string {
	s := make([]string, len(list))
	for i, n := range list {
		if n == recvParam {
			s[i] = "recv"
		} else {
			s[i] = strconv.Itoa(n)
		}
	}
	return strings.Join(s, ",")
}

func joinInts(list []int) string {
	s := make([]string, len(list))
	for i, n := range list {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",")
}

func (s *summary) empty() bool {
	return len(s.BodyParams) == 0 && len(s.StatusParams) == 0 && len(s.Statuses) == 0 && !s.ResultText && len(s.ResultParams) == 0 && !s.WritesError && !s.Partial && len(s.ResultStatuses) == 0 && len(s.JSONBodies) == 0 && len(s.RecvParams) == 0
}

func (s *summary) equal(t *summary) bool {
	return t != nil && slices.Equal(s.BodyParams, t.BodyParams) && slices.Equal(s.StatusParams, t.StatusParams) && slices.Equal(s.Statuses, t.Statuses) &&
		s.ResultText == t.ResultText && slices.Equal(s.ResultParams, t.ResultParams) && s.WritesError == t.WritesError && s.Partial == t.Partial &&
		slices.Equal(s.ResultStatuses, t.ResultStatuses) && s.StatusResult == t.StatusResult &&
		slices.Equal(s.JSONBodies, t.JSONBodies) && slices.Equal(s.RecvParams, t.RecvParams)
}

// maxRounds bounds the rounds of summarizing a package's functions, which
// repeat while a summary grows so that recursion settles.
const maxRounds = 8

// summarize computes the summaries of the package's functions and exports
// the non-empty ones. Where the package serves no HTTP, only what a result
// carries is of use to others, and only functions returning text can carry
// it.
func (s *state) summarize(serves bool) {
	type function struct {
		decl    *ast.FuncDecl
		fn      *types.Func
		partial bool
	}
	var funcs []function
	for _, file := range s.pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil || !(serves || returnsText(s.pass.TypesInfo, fd) || statusResult(s.pass.TypesInfo, fd) >= 0) {
				continue
			}
			// A constructor only builds an error; a writer is
			// summarized so that its calls are checked as a helper's.
			if fn, _ := s.pass.TypesInfo.Defs[fd.Name].(*types.Func); fn != nil && !s.isConstructorFunc(fn) {
				// A function that does not type-check may write what
				// its summary cannot tell.
				partial := serves && !(validType(fn.Type()) && s.wellTyped(fd.Body))
				funcs = append(funcs, function{fd, fn, partial})
			}
		}
	}
	local := make(map[*types.Func]bool)
	if serves {
		for _, c := range s.closures() {
			s.closureFuncs[c.v] = c.fn
			local[c.fn] = true
			funcs = append(funcs, function{c.decl, c.fn, !s.wellTyped(c.decl.Body)})
		}
	}
	s.summaries = make(map[*types.Func]*summary)
	for range maxRounds {
		changed := false
		for _, f := range funcs {
			sum := s.summarizeFunc(f.decl, f.fn, serves)
			sum.Partial = f.partial
			if !sum.equal(s.summaries[f.fn]) {
				s.summaries[f.fn] = sum
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for fn, sum := range s.summaries {
		if !sum.empty() && !local[fn] {
			s.pass.ExportObjectFact(fn, sum)
		}
	}
}

// returnsText reports whether a function has a result that holds text.
func returnsText(info *types.Info, fd *ast.FuncDecl) bool {
	if fd.Type.Results == nil {
		return false
	}
	for _, field := range fd.Type.Results.List {
		if t := info.TypeOf(field.Type); t != nil && holdsText(t) {
			return true
		}
	}
	return false
}

// passesText reports whether a parameter of type t, in a function of
// package pkg, passes text a caller gives it: a string, a byte slice, an
// interface (an error, an operand of fmt), or a struct, pointer, map,
// array or slice holding those (a response value whose fields the function
// encodes). Only the fields that encoders or pkg's code can see count: a
// time.Time holds its location's name, but shows none of it.
func passesText(pkg *types.Package, t types.Type) bool {
	return passesTextDepth(pkg, t, 0)
}

// maxTextDepth bounds how deep passesText looks into composite types.
const maxTextDepth = 4

func passesTextDepth(pkg *types.Package, t types.Type, depth int) bool {
	if holdsText(t) || types.IsInterface(t) {
		return true
	}
	if depth == maxTextDepth {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Pointer:
		return passesTextDepth(pkg, u.Elem(), depth+1)
	case *types.Slice:
		return passesTextDepth(pkg, u.Elem(), depth+1)
	case *types.Array:
		return passesTextDepth(pkg, u.Elem(), depth+1)
	case *types.Map:
		return passesTextDepth(pkg, u.Key(), depth+1) || passesTextDepth(pkg, u.Elem(), depth+1)
	case *types.Struct:
		for field := range u.Fields() {
			if (field.Exported() || field.Pkg() == pkg) && passesTextDepth(pkg, field.Type(), depth+1) {
				return true
			}
		}
	}
	return false
}

// holdsText reports whether t is a string or a byte slice.
func holdsText(t types.Type) bool {
	if isString(t) {
		return true
	}
	slice, ok := t.Underlying().(*types.Slice)
	return ok && types.Identical(slice.Elem().Underlying(), types.Typ[types.Byte])
}

// summarizeFunc computes the summary of one function from the summaries
// known so far.
func (s *state) summarizeFunc(decl *ast.FuncDecl, fn *types.Func, serves bool) *summary {
	f := s.newFlow(decl)
	f.params = make(map[*types.Var]int)
	for i := range fn.Signature().Params().Len() {
		f.params[fn.Signature().Params().At(i)] = i
	}
	recv := fn.Signature().Recv()
	if recv != nil {
		f.params[recv] = recvParam
	}
	sum := new(summary)
	if returnsText(s.pass.TypesInfo, decl) || returnsReceiver(fn) {
		s.summarizeResult(f, sum, decl, fn)
	}
	if recv != nil && isPointer(recv.Type()) {
		kept := f.varTaint(recv, token.NoPos).params &^ bitOf(recvParam)
		sum.RecvParams = kept.indexes()
	}
	if i := statusResult(s.pass.TypesInfo, decl); i >= 0 {
		sum.ResultStatuses, sum.StatusResult = s.resultStatusesOf(f, decl, i), i
	}
	if serves {
		// Writes in function literals are the function's: deferred
		// recovery, closures it calls.
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return !s.isRegistered(n) // a handler's writes are its own
			case *ast.CallExpr:
				s.summarizeCall(f, sum, n)
			}
			return true
		})
		if s.isHandler(fn) || s.isRegistered(decl) {
			sum.Statuses = nil // an endpoint's statuses are its own
		} else {
			sum.WritesError = s.alwaysWritesError(f, decl.Body)
		}
	}
	return sum
}

// summarizeResult records the error text that the function's text results
// carry: made inside, or passed in by parameters. Only results of a text
// type count: the error of a (string, error) function shows its text
// where a caller renders it, and is no part of the string's.
func (s *state) summarizeResult(f *flow, sum *summary, decl *ast.FuncDecl, fn *types.Func) {
	results := fn.Signature().Results()
	var result taint
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			if len(n.Results) != results.Len() {
				// return g(): g's summary speaks of its text results only
				for _, r := range n.Results {
					result = result.or(f.taint(r, false, token.NoPos))
				}
				break
			}
			for i, r := range n.Results {
				if carriesText(fn, results.At(i).Type()) {
					result = result.or(f.taint(r, false, token.NoPos))
				}
			}
		}
		return true
	})
	for v := range results.Variables() {
		if v.Name() != "" && carriesText(fn, v.Type()) {
			result = result.or(f.varTaint(v, token.NoPos)) // bare returns
		}
	}
	if !returnsReceiver(fn) {
		// A method's text result made of its receiver's fields (an
		// Error or String method) is the receiver's own business: the
		// summary follows receivers through builders that return them.
		result.params &^= bitOf(recvParam)
	}
	sum.ResultText = result.src != nil
	sum.ResultParams = result.params.indexes()
}

// alwaysWritesError reports whether a function body writes an error
// response unconditionally: one of its own statements does, not a branch.
// Callers treat a call of such a helper as an error response.
func (s *state) alwaysWritesError(f *flow, body *ast.BlockStmt) bool {
	for _, stmt := range body.List {
		var exprs []ast.Expr
		switch stmt := stmt.(type) {
		case *ast.ExprStmt:
			exprs = []ast.Expr{stmt.X}
		case *ast.ReturnStmt:
			exprs = stmt.Results // return c.JSON(500, ...)
		}
		for _, e := range exprs {
			if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && s.wellTyped(call) {
				if site := s.classify(call); site != nil && s.writesError(f, site) {
					return true
				}
			}
		}
	}
	return false
}

// isHandler reports whether fn has the shape of an http.HandlerFunc. A
// handler that writes an error response is an endpoint, not a helper
// whose callers must stop after calling it.
func (s *state) isHandler(fn *types.Func) bool { return s.isHandlerSig(fn.Signature()) }

// isHandlerSig reports whether sig is the shape of a handler of the model:
// func(http.ResponseWriter, *http.Request), func(*gin.Context),
// func(echo.Context) error.
func (s *state) isHandlerSig(sig *types.Signature) bool {
	fw, _ := s.model.Handler(sig)
	return fw != nil
}

// summarizeCall adds to sum what one call of the function does with its
// parameters: text that reaches a body, a value written as a status.
func (s *state) summarizeCall(f *flow, sum *summary, call *ast.CallExpr) {
	site := s.classify(call)
	if site == nil {
		return
	}
	payload := site.payload
	if !s.knownResponse(site) {
		payload = nil // no response the type-checker understood
	}
	for _, p := range payload {
		for _, i := range f.taint(p.expr, p.formatted, token.NoPos).params.indexes() {
			if !slices.Contains(sum.BodyParams, i) {
				sum.BodyParams = append(sum.BodyParams, i)
				sum.BodySinks = append(sum.BodySinks, s.where(p.expr.Pos()))
			}
		}
	}
	// The error statuses the call writes; a constructor's only builds an
	// error, which may be returned rather than written.
	codes := slices.Clone(site.helperStatuses)
	if site.fixed != 0 && site.kind != siteConstructor {
		codes = append(codes, site.fixed)
	}
	for _, e := range site.statusExprs() {
		for _, i := range f.statusParams(e, 0).indexes() {
			if !slices.Contains(sum.StatusParams, i) {
				sum.StatusParams = append(sum.StatusParams, i)
			}
		}
		if values, ok := f.statuses(e, token.NoPos, 0); ok {
			for _, v := range values {
				codes = append(codes, v.code)
			}
		}
	}
	for _, code := range codes {
		if code >= 400 && !slices.Contains(sum.Statuses, code) {
			sum.Statuses = append(sum.Statuses, code)
		}
	}
	slices.Sort(sum.Statuses)
	slices.Sort(sum.StatusParams)
	sortTogether(sum.BodyParams, sum.BodySinks)
	s.summarizeBodies(f, sum, site)
}

// sortTogether sorts keys and reorders values with them.
func sortTogether(keys []int, values []string) {
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
			values[j], values[j-1] = values[j-1], values[j]
		}
	}
}

// where returns pos as file:line:column, with the file's base name.
func (s *state) where(pos token.Pos) string {
	p := s.pass.Fset.Position(pos)
	return fmt.Sprintf("%s:%d:%d", filepath.Base(p.Filename), p.Line, p.Column)
}

// writesError reports whether a site writes an error response on every
// path (isErrorWrite), its statuses resolved anywhere in f.
func (s *state) writesError(f *flow, site *site) bool {
	return s.isErrorWrite(site, func(e ast.Expr) ([]statusValue, bool) {
		return f.statuses(e, token.NoPos, 0)
	}).Always
}

// statusParams returns the parameters whose value e is, directly or
// through locals assigned only them.
func (f *flow) statusParams(e ast.Expr, depth int) bitset {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || depth == maxChain {
		return 0
	}
	if f.incomplete {
		return 0 // an assignment to it may be lost in a syntax error
	}
	if !f.s.typed.isStatusExpr(e) {
		return 0 // not a status the type-checker understood
	}
	v := f.localVar(id)
	if v == nil {
		return 0
	}
	if i, ok := f.params[v]; ok && len(f.assigns[v]) == 0 {
		return bitOf(i)
	}
	var params bitset
	for _, a := range f.assigns[v] {
		if a.kind == assignValue {
			params |= f.statusParams(a.rhs, depth+1)
		}
	}
	return params
}

// summaryOf returns the summary of fn (for an interface's method, of its
// implementations), or nil.
func (s *state) summaryOf(fn *types.Func) *summary {
	fn = fn.Origin()
	if isInterfaceMethod(fn) {
		return s.interfaceSummary(fn)
	}
	if fn.Pkg() == s.pass.Pkg {
		return s.summaries[fn]
	}
	if sum, ok := s.imported[fn]; ok {
		return sum
	}
	var sum *summary
	if fact := new(summary); s.pass.ImportObjectFact(fn, fact) {
		sum = fact
	}
	s.imported[fn] = sum
	return sum
}

// recvParam is the index by which summaries name a method's receiver,
// beside its parameters.
const recvParam = 63

// returnsReceiver reports whether fn is a method that returns a value of
// its receiver's type: a builder's b.WithStatus(500) returns b.
func returnsReceiver(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	for v := range fn.Signature().Results().Variables() {
		if types.Identical(v.Type(), recv.Type()) {
			return true
		}
	}
	return false
}

// carriesText reports whether a result of fn of type t can carry text the
// summary follows: a string or a byte slice, or the receiver of a method
// that returns it.
func carriesText(fn *types.Func, t types.Type) bool {
	if holdsText(t) {
		return true
	}
	recv := fn.Signature().Recv()
	return recv != nil && types.Identical(t, recv.Type())
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// argsAt returns the arguments of call that bind parameter i of sig: all
// the trailing ones for a variadic parameter.
func argsAt(call *ast.CallExpr, sig *types.Signature, i int) []ast.Expr {
	if i == recvParam {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sig.Recv() != nil {
			return []ast.Expr{sel.X}
		}
		return nil
	}
	if i >= len(call.Args) {
		return nil
	}
	if sig.Variadic() && i == sig.Params().Len()-1 && !call.Ellipsis.IsValid() {
		return call.Args[i:]
	}
	return call.Args[i : i+1]
}
