package analyzer

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
)

// A Survey is what a run found about how a package writes errors: the
// result of the analyzer, from which errcontract init writes a first
// errcontract.yaml. Drivers that do not ask for results ignore it.
type Survey struct {
	// Helpers are the package's functions whose summaries say they write
	// error responses, or statuses and bodies their callers give them.
	Helpers []Helper
	// Declared are the package's writers and constructors, declared by
	// directives or errcontract.yaml.
	Declared []*types.Func
	// Calls are the calls, in the package's handlers, of helpers and of
	// canonical functions, of any package.
	Calls []HandlerCall
	// Statuses are the constant statuses the package writes, sorted.
	Statuses []int
}

// A Helper is a function that writes responses for its callers.
type Helper struct {
	Func         *types.Func
	WritesError  bool  // it always writes an error response
	StatusParam  bool  // a parameter is written as the status
	MessageParam bool  // a parameter's text reaches the body
	Statuses     []int // the constant error statuses it writes
}

// A HandlerCall is a call of a function that writes responses, in a handler.
type HandlerCall struct {
	Callee  *types.Func
	Handler ast.Node // the handler's FuncDecl or FuncLit
	// Error is set where the call writes an error: the callee always
	// does, or the status it is given is one.
	Error bool
	// Success is set where the status it is given is below 400.
	Success bool
}

// survey records what the site at cur tells about the package's errors.
func (s *state) survey(cur inspector.Cursor, site *site) {
	if s.result == nil {
		return // the analyzer does not survey
	}
	codes := slices.Clone(site.helperStatuses)
	if site.fixed != 0 {
		codes = append(codes, site.fixed)
	}
	for _, e := range site.statusExprs() {
		values, _ := s.statusValues(cur, e)
		for _, v := range values {
			codes = append(codes, v.code)
		}
	}
	for _, code := range codes {
		if code >= 100 && code <= 599 && !slices.Contains(s.result.Statuses, code) {
			s.result.Statuses = append(s.result.Statuses, code)
		}
	}
	switch site.kind {
	case siteHelper, siteWriter, siteConstructor:
	default:
		return
	}
	handler := s.enclosingHandler(cur)
	if handler == nil {
		return
	}
	call := HandlerCall{Callee: site.callee.Origin(), Handler: handler, Error: site.kind != siteHelper || site.helperWritesError}
	for _, code := range codes {
		call.Error = call.Error || code >= 400
		call.Success = call.Success || code < 400
	}
	s.result.Calls = append(s.result.Calls, call)
}

// enclosingHandler returns the innermost function around cur that has the
// shape of a handler, or nil.
func (s *state) enclosingHandler(cur inspector.Cursor) ast.Node {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var t types.Type
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			if fn, _ := s.pass.TypesInfo.Defs[n.Name].(*types.Func); fn != nil {
				t = fn.Type()
			}
		case *ast.FuncLit:
			t = s.pass.TypesInfo.TypeOf(n)
		}
		if sig, ok := t.(*types.Signature); ok && s.isHandlerSig(sig) {
			return c.Node()
		}
	}
	return nil
}

// surveyFuncs records the package's helpers and canonical functions.
func (s *state) surveyFuncs() {
	if s.result == nil {
		return // the analyzer does not survey
	}
	for _, file := range s.pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			fn, _ := s.pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if s.isCanonicalFunc(fn) {
				s.result.Declared = append(s.result.Declared, fn)
				continue
			}
			sum := s.summaries[fn]
			if sum == nil || !(sum.WritesError || len(sum.StatusParams) > 0) {
				continue
			}
			s.result.Helpers = append(s.result.Helpers, Helper{
				Func:         fn,
				WritesError:  sum.WritesError,
				StatusParam:  len(sum.StatusParams) > 0,
				MessageParam: len(sum.BodyParams) > 0,
				Statuses:     sum.Statuses,
			})
		}
	}
	slices.Sort(s.result.Statuses)
}
