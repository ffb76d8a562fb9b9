// Package missingreturnlib holds response helpers that package
// missingreturn calls: their summaries travel as facts.
package missingreturnlib

import "net/http"

// Fail always writes msg as a 500 response: its summary says it writes an
// error response, so a caller must stop after calling it.
func Fail(w http.ResponseWriter, msg string) { // want Fail:`summary\(body=1 statuses=500 writes-error\)`
	http.Error(w, msg, http.StatusInternalServerError)
}

// CheckMethod writes a 405 only when the request's method is not allowed:
// it does not always write an error response, so it gets no fact and its
// callers are not held to return after it.
func CheckMethod(w http.ResponseWriter, r *http.Request, allowed string) bool { // want CheckMethod:`summary\(statuses=405\)`
	if r.Method != allowed {
		w.Header().Set("Allow", allowed)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return false
	}
	return true
}
