package httpmodel

const fiberPkg = "github.com/gofiber/fiber/v2"

// Fiber is github.com/gofiber/fiber/v2. Handlers write through
// *fiber.Ctx, the status set by Status (often chained) before the body,
// or return errors to the app's ErrorHandler.
var Fiber = &Framework{
	Name:     "fiber",
	Packages: []string{fiberPkg},
	Closed:   true,
	Handlers: []Handler{
		{Params: []Type{{fiberPkg, "Ctx"}}, Results: []Type{errorType}},
	},
	Calls: []Call{
		asJSON(fiberWrite("JSON")),
		fiberWrite("SendString"),
		fiberWrite("Send"),
		// The status text is the body.
		{Func: fiberCtx("SendStatus"), Writer: Chain, Status: Param(0)},
		{Func: fiberCtx("Status"), Effect: SetsStatus, Writer: Chain, Status: Param(0)},
		// DefaultErrorHandler writes the message as the body.
		{Func: Func{Pkg: fiberPkg, Name: "NewError"}, Effect: BuildsError, Status: Param(0), Body: Body{From: Param(1), Rest: true}},
	},
	// DefaultErrorHandler writes err.Error() for every error, with the
	// code of a *fiber.Error in its chain or 500.
	Renderer: &Renderer{
		Default:   "fiber.DefaultErrorHandler",
		ShowsText: true,
		PassOn:    []Func{fiberCtx("Next")},
		Replace:   []Setting{{Type{fiberPkg, "Config"}, "ErrorHandler"}},
	},
	Public: []Type{{fiberPkg, "Error"}},
	Routes: []Route{
		fiberRoute("Get", "GET"), fiberRoute("Head", "HEAD"), fiberRoute("Post", "POST"),
		fiberRoute("Put", "PUT"), fiberRoute("Delete", "DELETE"), fiberRoute("Connect", "CONNECT"),
		fiberRoute("Options", "OPTIONS"), fiberRoute("Trace", "TRACE"), fiberRoute("Patch", "PATCH"),
		{Func: fiberRouter("All"), Path: Param(0), Handler: Param(1), Last: true},
		{Func: fiberRouter("Add"), MethodArg: Param(0), Path: Param(1), Handler: Param(2), Last: true},
		{Func: fiberRouter("Group"), Kind: Group, Path: Param(0)},
		{Func: fiberRouter("Route"), Kind: Group, Path: Param(0), Handler: Param(1)},
		{Func: fiberRouter("Mount"), Kind: Mount, Path: Param(0), Handler: Param(1)},
	},
}

func fiberCtx(name string) Func { return Func{Pkg: fiberPkg, Recv: "Ctx", Name: name} }

// fiberWrite is a body writer whose status was set before:
// c.Status(404).JSON(v).
func fiberWrite(name string) Call {
	return Call{Func: fiberCtx(name), Writer: Chain, Status: Before, Body: Body{From: Param(0)}}
}

// fiberRouter names a method of fiber.Router, which *fiber.App and
// *fiber.Group implement.
func fiberRouter(name string) Func {
	return Func{Pkg: fiberPkg, Recv: "Router", Name: name, Implements: true}
}

// fiberRoute registers the last of its handlers for method.
func fiberRoute(name, method string) Route {
	return Route{Func: fiberRouter(name), Method: method, Path: Param(0), Handler: Param(1), Last: true}
}
