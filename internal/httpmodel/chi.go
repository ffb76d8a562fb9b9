package httpmodel

import "strings"

const (
	chiPkg    = "github.com/go-chi/chi/v5"
	renderPkg = "github.com/go-chi/render"
)

// Chi is github.com/go-chi/chi/v5, whose handlers are net/http's, and
// github.com/go-chi/render, whose Status stores a status in the request's
// context for the next writer.
var Chi = &Framework{
	Name:     "chi",
	Packages: []string{renderPkg},
	Closed:   true,
	Calls: []Call{
		{Func: Func{Pkg: renderPkg, Name: "JSON"}, Writer: Param(0), Request: Param(1), Status: Before, Body: Body{From: Param(2), JSON: true}},
		{Func: Func{Pkg: renderPkg, Name: "PlainText"}, Writer: Param(0), Request: Param(1), Status: Before, Body: Body{From: Param(2)}},
		{Func: Func{Pkg: renderPkg, Name: "Status"}, Effect: SetsStatus, Request: Param(0), Status: Param(1)},
		// The value's Render method may set the status; the value is then
		// encoded.
		{Func: Func{Pkg: renderPkg, Name: "Render"}, Effect: Renders, Writer: Param(0), Request: Param(1), Body: Body{From: Param(2)}, Method: "Render"},
	},
	Routes: chiRoutes(),
}

// chiRoutes returns the route registrations of chi.Router, which *chi.Mux
// implements.
func chiRoutes() []Route {
	m := func(name string) Func { return Func{Pkg: chiPkg, Recv: "Router", Name: name, Implements: true} }
	var routes []Route
	for _, name := range []string{"Connect", "Delete", "Get", "Head", "Options", "Patch", "Post", "Put", "Trace"} {
		routes = append(routes, Route{Func: m(name), Method: strings.ToUpper(name), Path: Param(0), Handler: Param(1)})
	}
	return append(routes,
		Route{Func: m("Handle"), Path: Param(0), Handler: Param(1)},
		Route{Func: m("HandleFunc"), Path: Param(0), Handler: Param(1)},
		Route{Func: m("Method"), MethodArg: Param(0), Path: Param(1), Handler: Param(2)},
		Route{Func: m("MethodFunc"), MethodArg: Param(0), Path: Param(1), Handler: Param(2)},
		Route{Func: m("Route"), Kind: Group, Path: Param(0), Handler: Param(1)},
		Route{Func: m("Group"), Kind: Group, Handler: Param(0)},
		Route{Func: m("With"), Kind: Group},
		Route{Func: m("Mount"), Kind: Mount, Path: Param(0), Handler: Param(1)},
	)
}
