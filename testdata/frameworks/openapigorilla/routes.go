// Package openapigorilla registers net/http handlers on gorilla/mux, with
// Methods and a PathPrefix subrouter, and is checked against
// ../openapispec/links.yaml.
package openapigorilla

import (
	"net/http"

	"github.com/gorilla/mux"
)

func Router() *mux.Router {
	r := mux.NewRouter()
	api := r.PathPrefix("/v1").Subrouter()
	api.HandleFunc("/links/{id:[0-9]+}", getLink).Methods("GET")
	api.HandleFunc("/links/{id}", deleteLink).Methods(http.MethodDelete)
	api.HandleFunc("/links", createLink).Methods("POST")
	api.Path("/links/{id}").Methods("PUT").HandlerFunc(getLink) // want `^route PUT /v1/links/\{id\} is not in the OpenAPI spec \.\./openapispec/links\.yaml$`
	admin := api.PathPrefix("/admin").Subrouter()
	admin.HandleFunc("/stats", stats)
	r.HandleFunc("/v1/tags", listTags).Methods("GET") // want `^route GET /v1/tags is not in the OpenAPI spec \.\./openapispec/links\.yaml$`
	return r
}

func getLink(w http.ResponseWriter, r *http.Request) {
	switch mux.Vars(r)["id"] {
	case "0":
		http.Error(w, "no such link", http.StatusNotFound)
	case "1":
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
