// Package helpers has its helpers in the same package as its handlers, and
// helpers that call each other.
package helpers

import (
	"fmt"
	"net/http"
)

func writeError(w http.ResponseWriter, status int, msg string) { // want writeError:`summary\(body=2 status=1\)`
	w.WriteHeader(status)
	w.Write([]byte(msg))
}

func writeErrorf(w http.ResponseWriter, status int, format string, args ...any) { // want writeErrorf:`summary\(body=2,3 status=1\)`
	writeError(w, status, fmt.Sprintf(format, args...))
}

// ping and pong call each other: their summaries settle.
func ping(w http.ResponseWriter, msg string, n int) { // want ping:`summary\(body=1\)`
	if n == 0 {
		fmt.Fprint(w, msg)
		return
	}
	pong(w, msg, n-1)
}

func pong(w http.ResponseWriter, msg string, n int) { // want pong:`summary\(body=1\)`
	ping(w, "pong: "+msg, n)
}

func describe(err error) string { // want describe:`summary\(result=text\)`
	return fmt.Sprintf("request failed: %v", err)
}

func find(id string) error { return fmt.Errorf("no item %q", id) }

func handler(w http.ResponseWriter, r *http.Request) {
	err := find(r.PathValue("id"))
	writeError(w, http.StatusInternalServerError, err.Error())         // want `^error text from err.Error\(\) reaches the response body via writeError$`
	writeErrorf(w, http.StatusBadRequest, "cannot find item: %v", err) // want `^error text from err reaches the response body via writeErrorf$`
	writeError(w, http.StatusServiceUnavailable, "maintenance")        // want `^status 503 is not documented`
	ping(w, describe(err), 3)                                          // want `^error text from describe\(err\) reaches the response body via ping$`
	writeError(w, http.StatusNotFound, "no such item")
	writeErrorf(w, http.StatusNotFound, "no item %s", r.PathValue("id"))
}
