package analyzer

import (
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/errcontract/errcontract/internal/httpmodel"
)

// declareWriter ends raw-http-error's messages: most projects have a
// helper of their own that writes errors, which errcontract cannot tell
// from a raw write until it is declared.
const declareWriter = " (" + declareWriterHint + ")"

const declareWriterHint = "declare the project's own writer with //errcontract:writer or writers: in errcontract.yaml"

// rawHint ends the message of a raw error response: declareWriter, and
// first why there is no fix where a fix would rewrite the call.
func (s *state) rawHint(site *site) string {
	if why := s.noFixReason(site); why != "" {
		return " (no fix: " + why + "; " + declareWriterHint + ")"
	}
	return declareWriter
}

// checkRawError reports error responses written outside the canonical
// constructors: http.Error, http.NotFound, and WriteHeader with an error
// status followed by a hand-written body.
func (s *state) checkRawError(cur inspector.Cursor, site *site) {
	switch site.kind {
	case siteHTTPError, siteNotFound:
		if s.inCanonicalBody(cur) {
			return
		}
		// The call is known whatever its arguments are; a fix of one that
		// does not type-check could not be known to compile.
		d := analysis.Diagnostic{
			Pos:      site.call.Pos(),
			End:      site.call.End(),
			Category: ruleRawHTTPError,
			Message:  site.name() + " bypasses the canonical error constructors" + s.rawHint(site),
		}
		if s.wellTyped(site.call) {
			d.SuggestedFixes = s.errorResponseFixes(cur, site)
		}
		s.r.report(d)
	case siteFramework:
		s.checkRawFramework(cur, site)
	case siteWriteHeader:
		codes := s.errorStatuses(cur, site.status)
		if !s.mayWriteError(cur, site) || s.inCanonicalBody(cur) {
			return
		}
		body := s.nextBodyWrite(cur, site.writer)
		if body == nil {
			return // a bare status is not a hand-written error body
		}
		s.r.report(analysis.Diagnostic{
			Pos:      site.call.Pos(),
			End:      site.call.End(),
			Category: ruleRawHTTPError,
			Message:  "WriteHeader(" + strings.Join(codes, " or ") + ") with a hand-written body bypasses the canonical error constructors" + declareWriter,
			Related:  []analysis.RelatedInformation{{Pos: body.Pos(), End: body.End(), Message: "the body is written here"}},
		})
	}
}

// checkRawFramework reports a framework's error constructor, and a
// framework write whose status is an error status.
func (s *state) checkRawFramework(cur inspector.Cursor, site *site) {
	switch site.row.Effect {
	case httpmodel.WritesBody, httpmodel.Renders:
		if !s.mayWriteError(cur, site) {
			return
		}
	case httpmodel.BuildsError:
		if site.row.Canonical {
			return // the framework's own format, configured in one place
		}
	default:
		return
	}
	if s.inCanonicalBody(cur) {
		return
	}
	s.r.report(analysis.Diagnostic{
		Pos:      site.call.Pos(),
		End:      site.call.End(),
		Category: ruleRawHTTPError,
		Message:  site.name() + " bypasses the canonical error constructors" + declareWriter,
	})
}

// mayWriteError reports whether the site at cur may write an error
// response (isErrorWrite), its statuses resolved at the call.
func (s *state) mayWriteError(cur inspector.Cursor, site *site) bool {
	return s.isErrorWrite(site, func(e ast.Expr) ([]statusValue, bool) {
		return s.statusValues(cur, e)
	}).May
}

// errorStatuses returns the error statuses (400 and up) that can reach the
// status argument e.
func (s *state) errorStatuses(cur inspector.Cursor, e ast.Expr) []string {
	values, _ := s.statusValues(cur, e)
	var codes []string
	for _, v := range values {
		if code := strconv.Itoa(v.code); v.code >= 400 && !slices.Contains(codes, code) {
			codes = append(codes, code)
		}
	}
	return codes
}

// inCanonicalBody reports whether cur is inside a canonical writer or
// constructor, whose job is to write error responses.
func (s *state) inCanonicalBody(cur inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fn, _ := s.pass.TypesInfo.Defs[c.Node().(*ast.FuncDecl).Name].(*types.Func)
		if fn != nil && s.isCanonicalFunc(fn) {
			return true
		}
	}
	return false
}

// nextBodyWrite returns the first body write to writer on a path after the
// statement at cur: later statements of its block, then of the enclosing
// blocks, until a statement ends the path or the function ends.
func (s *state) nextBodyWrite(cur inspector.Cursor, writer ast.Expr) ast.Node {
	stmt, ok := enclosingStmt(cur)
	for ok {
		for next, more := stmt.NextSibling(); more; next, more = next.NextSibling() {
			if !s.wellTyped(next.Node()) {
				return nil // a statement that does not type-check may end the path
			}
			if w := s.bodyWriteIn(next, writer); w != nil {
				return w
			}
			if s.endsPath(next.Node()) {
				return nil
			}
		}
		stmt, ok = enclosingStmt(stmt)
	}
	return nil
}

// enclosingStmt returns the statement in a statement list that strictly
// encloses cur, stopping at function boundaries.
func enclosingStmt(cur inspector.Cursor) (inspector.Cursor, bool) {
	for c := cur.Parent(); c.Node() != nil; c = c.Parent() {
		switch c.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return inspector.Cursor{}, false
		}
		switch c.Parent().Node().(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			if _, isStmt := c.Node().(ast.Stmt); isStmt {
				return c, true
			}
		}
	}
	return inspector.Cursor{}, false
}

// bodyWriteIn returns the first call in stmt that writes a body to writer.
func (s *state) bodyWriteIn(stmt inspector.Cursor, writer ast.Expr) ast.Node {
	for c := range stmt.Preorder((*ast.CallExpr)(nil)) {
		if site := s.classify(c.Node().(*ast.CallExpr)); site != nil && site.kind == siteBody && s.sameWriter(site.writer, writer) {
			return site.call
		}
	}
	return nil
}

// sameWriter reports whether a and b denote the same response writer.
// Two expressions that do not type-check may denote anything.
func (s *state) sameWriter(a, b ast.Expr) bool {
	if !s.wellTyped(a) || !s.wellTyped(b) {
		return false // not known to be the same
	}
	a, b = ast.Unparen(a), ast.Unparen(b)
	ida, okA := a.(*ast.Ident)
	idb, okB := b.(*ast.Ident)
	if okA && okB {
		return s.pass.TypesInfo.ObjectOf(ida) == s.pass.TypesInfo.ObjectOf(idb)
	}
	return types.ExprString(a) == types.ExprString(b)
}

// endsPath reports whether control never passes beyond stmt.
func (s *state) endsPath(stmt ast.Node) bool {
	switch stmt := stmt.(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(stmt.X).(*ast.CallExpr)
		return ok && s.wellTyped(call) && !s.mayReturn(call)
	}
	return false
}

// shortExpr returns e as source text, shortened for a message.
// maxExprLen bounds the length of source text quoted in a message.
const maxExprLen = 48

func shortExpr(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > maxExprLen {
		s = s[:maxExprLen-3] + "..."
	}
	return s
}
