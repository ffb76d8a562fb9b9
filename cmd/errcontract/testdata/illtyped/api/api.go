// Package api is well-typed, but imports a package that is not.
package api

import (
	"net/http"

	"example.com/illtyped/store"
)

func get(w http.ResponseWriter, r *http.Request) {
	item, err := store.Load(r.PathValue("id"))
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	w.Write([]byte(item))
}
