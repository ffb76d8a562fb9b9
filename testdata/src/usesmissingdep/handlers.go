// Package usesmissingdep imports a package that cannot be found, as when
// a dependency's module cannot be downloaded: the type-checker knows
// nothing of it, and the findings that do not rest on it are reported.
package usesmissingdep

import (
	"errors"
	"net/http"

	"missingdep"
)

// get's error comes from the missing package: its type, and so whether
// it is an error at all, is not known.
func get(w http.ResponseWriter, r *http.Request) { // want get:"^summary\\(partial\\)$"
	item, err := missingdep.Find(r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound) // want `^http.Error bypasses the canonical error constructors$`
		return
	}
	missingdep.Render(w, item)
	if err := check(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest) // want `^http.Error bypasses the canonical error constructors$` `^error text from err.Error\(\) reaches the response body via http.Error$`
		return
	}
	w.WriteHeader(missingdep.StatusGone)
}

func check() error { return errors.New("invalid id") }
