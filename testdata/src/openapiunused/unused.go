package openapiunused

// openapiunused serves two of the three operations of openapi.yaml. With
// unused-documented-status enabled, the operation no route serves is
// reported at its method key in the spec, and a status an operation
// documents that its handler never writes at the route's registration.

import "net/http"

func routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /links/{id}", getLink)
	mux.HandleFunc("DELETE /links/{id}", deleteLink)
}

// getLink writes every status its operation documents.
func getLink(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("id") == "" {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	w.Write([]byte("{}"))
}

// deleteLink never writes its operation's 404.
func deleteLink(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}
