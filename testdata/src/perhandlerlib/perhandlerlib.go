// Package perhandlerlib holds response helpers that the perhandler
// packages call. Their summaries travel as facts: a status parameter, and
// the constant statuses a helper writes inside, which are checked against
// the contract of the handler that calls it.
package perhandlerlib

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// Conflict answers 409 with no body: the status is fixed inside.
func Conflict(w http.ResponseWriter) { // want Conflict:`summary\(statuses=409 writes-error\)`
	w.WriteHeader(http.StatusConflict)
}

// TooManyRequests answers 429 and tells the client when to retry.
func TooManyRequests(w http.ResponseWriter, retryAfter int) { // want TooManyRequests:`summary\(statuses=429 writes-error\)`
	w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
	w.WriteHeader(http.StatusTooManyRequests)
}

// RequireMethod answers 405 when the request's method is not allowed. It
// writes only sometimes, so it is not an error response of its own; its
// status is still one its callers can write. The helper has no contract of
// its own: the API-wide one applies where it writes.
func RequireMethod(w http.ResponseWriter, r *http.Request, method string) bool { // want RequireMethod:`summary\(statuses=405\)`
	if r.Method != method {
		w.Header().Set("Allow", method)
		w.WriteHeader(http.StatusMethodNotAllowed) // want `^status 405 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
		return false
	}
	return true
}

// Status answers code with no body.
func Status(w http.ResponseWriter, code int) { // want Status:`summary\(status=1\)`
	w.WriteHeader(code)
}

// JSON writes v as the JSON body with status.
func JSON(w http.ResponseWriter, status int, v any) { // want JSON:`summary\(body=2 status=1 json=2@p1\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
