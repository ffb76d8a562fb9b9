package layouts

import (
	"errors"
	// fmt formats the error text.
	"fmt" // only for the leak
	"net/http"

	"strings"
)

func find(id string) error { return errors.New(strings.TrimSpace(id)) }

// item's fix drops fmt with its comments and adds apierror as a group of
// its own.
func item(w http.ResponseWriter, r *http.Request) {
	if err := find(r.URL.Path); err != nil {
		http.Error(w, fmt.Sprint(err), http.StatusNotFound) // want `^http.Error bypasses` `^error text from err reaches`
	}
}
