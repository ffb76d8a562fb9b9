package httpmodel

const muxPkg = "github.com/gorilla/mux"

// Gorilla is github.com/gorilla/mux. Its handlers are net/http's, so the
// standard model writes their responses; this one knows its routes:
// r.HandleFunc(path, h).Methods("GET"), and
// r.PathPrefix("/v1").Subrouter().
var Gorilla = &Framework{
	Name: "gorilla/mux",
	Routes: []Route{
		{Func: muxRouter("HandleFunc"), Path: Param(0), Handler: Param(1)},
		{Func: muxRouter("Handle"), Path: Param(0), Handler: Param(1)},
		{Func: muxRouter("Path"), Path: Param(0)},
		{Func: muxRoute("Path"), Path: Param(0)},
		{Func: muxRoute("HandlerFunc"), Handler: Param(0)},
		{Func: muxRoute("Handler"), Handler: Param(0)},
		{Func: muxRouter("Methods"), Kind: Methods, MethodArg: Param(0)},
		{Func: muxRoute("Methods"), Kind: Methods, MethodArg: Param(0)},
		{Func: muxRouter("PathPrefix"), Kind: Group, Path: Param(0)},
		{Func: muxRoute("PathPrefix"), Kind: Group, Path: Param(0)},
		{Func: muxRoute("Subrouter"), Kind: Subrouter},
	},
}

func muxRouter(name string) Func { return Func{Pkg: muxPkg, Recv: "Router", Name: name} }
func muxRoute(name string) Func  { return Func{Pkg: muxPkg, Recv: "Route", Name: name} }
