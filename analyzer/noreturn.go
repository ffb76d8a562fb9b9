package analyzer

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"
)

// A noReturn is the fact that a function never returns to its caller:
// every path through its body ends in a call that does not return
// (os.Exit, log.Fatal, panic, a function with this fact) or loops
// forever. It is x/tools' ctrlflow's noReturn, computed by the analyzer
// itself: ctrlflow does not run on a package that does not type-check,
// and an analyzer that required it would fail with it, on that package
// and on every package that imports it.
type noReturn struct{}

func (*noReturn) AFact() {}

func (*noReturn) String() string { return "noreturn" }

// findNoReturns records the package's functions that may never return,
// judged on demand by neverReturns, and exports the fact for those that
// do not.
//
// A function is judged only if its body has no return statement and no
// defer, outside function literals, and type-checks: one with a return
// statement returns unless every return is dead code, which a handler's
// helpers do not write, a deferred call may recover from a panic, and a
// call that does not type-check may return.
func (s *state) findNoReturns() {
	s.noReturnDecls = make(map[*types.Func]*ast.FuncDecl)
	for _, file := range s.pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil || !mayNeverReturn(fd.Body) || !s.wellTyped(fd.Body) {
				continue // a call that does not type-check may return
			}
			if fn, _ := s.pass.TypesInfo.Defs[fd.Name].(*types.Func); fn != nil {
				s.noReturnDecls[fn] = fd
			}
		}
	}
	if s.pass.Pkg.Name() == "main" {
		return // no other package calls these
	}
	for fn := range s.noReturnDecls {
		if s.neverReturns(fn) {
			s.pass.ExportObjectFact(fn, new(noReturn))
		}
	}
}

// mayNeverReturn reports whether body has no return statement and no
// defer outside its function literals, and calls something or loops:
// what a body that never returns must do.
func mayNeverReturn(body *ast.BlockStmt) bool {
	candidate, jumps := true, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.DeferStmt:
			candidate = false
		case *ast.CallExpr, *ast.ForStmt, *ast.SelectStmt:
			jumps = true
		}
		return candidate
	})
	return candidate && jumps
}

// neverReturns reports whether a call of fn never returns: fn is known
// not to (knownNoReturn), has the fact, or is a function of the package
// whose graph has no path to its end. A function is taken to return
// while its own graph is being built, which ends recursion, as ctrlflow
// does.
func (s *state) neverReturns(fn *types.Func) bool {
	if never, ok := s.noReturns[fn]; ok {
		return never
	}
	never := knownNoReturn(fn)
	if !never {
		if decl := s.noReturnDecls[fn]; decl != nil {
			s.noReturns[fn] = false
			never = cfg.New(decl.Body, s.mayReturn).NoReturn()
		} else if fn.Pkg() != s.pass.Pkg {
			never = s.pass.ImportObjectFact(fn, new(noReturn))
		}
	}
	s.noReturns[fn] = never
	return never
}

// mayReturn reports whether a call may return: not panic, nor a call of
// a function that never returns (neverReturns). A call of something
// that does not type-check is taken not to: the paths after it are not
// followed.
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
	return !s.neverReturns(fn)
}

// knownNoReturn reports whether fn is one of the functions of the
// standard library and of common logging packages that never return. The
// standard library's packages are not analyzed from source by every
// driver, and the loggers' Fatal methods exit through a hook their
// graphs do not show.
func knownNoReturn(fn *types.Func) bool {
	name := fn.Name()
	fatal := strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic")
	switch fn.Pkg().Path() {
	case "os", "syscall":
		return name == "Exit"
	case "runtime":
		return name == "Goexit"
	case "log":
		return fatal // functions and *log.Logger's methods alike
	case "testing":
		// Methods of testing.common, which *testing.T and *testing.B
		// embed: they end the test's goroutine with runtime.Goexit.
		switch name {
		case "FailNow", "Fatal", "Fatalf", "SkipNow", "Skip", "Skipf":
			return isMethodOf(fn, "common")
		}
	case "github.com/sirupsen/logrus":
		return fatal || name == "Exit"
	case "go.uber.org/zap":
		return (isMethodOf(fn, "Logger") || isMethodOf(fn, "SugaredLogger")) && fatal
	case "k8s.io/klog", "k8s.io/klog/v2":
		return strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Exit")
	}
	return false
}
