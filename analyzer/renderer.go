package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcontract/errcontract/internal/httpmodel"
)

// A rendering is how the returned errors of a framework's handlers reach
// the client in the package being checked: by the framework's default
// renderer, or by one the package's app setup installs. The setup is
// seen where it is in the package: fiber.Config{ErrorHandler: h},
// e.HTTPErrorHandler = h, e.Debug = true.
type rendering struct {
	via string // how messages name the renderer
	// shows is set where every error's text reaches the client; else
	// only that of errors made by textFrom.
	shows    bool
	textFrom []httpmodel.Func
	passOn   []httpmodel.Func
	related  []analysis.RelatedInformation
	silent   bool // the app's renderer shows no error's text, or one errcontract cannot see
	app      bool // the app installs its own renderer
}

// replaced reports whether the app installs its own renderer.
func (r *rendering) replaced() bool { return r.app }

// renderingOf returns how the package renders the errors that handlers of
// the framework fw return, computed once per package.
func (s *state) renderingOf(fw *httpmodel.Framework) *rendering {
	if r, ok := s.renderings[fw]; ok {
		return r
	}
	r := s.findRendering(fw)
	s.renderings[fw] = r
	return r
}

func (s *state) findRendering(fw *httpmodel.Framework) *rendering {
	def := fw.Renderer
	replaced, debug := s.appSettings(fw)
	var apps []*appHandler
	for _, v := range replaced {
		if h := s.appRenderer(fw, v); h != nil {
			apps = append(apps, h)
		}
	}
	for _, h := range apps {
		if h.shows {
			return &rendering{via: "the app's " + h.field, shows: true, passOn: def.PassOn, related: []analysis.RelatedInformation{h.related}, app: true}
		}
	}
	if len(apps) > 0 {
		return &rendering{silent: true, app: true}
	}
	if debug != nil {
		return &rendering{
			via:     def.Default + " with Debug set",
			shows:   true,
			passOn:  def.PassOn,
			related: []analysis.RelatedInformation{{Pos: debug.Pos(), End: debug.End(), Message: "Debug is set here: the default error handler shows every error's text"}},
		}
	}
	return &rendering{via: def.Default, shows: def.ShowsText, textFrom: def.TextFrom, passOn: def.PassOn}
}

// A setValue is a value the package gives a setting of a framework.
type setValue struct {
	field string
	value ast.Expr
}

// appSettings returns the values the package gives the settings that
// replace fw's renderer, and the assignment of true to a Debug setting,
// if any: in composite literals of the setting's type and in assignments
// to the field.
func (s *state) appSettings(fw *httpmodel.Framework) (replaced []setValue, debug ast.Node) {
	r := fw.Renderer
	visit := func(at ast.Node, x ast.Expr, field *ast.Ident, value ast.Expr) {
		for _, set := range r.Replace {
			if s.isSetting(x, field, set) {
				replaced = append(replaced, setValue{set.Field, value})
			}
		}
		for _, set := range r.Debug {
			if s.isSetting(x, field, set) && debug == nil && isTrue(s.pass.TypesInfo, value) {
				debug = at
			}
		}
	}
	root := inspector.New(s.pass.Files).Root()
	for cur := range root.Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			for _, elt := range n.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if key, ok := kv.Key.(*ast.Ident); ok {
						visit(kv, n, key, kv.Value)
					}
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
					visit(n, sel.X, sel.Sel, n.Rhs[i])
				}
			}
		}
	}
	return replaced, debug
}

// isSetting reports whether field, of the composite literal or the
// operand x, is the setting set.
func (s *state) isSetting(x ast.Expr, field *ast.Ident, set httpmodel.Setting) bool {
	v, ok := s.pass.TypesInfo.ObjectOf(field).(*types.Var)
	if !ok || v.Name() != set.Field {
		return false
	}
	if set.Type.Name == "" {
		// A package-level variable, assigned as pkg.Field.
		return v.Pkg() != nil && v.Pkg().Path() == set.Type.Pkg && v.Parent() == v.Pkg().Scope()
	}
	if !v.IsField() {
		return false
	}
	t := s.pass.TypesInfo.TypeOf(x)
	return t != nil && set.Type.Matches(t)
}

func isTrue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && constant.BoolVal(tv.Value)
}

// An appHandler is a renderer an app installs.
type appHandler struct {
	field   string
	shows   bool // the error's text reaches the body
	related analysis.RelatedInformation
}

// appRenderer returns the renderer that v installs, or nil if it is the
// framework's own. A function literal or a function of the package shows
// the error's text if the text of its error parameter reaches a body it
// writes; what a function of another package does is not seen.
func (s *state) appRenderer(fw *httpmodel.Framework, v setValue) *appHandler {
	h := &appHandler{field: v.field}
	related := func(n ast.Node, end token.Pos) analysis.RelatedInformation {
		return analysis.RelatedInformation{Pos: n.Pos(), End: end, Message: "the app's " + v.field + " renders the error's text"}
	}
	switch e := ast.Unparen(v.value).(type) {
	case *ast.FuncLit:
		if sig, ok := s.pass.TypesInfo.TypeOf(e).(*types.Signature); ok {
			h.shows = s.showsErrorParam(e.Body, sig)
		}
		h.related = related(e, e.Type.End())
	case *ast.Ident, *ast.SelectorExpr:
		fn, _ := typeutil.Callee(s.pass.TypesInfo, &ast.CallExpr{Fun: e}).(*types.Func)
		if fn != nil && fn.Pkg() != nil && slices.Contains(fw.Packages, fn.Pkg().Path()) {
			return nil // the framework's own default
		}
		if decl := s.funcDecl(fn); decl != nil {
			h.shows = s.showsErrorParam(decl.Body, fn.Signature())
			h.related = related(decl.Name, decl.Name.End())
		}
	}
	return h
}

// funcDecl returns the declaration of fn in the package, or nil.
func (s *state) funcDecl(fn *types.Func) *ast.FuncDecl {
	if fn == nil || fn.Pkg() != s.pass.Pkg {
		return nil
	}
	decl, ok := s.declAt(fn.Pos()).(*ast.FuncDecl)
	if !ok || decl.Name.Pos() != fn.Pos() || decl.Body == nil {
		return nil
	}
	return decl
}

// showsErrorParam reports whether the text of the error parameter of a
// function with signature sig reaches a response body that its body
// writes, directly or through helpers.
func (s *state) showsErrorParam(body *ast.BlockStmt, sig *types.Signature) bool {
	i := errorParam(sig)
	f := s.flowAt(body.Pos())
	if i < 0 || f == nil {
		return false
	}
	param := sig.Params().At(i)
	shows := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || shows {
			return !shows
		}
		site := s.classify(call)
		if site == nil || !s.knownResponse(site) {
			return true
		}
		for _, p := range site.payload {
			if src := f.taint(p.expr, p.formatted, token.NoPos).src; src != nil {
				if id := src.errorVar(); id != nil && s.pass.TypesInfo.ObjectOf(id) == param {
					shows = true
				}
			}
		}
		return !shows
	})
	return shows
}

// errorParam returns the index of sig's error parameter, or -1.
func errorParam(sig *types.Signature) int {
	for i := range sig.Params().Len() {
		if types.Identical(sig.Params().At(i).Type(), universeError) {
			return i
		}
	}
	return -1
}

// checkAttachedErrors reports the errors that handlers attach to the
// request (gin's c.Error) where a middleware of the package renders the
// attached errors: their text reaches the client through it.
func (s *state) checkAttachedErrors(root inspector.Cursor) {
	for _, imp := range s.pass.Pkg.Imports() {
		fw := s.model.Framework(imp.Path())
		if fw == nil || fw.Renderer == nil || len(fw.Renderer.Attach) == 0 {
			continue
		}
		mw := s.attachedRenderer(root, fw.Renderer.Attached)
		if mw == nil {
			continue // nothing in the package shows them
		}
		for cur := range root.Preorder((*ast.CallExpr)(nil)) {
			s.checkAttach(cur.Node().(*ast.CallExpr), fw.Renderer, mw)
		}
	}
}

// attachedRenderer returns the first body write of the package whose
// payload holds text derived from the field attached, or nil.
func (s *state) attachedRenderer(root inspector.Cursor, attached httpmodel.Setting) *site {
	for cur := range root.Preorder((*ast.CallExpr)(nil)) {
		site := s.classify(cur.Node().(*ast.CallExpr))
		if site == nil || !s.knownResponse(site) {
			continue
		}
		f := s.flowAt(site.call.Pos())
		for _, p := range site.payload {
			if f != nil && s.derivesFrom(f, p.expr, attached, 0) {
				return site
			}
		}
	}
	return nil
}

// derivesFrom reports whether text in e may come from the field set:
// e selects it, or a local variable in e was assigned a value that does.
func (s *state) derivesFrom(f *flow, e ast.Expr, set httpmodel.Setting, depth int) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		if x, ok := n.(ast.Expr); ok {
			if t := s.pass.TypesInfo.TypeOf(x); t != nil && cannotCarryText(t) {
				return false // a count, a flag: no text
			}
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectorExpr:
			found = s.isSetting(n.X, n.Sel, set)
		case *ast.Ident:
			v := f.localVar(n)
			if v == nil || depth == maxChain || f.visiting[v] {
				break
			}
			f.visiting[v] = true
			for _, a := range f.assigns[v] {
				if a.rhs != nil && s.derivesFrom(f, a.rhs, set, depth+1) {
					found = true
					break
				}
			}
			delete(f.visiting, v)
		}
		return !found
	})
	return found
}

// checkAttach reports the error that call attaches, if it is one of r's
// Attach calls and the error carries text: mw, the middleware's write,
// shows it.
func (s *state) checkAttach(call *ast.CallExpr, r *httpmodel.Renderer, mw *site) {
	fn, _ := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
	if fn == nil {
		return
	}
	i := slices.IndexFunc(r.Attach, func(a httpmodel.Attach) bool { return a.Matches(fn) })
	if i < 0 {
		return
	}
	at, ok := r.Attach[i].Err.Index()
	f := s.flowAt(call.Pos())
	if !ok || at >= len(call.Args) || f == nil || !s.wellTyped(call) {
		return
	}
	arg := call.Args[at]
	src := f.taint(arg, true, call.Pos()).src
	if src == nil {
		return
	}
	d := analysis.Diagnostic{
		Pos:      arg.Pos(),
		End:      arg.End(),
		Category: ruleErrorLeak,
		Message:  "error text from " + describeSource(src) + " reaches the response body via " + shortExpr(call.Fun) + " and the middleware that renders the attached errors",
	}
	if src.node != arg {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: src.node.Pos(), End: src.node.End(), Message: "the error text comes from here"})
	}
	d.Related = append(d.Related, analysis.RelatedInformation{Pos: mw.call.Pos(), End: mw.call.End(), Message: "the middleware writes the attached errors here"})
	s.r.report(d)
}
