// Package httpmodel describes, as data, what errcontract knows of the Go
// HTTP world: for net/http and each web framework, the shapes of its
// handlers, the calls that write a response or build an error response,
// how the errors its handlers return are rendered and how an app replaces
// that renderer, the error types whose text the handler chose, and the
// calls that register routes.
//
// Each framework is one Framework value in a file of its own (stdlib.go,
// gin.go, echo.go, fiber.go, fiberv3.go, huma.go, connect.go, chi.go,
// gorilla.go), and Default lists them. The JSON encoders other than
// encoding/json are one table of their own (json.go).
// The analyzer asks a Registry, never a framework's name: a call, a
// handler's signature, a type, a route registration are matched by
// package path, type and name.
//
// # Adding a framework
//
// Adding a framework is one new file and its tests. In the file, declare
// a Framework:
//
//   - Packages: the import paths whose import means a package may serve
//     HTTP with it; Closed when every call of theirs that matters is a row;
//   - Handlers: the signatures of its handlers (func(*gin.Context));
//   - Calls: one row per function or method that writes a body or a
//     status, or builds an error the framework renders, with the positions
//     of the response, the status and the body (see Call);
//   - Renderer: how the errors its handlers return reach the client, and
//     the settings by which an app replaces or changes that;
//   - Public: its error types whose text the handler wrote itself;
//   - Routes: the calls that register a handler for a method and a path,
//     and the Operation that describes a route where it is registered;
//   - Codes: its own status codes, where a status argument is one.
//
// Then add it to the list in Default, and add its cases to the
// analyzer's framework tests (testdata/frameworks pins the real modules)
// and its rows to this package's tests.
package httpmodel

// A Framework is what errcontract knows of one web framework, or of
// net/http and the standard packages that write to a response.
type Framework struct {
	Name string // as the docs name it: "gin", "net/http"
	// Packages are the import paths whose import means that a package may
	// serve HTTP with the framework. Rows may name other packages too
	// (the standard model's io and fmt), which serve nothing by
	// themselves.
	Packages []string
	// Closed is set where the rows are all the analyzer follows of
	// Packages: their other functions are not followed through what
	// their bodies do.
	Closed   bool
	Handlers []Handler
	Calls    []Call
	// Encoders make an encoder that writes to their one argument: the
	// Writer of the rows whose Writer is Encoder.
	Encoders []Func
	// Marshals return the encoding of their arguments: jsoniter.Marshal.
	// What the arguments carry, the result carries.
	Marshals []Func
	Renderer *Renderer // nil: the framework does not render returned errors
	Public   []Type    // its error types, whose text their constructor's caller chose
	Routes   []Route
	// Operation is how a route registration describes the route, where
	// a Route has an Operation argument: huma.Operation.
	Operation *Operation
	// Codes are the framework's own status codes: a status argument of
	// their type is checked as the HTTP status it maps to.
	Codes *Codes
}

// A Type names a named type, by package path and name. A Type matches that
// type, an alias of it, and a pointer to it. The zero Type matches any
// type; Type{Name: "error"} is the predeclared error.
type Type struct {
	Pkg, Name string
}

// A Func names a function, or a method of the type Recv. With Implements
// set, Recv is an interface and the row stands for the method of that
// name of any type that implements it (http.ResponseWriter's Write). A
// Func without Recv may name a package-level variable of function type,
// which the analyzer calls as the function it holds: huma.NewError, which
// an app may replace.
type Func struct {
	Pkg, Recv, Name string
	Implements      bool
}

// An Arg is where a call holds a value: one of its arguments (Param), or
// one of the positions below. The zero Arg is None.
type Arg int

const (
	None     Arg = 0  // the call holds no such value
	Receiver Arg = -1 // a method's receiver: w in w.WriteHeader(404)
	Chain    Arg = -2 // what a chain of method calls starts from: c in c.Status(404).JSON(v)
	Encoder  Arg = -3 // the writer the receiver, an encoder, was made for: w in json.NewEncoder(w).Encode(v)
	Before   Arg = -4 // a status set by an earlier status call of the framework: c.Status(404); c.SendString(s)
)

// Param returns the position of argument i, from 0.
func Param(i int) Arg { return Arg(i + 1) }

// Index returns the argument index of a, and whether a is an argument.
func (a Arg) Index() (int, bool) { return int(a) - 1, a > 0 }

// An Effect is what a call does to a response.
type Effect int

const (
	// WritesBody writes Body to the response, with the status at Status
	// if the call has one.
	WritesBody Effect = iota
	// WritesStatusLine writes the status line at once; the body follows
	// in writes of its own (w.WriteHeader).
	WritesStatusLine
	// SetsStatus sets the status that the framework writes with the next
	// body (c.Status, render.Status), or writes a status and no body.
	SetsStatus
	// WritesError writes a whole error response, whatever its status:
	// http.Error, http.NotFound.
	WritesError
	// Redirects writes a redirect: http.Redirect.
	Redirects
	// BuildsError builds an error value that the framework renders when a
	// handler returns it: fiber.NewError, echo.NewHTTPError.
	BuildsError
	// Renders renders a value whose own method chooses the status:
	// render.Render.
	Renders
)

// A Call is a row of a framework's table: a function or method that writes
// to a response or builds an error response, and where its call holds
// what the rules check.
type Call struct {
	Func
	Effect Effect
	// Writer is the response the call writes to: an argument, the
	// Receiver, the Chain's start, or the Encoder's writer.
	Writer Arg
	// Checked is set where the call writes a response only if its Writer
	// implements http.ResponseWriter: io.WriteString(w, s).
	Checked bool
	Request Arg // the *http.Request argument
	Status  Arg // the status: an argument, Before, or None
	Fixed   int // the status the call always writes or builds: http.NotFound's 404
	Body    Body
	// Kept is an argument that the framework keeps server-side: an error
	// logged, or attached, and not shown.
	Kept Arg
	// KeepCause is the method of the error a BuildsError call builds that
	// keeps a cause server-side: echo's (*HTTPError).SetInternal. Fixes
	// move leaked error text there.
	KeepCause string
	// Method is, for a Renders call, the method of the rendered value
	// that may set the status before the value's encoded fields are
	// written: chi render's Render.
	Method string
	// Ends is set on a status call that ends the response: what is
	// written after it is a second response (gin's AbortWithStatus).
	Ends bool
	// Canonical is set on a BuildsError row whose error the framework
	// renders in the one error format that the app configures in one
	// place (huma.NewError) or that the protocol fixes (connect): its call
	// is not a raw error response. Its status and text are checked all
	// the same.
	Canonical bool
}

// A Body is where a call's arguments reach the response body.
type Body struct {
	From   Arg  // the first argument that reaches the body; None: no body
	Rest   bool // every argument after From reaches it too (a variadic list)
	Format Format
	// JSON is set where the value is encoded, whole, as a JSON document:
	// its fields are the body's (an error code among them).
	JSON bool
}

// asJSON returns c as a writer that encodes its body value as JSON.
func asJSON(c Call) Call {
	c.Body.JSON = true
	return c
}

// A Format is how a call renders the arguments of its Body.
type Format int

const (
	// Value: written or encoded as it is; a string shows its text, an
	// error value only what an encoder shows of its fields.
	Value Format = iota
	// Fmt: rendered by fmt, so an error value shows its Error text.
	Fmt
	// Printf: From is a fmt format and the arguments after it are its
	// operands.
	Printf
)

// Formatted reports whether the arguments of b after its first are
// rendered by fmt.
func (b Body) Formatted() bool { return b.Format != Value }

// A Handler is the signature of a function that a framework calls for a
// request. A handler whose last result is an error returns it to the
// framework's Renderer.
type Handler struct {
	Params  []Type
	Results []Type // nil: any results (an app's func(w, r) error adapts to net/http)
	// Registered is set where the signature is too common to tell a
	// handler by (huma's func(context.Context, *I) (*O, error)): a
	// function has it as a handler only where one of the framework's
	// Routes registers it.
	Registered bool
}

// A Renderer is how a framework answers the errors its handlers return.
type Renderer struct {
	// Default names the renderer an app has unless it sets one, as
	// messages name it: "fiber.DefaultErrorHandler".
	Default string
	// ShowsText is set where the default renderer shows every error's
	// text to the client.
	ShowsText bool
	// TextFrom are calls whose errors the default renderer shows with
	// their text even without ShowsText (echo's Bind: its *HTTPError
	// carries the decoder's message).
	TextFrom []Func
	// PassOn are calls whose error is another handler's, reported where
	// that handler makes it (fiber's Ctx.Next).
	PassOn []Func
	// Replace are the settings by which an app installs its own renderer,
	// a function: fiber.Config's ErrorHandler.
	Replace []Setting
	// Debug are the settings that, set to true, make the default renderer
	// show every error's text: echo.Echo's Debug.
	Debug []Setting
	// Attach are the calls that attach an error to the request for a
	// middleware to render from the field Attached (gin's c.Error and
	// c.Errors). The framework itself shows none of them.
	Attach   []Attach
	Attached Setting
}

// An Attach is a call that attaches its argument Err, an error, to the
// request.
type Attach struct {
	Func
	Err Arg
}

// A Setting is a field of a framework type that an app sets, in a
// composite literal or by an assignment. A Setting whose Type has a Pkg
// and no Name is the package-level variable Field of that package, which
// an app assigns: huma.NewError.
type Setting struct {
	Type  Type
	Field string
}

// A RouteKind says what a route registration call does.
type RouteKind int

const (
	// Endpoint registers Handler for a method and Path.
	Endpoint RouteKind = iota
	// Group returns a router whose routes are under Path (if any); its
	// Handler, if any, is a function that registers them (chi's Route).
	Group
	// Mount serves Handler, itself a router, under the prefix Path.
	Mount
	// Methods restricts the route it is called on to the methods that are
	// its arguments from MethodArg on (gorilla's Route.Methods).
	Methods
	// Subrouter returns a router under the path of the route it is called
	// on (gorilla's Route.Subrouter after PathPrefix).
	Subrouter
)

// A Route is a call that registers a handler, or a group of routes.
type Route struct {
	Func
	Kind RouteKind
	// Method is the method an Endpoint registers; "" with MethodArg
	// None: any method, or one that a Methods call on its result sets.
	Method    string
	MethodArg Arg  // the argument that gives the method(s)
	Path      Arg  // the path, or the prefix of a Group or Mount
	Pattern   bool // the path is a ServeMux pattern: "[METHOD ][HOST]/path"
	Handler   Arg  // the handler; for a Group, the function that registers its routes
	// Last is set where the handler is the last argument from Handler
	// on, the ones before it being middleware (gin's handlers ...HandlerFunc).
	Last bool
	// Operation is the argument that describes the route, a value of the
	// framework's Operation type: huma.Register's huma.Operation.
	Operation Arg
}

// An Operation is the type of a framework's description of a route, given
// where the route is registered, and the fields of it that say what the
// handler documents. The field names are those of the struct Type.
type Operation struct {
	Type             Type
	Method, Path, ID string // the method, the path, the operation's name
	// Statuses is a []int field: the error statuses the handler may
	// answer with. An operation that lists none documents no statuses of
	// its own.
	Statuses string
	// Always are the statuses the framework documents for every
	// operation that lists Statuses: huma's 500.
	Always []int
	// Validation is the status the framework documents for an operation
	// that lists Statuses where the handler's input, a pointer to a
	// struct, has a field named InputBody or tagged with one of
	// InputTags: huma's 422, for the request it validates.
	Validation int
	InputBody  string
	InputTags  []string
}

// Codes are a framework's own status codes, and the HTTP statuses they
// are answered with.
type Codes struct {
	Type     Type        // the codes' integer type: connect.Code
	Statuses map[int]int // by code
	Default  int         // the status of a code not in Statuses
}
