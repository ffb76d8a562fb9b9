package apierrs // want package:`directives`

// apierrs is a shared error package that handlers in another
// package take their statuses from: named constants, a function that
// returns one constant per case, a package-level error value with its
// status, and a writer whose status parameter its callers fill in.

import (
	"errors"
	"net/http"
)

// Named statuses, one defined from net/http's, one from a literal.
const (
	StatusGone     = http.StatusGone
	StatusTeapot   = 418
	StatusConflict = http.StatusConflict
)

var (
	ErrGone     = errors.New("gone")     // want ErrGone:`sentinel`
	ErrConflict = errors.New("conflict") // want ErrConflict:`sentinel`
)

// StatusOf returns a status per error, by a switch on the value.
func StatusOf(err error) int { // want StatusOf:`summary\(returns\[0\]=409,410,500\)`
	switch err {
	case ErrGone:
		return StatusGone
	case ErrConflict:
		return StatusConflict
	default:
		return http.StatusInternalServerError
	}
}

// DocumentedStatusOf returns only statuses the contract documents.
func DocumentedStatusOf(err error) int { // want DocumentedStatusOf:`summary\(returns\[0\]=409,500\)`
	if errors.Is(err, ErrConflict) {
		return http.StatusConflict
	}
	return http.StatusInternalServerError
}

// Count returns no constant.
func Count(xs []string) int { return len(xs) }

// Respond writes an error response with the status it is given.
//
//errcontract:writer
func Respond(w http.ResponseWriter, status int, msg string) { // want Respond:`writer` Respond:`summary\(body=2 status=1\)`
	w.WriteHeader(status)
	w.Write([]byte(msg))
}
