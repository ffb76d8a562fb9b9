package api

import (
	"encoding/json"
	"log/slog"
	"net/http"
)

// apiError is an error response in the format the API documents:
//
//	{"sys": {"type": "Error", "id": "NotFoundError"}, "message": "item not found"}
type apiError struct {
	status  int
	cause   error    // logged, never sent
	Sys     errorSys `json:"sys"`
	Message string   `json:"message"`
}

// WithCause returns a copy of e that carries cause for the server log.
func (e *apiError) WithCause(cause error) *apiError {
	c := *e
	c.cause = cause
	return &c
}

type errorSys struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

func newAPIError(status int, id, message string) *apiError {
	return &apiError{status: status, Sys: errorSys{Type: "Error", ID: id}, Message: message}
}

//errcontract:constructor 400 BadRequestError
func badRequest(message string) *apiError {
	return newAPIError(http.StatusBadRequest, "BadRequestError", message)
}

//errcontract:constructor 404 NotFoundError
func notFound(message string) *apiError {
	return newAPIError(http.StatusNotFound, "NotFoundError", message)
}

//errcontract:constructor 422 ValidationFailedError
func validationFailed(message string) *apiError {
	return newAPIError(http.StatusUnprocessableEntity, "ValidationFailedError", message)
}

// serverError is the response to failures the client cannot act on; the
// handler logs the cause.
//
//errcontract:constructor 500 ServerError
func serverError() *apiError {
	return newAPIError(http.StatusInternalServerError, "ServerError", "the server could not complete the request")
}

// writeError sends e as the whole response.
//
//errcontract:writer
func writeError(w http.ResponseWriter, e *apiError) {
	if e.cause != nil {
		slog.Error("request failed", "status", e.status, "id", e.Sys.ID, "cause", e.cause)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(e.status)
	json.NewEncoder(w).Encode(e)
}
