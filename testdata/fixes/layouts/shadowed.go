package layouts

import (
	apierror "encoding/json"
	"errors"
	"net/http"
)

var errDown = errors.New("down") // want errDown:`sentinel`

// invalid's fix cannot call errors and apierror by their names: the
// import of encoding/json takes one, a local variable shadows the other.
func invalid(w http.ResponseWriter, r *http.Request) {
	errors := apierror.Valid(nil)
	if !errors {
		http.Error(w, "Internal Server Error", http.StatusInternalServerError) // want `^http.Error bypasses`
	}
}
