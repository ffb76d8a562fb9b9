package layouts

import (
	_ "errors"
	h "net/http"
)

// down's fix imports errors, which the blank import does not name.
func down(w h.ResponseWriter, r *h.Request) {
	h.Error(w, "the store is down", h.StatusInternalServerError) // want `^http.Error bypasses`
}
