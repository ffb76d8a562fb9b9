package layouts

import "net/http"
import "net/http/httptest"

// probe's fix drops the import of net/http, a declaration of its own,
// and adds apierror and errors to the other one.
func probe() *httptest.ResponseRecorder { // want probe:`summary\(statuses=500 writes-error\)`
	w := httptest.NewRecorder()
	http.Error(w, "Internal Server Error", http.StatusInternalServerError) // want `^http.Error bypasses`
	return w
}
