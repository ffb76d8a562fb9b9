// Package httperr is the notes service's own error helper package: it
// declares nothing to errcontract in its code, and the service's
// errcontract.yaml names its writers.
package httperr

import (
	"encoding/json"
	"net/http"
)

// body is an error response in the format the API documents:
//
//	{"sys": {"type": "Error", "id": "NotFoundError"}, "message": "note not found"}
type body struct {
	Sys     sys    `json:"sys"`
	Message string `json:"message"`
}

type sys struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// ids are the error codes of the statuses the service writes.
var ids = map[int]string{
	http.StatusBadRequest:          "BadRequestError",
	http.StatusNotFound:            "NotFoundError",
	http.StatusConflict:            "VersionMismatchError",
	http.StatusUnprocessableEntity: "ValidationFailedError",
	http.StatusInternalServerError: "ServerError",
}

// Write writes an error response of status with a client-safe message.
func Write(w http.ResponseWriter, status int, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body{Sys: sys{Type: "Error", ID: ids[status]}, Message: message})
}

// NotFound writes a 404 for what the client asked for.
func NotFound(w http.ResponseWriter, what string) {
	http.Error(w, what+" not found", http.StatusNotFound)
}

// JSON writes v as a successful response.
func JSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
