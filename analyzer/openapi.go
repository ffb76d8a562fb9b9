package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/errcontract/errcontract/internal/config"
	"github.com/errcontract/errcontract/internal/contract"
	"github.com/errcontract/errcontract/internal/contract/openapi"
	"github.com/errcontract/errcontract/internal/httpmodel"
)

// specs memoizes the OpenAPI specs that errcontract.yaml files name, by
// path and base path, as files does the files themselves.
type specs struct {
	mu     sync.Mutex
	byPath map[string]*loadedSpec
}

type loadedSpec struct {
	size int64
	mod  time.Time
	spec *openapi.Spec
	err  error
}

// load returns the spec that f names, nil if it names none.
func (ss *specs) load(f *config.File) (*openapi.Spec, error) {
	path := f.SpecPath()
	if path == "" {
		return nil, nil
	}
	key := path + "\x00" + f.OpenAPIBasePath
	st, statErr := os.Stat(path)
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if l := ss.byPath[key]; l != nil && statErr == nil && l.size == st.Size() && l.mod.Equal(st.ModTime()) {
		return l.spec, l.err
	}
	spec, err := openapi.LoadSpec(path, f.OpenAPIBasePath)
	if statErr == nil {
		if ss.byPath == nil {
			ss.byPath = make(map[string]*loadedSpec)
		}
		ss.byPath[key] = &loadedSpec{st.Size(), st.ModTime(), spec, err}
	}
	return spec, err
}

// A specRoute is a registration of a route, with the method and the full
// path that the code gives it.
type specRoute struct {
	call    *ast.CallExpr
	method  string // "" for any
	path    string
	handler ast.Node    // the function of the package registered, or nil
	remote  *types.Func // the function of another package registered, or nil
	arg     ast.Expr    // the handler argument
	// prefixKnown is set where the router the route is registered on was
	// followed to where it is made, with every prefix a constant.
	prefixKnown bool
}

// readSpecContracts gives each handler of the package that a route
// registers the contract of its operation in the OpenAPI spec, and reports
// the routes that the spec lacks (openapi-route) and, where the package
// registers routes, the operations that none of them serves
// (unused-documented-status). A handler that documents its statuses
// itself keeps its own contract.
func (s *state) readSpecContracts() {
	if s.spec == nil {
		return
	}
	served := make(map[*openapi.Operation]bool)
	routes := s.specRoutes()
	for _, rt := range routes {
		ops := s.spec.Lookup(rt.method, rt.path)
		if len(ops) == 0 && !rt.prefixKnown {
			continue // a router whose prefix is not known: its routes cannot be judged
		}
		if len(ops) == 0 {
			s.r.report(analysis.Diagnostic{
				Pos:      rt.call.Pos(),
				End:      rt.call.End(),
				Category: ruleOpenAPIRoute,
				Message:  fmt.Sprintf("route %s is not in the OpenAPI spec %s", routeName(rt.method, rt.path), s.cfg.file.OpenAPI),
			})
			continue
		}
		for _, op := range ops {
			served[op] = true
		}
		s.checkRemoteHandler(rt, ops)
		if rt.handler == nil || s.handlers[rt.handler] != nil {
			continue
		}
		s.handlers[rt.handler] = specContract(rt, ops)
	}
	if len(routes) > 0 && s.r.enabled(ruleUnusedDocumentedStatus) {
		s.reportUnservedOperations(served)
	}
}

// reportUnservedOperations reports, at its method key in the spec, each
// operation of the spec that no route of the package serves.
func (s *state) reportUnservedOperations(served map[*openapi.Operation]bool) {
	var tf *token.File
	for _, op := range s.spec.Operations {
		if served[op] {
			continue
		}
		if tf == nil {
			tf = s.pass.Fset.AddFile(s.spec.Path, -1, len(s.spec.Content))
			tf.SetLinesForContent(s.spec.Content)
		}
		s.pass.Report(analysis.Diagnostic{
			Pos:      linePos(tf, op.Line, op.Col),
			Category: ruleUnusedDocumentedStatus,
			URL:      "#" + ruleUnusedDocumentedStatus,
			Message:  fmt.Sprintf("operation %s (%s %s) of the OpenAPI spec is served by no route of package %s", op.Name(), op.Method, op.Path, s.pass.Pkg.Path()),
		})
	}
}

// linePos returns the position of line and col, 1-based, in tf: the
// start of the file where they are unknown, its end where they are past it.
func linePos(tf *token.File, line, col int) token.Pos {
	if line < 1 {
		return token.Pos(tf.Base())
	}
	if line > tf.LineCount() {
		return token.Pos(tf.Base() + tf.Size())
	}
	off := tf.Offset(tf.LineStart(line)) + max(col, 1) - 1
	return token.Pos(tf.Base() + min(off, tf.Size()))
}

func routeName(method, path string) string {
	if method == "" {
		return path
	}
	return method + " " + path
}

// specContract returns the contract of a handler that serves ops: the
// statuses their responses document, where a range documents its class
// and default every status. Each status they list is noted at the
// registration, for unused-documented-status.
func specContract(rt specRoute, ops []*openapi.Operation) *handlerContract {
	hc := &handlerContract{kind: "operation", source: fromSpec, ops: ops, notes: make(map[int]ast.Node), written: make(map[int]bool), last: rt.call}
	var names, listings []string
	var codes []int
	for _, op := range ops {
		names = append(names, op.Name())
		listings = append(listings, op.Listing())
		for status := 100; status < 600; status++ {
			if op.Documents(status) {
				codes = append(codes, status)
			}
		}
		for _, status := range op.Statuses {
			hc.notes[status] = rt.call
		}
	}
	if len(ops) > 1 {
		hc.kind = "operations"
	}
	hc.name = strings.Join(names, ", ")
	hc.listing = strings.Join(listings, "; ")
	hc.documented = contract.NewSet(codes)
	return hc
}

// specRoutes returns the package's registrations of routes, each with its
// method and its path under the prefixes of the groups, subrouters and
// mounts it is registered on.
func (s *state) specRoutes() []specRoute {
	rw := &routeWalker{s: s, assigned: make(map[*types.Var]ast.Expr), params: make(map[*types.Var]*ast.CallExpr), mounts: make(map[*types.Func]string)}
	rw.index()
	var routes []specRoute
	for cur := range s.root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		route := rw.route(call)
		if route == nil || route.Kind != httpmodel.Endpoint {
			continue
		}
		i, ok := route.Handler.Index()
		if !ok || i >= len(call.Args) {
			continue // gorilla's Path: the route's handler comes later in the chain
		}
		arg := call.Args[i]
		if route.Last {
			arg = call.Args[len(call.Args)-1]
		}
		prefix, chainPath, methods, known := rw.walk(receiver(s, call), 0)
		h := rw.unconvert(arg)
		rt := specRoute{call: call, handler: s.funcNode(h), remote: s.remoteHandler(h), arg: arg, prefixKnown: known}
		path := chainPath
		if j, ok := route.Path.Index(); ok && j < len(call.Args) {
			p, ok := s.constString(call.Args[j])
			if !ok {
				continue // a path the analysis cannot read
			}
			path = p
		}
		if route.Pattern {
			rt.method, path = splitPattern(path)
		}
		if opMethod, opPath, ok := s.operationRoute(route, call); ok {
			rt.method, path = opMethod, opPath
		} else if route.Operation != httpmodel.None {
			continue // an operation whose method or path the analysis cannot read
		}
		rt.path = prefix + path
		switch {
		case rt.method != "":
		case route.Method != "":
			rt.method = route.Method
		case route.MethodArg != 0:
			j, _ := route.MethodArg.Index()
			if j >= len(call.Args) {
				continue
			}
			m, ok := s.constString(call.Args[j])
			if !ok {
				continue
			}
			rt.method = strings.ToUpper(m)
		case rt.method == "":
			methods = append(methods, rw.chainedMethods(cur)...)
			if len(methods) > 1 {
				for _, m := range methods {
					r := rt
					r.method = m
					routes = append(routes, r)
				}
				continue
			}
			if len(methods) == 1 {
				rt.method = methods[0]
			}
		}
		routes = append(routes, rt)
	}
	return routes
}

// operationRoute returns the method and path that a registration's
// operation, a composite literal of the framework's Operation type, gives
// its route: huma.Register's huma.Operation{Method: http.MethodGet, Path:
// "/links/{id}"}.
func (s *state) operationRoute(route *httpmodel.Route, call *ast.CallExpr) (method, path string, ok bool) {
	i, ok := route.Operation.Index()
	if !ok || i >= len(call.Args) {
		return "", "", false
	}
	fn := s.callee(call)
	fw := s.model.Framework(fn.Pkg().Path())
	if fw == nil || fw.Operation == nil {
		return "", "", false
	}
	lit, _ := ast.Unparen(call.Args[i]).(*ast.CompositeLit)
	if lit == nil || !fw.Operation.Type.Matches(s.pass.TypesInfo.TypeOf(lit)) {
		return "", "", false
	}
	fields := s.literalFields(lit)
	method, okMethod := s.constString(fields[fw.Operation.Method])
	path, okPath := s.constString(fields[fw.Operation.Path])
	if !okMethod || !okPath {
		return "", "", false
	}
	return strings.ToUpper(method), path, true
}

// splitPattern splits a ServeMux pattern, "[METHOD ][HOST]/path", into
// its method and its path.
func splitPattern(pattern string) (method, path string) {
	if i := strings.IndexAny(pattern, " \t"); i >= 0 {
		method, pattern = pattern[:i], strings.TrimLeft(pattern[i:], " \t")
	}
	if i := strings.Index(pattern, "/"); i > 0 {
		pattern = pattern[i:] // a host
	}
	return method, pattern
}

// receiver returns the receiver of a method call, or nil.
func receiver(s *state, call *ast.CallExpr) ast.Expr {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if _, ok := s.pass.TypesInfo.Selections[sel]; !ok {
		return nil // a qualified function: http.HandleFunc
	}
	return sel.X
}

// A routeWalker follows the routers that routes are registered on back to
// where they are made: the groups and subrouters they are under, and the
// prefix that a mount gives the function that builds them.
type routeWalker struct {
	s        *state
	assigned map[*types.Var]ast.Expr       // the value of each variable assigned once
	params   map[*types.Var]*ast.CallExpr  // the router parameter of a group's function: chi's Route
	mounts   map[*types.Func]string        // the prefix a function's router is mounted at
	owner    map[*types.Var]*types.Func    // the function that declares each assigned variable
	decls    map[*types.Func]*ast.FuncDecl // the package's functions
}

func (rw *routeWalker) route(call *ast.CallExpr) *httpmodel.Route {
	fn := rw.s.callee(call)
	if fn == nil {
		return nil
	}
	return rw.s.model.Route(fn)
}

// index records the package's assignments of variables, the router
// parameters of group functions, and the mounts of routers that a
// function of the package builds.
func (rw *routeWalker) index() {
	info := rw.s.pass.TypesInfo
	rw.owner = make(map[*types.Var]*types.Func)
	count := make(map[*types.Var]int)
	for _, file := range rw.s.pass.Files {
		for _, decl := range file.Decls {
			fd, _ := decl.(*ast.FuncDecl)
			var owner *types.Func
			if fd != nil {
				owner, _ = info.Defs[fd.Name].(*types.Func)
			}
			ast.Inspect(decl, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt:
					if len(n.Lhs) != len(n.Rhs) {
						return true
					}
					for i, lhs := range n.Lhs {
						id, ok := lhs.(*ast.Ident)
						if !ok {
							continue
						}
						v, _ := info.ObjectOf(id).(*types.Var)
						if v != nil {
							count[v]++
							rw.assigned[v], rw.owner[v] = n.Rhs[i], owner
						}
					}
				case *ast.ValueSpec:
					if len(n.Names) != len(n.Values) {
						return true
					}
					for i, id := range n.Names {
						if v, _ := info.Defs[id].(*types.Var); v != nil {
							count[v]++
							rw.assigned[v], rw.owner[v] = n.Values[i], owner
						}
					}
				case *ast.CallExpr:
					rw.indexCall(n)
				}
				return true
			})
		}
	}
	for v, n := range count {
		if n > 1 {
			delete(rw.assigned, v) // assigned again: its router is not known
		}
	}
}

func (rw *routeWalker) indexCall(call *ast.CallExpr) {
	route := rw.route(call)
	if route == nil {
		return
	}
	i, ok := route.Handler.Index()
	if !ok || i >= len(call.Args) {
		return
	}
	info := rw.s.pass.TypesInfo
	switch route.Kind {
	case httpmodel.Group:
		lit, _ := ast.Unparen(call.Args[i]).(*ast.FuncLit)
		if lit == nil || lit.Type.Params.NumFields() == 0 || len(lit.Type.Params.List[0].Names) == 0 {
			return
		}
		if v, _ := info.Defs[lit.Type.Params.List[0].Names[0]].(*types.Var); v != nil {
			rw.params[v] = call
		}
	case httpmodel.Mount:
		inner, _ := ast.Unparen(call.Args[i]).(*ast.CallExpr)
		if inner == nil {
			return
		}
		fn := rw.s.callee(inner)
		j, _ := route.Path.Index()
		if fn == nil || fn.Pkg() != rw.s.pass.Pkg || j >= len(call.Args) {
			return
		}
		if p, ok := rw.s.constString(call.Args[j]); ok {
			prefix, _, _, _ := rw.walk(receiver(rw.s, call), 0)
			rw.mounts[fn] = prefix + strings.TrimSuffix(p, "/")
		}
	}
}

// walk follows e, a router or a route of a chain, back to where it is
// made, and returns the prefix it is under, the path its chain sets
// (gorilla's Path), and the methods its chain sets (gorilla's Methods).
// known is false where the router could not be followed to where it is
// made (a parameter, a field) or a prefix is not a constant: its prefix
// is not known.
func (rw *routeWalker) walk(e ast.Expr, depth int) (prefix, path string, methods []string, known bool) {
	if e == nil {
		return "", "", nil, true // a function of the package: http.HandleFunc
	}
	if depth > maxChain {
		return "", "", nil, false
	}
	s := rw.s
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		route := rw.route(e)
		if route == nil {
			return "", "", nil, true // where the router is made: chi.NewRouter()
		}
		prefix, path, methods, known = rw.walk(receiver(s, e), depth+1)
		switch route.Kind {
		case httpmodel.Group:
			if i, ok := route.Path.Index(); ok && i < len(e.Args) {
				p, ok := s.constString(e.Args[i])
				known = known && ok
				prefix += strings.TrimSuffix(p, "/")
			}
		case httpmodel.Methods:
			methods = append(methods, rw.methodArgs(route, e)...)
		case httpmodel.Endpoint:
			if i, ok := route.Path.Index(); ok && i < len(e.Args) {
				path, _ = s.constString(e.Args[i])
			}
		}
		return prefix, path, methods, known
	case *ast.Ident:
		v, _ := s.pass.TypesInfo.Uses[e].(*types.Var)
		if v == nil {
			return "", "", nil, false
		}
		if call := rw.params[v]; call != nil {
			return rw.walk(call, depth+1)
		}
		if value, ok := rw.assigned[v]; ok {
			prefix, path, methods, known = rw.walk(value, depth+1)
			if prefix == "" && rw.owner[v] != nil {
				prefix = rw.mounts[rw.owner[v]]
			}
			return prefix, path, methods, known
		}
	}
	return "", "", nil, false
}

// methodArgs returns the methods that a Methods call sets.
func (rw *routeWalker) methodArgs(route *httpmodel.Route, call *ast.CallExpr) []string {
	i, _ := route.MethodArg.Index()
	var methods []string
	for _, arg := range call.Args[min(i, len(call.Args)):] {
		if m, ok := rw.s.constString(arg); ok {
			methods = append(methods, strings.ToUpper(m))
		}
	}
	return methods
}

// chainedMethods returns the methods that a Methods call chained on the
// registration call at cur sets: gorilla's r.HandleFunc(path, h).Methods("GET").
func (rw *routeWalker) chainedMethods(cur inspector.Cursor) []string {
	call := cur.Node().(*ast.CallExpr)
	parent := cur.Parent()
	sel, ok := parent.Node().(*ast.SelectorExpr)
	if !ok || sel.X != call {
		return nil
	}
	outer, ok := parent.Parent().Node().(*ast.CallExpr)
	if !ok || outer.Fun != sel {
		return nil
	}
	if route := rw.route(outer); route != nil && route.Kind == httpmodel.Methods {
		return rw.methodArgs(route, outer)
	}
	return nil
}

// unconvert returns the function that e converts to a handler type, as in
// http.HandlerFunc(getLink), else e.
func (rw *routeWalker) unconvert(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return e
	}
	if tv, ok := rw.s.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
		return call.Args[0]
	}
	return e
}

// specFor returns the OpenAPI spec that f names, nil if none. A spec that
// cannot be read is reported at the openapi entry of f, and the rules go
// on without it.
func (c *checker) specFor(pass *analysis.Pass, f *config.File) *openapi.Spec {
	if f == nil {
		return nil
	}
	spec, err := c.specs.load(f)
	if err != nil {
		y := &yamlFile{pass: pass, f: f, path: f.Path}
		y.report(f.OpenAPIPos(), err.Error())
		return nil
	}
	return spec
}
