// Package dirs is the module's canonical error package, declared by
// directives.
package dirs

import "net/http"

// Error is an error response.
type Error struct {
	Status  int
	Message string
	Cause   error
}

func (e *Error) Error() string { return e.Message }

// Invalid reports a malformed request.
//
//errcontract:constructor 400 BadRequestError
func Invalid(msg string) *Error { return &Error{http.StatusBadRequest, msg, nil} }

// Send writes err.
//
//errcontract:writer
func Send(w http.ResponseWriter, err error) {
	http.Error(w, "request failed", http.StatusBadRequest)
}
