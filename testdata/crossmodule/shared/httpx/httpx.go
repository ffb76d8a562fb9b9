// Package httpx is an error package of another module, which declares
// nothing to errcontract: the main module's errcontract.yaml names its
// writer, constructors and public type.
package httpx

import "net/http"

// Error is an error response.
type Error struct {
	Status  int
	Message string
}

func (e *Error) Error() string { return e.Message }

// Missing builds a 404.
func Missing(msg string) *Error { return &Error{http.StatusNotFound, msg} }

// Gone builds a 410.
func Gone(msg string) *Error { return &Error{http.StatusGone, msg} }

// Send writes err.
func Send(w http.ResponseWriter, err error) {
	http.Error(w, "request failed", http.StatusNotFound)
}

// Invalid is a validation error whose text is safe to show.
type Invalid struct{ Field string }

func (e *Invalid) Error() string { return "invalid " + e.Field }
