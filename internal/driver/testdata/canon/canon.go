// Package canon is a canonical error package in a module of its own.
package canon

import "net/http"

// Error is an error response.
type Error struct{ Status int }

func (e *Error) Error() string { return http.StatusText(e.Status) }

// NotFound is the canonical 404.
//
//errcontract:constructor 404 NotFoundError
func NotFound() *Error { return &Error{http.StatusNotFound} }
