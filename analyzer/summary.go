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
	BodyParams   []int    // parameters whose text reaches a response body
	BodySinks    []string // for each of BodyParams, where: "file.go:12:3"
	StatusParams []int    // parameters written as a response status
	Statuses     []int    // constant error statuses the function writes
	ResultText   bool     // the result carries error text the function makes
	ResultParams []int    // parameters whose text the result carries
	WritesError  bool     // the function writes an error response
	// Partial is set where the function's body does not type-check: it
	// may write more than the summary says.
	Partial bool
}

func (*summary) AFact() {}

func (s *summary) String() string {
	var parts []string
	if len(s.BodyParams) > 0 {
		parts = append(parts, "body="+joinInts(s.BodyParams))
	}
	if len(s.StatusParams) > 0 {
		parts = append(parts, "status="+joinInts(s.StatusParams))
	}
	if len(s.Statuses) > 0 {
		parts = append(parts, "statuses="+joinInts(s.Statuses))
	}
	if s.ResultText {
		parts = append(parts, "result=text")
	}
	if len(s.ResultParams) > 0 {
		parts = append(parts, "result="+joinInts(s.ResultParams))
	}
	if s.WritesError {
		parts = append(parts, "writes-error")
	}
	if s.Partial {
		parts = append(parts, "partial")
	}
	return "summary(" + strings.Join(parts, " ") + ")"
}

func joinInts(list []int) string {
	s := make([]string, len(list))
	for i, n := range list {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",")
}

func (s *summary) empty() bool {
	return len(s.BodyParams) == 0 && len(s.StatusParams) == 0 && len(s.Statuses) == 0 && !s.ResultText && len(s.ResultParams) == 0 && !s.WritesError && !s.Partial
}

func (s *summary) equal(t *summary) bool {
	return t != nil && slices.Equal(s.BodyParams, t.BodyParams) && slices.Equal(s.StatusParams, t.StatusParams) && slices.Equal(s.Statuses, t.Statuses) &&
		s.ResultText == t.ResultText && slices.Equal(s.ResultParams, t.ResultParams) && s.WritesError == t.WritesError && s.Partial == t.Partial
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
			if !ok || fd.Body == nil || !(serves || returnsText(s.pass.TypesInfo, fd)) {
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
		if !sum.empty() {
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

// passesText reports whether a parameter of type t passes text a caller
// gives it: a string, a byte slice, an interface (an error, an operand
// of fmt), or a variadic list of those.
func passesText(t types.Type) bool {
	if slice, ok := t.Underlying().(*types.Slice); ok && !holdsText(t) {
		t = slice.Elem()
	}
	return holdsText(t) || types.IsInterface(t)
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
	sum := new(summary)
	if returnsText(s.pass.TypesInfo, decl) {
		s.summarizeResult(f, sum, decl, fn)
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

// summarizeResult records the error text that the function's results
// carry: made inside, or passed in by parameters.
func (s *state) summarizeResult(f *flow, sum *summary, decl *ast.FuncDecl, fn *types.Func) {
	var result taint
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				result = result.or(f.taint(r, false, token.NoPos))
			}
		}
		return true
	})
	for v := range fn.Signature().Results().Variables() {
		if v.Name() != "" {
			result = result.or(f.varTaint(v, token.NoPos)) // bare returns
		}
	}
	sum.ResultText = result.src != nil
	sum.ResultParams = result.params.indexes()
}

// alwaysWritesError reports whether a function body writes an error
// response unconditionally: one of its own statements does, not a branch.
// Callers treat a call of such a helper as an error response.
func (s *state) alwaysWritesError(f *flow, body *ast.BlockStmt) bool {
	for _, stmt := range body.List {
		expr, ok := stmt.(*ast.ExprStmt)
		if !ok {
			continue
		}
		if call, ok := ast.Unparen(expr.X).(*ast.CallExpr); ok && s.wellTyped(call) {
			if site := s.classify(call); site != nil && s.writesError(f, site) {
				return true
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

// writesError reports whether a site writes an error response.
func (s *state) writesError(f *flow, site *site) bool {
	switch site.kind {
	case siteHTTPError, siteNotFound, siteWriter:
		return true
	case siteWriteHeader:
		values, ok := f.statuses(site.status, token.NoPos, 0)
		return ok && !slices.ContainsFunc(values, func(v statusValue) bool { return v.code < 400 })
	case siteHelper:
		return site.helperWritesError
	}
	return false
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

// summaryOf returns the summary of fn, or nil.
func (s *state) summaryOf(fn *types.Func) *summary {
	fn = fn.Origin()
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

// argsAt returns the arguments of call that bind parameter i of sig: all
// the trailing ones for a variadic parameter.
func argsAt(call *ast.CallExpr, sig *types.Signature, i int) []ast.Expr {
	if i >= len(call.Args) {
		return nil
	}
	if sig.Variadic() && i == sig.Params().Len()-1 && !call.Ellipsis.IsValid() {
		return call.Args[i:]
	}
	return call.Args[i : i+1]
}
