// Package oneline has a one-line import and a constant message: the fix
// adds two imports, apierror and errors, to the same declaration.
package oneline

import "net/http"

func internal(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "Internal Server Error", http.StatusInternalServerError) // want `^http.Error bypasses`
}
