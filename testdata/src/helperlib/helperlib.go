// Package helperlib holds response helpers that other packages call: their
// summaries travel as facts.
package helperlib

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Fail writes msg with status.
func Fail(w http.ResponseWriter, status int, msg string) { // want Fail:`summary\(body=2 status=1\)`
	w.WriteHeader(status)
	fmt.Fprintln(w, msg)
}

// JSON writes v as the body with status.
func JSON(w http.ResponseWriter, status int, v any) { // want JSON:`summary\(body=2 status=1 json=2@p1\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// Describe turns an error into text for a response.
func Describe(err error) string { // want Describe:`summary\(result=text\)`
	return "failed: " + err.Error()
}

// Gone always answers 410.
func Gone(w http.ResponseWriter) { // want Gone:`summary\(statuses=410 writes-error\)`
	http.Error(w, "gone", http.StatusGone) // want `^http.Error bypasses` `^status 410 is not documented`
}
