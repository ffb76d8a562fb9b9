// Package builders holds handlers that send error text through a response
// builder and through response values built before they are written.
package builders

import (
	"encoding/json"
	"net/http"
	"os"

	"example.com/respond"
)

func chained(w http.ResponseWriter, r *http.Request) {
	if _, err := os.Stat("x"); err != nil {
		respond.New(w, r).WithStatus(500).WithBody(respond.ErrorJSON(err)).Write() // want `^error text from respond.ErrorJSON\(err\) reaches the response body via \(\*respond.Builder\).Write$`
	}
}

func chainedConstant(w http.ResponseWriter, r *http.Request) {
	respond.New(w, r).WithStatus(500).WithBody([]byte(`{"error":"internal"}`)).Write()
}

func throughAVariable(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	b := respond.New(w, r)
	b.WithStatus(500)
	b.WithJSON(map[string]string{"error": err.Error()})
	b.Write() // want `^error text from err.Error\(\) reaches the response body via b.Write$`
}

func throughAVariableConstant(w http.ResponseWriter, r *http.Request) {
	b := respond.New(w, r)
	b.WithJSON(map[string]string{"error": "internal"})
	b.Write()
}

type detail struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

type errorResponse struct {
	Message string   `json:"message"`
	Details []detail `json:"details"`
}

func valueEncodedLater(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	resp := errorResponse{Message: err.Error()}
	w.WriteHeader(http.StatusInternalServerError) // want `^WriteHeader\(500\) with a hand-written body bypasses`
	json.NewEncoder(w).Encode(resp)               // want `^error text from err.Error\(\) reaches the response body via json.NewEncoder\(w\).Encode$`
}

func nestedValue(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	resp := &errorResponse{Message: "invalid input", Details: []detail{{Field: "name", Message: err.Error()}}}
	w.WriteHeader(http.StatusBadRequest) // want `^WriteHeader\(400\) with a hand-written body bypasses`
	json.NewEncoder(w).Encode(resp)      // want `^error text from err.Error\(\) reaches the response body via json.NewEncoder\(w\).Encode$`
}

func mapOfSlices(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	body := map[string][]string{"errors": {err.Error()}}
	w.WriteHeader(http.StatusBadRequest) // want `^WriteHeader\(400\) with a hand-written body bypasses`
	json.NewEncoder(w).Encode(body)      // want `^error text from err.Error\(\) reaches the response body via json.NewEncoder\(w\).Encode$`
}

func valueWithConstants(w http.ResponseWriter, r *http.Request) {
	resp := errorResponse{Message: "invalid input", Details: []detail{{Field: "name", Message: "required"}}}
	w.WriteHeader(http.StatusBadRequest) // want `^WriteHeader\(400\) with a hand-written body bypasses`
	json.NewEncoder(w).Encode(resp)
}
