package teamerr // want package:`directives`

// teamerr is a team's own canonical error package, declared to errcontract
// by directives.

import (
	"errors"
	"net/http"
)

// Error is an error response.
type Error struct {
	Status  int
	Message string
	cause   error
}

func (e *Error) Error() string { return e.Message }

// NotFound returns a 404 error with a client-safe message.
//
//errcontract:constructor 404 NotFoundError
func NotFound(msg string) *Error { // want NotFound:`constructor\(404 NotFoundError\)`
	return &Error{Status: http.StatusNotFound, Message: msg}
}

// Internal keeps cause server-side.
//
//errcontract:constructor 500
func Internal(cause error) *Error { // want Internal:`constructor\(500\)`
	return &Error{Status: http.StatusInternalServerError, Message: "internal error", cause: cause}
}

// Unavailable is a 503, which the contentful contract does not document.
//
//errcontract:constructor 503 ServiceUnavailable // want `^constructor status 503 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
func Unavailable(msg string) *Error { // want Unavailable:`constructor\(503 ServiceUnavailable\)`
	return &Error{Status: http.StatusServiceUnavailable, Message: msg}
}

// Write writes err as an error response. Its raw writes are its job.
//
//errcontract:writer
func Write(w http.ResponseWriter, err error) { // want Write:`writer` Write:`summary\(writes-error\)`
	var e *Error
	if !errors.As(err, &e) {
		e = Internal(err)
	}
	http.Error(w, e.Message, e.Status)
	w.WriteHeader(e.Status)
	w.Write([]byte(e.Message))
}

// Invalid is a validation error whose text is written for clients.
//
//errcontract:public
type Invalid struct { // want Invalid:`public`
	Field string
}

func (e *Invalid) Error() string { return e.Field + " is invalid" }

// fallback is not canonical: its raw write is reported.
func fallback(w http.ResponseWriter) { // want fallback:`summary\(statuses=500 writes-error\)`
	http.Error(w, "oops", http.StatusInternalServerError) // want `^http.Error bypasses`
}

// Spaced has its status after two spaces: the finding covers the status.
//
//errcontract:constructor  410 Gone // want `^constructor status 410 is not documented`
func Spaced(msg string) *Error { // want Spaced:`constructor\(410 Gone\)`
	return &Error{Status: http.StatusGone, Message: msg}
}
