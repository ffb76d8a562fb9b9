// Package legacy is excluded by the errcontract.yaml of its parent.
package legacy

import "net/http"

func old(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no", http.StatusTeapot)
}
