// Package chimux serves a tag API on chi and a feed API on gorilla/mux.
// Both routers take plain net/http handlers, so the net/http rules apply to
// them unchanged.
package chimux

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/errcontract/errcontract/apierror"
)

type Tag struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

var (
	errNoTag  = errors.New("tag not found") // want errNoTag:`sentinel`
	errTagged = errors.New("tag exists")    // want errTagged:`sentinel`
)

type tagStore interface {
	Tag(ctx context.Context, name string) (*Tag, error)
	Create(ctx context.Context, name string) (*Tag, error)
	Delete(ctx context.Context, name string) error
}

type TagAPI struct {
	Tags tagStore
	Log  *slog.Logger
}

func (a *TagAPI) Router() http.Handler { // want Router:`summary\(statuses=404,405\)`
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Recoverer, a.recoverWithDetail)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no such route", http.StatusNotFound) // want `^http.Error bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed) // want `^http.Error bypasses` `^status 405 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
	})
	r.Route("/tags", func(r chi.Router) {
		r.Post("/", a.createTag)
		r.Get("/{name}", a.getTag)
		r.Delete("/{name}", a.deleteTag)
	})
	return r
}

// recoverWithDetail runs inside chi's Recoverer, which answers a panic with
// a bare 500; this one writes the panic value.
func (a *TagAPI) recoverWithDetail(next http.Handler) http.Handler { // want recoverWithDetail:`summary\(statuses=500\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if rec := recover(); rec != nil {
				a.Log.Error("panic", "path", r.URL.Path, "value", rec)
				w.WriteHeader(http.StatusInternalServerError) // want `^WriteHeader\(500\) with a hand-written body bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
				fmt.Fprintf(w, "internal error: %v", rec)     // want `^error text from recover\(\) reaches the response body via fmt.Fprintf$`
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func (a *TagAPI) getTag(w http.ResponseWriter, r *http.Request) {
	tag, err := a.Tags.Tag(r.Context(), chi.URLParam(r, "name"))
	if errors.Is(err, errNoTag) {
		apierror.Write(w, r, apierror.NotFound("no such tag"))
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `^http.Error bypasses` `^error text from err.Error\(\) reaches the response body via http.Error$`
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(tag)
}

func (a *TagAPI) createTag(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Name string `json:"name"`
	}
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		apierror.Write(w, r, apierror.BadRequest("the body must be {\"name\": string}").WithCause(err))
		return
	}
	tag, err := a.Tags.Create(r.Context(), in.Name)
	if errors.Is(err, errTagged) {
		w.WriteHeader(http.StatusConflict) // want `^WriteHeader\(409\) with a hand-written body`
		json.NewEncoder(w).Encode(map[string]string{"error": "tag exists"})
		return
	}
	if err != nil {
		a.Log.Error("create tag", "name", in.Name, "err", err)
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError) // want `^http.Error bypasses`
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(tag)
}

func (a *TagAPI) deleteTag(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Role") != "admin" {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	if err := a.Tags.Delete(r.Context(), chi.URLParam(r, "name")); err != nil {
		a.Log.Error("delete tag", "err", err)
		apierror.Write(w, r, apierror.Internal(err))
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
