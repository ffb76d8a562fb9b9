// Package taken declares the names of the packages its fix imports: the
// fix imports them under other names.
package taken

import "net/http"

var apierror = "the name is taken"

type errors struct{}

func internal(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "Internal Server Error", http.StatusInternalServerError) // want `^http.Error bypasses`
}
