// Package teamfix imports both its team's package and apierror: the team's
// package wins.
package teamfix

import (
	"errors"
	"net/http"

	"example.com/fixes/teamerrs"
	"github.com/errcontract/errcontract/apierror"
)

var _ = apierror.NotFound

func lookup() error { return errors.New("no row") }

func get(w http.ResponseWriter, r *http.Request) {
	if err := lookup(); err != nil {
		http.Error(w, err.Error(), http.StatusNotFound) // want `^http.Error bypasses` `^error text from err.Error\(\) reaches`
		return
	}
	http.Error(w, "bad id", http.StatusBadRequest) // want `^http.Error bypasses`
}

func leakIntoTeamConstructor(w http.ResponseWriter, r *http.Request) {
	err := lookup()
	teamerrs.Send(w, teamerrs.Missing("lookup: "+err.Error(), nil)) // want `^error text from err.Error\(\) reaches the response body via teamerrs.Missing$`
}
