package configlib // want package:`directives`

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

func NotFound(msg string) *Error { // want NotFound:`constructor\(404 NotFoundError\)`
	return &Error{Status: http.StatusNotFound, Message: msg}
}

func Internal(cause error) *Error { // want Internal:`constructor\(500\)`
	return &Error{Status: http.StatusInternalServerError, Message: "internal error", cause: cause}
}

func Gone(msg string) *Error { // want Gone:`constructor\(410\)` `^constructor status 410 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
	return &Error{Status: http.StatusGone, Message: msg}
}

func Missing(msg string) *Error { // want Missing:`constructor\(404 NotFound\)` `^code NotFound is not documented for 404 by the contentful contract \(NotFoundError\)$`
	return &Error{Status: http.StatusNotFound, Message: msg}
}

// Write writes err as an error response: its raw writes are its job.
func Write(w http.ResponseWriter, err error) { // want Write:`writer` Write:`summary\(writes-error\)`
	var e *Error
	if !errors.As(err, &e) {
		e = Internal(err)
	}
	http.Error(w, e.Message, e.Status)
}

// A Responder writes error responses too.
type Responder struct{}

func (Responder) Error(w http.ResponseWriter, err error) { // want Error:`writer` Error:`summary\(statuses=500 writes-error\)`
	http.Error(w, "failed", http.StatusInternalServerError)
}

// Invalid is a validation error whose text is safe to show.
type Invalid struct{ Field string } // want Invalid:`public`

func (e *Invalid) Error() string { return e.Field + " is invalid" }

// raw is no writer: the file does not name it.
func raw(w http.ResponseWriter) { // want raw:`summary\(statuses=400 writes-error\)`
	http.Error(w, "raw", http.StatusBadRequest) // want `^http.Error bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
}
