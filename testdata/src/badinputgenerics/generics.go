// Package badinputgenerics has generic handlers and helpers: response
// writers that are type parameters, generic error types, and a generic
// canonical constructor, writer and public type.
package badinputgenerics

import (
	"errors"
	"fmt"
	"net/http"
)

// Error is a generic canonical error whose text is safe for clients.
//
//errcontract:public
type Error[T any] struct { // want Error:`public`
	Status int
	Detail T
}

func (e *Error[T]) Error() string { return http.StatusText(e.Status) }

// NotFound is a generic canonical constructor.
//
//errcontract:constructor 404 NotFoundError
func NotFound[T any](msg string, detail T) *Error[T] { // want NotFound:`constructor\(404 NotFoundError\)`
	return &Error[T]{Status: http.StatusNotFound, Detail: detail}
}

// Gone is a generic constructor of a status the contract does not document.
//
//errcontract:constructor 410 Gone // want `^constructor status 410 is not documented by the contentful contract`
func Gone[T any](detail T) *Error[T] { // want Gone:`constructor\(410 Gone\)`
	return &Error[T]{Status: http.StatusGone, Detail: detail}
}

// Write is a generic canonical writer: its raw writes are its job.
//
//errcontract:writer
func Write[W http.ResponseWriter](w W, err error) { // want Write:`writer`
	var e *Error[string]
	if errors.As(err, &e) {
		http.Error(w, e.Error(), e.Status)
	}
}

func rawOnTypeParameter[W http.ResponseWriter](w W, r *http.Request) {
	http.Error(w, "no", http.StatusBadRequest) // want `^http.Error bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
}

func statusOnTypeParameter[W http.ResponseWriter](w W) {
	w.WriteHeader(http.StatusTeapot) // want `^status 418 is not documented`
}

func leakOnTypeParameter[W http.ResponseWriter](w W, err error) {
	fmt.Fprintf(w, "failed: %v", err) // want `^error text from err reaches the response body via fmt.Fprintf$`
}

// Responder is a generic helper that holds its writer.
type Responder[W http.ResponseWriter] struct{ w W }

func (r Responder[W]) Fail(err error) {
	http.Error(r.w, err.Error(), http.StatusInternalServerError) // want `^http.Error bypasses` `^error text from err.Error\(\) reaches the response body via http.Error$`
}

// Result is a generic error type that is not public.
type Result[T any] struct {
	Value T
	Err   error
}

func (r Result[T]) Error() string { return r.Err.Error() }

func leakGenericError[T any](w http.ResponseWriter, res Result[T]) {
	fmt.Fprint(w, res) // want `^error text from res reaches the response body via fmt.Fprint$`
}

func canonical(w http.ResponseWriter, err error) {
	Write(w, NotFound("no such item", 3))
	Write(w, NotFound[string](err.Error(), "detail")) // want `^error text from err.Error\(\) reaches the response body via .*NotFound$`
	Write(w, Gone(struct{}{}))                        // want `^status 410 is not documented`
	var public *Error[int]
	fmt.Fprint(w, public)
}
