package httpmodel

const (
	httpPkg = "net/http"
	jsonPkg = "encoding/json"
	xmlPkg  = "encoding/xml"
)

// Stdlib is net/http, and the standard packages that write to an
// http.ResponseWriter they are given: io, fmt, the JSON and XML encoders,
// and templates. Their calls write a response only where the writer is
// one (Checked).
var Stdlib = &Framework{
	Name:     "net/http",
	Packages: []string{httpPkg},
	Handlers: []Handler{
		{Params: []Type{{httpPkg, "ResponseWriter"}, {httpPkg, "Request"}}},
	},
	Calls: []Call{
		{Func: Func{Pkg: httpPkg, Name: "Error"}, Effect: WritesError, Writer: Param(0), Status: Param(2), Body: Body{From: Param(1)}},
		{Func: Func{Pkg: httpPkg, Name: "NotFound"}, Effect: WritesError, Writer: Param(0), Request: Param(1), Fixed: 404},
		{Func: Func{Pkg: httpPkg, Name: "Redirect"}, Effect: Redirects, Writer: Param(0), Request: Param(1), Status: Param(3)},
		{Func: Func{Pkg: httpPkg, Recv: "ResponseWriter", Name: "WriteHeader", Implements: true}, Effect: WritesStatusLine, Writer: Receiver, Checked: true, Status: Param(0)},
		{Func: Func{Pkg: httpPkg, Recv: "ResponseWriter", Name: "Write", Implements: true}, Writer: Receiver, Checked: true, Body: Body{From: Param(0)}},

		{Func: Func{Pkg: "io", Name: "WriteString"}, Writer: Param(0), Checked: true, Body: Body{From: Param(1)}},
		{Func: Func{Pkg: "io", Name: "Copy"}, Writer: Param(0), Checked: true, Body: Body{From: Param(1)}},
		{Func: Func{Pkg: "io", Name: "CopyN"}, Writer: Param(0), Checked: true, Body: Body{From: Param(1)}},
		{Func: Func{Pkg: "io", Name: "CopyBuffer"}, Writer: Param(0), Checked: true, Body: Body{From: Param(1)}},

		{Func: Func{Pkg: "fmt", Name: "Fprint"}, Writer: Param(0), Checked: true, Body: Body{From: Param(1), Rest: true, Format: Fmt}},
		{Func: Func{Pkg: "fmt", Name: "Fprintln"}, Writer: Param(0), Checked: true, Body: Body{From: Param(1), Rest: true, Format: Fmt}},
		{Func: Func{Pkg: "fmt", Name: "Fprintf"}, Writer: Param(0), Checked: true, Body: Body{From: Param(1), Format: Printf}},

		{Func: Func{Pkg: jsonPkg, Recv: "Encoder", Name: "Encode"}, Writer: Encoder, Checked: true, Body: Body{From: Param(0), JSON: true}},
		{Func: Func{Pkg: xmlPkg, Recv: "Encoder", Name: "Encode"}, Writer: Encoder, Checked: true, Body: Body{From: Param(0)}},

		// Templates print their data with fmt, error values included.
		{Func: Func{Pkg: "text/template", Recv: "Template", Name: "Execute"}, Writer: Param(0), Checked: true, Body: Body{From: Param(1), Format: Fmt}},
		{Func: Func{Pkg: "text/template", Recv: "Template", Name: "ExecuteTemplate"}, Writer: Param(0), Checked: true, Body: Body{From: Param(2), Format: Fmt}},
		{Func: Func{Pkg: "html/template", Recv: "Template", Name: "Execute"}, Writer: Param(0), Checked: true, Body: Body{From: Param(1), Format: Fmt}},
		{Func: Func{Pkg: "html/template", Recv: "Template", Name: "ExecuteTemplate"}, Writer: Param(0), Checked: true, Body: Body{From: Param(2), Format: Fmt}},
	},
	Encoders: []Func{
		{Pkg: jsonPkg, Name: "NewEncoder"},
		{Pkg: xmlPkg, Name: "NewEncoder"},
	},
	Routes: []Route{
		// Since Go 1.22 a pattern may start with a method: "GET /links/{id}".
		{Func: Func{Pkg: httpPkg, Recv: "ServeMux", Name: "Handle"}, Path: Param(0), Pattern: true, Handler: Param(1)},
		{Func: Func{Pkg: httpPkg, Recv: "ServeMux", Name: "HandleFunc"}, Path: Param(0), Pattern: true, Handler: Param(1)},
		{Func: Func{Pkg: httpPkg, Name: "Handle"}, Path: Param(0), Pattern: true, Handler: Param(1)},
		{Func: Func{Pkg: httpPkg, Name: "HandleFunc"}, Path: Param(0), Pattern: true, Handler: Param(1)},
	},
}
