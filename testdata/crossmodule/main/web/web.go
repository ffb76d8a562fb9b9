// Package web uses the shared module's error package, which its module's
// errcontract.yaml declares.
package web

import (
	"errors"
	"net/http"

	"example.com/shared/httpx"
)

func find(id string) error { return errors.New("no row " + id) }

func get(w http.ResponseWriter, r *http.Request) {
	if err := find(r.URL.Path); err != nil {
		httpx.Send(w, httpx.Missing(err.Error())) // want `^error text from err\.Error\(\) reaches the response body via httpx\.Missing$`
		return
	}
	httpx.Send(w, httpx.Gone("moved")) // want `^status 410 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
}

func validate(w http.ResponseWriter, r *http.Request) {
	err := &httpx.Invalid{Field: "name"}
	http.Error(w, err.Error(), http.StatusNotFound) // want `^http\.Error bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
}
