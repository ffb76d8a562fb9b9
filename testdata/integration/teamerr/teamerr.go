// Package teamerr is a team's own canonical error package. Its directives
// reach the packages that import it as facts.
package teamerr

import (
	"errors"
	"net/http"
)

// Error is an error response whose message is written for clients.
type Error struct {
	Status  int
	Message string
	cause   error
}

func (e *Error) Error() string { return e.Message }

// Unwrap returns the cause, which clients never see.
func (e *Error) Unwrap() error { return e.cause }

// NotFound reports a missing resource.
//
//errcontract:constructor 404 NotFoundError
func NotFound(msg string) *Error {
	return &Error{Status: http.StatusNotFound, Message: msg}
}

// Internal keeps cause on the server.
//
//errcontract:constructor 500 ServerError
func Internal(cause error) *Error {
	return &Error{Status: http.StatusInternalServerError, Message: "internal error", cause: cause}
}

// Gone reports a removed resource, a status the default contract lacks.
//
//errcontract:constructor 410 Gone // findings: undocumented-status
func Gone(msg string) *Error {
	return &Error{Status: http.StatusGone, Message: msg}
}

// Write writes err as the response. Its raw write is its job.
//
//errcontract:writer
func Write(w http.ResponseWriter, err error) {
	var e *Error
	if !errors.As(err, &e) {
		e = Internal(err)
	}
	http.Error(w, e.Message, e.Status)
}
