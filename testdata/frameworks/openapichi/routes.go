// Package openapichi registers net/http handlers on chi, under the
// prefixes of Route, Group and Mount, and is checked against
// ../openapispec/links.yaml, whose server's base path is /v1.
package openapichi

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func Router() http.Handler {
	r := chi.NewRouter()
	r.Route("/v1", func(r chi.Router) {
		r.Get("/links/{id}", getLink)
		r.Group(func(r chi.Router) {
			r.Delete("/links/{id}", deleteLink)
		})
		r.Post("/links", createLink)
		r.Get("/tags", listTags) // want `^route GET /v1/tags is not in the OpenAPI spec \.\./openapispec/links\.yaml$`
	})
	r.Mount("/v1/admin", adminRouter())
	r.Get("/links/{id}", getLink) // want `^route GET /links/\{id\} is not in the OpenAPI spec \.\./openapispec/links\.yaml$`
	return r
}

func adminRouter() chi.Router {
	r := chi.NewRouter()
	r.Get("/stats", stats)
	r.Get("/users", listTags) // want `^route GET /v1/admin/users is not in the OpenAPI spec \.\./openapispec/links\.yaml$`
	return r
}

func getLink(w http.ResponseWriter, r *http.Request) {
	switch chi.URLParam(r, "id") {
	case "":
		http.Error(w, "no such link", http.StatusNotFound)
	case "taken":
		http.Error(w, "taken", http.StatusConflict) // want `^status 409 is not documented by operation getLink \(200 404 500\)$`
	}
}

func deleteLink(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "locked", http.StatusLocked)
	http.Error(w, "down", http.StatusServiceUnavailable) // want `^status 503 is not documented by operation DELETE /links/\{id\} \(204 4XX\)$`
}

func createLink(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "bad", http.StatusBadRequest)
	http.Error(w, "too many", http.StatusTooManyRequests) // want `^status 429 is not documented by operation createLink \(201 400 500\)$`
}

func stats(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "down", http.StatusServiceUnavailable)
}

func listTags(w http.ResponseWriter, r *http.Request) {}
