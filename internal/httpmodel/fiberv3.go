package httpmodel

import "strings"

const fiberV3Pkg = "github.com/gofiber/fiber/v3"

// FiberV3 is github.com/gofiber/fiber/v3. Handlers take the fiber.Ctx
// interface (or, Express-style, fiber.Req and fiber.Res), write through it
// with the status set by Status before the body, or return errors to the
// app's ErrorHandler.
var FiberV3 = &Framework{
	Name:     "fiber v3",
	Packages: []string{fiberV3Pkg},
	Closed:   true,
	Handlers: []Handler{
		{Params: []Type{{fiberV3Pkg, "Ctx"}}, Results: []Type{errorType}},
		{Params: []Type{{fiberV3Pkg, "Req"}, {fiberV3Pkg, "Res"}}, Results: []Type{errorType}},
	},
	Calls: append(fiberV3Writes("Ctx"), append(fiberV3Writes("Res"),
		// DefaultErrorHandler writes the message as the body, or the
		// status text without one.
		Call{Func: Func{Pkg: fiberV3Pkg, Name: "NewError"}, Effect: BuildsError, Status: Param(0), Body: Body{From: Param(1), Rest: true}},
		// One operand is rendered as by fmt.Sprint, more as by
		// fmt.Sprintf with the first as the format.
		Call{Func: Func{Pkg: fiberV3Pkg, Name: "NewErrorf"}, Effect: BuildsError, Status: Param(0), Body: Body{From: Param(1), Format: Printf}},
	)...),
	// DefaultErrorHandler writes err.Error() for every error, with the
	// code of a *fiber.Error in its chain or 500.
	Renderer: &Renderer{
		Default:   "fiber.DefaultErrorHandler",
		ShowsText: true,
		PassOn:    []Func{{Pkg: fiberV3Pkg, Recv: "Ctx", Name: "Next"}},
		Replace:   []Setting{{Type{fiberV3Pkg, "Config"}, "ErrorHandler"}},
	},
	Public: []Type{{fiberV3Pkg, "Error"}},
	Routes: fiberV3Routes(),
}

// fiberV3Writes returns the rows of the writers of the interface recv,
// Ctx or Res: the body writers take the status set before,
// c.Status(404).JSON(v).
func fiberV3Writes(recv string) []Call {
	m := func(name string) Func { return Func{Pkg: fiberV3Pkg, Recv: recv, Name: name} }
	var calls []Call
	for _, name := range []string{"JSON", "CBOR", "JSONP", "XML", "MsgPack", "AutoFormat", "Send", "SendString"} {
		calls = append(calls, Call{Func: m(name), Writer: Chain, Status: Before, Body: Body{From: Param(0), JSON: name == "JSON"}})
	}
	return append(calls,
		// The status text is the body, when none was written.
		Call{Func: m("SendStatus"), Writer: Chain, Status: Param(0)},
		Call{Func: m("Status"), Effect: SetsStatus, Writer: Chain, Status: Param(0)},
	)
}

// fiberV3Routes returns the route registrations of fiber.Router, which
// *fiber.App and *fiber.Group implement: the last of the handlers is the
// route's, the ones before it middleware.
func fiberV3Routes() []Route {
	m := func(name string) Func { return Func{Pkg: fiberV3Pkg, Recv: "Router", Name: name, Implements: true} }
	var routes []Route
	for _, name := range []string{"Get", "Head", "Post", "Put", "Delete", "Connect", "Options", "Trace", "Patch"} {
		routes = append(routes, Route{Func: m(name), Method: strings.ToUpper(name), Path: Param(0), Handler: Param(1), Last: true})
	}
	return append(routes,
		Route{Func: m("All"), Path: Param(0), Handler: Param(1), Last: true},
		Route{Func: m("Add"), MethodArg: Param(0), Path: Param(1), Handler: Param(2), Last: true},
		Route{Func: m("Group"), Kind: Group, Path: Param(0)},
		Route{Func: m("Route"), Kind: Group, Path: Param(0), Handler: Param(1)},
	)
}
