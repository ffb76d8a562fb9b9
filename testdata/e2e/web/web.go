// Package web serves requests with the canonical errors of package errs.
package web

import (
	"net/http"
	"strconv"

	"example.com/e2e/errs"
)

// Update rejects writes without a version.
func Update(w http.ResponseWriter, r *http.Request) {
	if _, err := strconv.Atoi(r.FormValue("version")); err != nil {
		errs.Write(w, errs.Conflict(err.Error()))
	}
}

// Remove reports removed resources.
func Remove(w http.ResponseWriter, r *http.Request) {
	errs.Write(w, errs.Gone("removed"))
}
