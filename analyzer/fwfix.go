package analyzer

import (
	"go/ast"
	"go/types"
	"net/http"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// frameworkErrorFixes returns the fixes of error text passed as the message
// of a framework's error constructor, fiber.NewError(500, err.Error()):
// a constant message with the error kept server-side by the error's own
// method where it has one (echo's SetInternal), which keeps the status and
// the body; and, for a 500 that the framework's default renderer answers,
// the canonical constructor with the error as its cause, whose text is
// the contract's generic message.
func (s *state) frameworkErrorFixes(cur inspector.Cursor, site *site, arg ast.Expr, src *source) []analysis.SuggestedFix {
	fi := s.fileOf(arg.Pos())
	cause := s.causeOf(src, arg.Pos())
	status, ok := s.singleStatus(cur, site)
	if fi.generated || fi.content == nil || cause == "" || !ok || http.StatusText(status) == "" || !s.onlyMessage(site, arg) {
		return nil
	}
	var fixes []analysis.SuggestedFix
	if fix, ok := s.keepCauseFix(cur, fi, site, arg, status, cause); ok {
		fixes = append(fixes, fix)
	}
	if !site.row.Canonical && s.returnedAsError(cur) {
		// A canonical framework error is the framework's format (a
		// connect code would become CodeUnknown); and only where the
		// call is returned as an error is the canonical one returned
		// in its place.
		if fix, ok := s.canonicalErrorFix(fi, site, status, cause); ok {
			fixes = append(fixes, fix)
		}
	}
	return fixes
}

// onlyMessage reports whether arg is the one message argument of the call.
func (s *state) onlyMessage(site *site, arg ast.Expr) bool {
	i, ok := site.row.Body.From.Index()
	return ok && len(site.call.Args) == i+1 && site.call.Args[i] == arg && !site.call.Ellipsis.IsValid()
}

// keepCauseFix replaces the message with the status text and calls the
// row's KeepCause method with the cause: echo.NewHTTPError(500,
// "Internal Server Error").SetInternal(err).
func (s *state) keepCauseFix(cur inspector.Cursor, fi *fileInfo, site *site, arg ast.Expr, status int, cause string) (analysis.SuggestedFix, bool) {
	method := site.row.KeepCause
	if method == "" || !s.keepsCause(site.callee.Signature().Results(), method) {
		return analysis.SuggestedFix{}, false
	}
	if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel.Name == method {
		return analysis.SuggestedFix{}, false // it keeps a cause already: that one would be replaced
	}
	text := strconv.Quote(http.StatusText(status))
	end := site.call.End()
	rw := &rewrite{old: arg, text: text, imports: s.newFixImports(fi, arg.Pos())}
	rw.more = append(rw.more, analysis.TextEdit{Pos: end, End: end, NewText: []byte("." + method + "(" + cause + ")")})
	edits, ok := s.rewriteEdits(fi, rw)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   "Replace the error text with " + text + " and keep " + cause + " with " + method,
		TextEdits: edits,
	}, true
}

// keepsCause reports whether the one result of a constructor has the
// method, taking an error and returning one value.
func (s *state) keepsCause(results *types.Tuple, method string) bool {
	if results.Len() != 1 {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(results.At(0).Type(), true, nil, method)
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() == 1 && types.Identical(sig.Params().At(0).Type(), universeError) && sig.Results().Len() == 1
}

// canonicalErrorFix replaces a framework's 500 error with the canonical
// constructor for 500 and the cause: apierror.Internal(err). The
// framework's default renderer answers an error of its own type with its
// status and any other with 500, so only a 500 keeps its status, and only
// where the app has not replaced the renderer.
func (s *state) canonicalErrorFix(fi *fileInfo, site *site, status int, cause string) (analysis.SuggestedFix, bool) {
	fw := s.model.Owner(site.row)
	canon := s.canonical()
	if status != http.StatusInternalServerError || fw.Renderer == nil || s.renderingOf(fw).replaced() || canon.writer == nil {
		return analysis.SuggestedFix{}, false
	}
	msg := responseMessage{literal: strconv.Quote(http.StatusText(status)), cause: cause}
	for _, ctor := range canon.ctors[status] {
		if ctor.result != nil && !types.AssignableTo(ctor.result, universeError) {
			continue // not an error the handler can return
		}
		rw := &rewrite{old: site.call, imports: s.newFixImports(fi, site.call.Pos())}
		q, ok := rw.imports.qualifier(canon.path, canon.name, ctor.name)
		if !ok {
			continue
		}
		if rw.text, ok = constructorCall(q+ctor.name, ctor, msg, rw); !ok {
			continue
		}
		if edits, ok := s.rewriteEdits(fi, rw); ok {
			return analysis.SuggestedFix{
				Message:   "Replace " + site.name() + " with " + q + ctor.name + " and keep " + cause + " as the hidden cause",
				TextEdits: edits,
			}, true
		}
	}
	return analysis.SuggestedFix{}, false
}

// returnedAsError reports whether the call at cur is a result of a
// return statement that the enclosing function returns as an error: the
// canonical error that replaces it is one too.
func (s *state) returnedAsError(cur inspector.Cursor) bool {
	ret, ok := cur.Parent().Node().(*ast.ReturnStmt)
	if !ok {
		return false
	}
	for fn := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		var sig *types.Signature
		switch fn := fn.Node().(type) {
		case *ast.FuncLit:
			sig, _ = s.pass.TypesInfo.TypeOf(fn).(*types.Signature)
		case *ast.FuncDecl:
			if obj, ok := s.pass.TypesInfo.Defs[fn.Name].(*types.Func); ok {
				sig = obj.Signature()
			}
		}
		if sig == nil || sig.Results().Len() != len(ret.Results) {
			return false
		}
		i := slices.Index(ret.Results, ast.Expr(cur.Node().(*ast.CallExpr)))
		return i >= 0 && types.Identical(sig.Results().At(i).Type(), universeError)
	}
	return false
}
