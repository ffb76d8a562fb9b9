// Package constructorsonly does not import net/http: it is analyzed because
// it imports a canonical error package.
package constructorsonly

import (
	"errors"

	"teamerr"
)

func find(id string) error {
	err := errors.New("row " + id + " missing")
	return teamerr.NotFound(err.Error()) // want `^error text from err.Error\(\) reaches the response body via teamerr.NotFound$`
}

func unavailable() error {
	return teamerr.Unavailable("later") // want `^status 503 is not documented`
}
