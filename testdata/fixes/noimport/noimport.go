// Package noimport does not import apierror yet: fixes add the import.
package noimport

import (
	"fmt"
	"net/http"
)

func decode(r *http.Request) error { return fmt.Errorf("bad json") }

func badRequest(w http.ResponseWriter, r *http.Request) {
	if err := decode(r); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest) // want `^http.Error bypasses` `^error text from err.Error\(\) reaches`
		return
	}
	http.NotFound(w, r) // want `^http.NotFound bypasses`
}
