// Package missingreturnflow holds handlers whose paths after an error
// response depend on a boolean local or a constant condition.
package missingreturnflow

import (
	"net/http"
	"strings"
)

// importSome may leave failed false after its error response, and then
// answers again.
func importSome(w http.ResponseWriter, r *http.Request) {
	failed := false
	for _, item := range strings.Split(r.URL.Query().Get("items"), ",") {
		if item == "" {
			http.Error(w, "empty item", http.StatusBadRequest) // want `^handler goes on after writing an error response; add a return$`
			failed = r.URL.Query().Has("strict")
			break
		}
	}
	if failed {
		return
	}
	w.WriteHeader(http.StatusNoContent) // want `^response is written again after an error response$`
}

// deadBranch writes twice only in code that never runs.
func deadBranch(w http.ResponseWriter, r *http.Request) {
	const legacy = false
	if legacy {
		http.Error(w, "gone", http.StatusGone)
		w.Write([]byte("see /v2"))
	}
	w.WriteHeader(http.StatusNoContent)
}
