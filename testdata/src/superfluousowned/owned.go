// Package superfluousowned is checked with missing-return and
// superfluous-write both on: a write after an error response that is not
// followed by a return is missing-return's finding alone.
package superfluousowned

import (
	"errors"
	"net/http"
)

func load(r *http.Request) ([]byte, error) {
	if r.ContentLength == 0 {
		return nil, errors.New("empty")
	}
	return []byte("report"), nil
}

func render(w http.ResponseWriter, r *http.Request) {
	data, err := load(r)
	if err != nil {
		http.Error(w, "could not load the report", http.StatusInternalServerError) // want `handler goes on after writing an error response; add a return`
	}
	if len(data) > 1<<20 {
		http.Error(w, "report too large", http.StatusInternalServerError) // want `response is written again after an error response`
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	w.Write(data) // want `response is written again after an error response`
}

// A superfluous write that no missing return causes is still reported.
func unrelated(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("partial"))
	w.WriteHeader(http.StatusOK) // want `superfluous w.WriteHeader call: the header was already written by w.Write at line 33`
}
