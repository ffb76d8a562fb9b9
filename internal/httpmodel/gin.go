package httpmodel

const ginPkg = "github.com/gin-gonic/gin"

// Gin is github.com/gin-gonic/gin. Handlers write through *gin.Context:
// the status first, then the body. gin renders no error a handler
// attaches with c.Error or AbortWithError: its Logger logs them, and a
// middleware of the app may render c.Errors.
var Gin = &Framework{
	Name:     "gin",
	Packages: []string{ginPkg},
	Closed:   true,
	Handlers: []Handler{
		{Params: []Type{{ginPkg, "Context"}}},
	},
	Calls: []Call{
		asJSON(ginWrite("JSON", 1)),
		asJSON(ginWrite("IndentedJSON", 1)),
		asJSON(ginWrite("PureJSON", 1)),
		ginWrite("XML", 1),
		asJSON(ginWrite("AbortWithStatusJSON", 1)),
		ginWrite("Data", 2),
		{Func: ginContext("String"), Writer: Chain, Status: Param(0), Body: Body{From: Param(1), Format: Printf}},
		{Func: ginContext("Status"), Effect: SetsStatus, Writer: Chain, Status: Param(0)},
		// Abort* write the status line at once, and do not end the handler.
		{Func: ginContext("AbortWithStatus"), Effect: SetsStatus, Writer: Chain, Status: Param(0), Ends: true},
		{Func: ginContext("AbortWithError"), Effect: SetsStatus, Writer: Chain, Status: Param(0), Kept: Param(1), Ends: true},
	},
	Renderer: &Renderer{
		Attach: []Attach{
			{Func: ginContext("Error"), Err: Param(0)},
			{Func: ginContext("AbortWithError"), Err: Param(1)},
		},
		Attached: Setting{Type{ginPkg, "Context"}, "Errors"},
	},
	Routes: []Route{
		ginRoute("GET"), ginRoute("POST"), ginRoute("PUT"), ginRoute("PATCH"),
		ginRoute("DELETE"), ginRoute("HEAD"), ginRoute("OPTIONS"),
		{Func: ginRoutes("Any"), Path: Param(0), Handler: Param(1), Last: true},
		{Func: ginRoutes("Handle"), MethodArg: Param(0), Path: Param(1), Handler: Param(2), Last: true},
		{Func: ginRoutes("Match"), MethodArg: Param(0), Path: Param(1), Handler: Param(2), Last: true},
		{Func: Func{Pkg: ginPkg, Recv: "IRouter", Name: "Group", Implements: true}, Kind: Group, Path: Param(0)},
	},
}

func ginContext(name string) Func { return Func{Pkg: ginPkg, Recv: "Context", Name: name} }

// ginWrite is a writer of status and body: c.JSON(status, obj).
func ginWrite(name string, body int) Call {
	return Call{Func: ginContext(name), Writer: Chain, Status: Param(0), Body: Body{From: Param(body)}}
}

// ginRoutes names a method of gin.IRoutes, which *gin.Engine and
// *gin.RouterGroup implement.
func ginRoutes(name string) Func {
	return Func{Pkg: ginPkg, Recv: "IRoutes", Name: name, Implements: true}
}

// ginRoute registers the last of its handlers for method: r.GET(path,
// middleware..., handler).
func ginRoute(method string) Route {
	return Route{Func: ginRoutes(method), Method: method, Path: Param(0), Handler: Param(1), Last: true}
}
