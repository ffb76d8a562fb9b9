// Package errs is a canonical error package that errcontract.yaml
// declares.
package errs

import "net/http"

// Error is an error response.
type Error struct {
	Status  int
	Message string
}

func (e *Error) Error() string { return e.Message }

// Invalid reports a malformed request.
func Invalid(msg string) *Error { return &Error{http.StatusBadRequest, msg} }

// Send writes err.
func Send(w http.ResponseWriter, err error) {
	http.Error(w, "request failed", http.StatusBadRequest)
}
