package httpmodel

const echoPkg = "github.com/labstack/echo/v4"

// Echo is github.com/labstack/echo/v4. Handlers write through
// echo.Context, or return errors to the app's HTTPErrorHandler.
var Echo = &Framework{
	Name:     "echo",
	Packages: []string{echoPkg},
	Closed:   true,
	Handlers: []Handler{
		{Params: []Type{{echoPkg, "Context"}}, Results: []Type{errorType}},
	},
	Calls: []Call{
		asJSON(echoWrite("JSON", 1)),
		echoWrite("String", 1),
		echoWrite("HTML", 1),
		echoWrite("Blob", 2),
		{Func: echoContext("NoContent"), Effect: SetsStatus, Writer: Chain, Status: Param(0)},
		// The default error handler renders the message, and an error
		// message as its Error text.
		// SetInternal's error is logged, not rendered (HTTPError.Internal
		// is tagged json:"-").
		{Func: Func{Pkg: echoPkg, Name: "NewHTTPError"}, Effect: BuildsError, Status: Param(0), Body: Body{From: Param(1), Rest: true, Format: Fmt}, KeepCause: "SetInternal"},
	},
	// DefaultHTTPErrorHandler answers an error that is not an *HTTPError
	// with a generic 500, but the binder's *HTTPError carries the
	// decoder's text; with Debug set, every error's text is added.
	Renderer: &Renderer{
		Default:  "(*echo.Echo).DefaultHTTPErrorHandler",
		TextFrom: []Func{echoContext("Bind"), echoContext("BindBody"), echoContext("BindQueryParams"), echoContext("BindPathParams"), echoContext("BindHeaders")},
		Replace:  []Setting{{Type{echoPkg, "Echo"}, "HTTPErrorHandler"}},
		Debug:    []Setting{{Type{echoPkg, "Echo"}, "Debug"}},
	},
	Public: []Type{{echoPkg, "HTTPError"}},
	Routes: echoRoutes("Echo", "Group"),
}

func echoContext(name string) Func { return Func{Pkg: echoPkg, Recv: "Context", Name: name} }

// echoWrite is a writer of status and body: c.JSON(status, v).
func echoWrite(name string, body int) Call {
	return Call{Func: echoContext(name), Writer: Chain, Status: Param(0), Body: Body{From: Param(body)}}
}

// echoRoutes returns the route registrations of *echo.Echo and
// *echo.Group, which have the same methods.
func echoRoutes(recvs ...string) []Route {
	var routes []Route
	for _, recv := range recvs {
		m := func(name string) Func { return Func{Pkg: echoPkg, Recv: recv, Name: name} }
		for _, method := range []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE"} {
			routes = append(routes, Route{Func: m(method), Method: method, Path: Param(0), Handler: Param(1)})
		}
		routes = append(routes,
			Route{Func: m("Any"), Path: Param(0), Handler: Param(1)},
			Route{Func: m("Add"), MethodArg: Param(0), Path: Param(1), Handler: Param(2)},
			Route{Func: m("Match"), MethodArg: Param(0), Path: Param(1), Handler: Param(2)},
			Route{Func: m("Group"), Kind: Group, Path: Param(0)},
		)
	}
	return routes
}
