// Package mid uses dirs, so that its importers can import dirs too.
package mid

import (
	"net/http"

	"example.com/nofixes/dirs"
)

// Reject writes a bad request.
func Reject(w http.ResponseWriter) { dirs.Send(w, dirs.Invalid("rejected")) }
