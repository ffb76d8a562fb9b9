// Package chierr renders errors the way go-chi/render's example does: an
// ErrResponse whose Render method sets the status from a field, and whose
// encoded fields are the ones without json:"-".
package chierr

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/render"
)

type ErrResponse struct {
	Err            error `json:"-"` // logged, not encoded
	HTTPStatusCode int   `json:"-"`

	StatusText string `json:"status"`
	ErrorText  string `json:"error,omitempty"`
	debug      string // unexported: not encoded
}

func (e *ErrResponse) Render(w http.ResponseWriter, r *http.Request) error {
	render.Status(r, e.HTTPStatusCode)
	return nil
}

func Routes() chi.Router {
	r := chi.NewRouter()
	r.Get("/articles/{id}", getArticle)
	return r
}

func find(id int64) error { return errors.New("no row " + strconv.FormatInt(id, 10)) }

func getArticle(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		// Only Err and debug carry the error: neither is encoded.
		render.Render(w, r, &ErrResponse{Err: err, HTTPStatusCode: 400, StatusText: "Invalid request.", debug: err.Error()}) // want `^render.Render bypasses the canonical error constructors`
		return
	}
	if err := find(id); err != nil {
		render.Render(w, r, &ErrResponse{Err: err, ErrorText: err.Error(), HTTPStatusCode: http.StatusInternalServerError, StatusText: "Server error."}) // want `^render.Render bypasses the canonical error constructors` `^error text from err.Error\(\) reaches the response body via render.Render$`
		return
	}
	if id > 1000 {
		code := http.StatusTeapot
		render.Render(w, r, &ErrResponse{HTTPStatusCode: code, StatusText: "Too large."}) // want `^render.Render bypasses` `^status 418 is not documented by the contentful contract`
		return
	}
	render.Render(w, r, &ErrResponse{HTTPStatusCode: http.StatusOK, StatusText: "found"})
}
