package codescontensis // want package:`directives`

// codescontensis writes contensis bodies, which hold no code:
// "type" is always "error".

import (
	"encoding/json"
	"net/http"
)

type apiError struct{ code string }

func (e *apiError) Error() string { return e.code }

//errcontract:constructor 404 Missing // want `^code Missing is not documented for 404 by the contensis contract \(NotFound\)$`
func missing() *apiError { // want missing:`constructor\(404 Missing\)`
	return &apiError{"Missing"}
}

func body(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]any{
		"logId":   "63cb1df0-b82a-459e-accc-635e187f3b8b",
		"message": "no such entry",
		"type":    "error",
		"code":    "Missing",
		"sys":     map[string]any{"id": "Missing"},
	})
}
