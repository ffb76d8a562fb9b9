package teamnoimport

import "net/http"

func get(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "bad id", http.StatusBadRequest) // want `^http.Error bypasses`
}
