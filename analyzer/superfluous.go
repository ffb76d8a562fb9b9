package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/textproto"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcontract/errcontract/internal/httpmodel"
)

// trailerPrefix is http.TrailerPrefix: a header key with it names a
// trailer, which may be set after the response is committed.
const trailerPrefix = "Trailer:"

// servesContent are the net/http functions that write a whole response,
// header and body, to their first argument, and are no row of the model's
// because their body is a file or a reader the rules do not look into.
var servesContent = []httpmodel.Func{
	{Pkg: "net/http", Name: "ServeContent"},
	{Pkg: "net/http", Name: "ServeFile"},
	{Pkg: "net/http", Name: "ServeFileFS"},
}

// A responseEvent is a call that commits a response, writes its header,
// or changes a header of it: what superfluous-write orders along paths.
type responseEvent struct {
	// call is the call, or the assignment to the header map
	// (w.Header()["K"] = v).
	call   ast.Node
	writer ast.Expr
	name   string // how messages name the call: w.Write, http.Error
	// commits is set where the header has been written after the call:
	// a status line other than 1xx, or any body.
	commits bool
	// count is the local variable, assigned only here, that a body
	// write's count of bytes is assigned to (n, err := w.Write(b)): on
	// a path where it is 0, the write wrote nothing and committed
	// nothing.
	count *types.Var
	// header names the call, where it writes the header, which is
	// superfluous after a commit: w.WriteHeader, or a function that
	// calls WriteHeader inside (http.Error, a canonical writer), where
	// inside is set.
	header string
	inside bool
	// edits is set where the call changes a header of the response
	// (w.Header().Set), which has no effect after a commit; key is the
	// header's canonical key.
	edits bool
	key   string
}

// superfluousWrites is the state of the superfluous-write rule in one
// package: the events of each function, in source order, and what has
// been reported.
type superfluousWrites struct {
	s        *state
	events   map[*ast.BlockStmt][]*responseEvent
	order    []*ast.BlockStmt
	trailers map[*ast.BlockStmt]trailerSet
	reported map[ast.Node]bool
	// locals are the local variables assigned once, and the value of
	// each: f, ok := w.(http.Flusher); h := w.Header().
	locals map[*types.Var]ast.Expr
}

// A trailerSet is the trailers a function declares in "Trailer" headers.
// all is set where one of them is not a constant: any key may be one.
type trailerSet struct {
	keys map[string]bool
	all  bool
}

// checkSuperfluousWrites reports, in each function, a header written after
// the response's header was already written, and a header changed after
// the response was committed, where some path of the function runs the
// earlier call before the later on the same response writer.
func (s *state) checkSuperfluousWrites(root inspector.Cursor) {
	sw := &superfluousWrites{
		s:        s,
		events:   make(map[*ast.BlockStmt][]*responseEvent),
		trailers: make(map[*ast.BlockStmt]trailerSet),
		reported: make(map[ast.Node]bool),
	}
	sw.locals = s.singleLocals(root)
	for cur := range root.Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil)) {
		sw.note(cur)
	}
	for _, body := range sw.order {
		sw.check(body)
	}
}

// note records the event of the call at cur, if it is one, under its
// function's body. Deferred calls and those of go statements run at
// another time than their place says: they are not followed.
func (sw *superfluousWrites) note(cur inspector.Cursor) {
	var body *ast.BlockStmt
	for n := range cur.Enclosing((*ast.DeferStmt)(nil), (*ast.GoStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		body = funcBody(n.Node())
		break
	}
	if body == nil || !sw.s.wellTyped(cur.Node()) {
		return // deferred, outside a function, or not known to be a call
	}
	var e *responseEvent
	switch n := cur.Node().(type) {
	case *ast.CallExpr:
		if e = sw.s.responseEventOf(cur, n, sw.locals); e != nil && e.edits && e.key == "Trailer" {
			sw.declareTrailers(body, n)
		}
	case *ast.AssignStmt:
		if e = sw.s.headerMapEdit(n, sw.locals); e != nil && e.key == "Trailer" {
			// The trailers a map assignment declares are not read:
			// any key may be one.
			t := sw.trailers[body]
			t.all = true
			sw.trailers[body] = t
		}
	}
	if e == nil || !sw.s.netHTTPWrites(e.writer) {
		return // not an event, or one of a writer whose writes are its own
	}
	if _, ok := sw.events[body]; !ok {
		sw.order = append(sw.order, body)
	}
	sw.events[body] = append(sw.events[body], e)
}

// declareTrailers adds the keys that a "Trailer" header of call declares
// to body's trailers.
func (sw *superfluousWrites) declareTrailers(body *ast.BlockStmt, call *ast.CallExpr) {
	t := sw.trailers[body]
	if t.keys == nil {
		t.keys = make(map[string]bool)
	}
	if len(call.Args) < 2 {
		sw.trailers[body] = t
		return // Del: declares nothing
	}
	v := sw.s.pass.TypesInfo.Types[call.Args[1]].Value
	if v == nil || v.Kind() != constant.String {
		t.all = true
	} else {
		for key := range strings.SplitSeq(constant.StringVal(v), ",") {
			t.keys[textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(key))] = true
		}
	}
	sw.trailers[body] = t
}

// responseEventOf returns the event of call, or nil. locals are the
// local variables assigned once, with their values.
func (s *state) responseEventOf(cur inspector.Cursor, call *ast.CallExpr, locals map[*types.Var]ast.Expr) *responseEvent {
	if w := s.flushOf(call, locals); w != nil {
		return &responseEvent{call: call, writer: w, name: shortExpr(call.Fun), commits: true}
	}
	if w, key, ok := s.headerDelete(call, locals); ok {
		return &responseEvent{call: call, writer: w, name: shortExpr(call), edits: true, key: key}
	}
	if w, key, ok := s.headerEdit(call); ok {
		return &responseEvent{call: call, writer: w, name: shortExpr(call.Fun), edits: true, key: key}
	}
	if fn, _ := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func); fn != nil && len(call.Args) > 0 && s.isResponseWriter(call.Args[0]) {
		for _, f := range servesContent {
			if f.Matches(fn) {
				name := fn.Pkg().Name() + "." + fn.Name()
				return &responseEvent{call: call, writer: call.Args[0], name: name, commits: true, header: name, inside: true}
			}
		}
	}
	site := s.classify(call)
	if site == nil || site.writer == nil || !s.isResponseWriter(site.writer) {
		return nil // not a write, or one to a framework's context
	}
	e := &responseEvent{call: call, writer: site.writer, name: site.name()}
	switch site.kind {
	case siteWriteHeader:
		e.header, e.commits = e.name, !informational(s.pass.TypesInfo, site.status)
	case siteBody:
		e.commits = true
		e.count = byteCount(s.pass.TypesInfo, cur, call, locals)
	case siteHTTPError, siteNotFound, siteRedirect, siteWriter:
		e.header, e.inside, e.commits = e.name, true, true
	case siteHelper:
		// A helper's summary says what some path of it writes. Only a
		// call whose result is dropped is taken to write: one whose
		// result is tested (if !decode(w, r, &v) { return }) writes
		// on the paths that the result tells apart.
		if _, ok := cur.Parent().Node().(*ast.ExprStmt); !ok {
			return nil
		}
		if site.helperWritesError || len(site.statusArgs) > 0 {
			e.header, e.inside = e.name, true
		}
		e.commits = site.helperWritesError || len(site.statusArgs) > 0 || len(site.payload) > 0
	default:
		return nil
	}
	if !e.commits && e.header == "" {
		return nil
	}
	return e
}

// byteCount returns the local integer variable that call's first result,
// a count of bytes written, is assigned to, where that is its only
// assignment, or nil.
func byteCount(info *types.Info, cur inspector.Cursor, call *ast.CallExpr, locals map[*types.Var]ast.Expr) *types.Var {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || as.Rhs[0] != call || len(as.Lhs) == 0 {
		return nil
	}
	id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	if v == nil || !isInteger(v.Type()) || locals[v] != call {
		return nil
	}
	return v
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// netHTTPWrites reports whether net/http's own methods write the header
// and body of w: w is an interface (http.ResponseWriter and the like), or a
// type whose WriteHeader and Write are net/http's, promoted from an
// embedded field. A type that declares its own (a wrapper that records the
// status, or holds the header back until the body is known) writes as its
// code says, which the rule does not follow.
func (s *state) netHTTPWrites(w ast.Expr) bool {
	t := s.pass.TypesInfo.TypeOf(w)
	if t == nil || types.IsInterface(t) {
		return t != nil
	}
	for _, name := range []string{"WriteHeader", "Write"} {
		obj, _, _ := types.LookupFieldOrMethod(t, true, s.pass.Pkg, name)
		if fn, ok := obj.(*types.Func); ok && (fn.Pkg() == nil || !strings.HasPrefix(fn.Pkg().Path(), "net/http")) {
			return false
		}
	}
	return true
}

// informational reports whether status is a constant 1xx status, which
// a handler may write before the final one (103 Early Hints).
func informational(info *types.Info, status ast.Expr) bool {
	if status == nil {
		return false
	}
	v := info.Types[status].Value
	if v == nil {
		return false
	}
	code, ok := constant.Int64Val(constant.ToInt(v))
	return ok && code >= 100 && code < 200
}

// headerEdit reports whether call sets, adds or deletes a header of a
// response, w.Header().Set("K", v) or h.Set where h is only ever
// w.Header(), and returns the response writer and the header's canonical
// key. A key that is not a constant may be a trailer's: not an edit.
func (s *state) headerEdit(call *ast.CallExpr) (ast.Expr, string, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) == 0 {
		return nil, "", false
	}
	fn, _ := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "net/http" || !isMethodOf(fn, "Header") {
		return nil, "", false
	}
	switch fn.Name() {
	case "Set", "Add", "Del":
	default:
		return nil, "", false
	}
	return s.headerKey(sel.X, call.Args[0])
}

// headerOf returns the response writer w of the expression w.Header(), or
// of a local variable assigned only that, or nil.
func (s *state) headerOf(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		v, _ := s.pass.TypesInfo.Uses[id].(*types.Var)
		if v == nil {
			return nil
		}
		if e = s.singleAssignment(id, v); e == nil {
			return nil
		}
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Header" || !s.isResponseWriter(sel.X) {
		return nil
	}
	return sel.X
}

// flushOf returns the response writer that call flushes, or nil: Flush
// on w.(http.Flusher), on http.NewResponseController(w), on a local
// variable assigned once one of those, or on a writer with a Flush
// method. net/http writes a 200 header at a Flush that comes before any.
func (s *state) flushOf(call *ast.CallExpr, locals map[*types.Var]ast.Expr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Flush" || len(call.Args) != 0 {
		return nil
	}
	fn, _ := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Signature().Recv() == nil {
		return nil
	}
	x := ast.Unparen(sel.X)
	if w := s.flusherWriter(localValue(s.pass.TypesInfo, x, locals)); w != nil {
		return w
	}
	if s.isResponseWriter(x) {
		return x
	}
	return nil
}

// flusherWriter returns w of w.(http.Flusher) (any interface with Flush)
// or of http.NewResponseController(w), where w is a response writer, or
// nil.
func (s *state) flusherWriter(e ast.Expr) ast.Expr {
	switch e := ast.Unparen(e).(type) {
	case *ast.TypeAssertExpr:
		if e.Type != nil && s.isResponseWriter(e.X) {
			return e.X
		}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(s.pass.TypesInfo, e).(*types.Func)
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "net/http" && fn.Name() == "NewResponseController" && len(e.Args) == 1 && s.isResponseWriter(e.Args[0]) {
			return e.Args[0]
		}
	}
	return nil
}

// localValue returns the value of the local variable that e names, where
// locals has it, or else e.
func localValue(info *types.Info, e ast.Expr, locals map[*types.Var]ast.Expr) ast.Expr {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if v, _ := info.Uses[id].(*types.Var); v != nil {
			if value, ok := locals[v]; ok {
				return value
			}
		}
	}
	return e
}

// singleLocals returns the variables under root that are assigned once,
// with the value of each (f, ok := w.(http.Flusher) assigns f the
// assertion). A variable assigned more than once, or whose address is
// taken, is left out; an assignment to an element (h["K"] = v) is not
// one to the variable.
func (s *state) singleLocals(root inspector.Cursor) map[*types.Var]ast.Expr {
	out := make(map[*types.Var]ast.Expr)
	assigned := make(map[*types.Var]int)
	note := func(lhs ast.Expr, rhs ast.Expr) {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			return
		}
		v, _ := s.pass.TypesInfo.ObjectOf(id).(*types.Var)
		if v == nil || v.IsField() {
			return
		}
		assigned[v]++
		if rhs != nil {
			out[v] = rhs
		}
	}
	for cur := range root.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				var rhs ast.Expr
				if len(n.Rhs) == len(n.Lhs) {
					rhs = n.Rhs[i]
				} else if i == 0 && len(n.Rhs) == 1 {
					rhs = n.Rhs[0] // f, ok := w.(http.Flusher)
				}
				note(lhs, rhs)
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				var rhs ast.Expr
				if len(n.Values) == len(n.Names) {
					rhs = n.Values[i]
				} else if i == 0 && len(n.Values) == 1 {
					rhs = n.Values[0]
				}
				note(name, rhs)
			}
		}
	}
	for cur := range root.Preorder((*ast.UnaryExpr)(nil)) {
		// A variable whose address is taken may be assigned anywhere.
		if u := cur.Node().(*ast.UnaryExpr); u.Op == token.AND {
			if id, ok := ast.Unparen(u.X).(*ast.Ident); ok {
				if v, _ := s.pass.TypesInfo.Uses[id].(*types.Var); v != nil {
					assigned[v] += 2
				}
			}
		}
	}
	for v := range out {
		if assigned[v] != 1 {
			delete(out, v)
		}
	}
	return out
}

// headerDelete reports whether call is delete(h, "K") of a response's
// header map h (w.Header(), or a local assigned only that), and returns
// the response writer and the key, canonical.
func (s *state) headerDelete(call *ast.CallExpr, locals map[*types.Var]ast.Expr) (ast.Expr, string, bool) {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) != 2 {
		return nil, "", false
	}
	if b, ok := s.pass.TypesInfo.Uses[id].(*types.Builtin); !ok || b.Name() != "delete" {
		return nil, "", false
	}
	return s.headerKey(localValue(s.pass.TypesInfo, call.Args[0], locals), call.Args[1])
}

// headerMapEdit returns the event of an assignment to a key of a
// response's header map (w.Header()["K"] = v), or nil.
func (s *state) headerMapEdit(as *ast.AssignStmt, locals map[*types.Var]ast.Expr) *responseEvent {
	for _, lhs := range as.Lhs {
		ix, ok := ast.Unparen(lhs).(*ast.IndexExpr)
		if !ok {
			continue
		}
		if w, key, ok := s.headerKey(localValue(s.pass.TypesInfo, ix.X, locals), ix.Index); ok {
			return &responseEvent{call: as, writer: w, name: "assignment to " + shortExpr(lhs), edits: true, key: key}
		}
	}
	return nil
}

// headerKey returns the response writer whose header map h is, and key,
// canonical, where key is a constant that is not a trailer's.
func (s *state) headerKey(h, key ast.Expr) (ast.Expr, string, bool) {
	w := s.headerOf(h)
	if w == nil {
		return nil, "", false
	}
	v := s.pass.TypesInfo.Types[key].Value
	if v == nil || v.Kind() != constant.String {
		return nil, "", false
	}
	k := constant.StringVal(v)
	if strings.HasPrefix(k, trailerPrefix) {
		return nil, "", false // a trailer, sent after the body
	}
	return w, textproto.CanonicalMIMEHeaderKey(k), true
}

// isMethodOf reports whether fn is a method of the named type recv of
// its package, or of a pointer to it.
func isMethodOf(fn *types.Func, recv string) bool {
	r := fn.Signature().Recv()
	if r == nil {
		return false
	}
	t := r.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	return ok && named.Obj().Name() == recv
}

// check reports the superfluous writes of one function: for each call that
// commits the response, in source order, the header writes and edits of
// the same response that a path from it reaches. Each later call is
// reported once, naming the first commit in source order that reaches it.
func (sw *superfluousWrites) check(body *ast.BlockStmt) {
	events := sw.events[body]
	var commits, later bool
	for _, e := range events {
		commits = commits || e.commits
		later = later || e.header != "" || e.edits
	}
	if !commits || !later {
		return // nothing can come after a commit
	}
	paths := sw.s.newResponsePaths(body, events)
	owned := sw.s.r.enabled(ruleMissingReturn)
	for _, c := range events {
		if !c.commits || (owned && sw.ownedByMissingReturn(body, paths, c)) {
			continue
		}
		paths.after(c, func(e *responseEvent) {
			if sw.s.sameWriter(c.writer, e.writer) && !(owned && sw.writtenAgain(e)) {
				sw.report(body, c, e)
			}
		})
	}
}

// writtenAgain reports whether missing-return reported e as "response is
// written again after an error response": that rule owns the finding.
func (sw *superfluousWrites) writtenAgain(e *responseEvent) bool {
	call, ok := e.call.(*ast.CallExpr)
	return ok && sw.s.writtenAgain[call]
}

// ownedByMissingReturn reports whether c is an error response that
// missing-return reports a path of: an error write after which it found
// the response written again. What follows c on the same writer is then
// the finding of that rule, whose fix (a return after c) ends those paths
// too.
func (sw *superfluousWrites) ownedByMissingReturn(body *ast.BlockStmt, paths *responsePaths, c *responseEvent) bool {
	isErrorWrite := false
	for _, w := range sw.s.errorWrites[body] {
		if w.complete && w.site.call == c.call {
			isErrorWrite = true
			break
		}
	}
	if !isErrorWrite {
		return false
	}
	found := false
	paths.after(c, func(e *responseEvent) {
		found = found || (sw.writtenAgain(e) && sw.s.sameWriter(c.writer, e.writer))
	})
	return found
}

// report reports the later event e after the commit c, unless it was.
func (sw *superfluousWrites) report(body *ast.BlockStmt, c, e *responseEvent) {
	if sw.reported[e.call] {
		return
	}
	line := sw.s.pass.Fset.Position(c.call.Pos()).Line
	var msg, related string
	switch {
	case e.header != "":
		msg = "superfluous " + e.header + " call"
		if e.inside {
			msg = "superfluous WriteHeader call in " + e.header
		}
		msg += fmt.Sprintf(": the header was already written by %s at line %d", c.name, line)
		related = "the header is written here"
	case e.edits:
		if t := sw.trailers[body]; t.all || t.keys[e.key] {
			return // a declared trailer, sent after the body
		}
		msg = fmt.Sprintf("%s has no effect: the response was committed by %s at line %d", e.name, c.name, line)
		related = "the response is committed here"
	default:
		return
	}
	sw.reported[e.call] = true
	sw.s.r.report(analysis.Diagnostic{
		Pos:      e.call.Pos(),
		End:      e.call.End(),
		Category: ruleSuperfluousWrite,
		Message:  msg,
		Related:  []analysis.RelatedInformation{{Pos: c.call.Pos(), End: c.call.End(), Message: related}},
	})
}
