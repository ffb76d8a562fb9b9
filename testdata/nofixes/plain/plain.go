// Package plain is of a module that does not require errcontract and
// imports no canonical package: its findings have no fix, and say why.
package plain

import (
	"errors"
	"net/http"
)

func find(id string) error { return errors.New("no row " + id) }

func get(w http.ResponseWriter, r *http.Request) {
	if err := find(r.URL.Path); err != nil {
		http.Error(w, err.Error(), http.StatusNotFound) // want `^http\.Error bypasses the canonical error constructors \(no fix: the package imports no canonical error package and go\.mod does not require errcontract; declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$` `^error text from err\.Error\(\) reaches the response body via http\.Error \(no fix: the package imports no canonical error package and go\.mod does not require errcontract\)$`
		return
	}
	http.NotFound(w, r) // want `^http\.NotFound bypasses the canonical error constructors \(no fix: the package imports no canonical error package and go\.mod does not require errcontract; declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
}
