package httpmodel

const connectPkg = "connectrpc.com/connect"

// Connect is connectrpc.com/connect. Handlers take a *connect.Request (or
// a stream) and return an error, whose text connect sends to the client as
// the message of its code: a *connect.Error's, or CodeUnknown for any
// other error. The protocol fixes the error body, so connect.NewError is
// no raw error response; its code is checked as the HTTP status the
// Connect protocol answers it with.
var Connect = &Framework{
	Name:     "connect",
	Packages: []string{connectPkg},
	Closed:   true,
	Handlers: []Handler{
		{Params: []Type{contextType, {connectPkg, "Request"}}, Results: []Type{{connectPkg, "Response"}, errorType}},
		{Params: []Type{contextType, {connectPkg, "ClientStream"}}, Results: []Type{{connectPkg, "Response"}, errorType}},
		{Params: []Type{contextType, {connectPkg, "Request"}, {connectPkg, "ServerStream"}}, Results: []Type{errorType}},
		{Params: []Type{contextType, {connectPkg, "BidiStream"}}, Results: []Type{errorType}},
	},
	Calls: []Call{
		// The underlying error's text is the message.
		{Func: Func{Pkg: connectPkg, Name: "NewError"}, Effect: BuildsError, Canonical: true, Status: Param(0), Body: Body{From: Param(1), Format: Fmt}},
		{Func: Func{Pkg: connectPkg, Name: "NewWireError"}, Effect: BuildsError, Canonical: true, Status: Param(0), Body: Body{From: Param(1), Format: Fmt}},
	},
	Renderer: &Renderer{
		Default:   "connect's handler, as CodeUnknown",
		ShowsText: true,
		// The errors of the streams are connect's own: of a send to a
		// client that is gone, or a *connect.Error of the client's.
		PassOn: []Func{
			{Pkg: connectPkg, Recv: "ServerStream", Name: "Send"},
			{Pkg: connectPkg, Recv: "BidiStream", Name: "Send"},
			{Pkg: connectPkg, Recv: "BidiStream", Name: "Receive"},
			{Pkg: connectPkg, Recv: "ClientStream", Name: "Err"},
		},
	},
	Public: []Type{{connectPkg, "Error"}},
	Routes: []Route{
		{Func: Func{Pkg: connectPkg, Name: "NewUnaryHandler"}, Path: Param(0), Handler: Param(1)},
		{Func: Func{Pkg: connectPkg, Name: "NewClientStreamHandler"}, Path: Param(0), Handler: Param(1)},
		{Func: Func{Pkg: connectPkg, Name: "NewServerStreamHandler"}, Path: Param(0), Handler: Param(1)},
		{Func: Func{Pkg: connectPkg, Name: "NewBidiStreamHandler"}, Path: Param(0), Handler: Param(1)},
	},
	// As the Connect protocol answers each code (connect's
	// connectCodeToHTTP); an unknown code is answered as CodeUnknown.
	Codes: &Codes{
		Type: Type{connectPkg, "Code"},
		Statuses: map[int]int{
			1:  499, // CodeCanceled
			2:  500, // CodeUnknown
			3:  400, // CodeInvalidArgument
			4:  504, // CodeDeadlineExceeded
			5:  404, // CodeNotFound
			6:  409, // CodeAlreadyExists
			7:  403, // CodePermissionDenied
			8:  429, // CodeResourceExhausted
			9:  400, // CodeFailedPrecondition
			10: 409, // CodeAborted
			11: 400, // CodeOutOfRange
			12: 501, // CodeUnimplemented
			13: 500, // CodeInternal
			14: 503, // CodeUnavailable
			15: 500, // CodeDataLoss
			16: 401, // CodeUnauthenticated
		},
		Default: 500,
	},
}

var contextType = Type{"context", "Context"}
