// Package superfluousunowned is checked with superfluous-write alone:
// the writes after an error response that is not followed by a return
// are its findings, as missing-return is off.
package superfluousunowned

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
		http.Error(w, "could not load the report", http.StatusInternalServerError)
	}
	if len(data) > 1<<20 {
		http.Error(w, "report too large", http.StatusInternalServerError) // want `superfluous WriteHeader call in http.Error: the header was already written by http.Error at line 21`
		return
	}
	w.Header().Set("Content-Type", "text/plain") // want `w.Header\(\).Set has no effect: the response was committed by http.Error at line 21`
	w.Write(data)
}

// A superfluous write that no missing return causes is still reported.
func unrelated(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("partial"))
	w.WriteHeader(http.StatusOK) // want `superfluous w.WriteHeader call: the header was already written by w.Write at line 33`
}
