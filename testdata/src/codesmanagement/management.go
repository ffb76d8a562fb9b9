// Package codesmanagement writes error bodies under the management
// contract, whose code is error.code, or code at the top of the body.
package codesmanagement

import (
	"encoding/json"
	"net/http"
)

type apiError struct {
	Code       string `json:"code"`
	Message    string `json:"message"`
	RetryAfter int    `json:"retry_after,omitempty"`
}

type document struct {
	Error apiError `json:"error"`
}

func wrapped(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(document{Error: apiError{Code: "notfound", Message: "no such project"}}) // want `^code notfound is not documented for 404 by the management contract \(not_found resource_not_found\)$`
}

func topLevel(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTooManyRequests)
	json.NewEncoder(w).Encode(map[string]any{"code": "slow_down", "retry_after": 30}) // want `^code slow_down is not documented for 429 by the management contract \(rate_limit_exceeded\)$`
}

func wrappedMap(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusConflict)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"code": "exists", "message": "name taken"}}) // want `^code exists is not documented for 409 by the management contract \(conflict duplicate_name\)$`
}

func documented(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusConflict)
	json.NewEncoder(w).Encode(document{Error: apiError{Code: "duplicate_name", Message: "name taken"}})
}

func rateLimited(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTooManyRequests)
	json.NewEncoder(w).Encode(map[string]any{"code": "rate_limit_exceeded", "retry_after": 30})
}

// otherShapes holds no management code: contentful's sys.id, a code
// deeper than the error object.
func otherShapes(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]any{"sys": map[string]any{"type": "Error", "id": "NotFoundError"}})
}

func nested(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"details": map[string]any{"code": "E1"}}})
}

func success(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(map[string]any{"code": "created"})
}
