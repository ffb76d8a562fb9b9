// Package teamerrs is a team's own canonical error package.
package teamerrs

import "net/http"

// Error is an error response.
type Error struct {
	Status  int
	Message string
	Cause   error
}

func (e *Error) Error() string { return e.Message }

// Missing reports a missing resource; cause stays server-side.
//
//errcontract:constructor 404 NotFoundError
func Missing(msg string, cause error) *Error { return &Error{http.StatusNotFound, msg, cause} }

// Invalid reports a malformed request.
//
//errcontract:constructor 400 BadRequestError
func Invalid(msg string) *Error { return &Error{http.StatusBadRequest, msg, nil} }

// Failed reports a server-side failure.
//
//errcontract:constructor 500 ServerError
func Failed(cause error) *Error {
	return &Error{http.StatusInternalServerError, "internal error", cause}
}

// Send writes e.
//
//errcontract:writer
func Send(w http.ResponseWriter, e *Error) {
	http.Error(w, e.Message, e.Status)
}
