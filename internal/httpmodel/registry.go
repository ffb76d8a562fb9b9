package httpmodel

import (
	"go/types"
	"slices"
)

// Default returns the registry of every framework this package models.
func Default() *Registry { return defaultRegistry }

var defaultRegistry = NewRegistry(Stdlib, JSON, Gin, Echo, Fiber, FiberV3, Huma, Connect, Chi, Gorilla)

// A Registry indexes frameworks for the analyzer's queries. It is not
// changed after NewRegistry, so analyzers running in parallel share one.
type Registry struct {
	frameworks []*Framework
	packages   map[string]*Framework // by import path of Packages
	calls      map[funcKey][]*Call   // exact rows by package, receiver and name
	implements map[string][]*Call    // Implements rows by method name
	routes     map[funcKey][]*Route
	implRoutes map[string][]*Route
	owner      map[*Call]*Framework
}

type funcKey struct{ pkg, recv, name string }

func keyOf(f Func) funcKey { return funcKey{f.Pkg, f.Recv, f.Name} }

// NewRegistry returns the registry of the frameworks fws.
func NewRegistry(fws ...*Framework) *Registry {
	r := &Registry{
		frameworks: fws,
		packages:   make(map[string]*Framework),
		calls:      make(map[funcKey][]*Call),
		implements: make(map[string][]*Call),
		routes:     make(map[funcKey][]*Route),
		implRoutes: make(map[string][]*Route),
		owner:      make(map[*Call]*Framework),
	}
	for _, fw := range fws {
		for _, path := range fw.Packages {
			r.packages[path] = fw
		}
		for i := range fw.Calls {
			c := &fw.Calls[i]
			r.owner[c] = fw
			if c.Implements {
				r.implements[c.Name] = append(r.implements[c.Name], c)
			} else {
				r.calls[keyOf(c.Func)] = append(r.calls[keyOf(c.Func)], c)
			}
		}
		for i := range fw.Routes {
			rt := &fw.Routes[i]
			if rt.Implements {
				r.implRoutes[rt.Name] = append(r.implRoutes[rt.Name], rt)
			} else {
				r.routes[keyOf(rt.Func)] = append(r.routes[keyOf(rt.Func)], rt)
			}
		}
	}
	return r
}

// Frameworks returns the registry's frameworks, in the order given.
func (r *Registry) Frameworks() []*Framework { return r.frameworks }

// Framework returns the framework whose Packages include path, or nil.
func (r *Registry) Framework(path string) *Framework { return r.packages[path] }

// Owner returns the framework of the row c.
func (r *Registry) Owner(c *Call) *Framework { return r.owner[c] }

// Call returns the row of fn, or nil: the row that names fn's package,
// receiver type and name, else an Implements row whose interface fn's
// receiver implements.
func (r *Registry) Call(fn *types.Func) *Call {
	return lookup(r.calls, r.implements, fn, func(c *Call) Func { return c.Func })
}

// Route returns the route registration row of fn, or nil.
func (r *Registry) Route(fn *types.Func) *Route {
	return lookup(r.routes, r.implRoutes, fn, func(rt *Route) Func { return rt.Func })
}

func lookup[T any](exact map[funcKey][]T, impl map[string][]T, fn *types.Func, funcOf func(T) Func) T {
	var zero T
	if fn.Pkg() == nil {
		return zero
	}
	recv := receiverName(fn)
	if rows := exact[funcKey{fn.Pkg().Path(), recv, fn.Name()}]; len(rows) > 0 {
		return rows[0]
	}
	if recv == "" {
		return zero
	}
	for _, row := range impl[fn.Name()] {
		f := funcOf(row)
		if iface := findInterface(fn.Pkg(), f.Pkg, f.Recv); iface != nil && implements(fn.Signature().Recv().Type(), iface) {
			return row
		}
	}
	return zero
}

// receiverName returns the name of the type of fn's receiver, or "" for a
// function.
func receiverName(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return ""
	}
	if tn := typeNameOf(recv.Type()); tn != nil {
		return tn.Name()
	}
	return ""
}

// findInterface returns the interface type name of package path as from
// sees it: from itself or one of its imports. A type that implements an
// interface of a package its own package does not import cannot name its
// methods' parameter types.
func findInterface(from *types.Package, path, name string) *types.Interface {
	pkg := from
	if from.Path() != path {
		i := slices.IndexFunc(from.Imports(), func(p *types.Package) bool { return p.Path() == path })
		if i < 0 {
			return nil
		}
		pkg = from.Imports()[i]
	}
	tn, _ := pkg.Scope().Lookup(name).(*types.TypeName)
	if tn == nil {
		return nil
	}
	iface, _ := tn.Type().Underlying().(*types.Interface)
	return iface
}

// implements reports whether t, or a pointer to it, implements iface.
func implements(t types.Type, iface *types.Interface) bool {
	if types.Implements(t, iface) {
		return true
	}
	_, isPtr := t.(*types.Pointer)
	return !isPtr && types.Implements(types.NewPointer(t), iface)
}

// Handler returns the framework and handler shape of a function with
// signature sig, or nil. Registered shapes are not among them: only a
// registration makes a function of theirs a handler (Framework.Handler).
func (r *Registry) Handler(sig *types.Signature) (*Framework, *Handler) {
	for _, fw := range r.frameworks {
		for i := range fw.Handlers {
			if h := &fw.Handlers[i]; !h.Registered && h.Matches(sig) {
				return fw, h
			}
		}
	}
	return nil, nil
}

// Context reports whether t is the context through which a framework's
// handlers write their responses, their one parameter: *gin.Context,
// echo.Context, *fiber.Ctx.
func (r *Registry) Context(t types.Type) bool {
	for _, fw := range r.frameworks {
		for _, h := range fw.Handlers {
			if len(h.Params) == 1 && h.Params[0] != (Type{}) && h.Params[0].Matches(t) {
				return true
			}
		}
	}
	return false
}

// Matches reports whether sig has the handler's shape.
func (h *Handler) Matches(sig *types.Signature) bool {
	return matchAll(h.Params, sig.Params()) && (h.Results == nil || matchAll(h.Results, sig.Results()))
}

// ReturnsError reports whether the handler returns an error, which its
// framework renders.
func (h *Handler) ReturnsError() bool {
	return len(h.Results) > 0 && h.Results[len(h.Results)-1] == errorType
}

var errorType = Type{Name: "error"}

func matchAll(want []Type, got *types.Tuple) bool {
	if len(want) != got.Len() {
		return false
	}
	for i, t := range want {
		if !t.Matches(got.At(i).Type()) {
			return false
		}
	}
	return true
}

// Matches reports whether t is the type, an alias of it, or a pointer to
// it.
func (t Type) Matches(typ types.Type) bool {
	switch t {
	case Type{}:
		return true
	case errorType:
		return types.Identical(typ, types.Universe.Lookup("error").Type())
	}
	tn := typeNameOf(typ)
	return tn != nil && tn.Name() == t.Name && tn.Pkg() != nil && tn.Pkg().Path() == t.Pkg
}

// Matches reports whether the function or method fn is f. An
// Implements row is matched by Registry.Call, which knows the interface.
func (f Func) Matches(fn *types.Func) bool {
	return fn.Pkg() != nil && fn.Pkg().Path() == f.Pkg && fn.Name() == f.Name && receiverName(fn) == f.Recv
}

// Public reports whether t is a framework's error type, whose message the
// code that built it chose.
func (r *Registry) Public(t types.Type) bool {
	for _, fw := range r.frameworks {
		for _, p := range fw.Public {
			if p.Matches(t) {
				return true
			}
		}
	}
	return false
}

// IsEncoder reports whether fn makes an encoder that writes to its one
// argument: json.NewEncoder. Its Encode rows have the Writer Encoder.
func (r *Registry) IsEncoder(fn *types.Func) bool {
	for _, fw := range r.frameworks {
		if slices.ContainsFunc(fw.Encoders, func(f Func) bool { return f.Matches(fn) }) {
			return true
		}
	}
	return false
}

// Marshals reports whether fn returns the encoding of its arguments:
// jsoniter.Marshal, sonic.ConfigDefault.MarshalToString.
func (r *Registry) Marshals(fn *types.Func) bool {
	for _, fw := range r.frameworks {
		if slices.ContainsFunc(fw.Marshals, func(f Func) bool { return f.Matches(fn) }) {
			return true
		}
	}
	return false
}

// typeNameOf returns the declaration of the named type that t is, or
// points to, or nil.
func typeNameOf(t types.Type) *types.TypeName {
	t = types.Unalias(t)
	if ptr, ok := t.(*types.Pointer); ok {
		t = types.Unalias(ptr.Elem())
	}
	if named, ok := t.(*types.Named); ok {
		return named.Origin().Obj()
	}
	return nil
}

// Handler returns the shape of fw's handlers that a function with
// signature sig has, Registered or not, or nil: what a function that one
// of fw's Routes registers is.
func (fw *Framework) Handler(sig *types.Signature) *Handler {
	for i := range fw.Handlers {
		if h := &fw.Handlers[i]; h.Matches(sig) {
			return h
		}
	}
	return nil
}

// Status returns the HTTP status that the value code of type t stands
// for, and whether t is the type of a framework's Codes.
func (r *Registry) Status(t types.Type, code int) (int, bool) {
	for _, fw := range r.frameworks {
		if c := fw.Codes; c != nil && c.Type.Matches(t) {
			if status, ok := c.Statuses[code]; ok {
				return status, true
			}
			return c.Default, true
		}
	}
	return 0, false
}
