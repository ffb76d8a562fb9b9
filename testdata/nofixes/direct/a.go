// Package direct uses dirs, declared by directives, in one file; the fix
// imports it in the other.
package direct

import (
	"net/http"

	"example.com/nofixes/dirs"
)

func create(w http.ResponseWriter, r *http.Request) {
	dirs.Send(w, dirs.Invalid("no body"))
}
