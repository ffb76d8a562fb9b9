package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// A rewrite is a replacement of one call, sliced from the source, with the
// imports it needs. kept lists the nodes of the old call whose text the new
// one reuses, so that imports used only by the rest can be dropped.
type rewrite struct {
	old     ast.Node
	text    string
	imports *fixImports // the packages the text refers to
	kept    []ast.Node
	more    []analysis.TextEdit // further edits elsewhere
}

// errorResponseFixes returns the fixes of an http.Error or http.NotFound
// call: the canonical writer called with each constructor for its status,
// the first constructor first. When the message carries error text, the
// error is kept as the hidden cause and the client gets a constant message.
func (s *state) errorResponseFixes(cur inspector.Cursor, site *site) []analysis.SuggestedFix {
	fi := s.fileOf(site.call.Pos())
	canon := s.canonical()
	if fi.generated || fi.content == nil || canon.writer == nil {
		return nil
	}
	status, ok := s.singleStatus(cur, site)
	if !ok {
		return nil
	}
	msg := responseMessage{literal: strconv.Quote(http.StatusText(status))}
	if site.kind == siteHTTPError {
		msg = s.messageOf(cur, fi, site.payload[0].expr, status)
		if msg.literal == "" {
			return nil // error text with no error value to keep
		}
	}
	var fixes []analysis.SuggestedFix
	for _, ctor := range canon.ctors[status] {
		rw, q, ok := s.errorResponseRewrite(cur, fi, site, canon, ctor, msg)
		if !ok {
			continue
		}
		if edits, ok := s.rewriteEdits(fi, rw); ok {
			fixes = append(fixes, analysis.SuggestedFix{
				Message:   "Replace " + site.name() + " with " + q + canon.writer.name + " and " + q + ctor.name,
				TextEdits: edits,
			})
		}
	}
	return fixes
}

// noFixReason returns why a site that fixes rewrite, http.Error or
// http.NotFound, has no fix for want of a canonical package, or "".
// Other reasons (a status not resolved, a generated file) are not told:
// the finding is no different from one that never had a fix.
func (s *state) noFixReason(site *site) string {
	if (site.kind != siteHTTPError && site.kind != siteNotFound) || !s.wellTyped(site.call) {
		return ""
	}
	return s.canonical().noFix
}

// A responseMessage is what an error response's message becomes: its own
// text, kept, or a constant with the error that leaked into it as cause.
type responseMessage struct {
	literal string   // the message as source text
	kept    ast.Expr // the original message expression, if kept
	cause   string   // the error to keep server-side, if the message leaked one
}

// messageOf returns what the message expression of an error response
// becomes: itself if it carries no error text; else the status text, with
// the leaked error as cause when an error variable in scope holds it.
func (s *state) messageOf(cur inspector.Cursor, fi *fileInfo, e ast.Expr, status int) responseMessage {
	f := s.flowAt(e.Pos())
	src := f.taint(e, false, boundAt(cur)).src
	if src == nil {
		return responseMessage{literal: fi.text(e), kept: e}
	}
	cause := s.causeOf(src, e.Pos())
	if cause == "" {
		return responseMessage{}
	}
	return responseMessage{literal: strconv.Quote(http.StatusText(status)), cause: cause}
}

// causeOf returns the name of the error variable that a source of error
// text renders, if that variable is in scope at pos.
func (s *state) causeOf(src *source, pos token.Pos) string {
	id := src.errorVar()
	if id == nil {
		return "" // recover(), a stack trace: no error variable
	}
	obj := s.pass.TypesInfo.ObjectOf(id)
	if obj == nil || s.lookup(id.Name, pos) != obj || !types.AssignableTo(obj.Type(), universeError) {
		return ""
	}
	return id.Name
}

// errorResponseRewrite builds writer(w, r, ctor(message)) for one
// constructor, with the qualifier of the canonical package, or reports
// that the constructor cannot take the message.
func (s *state) errorResponseRewrite(cur inspector.Cursor, fi *fileInfo, site *site, canon *canonical, ctor *canonicalFunc, msg responseMessage) (*rewrite, string, bool) {
	rw := &rewrite{old: site.call, imports: s.newFixImports(fi, site.call.Pos())}
	q, ok := rw.imports.qualifier(canon.path, canon.name, canon.writer.name, ctor.name)
	if !ok {
		return nil, "", false
	}
	ctorCall, ok := constructorCall(q+ctor.name, ctor, msg, rw)
	if !ok {
		return nil, "", false
	}
	if ctor.result != nil && canon.writer.errParam != nil && !types.AssignableTo(ctor.result, canon.writer.errParam) {
		return nil, "", false
	}
	var args []string
	for _, role := range canon.writer.roles {
		switch role {
		case roleWriter:
			args = append(args, fi.text(site.writer))
			rw.kept = append(rw.kept, site.writer)
		case roleRequest:
			req := s.requestAt(cur, site)
			if req == nil {
				args = append(args, "nil")
			} else {
				args = append(args, fi.text(req))
				rw.kept = append(rw.kept, req)
			}
		case roleCause:
			args = append(args, ctorCall)
		}
	}
	if msg.kept != nil {
		rw.kept = append(rw.kept, msg.kept)
	}
	rw.text = q + canon.writer.name + "(" + strings.Join(args, ", ") + ")"
	return rw, q, true
}

// constructorCall returns the call of ctor, named call, that carries msg.
// It fails if the call would lose the message or the leaked error.
func constructorCall(call string, ctor *canonicalFunc, msg responseMessage, rw *rewrite) (string, bool) {
	var args []string
	causeTaken, messageTaken := false, false
	for _, role := range ctor.roles {
		switch {
		case role == roleMessage:
			args = append(args, msg.literal)
			messageTaken = true
		case msg.cause != "":
			args = append(args, msg.cause)
			causeTaken = true
		case ctor.has(roleMessage):
			args = append(args, "nil") // no cause to keep
		default:
			// A cause-only constructor (Internal): the message becomes
			// the cause, logged on the server instead of shown.
			q, ok := rw.imports.qualifier("errors", "errors", "New")
			if !ok {
				return "", false
			}
			args = append(args, q+"New("+msg.literal+")")
			messageTaken = true
		}
	}
	text := call + "(" + strings.Join(args, ", ") + ")"
	if msg.cause != "" && !causeTaken {
		if !ctor.withCause {
			return "", false // the cause would be lost
		}
		text += ".WithCause(" + msg.cause + ")"
	}
	if msg.cause == "" && !messageTaken {
		return "", false // the message would be lost
	}
	return text, true
}

// requestAt returns the request expression to pass to a writer: the
// request argument of the call (http.NotFound's), or a *http.Request
// parameter of an enclosing function that is in scope at the call.
func (s *state) requestAt(cur inspector.Cursor, site *site) ast.Expr {
	if i, ok := site.row.Request.Index(); ok {
		return site.call.Args[i]
	}
	for c := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		var params *ast.FieldList
		switch fn := c.Node().(type) {
		case *ast.FuncLit:
			params = fn.Type.Params
		case *ast.FuncDecl:
			params = fn.Type.Params
		}
		for _, field := range params.List {
			for _, name := range field.Names {
				obj := s.pass.TypesInfo.Defs[name]
				if obj != nil && isHTTPRequest(obj.Type()) && s.lookup(name.Name, site.call.Pos()) == obj {
					return name
				}
			}
		}
	}
	return nil
}

// singleStatus returns the one status that a site writes.
func (s *state) singleStatus(cur inspector.Cursor, site *site) (int, bool) {
	if site.fixed != 0 {
		return site.fixed, true
	}
	values, ok := s.statusValues(cur, site.status)
	if !ok {
		return 0, false
	}
	for _, v := range values[1:] {
		if v.code != values[0].code {
			return 0, false
		}
	}
	return values[0].code, true
}

// rewriteEdits returns the edits of a rewrite: the new call, the imports it
// needs, and the removal of imports that only the old call used, merged
// so that no two overlap. It fails if the rewrite would leave a local
// variable unused, which does not compile, or if the imports cannot be
// edited.
func (s *state) rewriteEdits(fi *fileInfo, rw *rewrite) ([]analysis.TextEdit, bool) {
	if s.orphansLocal(rw) {
		return nil, false
	}
	remove := s.droppedImports(fi, rw)
	imports, ok := importEdits(fi.file, fi.tok, fi.content, rw.imports.added, remove)
	if !ok {
		return nil, false
	}
	edits, ok := mergeEdits(append([]analysis.TextEdit{{Pos: rw.old.Pos(), End: rw.old.End(), NewText: []byte(rw.text)}}, rw.more...))
	if !ok {
		return nil, false
	}
	if decl := s.declAt(rw.old.Pos()); decl != nil {
		if edits, ok = keepFormatted(fi, decl, edits); !ok {
			return nil, false
		}
	}
	return mergeEdits(append(edits, imports...))
}

// orphansLocal reports whether the text a rewrite drops holds the last use
// of a local variable.
func (s *state) orphansLocal(rw *rewrite) bool {
	decl := s.declAt(rw.old.Pos())
	for v := range s.droppedLocals(rw) {
		if strings.Contains(rw.text, v.Name()) || rw.hasMore(v.Name()) {
			continue // the new text refers to it (as the cause)
		}
		if !usedOutside(s.pass.TypesInfo, decl, v, rw.old) {
			return true
		}
	}
	return false
}

func (rw *rewrite) hasMore(name string) bool {
	for _, e := range rw.more {
		if strings.Contains(string(e.NewText), name) {
			return true
		}
	}
	return false
}

// droppedLocals returns the local variables referred to in the old text
// outside the nodes the rewrite keeps.
func (s *state) droppedLocals(rw *rewrite) map[*types.Var]bool {
	vars := make(map[*types.Var]bool)
	ast.Inspect(rw.old, func(n ast.Node) bool {
		if slices.Contains(rw.kept, n) {
			return false
		}
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := s.pass.TypesInfo.Uses[id].(*types.Var); ok && !v.IsField() && v.Parent() != s.pass.Pkg.Scope() {
				vars[v] = true
			}
		}
		return true
	})
	return vars
}

// usedOutside reports whether decl uses v, other than by assigning to it,
// outside the node old.
func usedOutside(info *types.Info, decl ast.Node, v *types.Var, old ast.Node) bool {
	assigned := make(map[*ast.Ident]bool)
	used := false
	ast.Inspect(decl, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
					assigned[id] = true
				}
			}
		case *ast.Ident:
			if info.Uses[n] == v && !assigned[n] && (n.Pos() < old.Pos() || n.Pos() >= old.End()) {
				used = true
			}
		}
		return !used
	})
	return used
}

// droppedImports returns the imports of the file, named or dot imports,
// that only the text the rewrite drops uses: left, they would not
// compile. cgo's "C" stays, with its preamble.
func (s *state) droppedImports(fi *fileInfo, rw *rewrite) []*ast.ImportSpec {
	dropped := s.droppedUses(rw)
	var specs []*ast.ImportSpec
	for _, spec := range fi.file.Imports {
		pn := s.pass.TypesInfo.PkgNameOf(spec)
		switch {
		case pn == nil || rw.imports.used[pn] || importPath(spec) == "C":
		case pn.Name() == ".":
			if s.dropsEveryDotUse(fi, rw, pn.Imported()) {
				specs = append(specs, spec)
			}
		case dropped[pn] > 0 && dropped[pn] == s.usesOf(fi, pn):
			specs = append(specs, spec)
		}
	}
	return specs
}

// dropsEveryDotUse reports whether the text the rewrite drops holds every
// use of pkg, which the file dot-imports.
func (s *state) dropsEveryDotUse(fi *fileInfo, rw *rewrite, pkg *types.Package) bool {
	info := s.pass.TypesInfo
	dropped := dotUses(info, rw.old, pkg)
	if dropped == 0 {
		return false // the usual case: no need to count the file's
	}
	for _, n := range rw.kept {
		dropped -= dotUses(info, n, pkg)
	}
	return dropped > 0 && dropped == dotUses(info, fi.file, pkg)
}

// dotUses counts the unqualified references in n to package-level objects
// of pkg.
func dotUses(info *types.Info, n ast.Node, pkg *types.Package) int {
	uses := 0
	selected := make(map[*ast.Ident]bool) // the Sel of a selector is qualified, or a field or method
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			selected[n.Sel] = true
		case *ast.Ident:
			if obj := info.Uses[n]; !selected[n] && obj != nil && obj.Pkg() == pkg && obj.Parent() == pkg.Scope() {
				uses++
			}
		}
		return true
	})
	return uses
}

// droppedUses counts the references to imports in the old call outside the
// nodes the rewrite keeps.
func (s *state) droppedUses(rw *rewrite) map[*types.PkgName]int {
	uses := pkgNameUses(s.pass.TypesInfo, rw.old)
	for _, n := range rw.kept {
		for pn, k := range pkgNameUses(s.pass.TypesInfo, n) {
			uses[pn] -= k
		}
	}
	return uses
}

// constructorLeakFixes returns the fix of error text passed to a
// constructor's message: a constant message, and the error kept as the
// hidden cause through the constructor's error parameter or WithCause.
func (s *state) constructorLeakFixes(site *site, arg ast.Expr, src *source) []analysis.SuggestedFix {
	fi := s.fileOf(arg.Pos())
	shape := s.constructorShape(site.callee.Origin())
	text := http.StatusText(site.fixed)
	if fi.generated || fi.content == nil || shape == nil || text == "" {
		return nil
	}
	cause := s.causeOf(src, arg.Pos())
	if cause == "" {
		return nil
	}
	rw := &rewrite{old: arg, text: strconv.Quote(text), imports: s.newFixImports(fi, arg.Pos())}
	switch i := slices.Index(shape.roles, roleCause); {
	case i >= 0 && i < len(site.call.Args) && isNilIdent(s.pass.TypesInfo, site.call.Args[i]):
		nilArg := site.call.Args[i]
		rw.more = append(rw.more, analysis.TextEdit{Pos: nilArg.Pos(), End: nilArg.End(), NewText: []byte(cause)})
	case i < 0 && shape.withCause:
		end := site.call.End()
		rw.more = append(rw.more, analysis.TextEdit{Pos: end, End: end, NewText: []byte(".WithCause(" + cause + ")")})
	default:
		return nil // the constructor has no room for the cause
	}
	edits, ok := s.rewriteEdits(fi, rw)
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   "Replace the error text with " + rw.text + " and keep " + cause + " as the hidden cause",
		TextEdits: edits,
	}}
}

func isNilIdent(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}
