package layouts

import (
	. "net/http"
	"net/http/httptest"
)

// probeNotFound's fix drops the dot import: it replaces its only use.
func probeNotFound() *httptest.ResponseRecorder { // want probeNotFound:`summary\(statuses=404 writes-error\)`
	w, r := httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil)
	NotFound(w, r) // want `^http.NotFound bypasses`
	return w
}
