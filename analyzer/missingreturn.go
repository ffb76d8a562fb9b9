package analyzer

import (
	"cmp"
	"go/ast"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcontract/errcontract/internal/dataflow"
	"github.com/errcontract/errcontract/internal/httpmodel"
)

// An errorWrite is a call that writes an error response, as a statement of
// a function body.
type errorWrite struct {
	stmt     *ast.ExprStmt
	site     *site
	complete bool // the response is complete: writing more is a second response
}

// noteErrorWrite records a site that writes an error response, for the
// missing-return check of its function.
func (s *state) noteErrorWrite(cur inspector.Cursor, site *site) {
	stmt, ok := cur.Parent().Node().(*ast.ExprStmt)
	if !ok || site.writer == nil {
		return // not a statement of its own, or nothing to write to again
	}
	if !s.wellTyped(site.call) {
		return // what a call that does not type-check writes is not known
	}
	complete := true
	switch site.kind {
	case siteHTTPError, siteNotFound, siteWriter:
	case siteHelper:
		if !site.helperWritesError {
			return
		}
	case siteWriteHeader:
		// A status alone begins an error response; its body follows.
		if len(s.errorStatuses(cur, site.status)) == 0 {
			return
		}
		complete = false
	case siteFramework:
		if !s.frameworkErrorWrite(cur, site) {
			return
		}
	default:
		return
	}
	for fn := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		body := funcBody(fn.Node())
		s.errorWrites[body] = append(s.errorWrites[body], errorWrite{stmt, site, complete})
		return
	}
}

// frameworkErrorWrite reports whether a framework site writes an error
// response: a body with an error status, or a status that ends the
// response (gin's Abort* write and go on, like http.Error).
func (s *state) frameworkErrorWrite(cur inspector.Cursor, site *site) bool {
	status := site.status
	if status == nil {
		status = site.statusSetBefore
	}
	if status == nil || len(s.errorStatuses(cur, status)) == 0 {
		return false
	}
	return site.row.Effect == httpmodel.WritesBody || site.row.Effect == httpmodel.Renders || (site.row.Effect == httpmodel.SetsStatus && site.row.Ends)
}

func funcBody(n ast.Node) *ast.BlockStmt {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Body
	case *ast.FuncLit:
		return n.Body
	}
	return nil
}

// checkMissingReturns reports, in each function that writes an error
// response, paths that go on after it: to another write to the same
// response, or out of the branch that wrote it into the function's work.
func (s *state) checkMissingReturns() {
	// Bodies in source order, so that findings come out in the same
	// order on every run and in every driver.
	bodies := slices.SortedFunc(maps.Keys(s.errorWrites), func(a, b *ast.BlockStmt) int {
		return cmp.Compare(a.Pos(), b.Pos())
	})
	for _, body := range bodies {
		g := dataflow.New(body, s.pass.TypesInfo, s.mayReturn)
		for _, w := range s.errorWrites[body] {
			s.checkAfter(g, body, w)
		}
	}
}

// mayReturn reports whether a call may return: not panic, os.Exit,
// log.Fatal*, runtime.Goexit. A call of something that does not
// type-check is taken not to: the paths after it are not followed.
func (s *state) mayReturn(call *ast.CallExpr) bool {
	callee := typeutil.Callee(s.pass.TypesInfo, call)
	if b, ok := callee.(*types.Builtin); ok {
		return b.Name() != "panic"
	}
	fn, _ := callee.(*types.Func)
	if fn == nil && !s.wellTyped(call.Fun) {
		return false // a callee the type-checker did not resolve
	}
	if fn == nil || fn.Pkg() == nil {
		return true
	}
	switch fn.Pkg().Path() {
	case "os":
		return fn.Name() != "Exit"
	case "runtime":
		return fn.Name() != "Goexit"
	case "log":
		return !strings.HasPrefix(fn.Name(), "Fatal")
	}
	return true
}

// checkAfter walks the paths that can run after the error write w. Dead
// code is not reported: no path reaches it, so none leaves it.
func (s *state) checkAfter(g *dataflow.Graph, body *ast.BlockStmt, w errorWrite) {
	branch, list := s.enclosingList(body, w.stmt)
	if jumpsAfter(list, w.stmt) {
		return // continue or goto: the handler moves on deliberately
	}
	reportedB := false
	g.After(w.stmt, func(n ast.Node) bool {
		if !s.wellTyped(n) {
			return false // what code that does not type-check does is not known
		}
		if !reportedB && branch != body && !within(n, branch) && s.isWork(n) {
			reportedB = true
			s.r.report(analysis.Diagnostic{
				Pos:      w.site.call.Pos(),
				End:      w.site.call.End(),
				Category: ruleMissingReturn,
				Message:  "handler goes on after writing an error response; add a return",
			})
		}
		if w.complete {
			if again := s.writeTo(n, w.site.writer); again != nil {
				s.reportWriteAgain(again)
				return false // the path has answered twice: one finding is enough
			}
		}
		return true
	})
}

// reportWriteAgain reports a write after a complete error response, once.
func (s *state) reportWriteAgain(call *ast.CallExpr) {
	if s.writtenAgain[call] {
		return
	}
	s.writtenAgain[call] = true
	s.r.report(analysis.Diagnostic{
		Pos:      call.Pos(),
		End:      call.End(),
		Category: ruleMissingReturn,
		Message:  "response is written again after an error response",
	})
}

// blockOf is dataflow.BlockOf.
func blockOf(g *cfg.CFG, stmt ast.Stmt) (*cfg.Block, int) {
	return dataflow.BlockOf(g, stmt)
}

// jumpsAfter is dataflow.JumpsAfter.
func jumpsAfter(list []ast.Stmt, stmt ast.Stmt) bool {
	return dataflow.JumpsAfter(list, stmt)
}

// enclosingList is dataflow.EnclosingList.
func (s *state) enclosingList(body *ast.BlockStmt, stmt ast.Stmt) (ast.Node, []ast.Stmt) {
	return dataflow.EnclosingList(body, stmt)
}

// within is dataflow.Within.
func within(n, outer ast.Node) bool {
	return dataflow.Within(n, outer)
}

// writeTo returns the first call in n that writes to the response writer
// (skipping function literals, which run later if at all), or nil.
func (s *state) writeTo(n ast.Node, writer ast.Expr) *ast.CallExpr {
	if _, ok := n.(*ast.DeferStmt); ok {
		return nil
	}
	var found *ast.CallExpr
	ast.Inspect(n, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if site := s.classify(n); site != nil && site.writer != nil && s.writes(site) && s.sameWriter(site.writer, writer) {
				found = n
			}
		}
		return true
	})
	return found
}

// writes reports whether a site writes to its response.
func (s *state) writes(site *site) bool {
	switch site.kind {
	case siteConstructor:
		return false
	case siteFramework:
		return site.row.Effect != httpmodel.BuildsError
	}
	return true
}

// isWork reports whether n is the handler's normal work rather than what
// may follow an error response: logging, defer, return and the like.
func (s *state) isWork(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.DeferStmt, *ast.ReturnStmt, *ast.EmptyStmt, *ast.BranchStmt, *ast.LabeledStmt:
		return false
	case *ast.ExprStmt:
		call, ok := ast.Unparen(n.X).(*ast.CallExpr)
		return !ok || !s.isLogging(call)
	case ast.Expr:
		// A condition is work only if it calls something.
		calls := false
		ast.Inspect(n, func(n ast.Node) bool {
			_, isCall := n.(*ast.CallExpr)
			calls = calls || isCall
			return !calls
		})
		return calls
	}
	return true
}

// isLogging reports whether call logs: log, log/slog, or fmt to a writer
// that is not a response.
func (s *state) isLogging(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "log", "log/slog":
		return true
	case "fmt":
		return strings.HasPrefix(fn.Name(), "Fprint") && len(call.Args) > 0 && !s.isResponseWriter(call.Args[0])
	}
	return false
}
