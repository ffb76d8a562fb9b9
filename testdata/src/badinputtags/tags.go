// Package badinputtags has files that build constraints exclude: only
// this one is analyzed.
package badinputtags

import "net/http"

func included(w http.ResponseWriter) {
	http.NotFound(w, nil) // want `^http.NotFound bypasses`
}
