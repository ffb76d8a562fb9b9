package analyzer

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
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
	deferred bool // the write is in a deferred function literal: the handler has ended
}

// noteErrorWrite records a site that writes an error response, for the
// missing-return check of its function.
func (s *state) noteErrorWrite(cur inspector.Cursor, site *site) {
	stmt, ok := cur.Parent().Node().(*ast.ExprStmt)
	if !ok {
		return // not a statement of its own
	}
	if !s.wellTyped(site.call) {
		return // what a call that does not type-check writes is not known
	}
	w := s.isErrorWrite(site, func(e ast.Expr) ([]statusValue, bool) {
		return s.statusValues(cur, e)
	})
	if !w.May {
		return
	}
	for fn := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		body := funcBody(fn.Node())
		_, deferred := fn.Parent().Parent().Node().(*ast.DeferStmt)
		deferred = deferred && fn.ParentEdgeKind() == edge.CallExpr_Fun
		s.errorWrites[body] = append(s.errorWrites[body], errorWrite{stmt, site, w.Complete, deferred})
		return
	}
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

// checkAfter walks the paths that can run after the error write w. Dead
// code is not reported: no path reaches it, so none leaves it.
//
// Two things are wrong on such a path. The handler goes on: it leaves
// the branch that wrote the error for the function's work, unless it
// leaves by continue or goto, on purpose, or the work is in a branch
// that tests a flag the error's branch set (failed = true; break, then
// if failed { cleanup(); return }). And it writes the response again,
// once the error response is complete: after http.Error and its like,
// or after a status line and the body the statements right after it
// write. A path ends where the writer's variable is assigned anew: what
// follows writes another response.
func (s *state) checkAfter(g *dataflow.Graph, body *ast.BlockStmt, w errorWrite) {
	branch, list := dataflow.EnclosingList(body, w.stmt)
	// A continue or goto moves on on purpose; a deferred function runs
	// when the handler has ended.
	deliberate := dataflow.JumpsAfter(list, w.stmt) || w.deferred
	var from ast.Stmt = w.stmt // the end of the error response
	complete := w.complete
	if body := s.bodyAfter(list, w.stmt, w.site.writer); !complete && len(body) > 0 {
		from, complete = body[len(body)-1], true
	}
	guards := s.flagGuards(body, list, w.stmt)
	writer := s.writerVar(w.site.writer)
	// A status line alone goes on into the work only where a path then
	// ends without writing a body: if !found { w.WriteHeader(404) },
	// then rendering the page, is one response, its status and its body.
	statusLine := !complete && w.site.writer != nil
	work, bodiless := false, false
	fallsOff := g.After(from, func(n ast.Node, _ dataflow.Path) bool {
		if !s.wellTyped(n) {
			return false // what code that does not type-check does is not known
		}
		if writer != nil && s.assigns(n, writer) {
			return false // a new response
		}
		if statusLine && s.writeTo(n, w.site.writer) != nil {
			return false // the body of the status line
		}
		if _, ok := n.(*ast.ReturnStmt); ok {
			bodiless = true
		}
		if !work && !deliberate && branch != body && !dataflow.Within(n, branch) && !guarded(n, guards) && s.isWork(n) {
			work = true
			if !statusLine {
				s.reportGoesOn(w)
			}
		}
		if complete && w.site.writer != nil {
			if again := s.writeTo(n, w.site.writer); again != nil {
				s.reportWriteAgain(again)
				return false // the path has answered twice: one finding is enough
			}
		}
		return true
	})
	if statusLine && work && (bodiless || fallsOff) {
		s.reportGoesOn(w)
	}
}

// reportGoesOn reports the error write w, after which the handler goes
// on.
func (s *state) reportGoesOn(w errorWrite) {
	s.r.report(analysis.Diagnostic{
		Pos:      w.site.call.Pos(),
		End:      w.site.call.End(),
		Category: ruleMissingReturn,
		Message:  "handler goes on after writing an error response; add a return",
	})
}

// bodyAfter returns the statements right after stmt in list that write
// to writer: the body of the status line stmt wrote.
func (s *state) bodyAfter(list []ast.Stmt, stmt ast.Stmt, writer ast.Expr) []ast.Stmt {
	i := slices.Index(list, stmt)
	if i < 0 {
		return nil
	}
	j := i + 1
	for j < len(list) {
		if _, ok := list[j].(*ast.ExprStmt); !ok || s.writeTo(list[j], writer) == nil {
			break
		}
		j++
	}
	return list[i+1 : j]
}

// flagGuards returns the branches of body's if statements whose
// condition reads a boolean variable that a statement after stmt in
// list sets to a constant: the code that handles the flag the error's
// branch raised.
func (s *state) flagGuards(body *ast.BlockStmt, list []ast.Stmt, stmt ast.Stmt) []ast.Node {
	flags := make(map[types.Object]bool)
	if i := slices.Index(list, stmt); i >= 0 {
		for _, st := range list[i+1:] {
			as, ok := st.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				continue
			}
			for k, lhs := range as.Lhs {
				id, ok := lhs.(*ast.Ident)
				if v := s.pass.TypesInfo.Types[as.Rhs[k]].Value; ok && v != nil && v.Kind() == constant.Bool {
					if obj := s.pass.TypesInfo.ObjectOf(id); obj != nil {
						flags[obj] = true
					}
				}
			}
		}
	}
	if len(flags) == 0 {
		return nil
	}
	var guards []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if !dataflow.Within(stmt, n) && s.readsAny(n.Cond, flags) {
				guards = append(guards, n.Body)
				if n.Else != nil {
					guards = append(guards, n.Else)
				}
			}
		}
		return true
	})
	return guards
}

// readsAny reports whether e names one of objs.
func (s *state) readsAny(e ast.Expr, objs map[types.Object]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && objs[s.pass.TypesInfo.Uses[id]] {
			found = true
		}
		return !found
	})
	return found
}

// guarded reports whether n lies in one of guards.
func guarded(n ast.Node, guards []ast.Node) bool {
	for _, g := range guards {
		if dataflow.Within(n, g) {
			return true
		}
	}
	return false
}

// writerVar returns the variable that writer, an identifier, names, or
// nil.
func (s *state) writerVar(writer ast.Expr) types.Object {
	id, ok := ast.Unparen(writer).(*ast.Ident)
	if !ok {
		return nil
	}
	return s.pass.TypesInfo.ObjectOf(id)
}

// assigns reports whether n, a node of a block, assigns a value to v.
func (s *state) assigns(n ast.Node, v types.Object) bool {
	var lhs []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		lhs = n.Lhs
	case *ast.ValueSpec:
		for _, name := range n.Names {
			lhs = append(lhs, name)
		}
	}
	for _, e := range lhs {
		if id, ok := e.(*ast.Ident); ok && s.pass.TypesInfo.ObjectOf(id) == v {
			return true
		}
	}
	return false
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
	case *ast.DeferStmt, *ast.EmptyStmt, *ast.BranchStmt, *ast.LabeledStmt:
		return false
	case *ast.ReturnStmt:
		// return c.JSON(200, v) answers; return err does not.
		for _, e := range n.Results {
			if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
				if site := s.classify(call); site != nil && site.writer != nil && s.writes(site) {
					return true
				}
			}
		}
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

// isLogging reports whether call logs: log, log/slog, fmt to a writer
// that is not a response, or a logging package's function or method of
// a level (Info, Errorf, Warnw, ...): a package named log, or one whose
// path names a logger (logrus, zap, zerolog, glog, klog, ...).
func (s *state) isLogging(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch path := fn.Pkg().Path(); path {
	case "log", "log/slog":
		return true
	case "fmt":
		return strings.HasPrefix(fn.Name(), "Fprint") && len(call.Args) > 0 && !s.isResponseWriter(call.Args[0])
	default:
		last := path[strings.LastIndex(path, "/")+1:]
		return (strings.Contains(last, "log") || last == "zap") && isLevelName(fn.Name())
	}
}

// isLevelName reports whether name is a logging level's: Debug, Info,
// Warn, Warning, Error, Print, Trace, and those with the suffixes f, ln,
// w and Context (Infof, Errorw, ErrorContext).
func isLevelName(name string) bool {
	for _, suffix := range []string{"Context", "ln", "f", "w"} {
		if base, ok := strings.CutSuffix(name, suffix); ok && isLevelName(base) {
			return true
		}
	}
	switch name {
	case "Debug", "Info", "Warn", "Warning", "Error", "Print", "Trace":
		return true
	}
	return false
}
