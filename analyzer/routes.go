package analyzer

import (
	"go/ast"
	"go/types"

	"github.com/errcontract/errcontract/internal/httpmodel"
)

// A registration is a call of the package that registers one of its
// functions as a handler: a route of the model.
type registration struct {
	fw      *httpmodel.Framework
	route   *httpmodel.Route
	call    *ast.CallExpr
	handler ast.Node // the *ast.FuncLit or *ast.FuncDecl registered
	sig     *types.Signature
}

// registrations returns the package's registrations of its own functions
// as handlers of frameworks whose handlers only a registration tells
// (huma's), or whose registrations describe an operation, in the order of
// the source. Other registrations matter to no rule yet.
func (s *state) registrations() []registration {
	if s.registered != nil {
		return *s.registered
	}
	var regs []registration
	if s.importsRegistering() {
		for cur := range s.root().Preorder((*ast.CallExpr)(nil)) {
			if reg, ok := s.registrationOf(cur.Node().(*ast.CallExpr)); ok {
				regs = append(regs, reg)
			}
		}
	}
	s.registered = &regs
	return regs
}

// importsRegistering reports whether the package imports a framework
// whose registrations the rules read.
func (s *state) importsRegistering() bool {
	for _, imp := range s.pass.Pkg.Imports() {
		if fw := s.model.Framework(imp.Path()); fw != nil && readsRegistrations(fw) {
			return true
		}
	}
	return false
}

// readsRegistrations reports whether the rules read fw's registrations: it
// describes operations, or has handlers that only registrations tell.
func readsRegistrations(fw *httpmodel.Framework) bool {
	if fw.Operation != nil {
		return true
	}
	for _, h := range fw.Handlers {
		if h.Registered {
			return true
		}
	}
	return false
}

// registrationOf returns the registration that call is, if it registers
// a function of the package for a framework whose registrations the
// rules read.
func (s *state) registrationOf(call *ast.CallExpr) (registration, bool) {
	fn := s.callee(call)
	if fn == nil {
		return registration{}, false
	}
	route := s.model.Route(fn)
	if route == nil || route.Kind != httpmodel.Endpoint {
		return registration{}, false
	}
	fw := s.model.Framework(fn.Pkg().Path())
	i, ok := route.Handler.Index()
	if fw == nil || !readsRegistrations(fw) || !ok || i >= len(call.Args) {
		return registration{}, false
	}
	arg := call.Args[i]
	if route.Last {
		arg = call.Args[len(call.Args)-1]
	}
	handler := s.funcNode(arg)
	sig, _ := s.pass.TypesInfo.TypeOf(arg).(*types.Signature)
	if handler == nil || sig == nil || fw.Handler(sig) == nil {
		return registration{}, false
	}
	return registration{fw: fw, route: route, call: call, handler: handler, sig: sig}, true
}

// funcNode returns the function of the package that e denotes: a function
// literal, or the declaration of a function or method named by e.
func (s *state) funcNode(e ast.Expr) ast.Node {
	if lit, ok := ast.Unparen(e).(*ast.FuncLit); ok {
		return lit
	}
	fn, _ := s.uses(e).(*types.Func) // a function, a method value, or a qualified function
	if fn == nil || fn.Pkg() != s.pass.Pkg {
		return nil
	}
	fd, _ := s.declAt(fn.Origin().Pos()).(*ast.FuncDecl)
	if fd == nil || fd.Name.Pos() != fn.Origin().Pos() {
		return nil
	}
	return fd
}

// isRegistered reports whether fn, a function declaration or literal, is
// registered as a handler (see registrations).
func (s *state) isRegistered(fn ast.Node) bool {
	for _, reg := range s.registrations() {
		if reg.handler == fn {
			return true
		}
	}
	return false
}
