package analyzer

import (
	"go/ast"
	"go/types"
	"net/http"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/errcontract/errcontract/internal/httpmodel"
)

// frameworkErrorFixes returns the fix of a framework's error of status
// 500 whose message leaks error text, returned by a handler as its error:
// return fiber.NewError(500, err.Error()) becomes return
// apierror.Internal(err). The framework's renderer answers an error that
// is not its own with 500, as it answered the framework's error, and the
// canonical constructor keeps the cause server-side. Other statuses have
// no such fix: the renderer would answer the canonical error with 500.
func (s *state) frameworkErrorFixes(cur inspector.Cursor, site *site, src *source) []analysis.SuggestedFix {
	if site.row.Effect != httpmodel.BuildsError || site.row.Canonical || !s.returnedAsError(cur) {
		return nil
	}
	if status, ok := s.singleStatus(cur, site); !ok || status != http.StatusInternalServerError {
		return nil
	}
	fi := s.fileOf(site.call.Pos())
	cause := s.causeOf(src, site.call.Pos())
	canon := s.canonical()
	if fi.generated || fi.content == nil || cause == "" || canon.path == "" {
		return nil
	}
	msg := responseMessage{literal: strconv.Quote(http.StatusText(http.StatusInternalServerError)), cause: cause}
	for _, ctor := range canon.ctors[http.StatusInternalServerError] {
		rw := &rewrite{old: site.call, imports: s.newFixImports(fi, site.call.Pos())}
		q, ok := rw.imports.qualifier(canon.path, canon.name, ctor.name)
		if !ok {
			continue
		}
		text, ok := constructorCall(q+ctor.name, ctor, msg, rw)
		if !ok {
			continue
		}
		rw.text = text
		if edits, ok := s.rewriteEdits(fi, rw); ok {
			return []analysis.SuggestedFix{{
				Message:   "Replace " + site.name() + " with " + q + ctor.name + " and keep " + cause + " as the hidden cause",
				TextEdits: edits,
			}}
		}
	}
	return nil
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
		for i, r := range ret.Results {
			if r == cur.Node() {
				return types.Identical(sig.Results().At(i).Type(), universeError)
			}
		}
		return false
	}
	return false
}
