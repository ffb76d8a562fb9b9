// Package teamnoimport uses its team's package in one file; the fix adds
// the import to the other.
package teamnoimport

import (
	"net/http"

	"example.com/fixes/teamerrs"
)

func missing(w http.ResponseWriter, r *http.Request) {
	teamerrs.Send(w, teamerrs.Missing("no such thing", nil))
}
