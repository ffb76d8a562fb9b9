package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
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
	call   *ast.CallExpr
	writer ast.Expr
	name   string // how messages name the call: w.Write, http.Error
	// commits is set where the header has been written after the call:
	// a status line other than 1xx, or any body.
	commits bool
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
	reported map[*ast.CallExpr]bool
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
		reported: make(map[*ast.CallExpr]bool),
	}
	for cur := range root.Preorder((*ast.CallExpr)(nil)) {
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
	call := cur.Node().(*ast.CallExpr)
	var body *ast.BlockStmt
	for n := range cur.Enclosing((*ast.DeferStmt)(nil), (*ast.GoStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		body = funcBody(n.Node())
		break
	}
	if body == nil || !sw.s.wellTyped(call) {
		return // deferred, outside a function, or not known to be a call
	}
	e := sw.s.responseEventOf(cur, call)
	if e == nil {
		return
	}
	if e.edits && e.key == "Trailer" {
		sw.declareTrailers(body, call)
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

// responseEventOf returns the event of call, or nil.
func (s *state) responseEventOf(cur inspector.Cursor, call *ast.CallExpr) *responseEvent {
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
	w := s.headerOf(sel.X)
	if w == nil {
		return nil, "", false
	}
	v := s.pass.TypesInfo.Types[call.Args[0]].Value
	if v == nil || v.Kind() != constant.String {
		return nil, "", false
	}
	key := constant.StringVal(v)
	if strings.HasPrefix(key, trailerPrefix) {
		return nil, "", false // a trailer, sent after the body
	}
	return w, textproto.CanonicalMIMEHeaderKey(key), true
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
	for _, c := range events {
		if !c.commits {
			continue
		}
		paths.after(c, func(e *responseEvent) {
			if sw.s.sameWriter(c.writer, e.writer) {
				sw.report(body, c, e)
			}
		})
	}
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
