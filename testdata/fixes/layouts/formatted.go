package layouts

import (
	"log"
	"net/http"
)

// gone's fix outgrows its one-line body, which gofmt then breaks.
func gone(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) } // want `^http.NotFound bypasses`

// changed's fix moves the column of the comments after it.
func changed(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "changed", http.StatusConflict) // want `^http.Error bypasses`
	log.Print("changed")                          // logged
}
