package codesnoformat // want package:`directives`

// codesnoformat has a contract with codes and no format: its
// constructors' codes are checked, its bodies' are not.

import (
	"encoding/json"
	"net/http"
)

type apiError struct{ code string }

func (e *apiError) Error() string { return e.code }

//errcontract:constructor 404 missing // want `^code missing is not documented for 404 by the errcontract.yaml contract \(not_found\)$`
func missing() *apiError { // want missing:`constructor\(404 missing\)`
	return &apiError{"missing"}
}

func bodies(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]any{
		"code":  "missing",
		"error": map[string]any{"code": "missing"},
		"sys":   map[string]any{"id": "missing"},
	})
}
