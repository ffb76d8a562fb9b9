// Package handlers serves items with teamerr's canonical errors, and breaks
// the contract once per way of breaking it.
package handlers

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/errcontract/errcontract/testdata/integration/teamerr"
)

type item struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

var errNoItem = errors.New("no such item")

func find(id string) (*item, error) {
	if id == "" {
		return nil, errNoItem
	}
	return nil, fmt.Errorf("items table: connection refused looking up %q", id)
}

// Get writes every error through teamerr: nothing to report.
func Get(w http.ResponseWriter, r *http.Request) {
	it, err := find(r.PathValue("id"))
	if errors.Is(err, errNoItem) {
		teamerr.Write(w, teamerr.NotFound("no such item"))
		return
	}
	if err != nil {
		teamerr.Write(w, teamerr.Internal(err))
		return
	}
	json.NewEncoder(w).Encode(it)
}

// Delete answers by hand, with the lookup's error text in the body.
func Delete(w http.ResponseWriter, r *http.Request) {
	if _, err := find(r.PathValue("id")); err != nil {
		http.Error(w, err.Error(), http.StatusNotFound) // findings: raw-http-error error-leak
		return
	}
	w.WriteHeader(http.StatusNoContent) // findings under -contract=jsonapi: undocumented-status
}

// Rename passes the error text to a canonical constructor, whose message
// parameter is shown to clients.
func Rename(w http.ResponseWriter, r *http.Request) {
	if _, err := find(r.PathValue("id")); err != nil {
		teamerr.Write(w, teamerr.NotFound(err.Error())) // findings: error-leak
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Archive uses a constructor whose status the contract does not document.
func Archive(w http.ResponseWriter, r *http.Request) {
	teamerr.Write(w, teamerr.Gone("archived items are removed")) // findings: undocumented-status
}

// Legacy keeps plain-text errors on purpose: its findings are ignored or
// excluded, each the way its driver allows.
func Legacy(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		//errcontract:ignore raw-http-error -- the v1 endpoint keeps its plain-text errors
		http.Error(w, "method not allowed", http.StatusBadRequest)
		return
	}
	if r.URL.Query().Has("maintenance") {
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable) //nolint:errcontract // findings: raw-http-error undocumented-status
		return
	}
	//errcontract:ignore error-leak -- nothing leaks below, so this is reported // findings: directive
	fmt.Fprintln(w, "v1")
}
