// Package codesteam writes JSON:API error objects under a team's contract
// that documents codes: an error object's code member is checked.
package codesteam

import (
	"encoding/json"
	"net/http"
)

type errorObject struct {
	Status string `json:"status"`
	Code   string `json:"code,omitempty"`
	Title  string `json:"title"`
}

type document struct {
	Errors []*errorObject `json:"errors"`
}

func each(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/vnd.api+json")
	w.WriteHeader(http.StatusUnprocessableEntity)
	json.NewEncoder(w).Encode(document{Errors: []*errorObject{
		{Status: "422", Code: "missing_attribute", Title: "name is required"},
		{Status: "422", Code: "too_long", Title: "title is too long"}, // want `^code too_long is not documented for 422 by the errcontract.yaml contract \(invalid_attribute missing_attribute\)$`
	}})
}

func maps(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]string{{"status": "404", "code": "not_found", "title": "no such article"}}, // want `^code not_found is not documented for 404 by the errcontract.yaml contract \(resource_missing\)$`
	})
}

// noCodes writes statuses the contract documents no codes for.
func noCodes(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(document{Errors: []*errorObject{{Status: "400", Code: "anything", Title: "bad"}}})
}

// topLevel is not where JSON:API puts a code.
func topLevel(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]any{"code": "not_found"})
}
