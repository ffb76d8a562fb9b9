// Package replylib writes JSON responses for the handlers of another
// package: its summaries say what each function writes.
package replylib

import (
	"encoding/json"
	"net/http"
)

// JSON writes v as the body, with the status code.
func JSON(w http.ResponseWriter, code int, v any) { // want JSON:`summary\(body=2 status=1 json=2@p1\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}
