// Package transitive imports dirs only through mid: what dirs declares is
// not known here, so there is no fix.
package transitive

import (
	"net/http"

	"example.com/nofixes/mid"
)

func get(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "" {
		mid.Reject(w)
		return
	}
	http.Error(w, "bad id", http.StatusBadRequest) // want `^http\.Error bypasses the canonical error constructors \(no fix: the package imports no canonical error package and go\.mod does not require errcontract; declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
}
