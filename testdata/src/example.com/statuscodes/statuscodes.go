// Package statuscodes holds statuses and a status mapping that handlers in
// another package use: named constants, and a function whose summary
// says which statuses it returns.
package statuscodes

import "errors"

// Teapot is a named status in another package.
const Teapot = 418

var (
	ErrGone    = errors.New("gone")    // want ErrGone:`sentinel`
	ErrMissing = errors.New("missing") // want ErrMissing:`sentinel`
)

// StatusOf maps an error to a status, one constant per case.
func StatusOf(err error) int { // want StatusOf:`summary\(returns\[0\]=404,410,500\)`
	switch {
	case errors.Is(err, ErrMissing):
		return 404
	case errors.Is(err, ErrGone):
		return 410
	}
	return 500
}

// Count returns a number that is no constant.
func Count(xs []string) int { return len(xs) }
