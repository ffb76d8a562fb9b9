package httpmodel

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// The packages below stand in for the real ones: the lookups match by
// package path, type and name, which is all these declare.
var fakes = map[string]string{
	"net/http": `package http
type Header map[string][]string
type ResponseWriter interface {
	Header() Header
	Write([]byte) (int, error)
	WriteHeader(statusCode int)
}
type Request struct{}
type Handler interface{ ServeHTTP(ResponseWriter, *Request) }
type HandlerFunc func(ResponseWriter, *Request)
func Error(w ResponseWriter, error string, code int) {}
func NotFound(w ResponseWriter, r *Request) {}
type ServeMux struct{}
func (mux *ServeMux) HandleFunc(pattern string, handler func(ResponseWriter, *Request)) {}
`,
	"github.com/gin-gonic/gin": `package gin
type Context struct{}
func (c *Context) JSON(code int, obj any) {}
func (c *Context) String(code int, format string, values ...any) {}
func (c *Context) AbortWithStatus(code int) {}
func (c *Context) Param(key string) string { return "" }
type HandlerFunc func(*Context)
type IRoutes interface {
	GET(string, ...HandlerFunc) IRoutes
	Handle(string, string, ...HandlerFunc) IRoutes
}
type IRouter interface {
	IRoutes
	Group(string, ...HandlerFunc) *RouterGroup
}
type RouterGroup struct{}
func (g *RouterGroup) GET(p string, h ...HandlerFunc) IRoutes { return g }
func (g *RouterGroup) Handle(m, p string, h ...HandlerFunc) IRoutes { return g }
func (g *RouterGroup) Group(p string, h ...HandlerFunc) *RouterGroup { return g }
type Engine struct{ RouterGroup }
`,
	"github.com/labstack/echo/v4": `package echo
type Context interface{ JSON(code int, i any) error }
type HTTPError struct{ Code int; Message any }
func (he *HTTPError) Error() string { return "" }
func NewHTTPError(code int, message ...any) *HTTPError { return nil }
`,
	"github.com/gofiber/fiber/v2": `package fiber
type Ctx struct{}
func (c *Ctx) Status(status int) *Ctx { return c }
func (c *Ctx) SendString(body string) error { return nil }
type Error struct{ Code int; Message string }
func (e *Error) Error() string { return e.Message }
`,
	"github.com/go-chi/chi/v5": `package chi
import "net/http"
type Router interface {
	Get(pattern string, h http.HandlerFunc)
	Route(pattern string, fn func(r Router)) Router
	Mount(pattern string, h http.Handler)
}
type Mux struct{}
func (mx *Mux) Get(pattern string, h http.HandlerFunc) {}
func (mx *Mux) Route(pattern string, fn func(r Router)) Router { return mx }
func (mx *Mux) Mount(pattern string, h http.Handler) {}
`,
	"github.com/gorilla/mux": `package mux
type Router struct{}
type Route struct{}
func (r *Router) HandleFunc(path string, f any) *Route { return nil }
func (r *Router) PathPrefix(tpl string) *Route { return nil }
func (r *Route) Methods(methods ...string) *Route { return r }
func (r *Route) Subrouter() *Router { return nil }
`,
	"example.com/app": `package app
import "net/http"
type recorder struct{ status int }
func (r *recorder) Header() http.Header { return nil }
func (r *recorder) Write(b []byte) (int, error) { return len(b), nil }
func (r *recorder) WriteHeader(code int) { r.status = code }
type buffer struct{}
func (b *buffer) Write(p []byte) (int, error) { return len(p), nil }
`,
	"example.com/nohttp": `package nohttp
type Header map[string][]string
type lookalike struct{}
func (l lookalike) Header() Header { return nil }
func (l lookalike) Write(b []byte) (int, error) { return 0, nil }
func (l lookalike) WriteHeader(code int) {}
`,
}

// loadFakes type-checks the fake packages.
func loadFakes(t *testing.T) map[string]*types.Package {
	t.Helper()
	pkgs := make(map[string]*types.Package)
	fset := token.NewFileSet()
	var imp importerFunc
	imp = func(path string) (*types.Package, error) {
		if p, ok := pkgs[path]; ok {
			return p, nil
		}
		src, ok := fakes[path]
		if !ok {
			return importer.Default().Import(path)
		}
		f, err := parser.ParseFile(fset, path+".go", src, 0)
		if err != nil {
			return nil, err
		}
		conf := types.Config{Importer: imp}
		p, err := conf.Check(path, fset, []*ast.File{f}, nil)
		if err != nil {
			return nil, err
		}
		pkgs[path] = p
		return p, nil
	}
	for path := range fakes {
		if _, err := imp(path); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	return pkgs
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// lookupFunc returns the function name, or the method recv.name, of pkg.
func lookupFunc(t *testing.T, pkg *types.Package, recv, name string) *types.Func {
	t.Helper()
	if recv == "" {
		fn, ok := pkg.Scope().Lookup(name).(*types.Func)
		if !ok {
			t.Fatalf("no func %s.%s", pkg.Path(), name)
		}
		return fn
	}
	tn, ok := pkg.Scope().Lookup(recv).(*types.TypeName)
	if !ok {
		t.Fatalf("no type %s.%s", pkg.Path(), recv)
	}
	recvType := tn.Type()
	if !types.IsInterface(recvType) {
		recvType = types.NewPointer(recvType)
	}
	obj, _, _ := types.LookupFieldOrMethod(recvType, true, pkg, name)
	fn, ok := obj.(*types.Func)
	if !ok {
		t.Fatalf("no method %s.%s.%s", pkg.Path(), recv, name)
	}
	return fn
}

func TestCall(t *testing.T) {
	pkgs := loadFakes(t)
	r := Default()
	tests := []struct {
		pkg, recv, name string
		want            *Framework // nil: no row
		effect          Effect
		status          Arg
	}{
		{"net/http", "", "Error", Stdlib, WritesError, Param(2)},
		{"net/http", "", "NotFound", Stdlib, WritesError, None},
		{"net/http", "ResponseWriter", "WriteHeader", Stdlib, WritesStatusLine, Param(0)},
		{"net/http", "ResponseWriter", "Write", Stdlib, WritesBody, None},
		// Implements rows: a type that implements http.ResponseWriter.
		{"example.com/app", "recorder", "WriteHeader", Stdlib, WritesStatusLine, Param(0)},
		{"example.com/app", "recorder", "Write", Stdlib, WritesBody, None},
		// A Write of a type that is no ResponseWriter, and one whose
		// package cannot see net/http.
		{"example.com/app", "buffer", "Write", nil, 0, None},
		{"example.com/nohttp", "lookalike", "Write", nil, 0, None},
		{"github.com/gin-gonic/gin", "Context", "JSON", Gin, WritesBody, Param(0)},
		{"github.com/gin-gonic/gin", "Context", "AbortWithStatus", Gin, SetsStatus, Param(0)},
		{"github.com/gin-gonic/gin", "Context", "Param", nil, 0, None},
		{"github.com/labstack/echo/v4", "", "NewHTTPError", Echo, BuildsError, Param(0)},
		{"github.com/labstack/echo/v4", "Context", "JSON", Echo, WritesBody, Param(0)},
		{"github.com/gofiber/fiber/v2", "Ctx", "SendString", Fiber, WritesBody, Before},
		{"github.com/gofiber/fiber/v2", "Ctx", "Status", Fiber, SetsStatus, Param(0)},
	}
	for _, tt := range tests {
		fn := lookupFunc(t, pkgs[tt.pkg], tt.recv, tt.name)
		row := r.Call(fn)
		if tt.want == nil {
			if row != nil {
				t.Errorf("Call(%v) = %+v, want nil", fn, row)
			}
			continue
		}
		if row == nil {
			t.Errorf("Call(%v) = nil, want a row of %s", fn, tt.want.Name)
			continue
		}
		if got := r.Owner(row); got != tt.want || row.Effect != tt.effect || row.Status != tt.status {
			t.Errorf("Call(%v) = %s row %+v, want %s effect %d status %d", fn, got.Name, row, tt.want.Name, tt.effect, tt.status)
		}
	}
}

func TestRoute(t *testing.T) {
	pkgs := loadFakes(t)
	r := Default()
	tests := []struct {
		pkg, recv, name string
		want            Route // Func not compared; zero Kind and Path: no row
		found           bool
	}{
		{"net/http", "ServeMux", "HandleFunc", Route{Path: Param(0), Pattern: true, Handler: Param(1)}, true},
		// *gin.RouterGroup implements gin.IRoutes; *gin.Engine embeds it.
		{"github.com/gin-gonic/gin", "RouterGroup", "GET", Route{Method: "GET", Path: Param(0), Handler: Param(1), Last: true}, true},
		{"github.com/gin-gonic/gin", "Engine", "GET", Route{Method: "GET", Path: Param(0), Handler: Param(1), Last: true}, true},
		{"github.com/gin-gonic/gin", "IRoutes", "GET", Route{Method: "GET", Path: Param(0), Handler: Param(1), Last: true}, true},
		{"github.com/gin-gonic/gin", "RouterGroup", "Handle", Route{MethodArg: Param(0), Path: Param(1), Handler: Param(2), Last: true}, true},
		{"github.com/gin-gonic/gin", "RouterGroup", "Group", Route{Kind: Group, Path: Param(0)}, true},
		{"github.com/go-chi/chi/v5", "Mux", "Get", Route{Method: "GET", Path: Param(0), Handler: Param(1)}, true},
		{"github.com/go-chi/chi/v5", "Router", "Route", Route{Kind: Group, Path: Param(0), Handler: Param(1)}, true},
		{"github.com/go-chi/chi/v5", "Mux", "Mount", Route{Kind: Mount, Path: Param(0), Handler: Param(1)}, true},
		{"github.com/gorilla/mux", "Router", "HandleFunc", Route{Path: Param(0), Handler: Param(1)}, true},
		{"github.com/gorilla/mux", "Route", "Methods", Route{Kind: Methods, MethodArg: Param(0)}, true},
		{"github.com/gorilla/mux", "Router", "PathPrefix", Route{Kind: Group, Path: Param(0)}, true},
		{"github.com/gorilla/mux", "Route", "Subrouter", Route{Kind: Subrouter}, true},
		{"github.com/gin-gonic/gin", "Context", "JSON", Route{}, false},
	}
	for _, tt := range tests {
		fn := lookupFunc(t, pkgs[tt.pkg], tt.recv, tt.name)
		got := r.Route(fn)
		if !tt.found {
			if got != nil {
				t.Errorf("Route(%v) = %+v, want nil", fn, got)
			}
			continue
		}
		if got == nil {
			t.Errorf("Route(%v) = nil, want %+v", fn, tt.want)
			continue
		}
		g := *got
		g.Func = Func{}
		if g.Kind != tt.want.Kind || g.Method != tt.want.Method || g.MethodArg != tt.want.MethodArg || g.Path != tt.want.Path ||
			g.Pattern != tt.want.Pattern || g.Handler != tt.want.Handler || g.Last != tt.want.Last {
			t.Errorf("Route(%v) = %+v, want %+v", fn, g, tt.want)
		}
	}
}

func TestHandler(t *testing.T) {
	pkgs := loadFakes(t)
	r := Default()
	http, gin, echo, fiber := pkgs["net/http"], pkgs["github.com/gin-gonic/gin"], pkgs["github.com/labstack/echo/v4"], pkgs["github.com/gofiber/fiber/v2"]
	typ := func(p *types.Package, name string) types.Type { return p.Scope().Lookup(name).Type() }
	ptr := types.NewPointer
	errType := types.Universe.Lookup("error").Type()
	sig := func(results []types.Type, params ...types.Type) *types.Signature {
		vars := func(ts []types.Type) *types.Tuple {
			var vs []*types.Var
			for _, t := range ts {
				vs = append(vs, types.NewParam(token.NoPos, nil, "", t))
			}
			return types.NewTuple(vs...)
		}
		return types.NewSignatureType(nil, nil, nil, vars(params), vars(results), false)
	}
	tests := []struct {
		sig          *types.Signature
		want         *Framework
		returnsError bool
	}{
		{sig(nil, typ(http, "ResponseWriter"), ptr(typ(http, "Request"))), Stdlib, false},
		{sig([]types.Type{errType}, typ(http, "ResponseWriter"), ptr(typ(http, "Request"))), Stdlib, false},
		{sig(nil, ptr(typ(gin, "Context"))), Gin, false},
		{sig([]types.Type{errType}, typ(echo, "Context")), Echo, true},
		{sig([]types.Type{errType}, ptr(typ(fiber, "Ctx"))), Fiber, true},
		{sig(nil, ptr(typ(fiber, "Ctx"))), nil, false}, // not a fiber.Handler
		{sig(nil, typ(http, "ResponseWriter")), nil, false},
	}
	for _, tt := range tests {
		fw, h := r.Handler(tt.sig)
		if fw != tt.want {
			t.Errorf("Handler(%v) = %v, want %v", tt.sig, fw, tt.want)
			continue
		}
		if h != nil && h.ReturnsError() != tt.returnsError {
			t.Errorf("Handler(%v).ReturnsError() = %v", tt.sig, h.ReturnsError())
		}
	}
}

func TestPublic(t *testing.T) {
	pkgs := loadFakes(t)
	r := Default()
	typ := func(path, name string) types.Type { return pkgs[path].Scope().Lookup(name).Type() }
	for _, tt := range []struct {
		t    types.Type
		want bool
	}{
		{types.NewPointer(typ("github.com/labstack/echo/v4", "HTTPError")), true},
		{types.NewPointer(typ("github.com/gofiber/fiber/v2", "Error")), true},
		{types.NewPointer(typ("github.com/gofiber/fiber/v2", "Ctx")), false},
		{types.Universe.Lookup("error").Type(), false},
	} {
		if got := r.Public(tt.t); got != tt.want {
			t.Errorf("Public(%v) = %v, want %v", tt.t, got, tt.want)
		}
	}
}

// TestRows checks every framework's rows for positions that cannot be
// right: a body writer without a body, a status call without a status.
func TestRows(t *testing.T) {
	for _, fw := range Default().Frameworks() {
		for _, c := range fw.Calls {
			name := fw.Name + " " + c.Pkg + "." + c.Recv + "." + c.Name
			switch c.Effect {
			case WritesBody:
				if c.Body.From == None && c.Status == None {
					t.Errorf("%s writes neither a body nor a status", name)
				}
			case SetsStatus, WritesStatusLine, Redirects:
				if _, ok := c.Status.Index(); !ok {
					t.Errorf("%s has no status argument", name)
				}
			case BuildsError, WritesError:
				if _, ok := c.Status.Index(); !ok && c.Fixed == 0 {
					t.Errorf("%s has neither a status argument nor a fixed status", name)
				}
			}
			if (c.Writer == Receiver || c.Writer == Chain || c.Writer == Encoder) && c.Recv == "" {
				t.Errorf("%s: a function has no receiver", name)
			}
		}
		for _, rt := range fw.Routes {
			if rt.Kind == Endpoint && rt.Path == None && rt.Handler == None {
				t.Errorf("%s %s.%s registers neither a path nor a handler", fw.Name, rt.Recv, rt.Name)
			}
		}
	}
}
