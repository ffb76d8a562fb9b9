package layouts

import . "net/http"

// conflict's fix adds apierror next to a dot import.
func conflict(w ResponseWriter, r *Request) {
	Error(w, "the item changed", StatusConflict) // want `^http.Error bypasses`
}
