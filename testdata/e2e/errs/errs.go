// Package errs is a team's canonical error package: its directives reach
// the packages that import it as facts, under every driver.
package errs

import "net/http"

// Error is an error response with a client-safe message.
type Error struct {
	Status  int
	Message string
}

func (e *Error) Error() string { return e.Message }

// Conflict reports a state conflict.
//
//errcontract:constructor 409 VersionMismatchError
func Conflict(msg string) *Error { return &Error{http.StatusConflict, msg} }

// Gone reports a resource that no longer exists.
//
//errcontract:constructor 410 Gone
func Gone(msg string) *Error { return &Error{http.StatusGone, msg} }

// Write writes e as the response.
//
//errcontract:writer
func Write(w http.ResponseWriter, e *Error) {
	http.Error(w, e.Message, e.Status)
}
