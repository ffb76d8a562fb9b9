package httpmodel

import "strings"

const humaPkg = "github.com/danielgtaylor/huma/v2"

// Huma is github.com/danielgtaylor/huma/v2. Handlers are the functions
// registered with huma.Register (or huma.Get, ...): func(context.Context,
// *I) (*O, error). They return errors that huma renders with
// huma.NewError, the one place an app replaces to change the error body:
// its ErrorNNN constructors are no raw error responses. The default
// huma.NewError puts the message in "detail" and the Error() text of each
// error after it in "errors"; an error that is not a huma.StatusError is
// answered with 500 and its text in "errors". The Errors of an operation
// are the statuses its handler documents.
var Huma = &Framework{
	Name:     "huma",
	Packages: []string{humaPkg},
	Closed:   true,
	Handlers: []Handler{
		{Params: []Type{contextType, {}}, Results: []Type{{}, errorType}, Registered: true},
	},
	Calls: humaCalls(),
	Renderer: &Renderer{
		Default:   "huma.NewError",
		ShowsText: true,
		Replace:   []Setting{{Type{Pkg: humaPkg}, "NewError"}, {Type{Pkg: humaPkg}, "NewErrorWithContext"}},
	},
	Public: []Type{{humaPkg, "StatusError"}, {humaPkg, "ErrorModel"}, {humaPkg, "ErrorDetail"}},
	Routes: humaRoutes(),
	Operation: &Operation{
		Type:       Type{humaPkg, "Operation"},
		Method:     "Method",
		Path:       "Path",
		ID:         "OperationID",
		Statuses:   "Errors",
		Always:     []int{500},
		Validation: 422,
		InputBody:  "Body",
		InputTags:  []string{"path", "query", "header", "cookie", "form"},
	},
}

// humaErrors are huma's constructors of an error with a fixed status,
// func(msg string, errs ...error) huma.StatusError.
var humaErrors = []struct {
	status int
	name   string
}{
	{400, "Error400BadRequest"},
	{401, "Error401Unauthorized"},
	{402, "Error402PaymentRequired"},
	{403, "Error403Forbidden"},
	{404, "Error404NotFound"},
	{405, "Error405MethodNotAllowed"},
	{406, "Error406NotAcceptable"},
	{407, "Error407ProxyAuthRequired"},
	{408, "Error408RequestTimeout"},
	{409, "Error409Conflict"},
	{410, "Error410Gone"},
	{411, "Error411LengthRequired"},
	{412, "Error412PreconditionFailed"},
	{413, "Error413RequestEntityTooLarge"},
	{414, "Error414RequestURITooLong"},
	{415, "Error415UnsupportedMediaType"},
	{416, "Error416RequestedRangeNotSatisfiable"},
	{417, "Error417ExpectationFailed"},
	{418, "Error418Teapot"},
	{421, "Error421MisdirectedRequest"},
	{422, "Error422UnprocessableEntity"},
	{423, "Error423Locked"},
	{424, "Error424FailedDependency"},
	{425, "Error425TooEarly"},
	{426, "Error426UpgradeRequired"},
	{428, "Error428PreconditionRequired"},
	{429, "Error429TooManyRequests"},
	{431, "Error431RequestHeaderFieldsTooLarge"},
	{451, "Error451UnavailableForLegalReasons"},
	{500, "Error500InternalServerError"},
	{501, "Error501NotImplemented"},
	{502, "Error502BadGateway"},
	{503, "Error503ServiceUnavailable"},
	{504, "Error504GatewayTimeout"},
	{505, "Error505HTTPVersionNotSupported"},
	{506, "Error506VariantAlsoNegotiates"},
	{507, "Error507InsufficientStorage"},
	{508, "Error508LoopDetected"},
	{510, "Error510NotExtended"},
	{511, "Error511NetworkAuthenticationRequired"},
}

// humaCalls returns the rows of huma's error constructors: the message and
// the Error text of each error reach the body.
func humaCalls() []Call {
	var calls []Call
	for _, e := range humaErrors {
		calls = append(calls, Call{Func: Func{Pkg: humaPkg, Name: e.name}, Effect: BuildsError, Canonical: true, Fixed: e.status, Body: Body{From: Param(0), Rest: true, Format: Fmt}})
	}
	return append(calls,
		// Variables an app may replace, called as functions.
		Call{Func: Func{Pkg: humaPkg, Name: "NewError"}, Effect: BuildsError, Canonical: true, Status: Param(0), Body: Body{From: Param(1), Rest: true, Format: Fmt}},
		Call{Func: Func{Pkg: humaPkg, Name: "NewErrorWithContext"}, Effect: BuildsError, Canonical: true, Status: Param(1), Body: Body{From: Param(2), Rest: true, Format: Fmt}},
	)
}

// humaRoutes returns huma's registrations: Register with an Operation,
// and the shorthands for one method, whose operation huma derives.
func humaRoutes() []Route {
	routes := []Route{{Func: Func{Pkg: humaPkg, Name: "Register"}, Operation: Param(1), Handler: Param(2)}}
	for _, name := range []string{"Get", "Post", "Put", "Patch", "Delete"} {
		routes = append(routes, Route{Func: Func{Pkg: humaPkg, Name: name}, Method: strings.ToUpper(name), Path: Param(1), Handler: Param(2)})
	}
	return routes
}
