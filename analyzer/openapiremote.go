package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/errcontract/errcontract/internal/contract/openapi"
)

// writesStatuses is the fact of an exported handler function, in a module
// whose errcontract.yaml names an OpenAPI spec: the constant statuses its
// writes produce. A route registered in another package (main's router,
// with the handlers in package handlers) is checked with it against its
// operation where it is registered.
type writesStatuses struct {
	Statuses []int
	Sites    []string // where each status is first written: "links.go:31:3"
	Unknown  bool     // a status it writes did not resolve
}

func (*writesStatuses) AFact() {}

func (w *writesStatuses) String() string {
	s := "writes(" + joinInts(w.Statuses) + ")"
	if w.Unknown {
		s += " unknown"
	}
	return s
}

// noteWrittenStatus records the statuses that a site lets the exported
// handler function around it write, for writesStatuses.
func (s *state) noteWrittenStatus(cur inspector.Cursor, site *site) {
	if s.spec == nil {
		return // no spec: no route is checked against an operation
	}
	fd := s.exportedHandlerAt(cur)
	if fd == nil {
		return
	}
	if s.handlerWrites == nil {
		s.handlerWrites = make(map[*ast.FuncDecl]map[int]string)
	}
	w := s.handlerWrites[fd]
	if w == nil {
		w = make(map[int]string)
		s.handlerWrites[fd] = w
	}
	add := func(at ast.Node, code int) {
		if _, ok := w[code]; !ok {
			posn := s.pass.Fset.Position(at.Pos())
			w[code] = fmt.Sprintf("%s:%d:%d", filepath.Base(posn.Filename), posn.Line, posn.Column)
		}
	}
	if site.fixed != 0 {
		add(site.call, site.fixed)
	}
	for _, code := range site.helperStatuses {
		add(site.call, code)
	}
	for _, e := range site.statusExprs() {
		values, ok := s.statusValues(cur, e)
		if !ok {
			w[unknownStatus] = ""
		}
		for _, v := range values {
			add(e, v.code)
		}
	}
}

// unknownStatus marks, among the statuses a handler writes, one that did
// not resolve.
const unknownStatus = -1

// exportedHandlerAt returns the exported function or method of handler
// shape whose body holds cur, not inside a function literal that is a
// handler of its own.
func (s *state) exportedHandlerAt(cur inspector.Cursor) *ast.FuncDecl {
	for c := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			if sig, _ := s.pass.TypesInfo.TypeOf(n).(*types.Signature); sig != nil && s.anyHandlerSig(sig) {
				return nil
			}
		case *ast.FuncDecl:
			fn, _ := s.pass.TypesInfo.Defs[n.Name].(*types.Func)
			if fn == nil || !fn.Exported() || !s.anyHandlerSig(fn.Signature()) {
				return nil
			}
			return n
		}
	}
	return nil
}

// anyHandlerSig reports whether sig is the shape of a handler of any
// framework of the model, registered ones included: huma's.
func (s *state) anyHandlerSig(sig *types.Signature) bool {
	for _, fw := range s.model.Frameworks() {
		for i := range fw.Handlers {
			if fw.Handlers[i].Matches(sig) {
				return true
			}
		}
	}
	return false
}

// exportHandlerWrites exports the writesStatuses of the package's
// exported handlers.
func (s *state) exportHandlerWrites() {
	for fd, w := range s.handlerWrites {
		fn, _ := s.pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if fn == nil {
			continue
		}
		fact := new(writesStatuses)
		for code := range w {
			if code == unknownStatus {
				fact.Unknown = true
			} else {
				fact.Statuses = append(fact.Statuses, code)
			}
		}
		slices.Sort(fact.Statuses)
		for _, code := range fact.Statuses {
			fact.Sites = append(fact.Sites, w[code])
		}
		s.pass.ExportObjectFact(fn, fact)
	}
}

// remoteHandler returns the function of another package that e, a route's
// handler, names: handlers.GetLink, or the method value h.GetLink.
func (s *state) remoteHandler(e ast.Expr) *types.Func {
	fn, _ := s.uses(e).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == s.pass.Pkg {
		return nil
	}
	return fn.Origin()
}

// checkRemoteHandler checks the statuses that a handler of another package
// writes, as its fact tells, against the operations its route serves:
// reported at the route's handler argument, with where the handler writes
// the status. With unused-documented-status on, and every status it writes
// known, so is each status the operations list that it never writes.
func (s *state) checkRemoteHandler(rt specRoute, ops []*openapi.Operation) {
	if rt.remote == nil {
		return
	}
	fact := new(writesStatuses)
	if !s.pass.ImportObjectFact(rt.remote, fact) {
		return // not a handler, or one that writes nothing the analysis resolves
	}
	hc := specContract(rt, ops)
	name := rt.remote.Pkg().Name() + "." + rt.remote.Name()
	if recv := rt.remote.Signature().Recv(); recv != nil {
		name = rt.remote.Pkg().Name() + "." + typeName(recv.Type()) + "." + rt.remote.Name()
	}
	written := make(map[int]bool)
	for i, code := range fact.Statuses {
		written[code] = true
		if !hc.undocumented(code) {
			continue
		}
		if !s.r.enabled(ruleUndocumentedStatus) {
			continue
		}
		s.r.report(analysis.Diagnostic{
			Pos:      rt.arg.Pos(),
			End:      rt.arg.End(),
			Category: ruleUndocumentedStatus,
			Message:  fmt.Sprintf("status %d is not documented by %s %s (%s): %s writes it at %s", code, hc.kindName(), hc.name, hc.statusList(), name, fact.Sites[i]),
		})
	}
	if fact.Unknown || !s.r.enabled(ruleUnusedDocumentedStatus) {
		return
	}
	for _, code := range hc.codes() {
		if code != 200 && !written[code] {
			s.r.report(analysis.Diagnostic{
				Pos:      rt.arg.Pos(),
				End:      rt.arg.End(),
				Category: ruleUnusedDocumentedStatus,
				Message:  fmt.Sprintf("status %d documented by %s %s is never written by %s", code, hc.kindName(), hc.name, name),
			})
		}
	}
}

// typeName names a receiver's type: T for T and *T.
func typeName(t types.Type) string {
	if n, ok := types.Unalias(deref(t)).(*types.Named); ok {
		return n.Obj().Name()
	}
	return strings.TrimPrefix(t.String(), "*")
}
