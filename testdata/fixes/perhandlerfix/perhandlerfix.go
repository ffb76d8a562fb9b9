// Package perhandlerfix documents statuses per handler: fixes add the
// status a handler writes to its annotations.
package perhandlerfix

import "net/http"

// getItem answers one item.
//
// @Summary Get an item
// @Success 200 {object} string
// @Failure 404 {object} string
// @Router /items/{id} [get]
func getItem(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("stale") {
		w.WriteHeader(http.StatusConflict) // want `^status 409 is not documented by handler getItem \(200 404\)$`
		return
	}
	w.WriteHeader(http.StatusNotFound)
}

// putItem stores an item.
//
//errcontract:statuses 204 400
func putItem(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength == 0 {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	if r.Header.Get("If-Match") == "" {
		w.WriteHeader(http.StatusUnprocessableEntity) // want `^status 422 is not documented by handler putItem \(204 400\)$`
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
