// Package handlers holds the handlers of example.com/openapiapp, whose
// routes its main package registers. Each exported handler's statuses are
// a fact, checked where its route is registered.
package handlers

import "net/http"

func GetLink(w http.ResponseWriter, r *http.Request) { // want GetLink:`writes\(404,409,500\)`
	switch r.URL.Query().Get("case") {
	case "missing":
		http.Error(w, "no such link", http.StatusNotFound)
	case "taken":
		writeStatus(w, http.StatusConflict)
	default:
		w.WriteHeader(http.StatusInternalServerError)
	}
}

func writeStatus(w http.ResponseWriter, status int) { w.WriteHeader(status) } // want writeStatus:`summary\(status=1\)`

// Links serves links from a store: its handlers are method values.
type Links struct{ n int }

func (l *Links) Delete(w http.ResponseWriter, r *http.Request) { // want Delete:`writes\(204\)`
	w.WriteHeader(http.StatusNoContent)
}

func (l *Links) Create(w http.ResponseWriter, r *http.Request) { // want Create:`writes\(201,400,409,502\)`
	if r.ContentLength == 0 {
		http.Error(w, "empty", http.StatusBadRequest)
		return
	}
	if l.n > 10 {
		http.Error(w, "full", http.StatusBadGateway)
		return
	}
	if r.URL.Query().Has("dup") {
		http.Error(w, "taken", http.StatusConflict)
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// Proxy writes a status the analysis cannot resolve.
func Proxy(w http.ResponseWriter, r *http.Request) { // want Proxy:`writes\(\) unknown`
	w.WriteHeader(len(r.URL.Path))
}

// unexported handlers cannot be registered by another package: no fact.
func health(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot) // want `status 418 is not documented by the contentful contract`
}
