// Package handlers uses errs in one file; the fix imports it in the other.
package handlers

import (
	"net/http"

	"example.com/nofixes/files/errs"
)

func create(w http.ResponseWriter, r *http.Request) {
	errs.Send(w, errs.Invalid("no body"))
}
