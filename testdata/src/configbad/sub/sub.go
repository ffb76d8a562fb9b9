// Package sub shares the invalid file of its parent.
package sub

import "net/http"

func get(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no", http.StatusTeapot)
}
