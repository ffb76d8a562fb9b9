package analyzer

import (
	"go/ast"

	"github.com/errcontract/errcontract/internal/httpmodel"
)

// An errorWriteOf is what isErrorWrite says of a call: whether it may
// write an error response, whether it does on every path, and whether
// the response is complete after it.
type errorWriteOf struct {
	// May is set where some status the call can write is an error
	// status (400 and up), or the call writes nothing but errors.
	May bool
	// Always is set where every status the call can write is one, and
	// the statuses are known.
	Always bool
	// Complete is set where the call writes a whole response, body
	// included: not so of a status line whose body follows
	// (w.WriteHeader(500)).
	Complete bool
}

// isErrorWrite is the one definition of "this call writes an error
// response", which every rule asks: raw-http-error, for the responses it
// reports; the summaries, for the helpers whose callers must stop after
// calling them (WritesError); missing-return, for the writes after which
// a handler must return. values resolves a status argument of the call
// at the place of the question: statusValues at a call, a flow's
// statuses in a summary.
//
// Error responses are written by http.Error and http.NotFound, canonical
// writers, helpers whose summary says they always write one or that
// write the error status their caller passes, a
// WriteHeader with an error status (a status line: its body follows),
// and a framework's body write, rendering or ending status call with an
// error status, its own or one set before it. A framework's status call
// that does not end the response only sets the status of the write that
// follows it, and an error value built for the framework to render is
// no write at all.
func (s *state) isErrorWrite(site *site, values func(ast.Expr) ([]statusValue, bool)) errorWriteOf {
	switch site.kind {
	case siteHTTPError, siteNotFound, siteWriter:
		return errorWriteOf{May: true, Always: true, Complete: true}
	case siteHelper:
		if site.helperWritesError {
			return errorWriteOf{May: true, Always: true, Complete: true}
		}
		if len(site.statusArgs) == 1 {
			// A helper that writes the status its caller passes: an
			// error response where the status is one, complete where
			// the helper writes a body from the caller's arguments too.
			w := statusErrorWrite(site.statusArgs[0], values)
			w.Complete = w.May && len(site.payload) > 0
			return w
		}
	case siteWriteHeader:
		w := statusErrorWrite(site.status, values)
		w.Complete = false
		return w
	case siteFramework:
		switch site.row.Effect {
		case httpmodel.WritesBody, httpmodel.Renders:
		case httpmodel.SetsStatus:
			if !site.row.Ends {
				return errorWriteOf{}
			}
		default:
			return errorWriteOf{}
		}
		status := site.status
		if status == nil {
			status = site.statusSetBefore
		}
		return statusErrorWrite(status, values)
	}
	return errorWriteOf{}
}

// statusErrorWrite is isErrorWrite of a call that writes a whole
// response with the status e, nil where the call has none.
func statusErrorWrite(e ast.Expr, values func(ast.Expr) ([]statusValue, bool)) errorWriteOf {
	if e == nil {
		return errorWriteOf{}
	}
	list, known := values(e)
	var w errorWriteOf
	w.Always = known && len(list) > 0
	for _, v := range list {
		if v.code >= 400 {
			w.May = true
		} else {
			w.Always = false
		}
	}
	w.Complete = w.May
	return w
}
