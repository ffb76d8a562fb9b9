package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// maxChain bounds how many variables a status is followed through.
const maxChain = 8

// A statusValue is a constant status that can reach a call, and the
// constant expression it comes from.
type statusValue struct {
	code int
	from ast.Expr
}

// checkStatus reports each undocumented status that can reach the call of
// a status-writing site.
func (s *state) checkStatus(cur inspector.Cursor, site *site) {
	hc := s.handlerAt(cur)
	check := func(at ast.Node, code int, from ast.Expr) {
		switch {
		case hc != nil && hc.undocumented(code):
			s.reportHandlerStatus(hc, at, code, from)
		case hc == nil && s.cfg.documented.Undocumented(code):
			s.reportStatus(at, code, from)
		}
	}
	// A claim on the call rests on all of it.
	callTyped := s.wellTyped(site.call)
	if site.fixed != 0 && callTyped {
		check(site.call, site.fixed, nil)
	}
	if hc != nil && callTyped {
		// A helper's own statuses are checked against the API contract
		// where it writes them; against a handler's, at the call.
		for _, code := range site.helperStatuses {
			check(site.call, code, nil)
		}
	}
	for _, e := range site.statusExprs() {
		values, ok := s.statusValues(cur, e)
		if !ok {
			continue // a status the analysis cannot resolve is not reported
		}
		seen := make(map[int]bool)
		for _, v := range values {
			if !seen[v.code] {
				seen[v.code] = true
				check(e, v.code, v.from)
			}
		}
	}
}

func (s *state) reportStatus(at ast.Node, code int, from ast.Expr) {
	d := analysis.Diagnostic{
		Pos:      at.Pos(),
		End:      at.End(),
		Category: ruleUndocumentedStatus,
		Message:  fmt.Sprintf("status %d is not documented by %s (%s)", code, s.cfg.contract, s.cfg.documented),
	}
	if from != nil && from != at {
		d.Related = []analysis.RelatedInformation{{Pos: from.Pos(), End: from.End(), Message: "status " + strconv.Itoa(code) + " is set here"}}
	}
	s.r.report(d)
}

// statusValues returns the constant statuses that can reach e, used in the
// call at cur, and whether every value e can have is one of them.
//
// A framework's own code (connect.Code) stands for the HTTP status it is
// answered with.
func (s *state) statusValues(cur inspector.Cursor, e ast.Expr) ([]statusValue, bool) {
	f := s.flowAt(e.Pos())
	if f == nil {
		return nil, false
	}
	values, ok := f.statuses(e, boundAt(cur), 0)
	if t := s.pass.TypesInfo.TypeOf(e); ok && t != nil {
		for i, v := range values {
			if status, isCode := s.model.Status(t, v.code); isCode {
				values[i].code = status
			}
		}
	}
	return values, ok
}

// boundAt returns the position before which assignments can reach the
// call at cur: the call itself, unless a loop may carry later assignments
// around to it.
func boundAt(cur inspector.Cursor) token.Pos {
	for c := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch c.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return token.NoPos
		}
		break
	}
	return cur.Node().Pos()
}

func (f *flow) statuses(e ast.Expr, before token.Pos, depth int) ([]statusValue, bool) {
	if !f.s.typed.isStatusExpr(e) {
		return nil, false // not a status the type-checker understood
	}
	if tv, ok := f.s.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		code, exact := constant.Int64Val(constant.ToInt(tv.Value))
		if !exact {
			return nil, false // not an int
		}
		return []statusValue{{int(code), e}}, true
	}
	if depth == maxChain {
		return nil, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return f.resultStatuses(x, 0)
	case *ast.IndexExpr:
		return f.mapStatuses(x)
	case *ast.SelectorExpr:
		return f.fieldStatuses(x, before, depth)
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, false
	}
	if f.incomplete {
		return nil, false // an assignment to it may be lost in a syntax error
	}
	v := f.localVar(id)
	if v == nil || f.visiting[v] {
		return nil, false
	}
	f.visiting[v] = true
	defer delete(f.visiting, v)
	var values []statusValue
	for _, a := range f.assigns[v] {
		if before != token.NoPos && !f.reaches(a, before) {
			continue
		}
		var vs []statusValue
		var ok bool
		switch a.kind {
		case assignValue:
			vs, ok = f.statuses(a.rhs, token.NoPos, depth+1)
		case assignTuple:
			vs, ok = f.tupleStatuses(a.rhs, a.index)
		}
		if !ok {
			return nil, false
		}
		values = append(values, vs...)
	}
	return values, len(values) > 0
}

// checkConstructorStatuses reports constructors, declared by directive or
// in errcontract.yaml, whose status the contract does not document, or
// whose code it does not document for that status. The configured
// canonical package serves every contract, so its constructors are checked
// where they are called instead.
func checkConstructorStatuses(pass *analysis.Pass, cfg *settings, r *reporter, ds *directives) {
	if pass.Pkg.Path() == cfg.constructors {
		return
	}
	for _, c := range ds.ctors {
		if cfg.documented.Undocumented(c.status) {
			r.report(analysis.Diagnostic{
				Pos:      c.pos,
				End:      c.end,
				Category: ruleUndocumentedStatus,
				Message:  fmt.Sprintf("constructor status %d is not documented by %s (%s)", c.status, cfg.contract, cfg.documented),
			})
			continue
		}
		if c.code != "" {
			cfg.checkCode(r, c.codePos, c.codeEnd, c.status, c.code)
		}
	}
}

// checkCode reports code if the contract documents codes for status and
// code is not one of them.
func (cfg *settings) checkCode(r *reporter, pos, end token.Pos, status int, code string) {
	codes := cfg.codes[status]
	if len(codes) == 0 || slices.Contains(codes, code) {
		return
	}
	r.report(analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: ruleUndocumentedStatus,
		Message:  fmt.Sprintf("code %s is not documented for %d by %s (%s)", code, status, cfg.contract, strings.Join(codes, " ")),
	})
}
