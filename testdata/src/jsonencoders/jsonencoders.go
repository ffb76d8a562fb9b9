// Package jsonencoders holds handlers that encode their responses with
// JSON packages other than encoding/json.
package jsonencoders

import (
	"bytes"
	"net/http"
	"os"

	sonic "github.com/bytedance/sonic"
	goccy "github.com/goccy/go-json"
	jsoniter "github.com/json-iterator/go"
	segment "github.com/segmentio/encoding/json"
)

type errorBody struct {
	Message string `json:"message"`
}

// respondError marshals its body with jsoniter and writes the bytes.
func respondError(w http.ResponseWriter, status int, msg string) { // want respondError:`summary\(body=2 status=1\)`
	b, _ := jsoniter.Marshal(errorBody{Message: msg})
	w.WriteHeader(status)
	w.Write(b)
}

func jsoniterMarshalHelper(w http.ResponseWriter, r *http.Request) {
	if _, err := os.Stat("x"); err != nil {
		respondError(w, http.StatusInternalServerError, err.Error()) // want `^error text from err.Error\(\) reaches the response body via respondError$`
		return
	}
	respondError(w, http.StatusNotFound, "no such link")
}

func jsoniterCompatible(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	b, _ := jsoniter.ConfigCompatibleWithStandardLibrary.Marshal(errorBody{Message: err.Error()})
	w.Write(b) // want `^error text from err.Error\(\) reaches the response body via w.Write$`
}

func jsoniterToString(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	s, _ := jsoniter.MarshalToString(map[string]string{"error": err.Error()})
	w.Write([]byte(s)) // want `^error text from err.Error\(\) reaches the response body via w.Write$`
}

func jsoniterEncoder(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	jsoniter.NewEncoder(w).Encode(errorBody{Message: err.Error()}) // want `^error text from err.Error\(\) reaches the response body via jsoniter.NewEncoder\(w\).Encode$`
}

func jsoniterAPIEncoder(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	jsoniter.ConfigDefault.NewEncoder(w).Encode(errorBody{Message: err.Error()}) // want `^error text from err.Error\(\) reaches the response body via jsoniter.ConfigDefault.NewEncoder\(w\).Encode$`
}

func goccyMarshal(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	b, _ := goccy.MarshalWithOption(errorBody{Message: err.Error()})
	w.Write(b) // want `^error text from err.Error\(\) reaches the response body via w.Write$`
}

func goccyEncoder(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	goccy.NewEncoder(w).Encode(errorBody{Message: err.Error()}) // want `^error text from err.Error\(\) reaches the response body via goccy.NewEncoder\(w\).Encode$`
}

func sonicMarshalString(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	s, _ := sonic.MarshalString(errorBody{Message: err.Error()})
	w.Write([]byte(s)) // want `^error text from err.Error\(\) reaches the response body via w.Write$`
}

func sonicAPIEncoder(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	sonic.ConfigStd.NewEncoder(w).Encode(errorBody{Message: err.Error()}) // want `^error text from err.Error\(\) reaches the response body via sonic.ConfigStd.NewEncoder\(w\).Encode$`
}

func segmentAppend(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	b, _ := segment.Append(nil, errorBody{Message: err.Error()}, 0)
	w.Write(b) // want `^error text from err.Error\(\) reaches the response body via w.Write$`
}

func segmentEncoder(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	segment.NewEncoder(w).Encode(errorBody{Message: err.Error()}) // want `^error text from err.Error\(\) reaches the response body via segment.NewEncoder\(w\).Encode$`
}

// Negative cases: a message of the handler's own, and an encoder that
// writes to a buffer, not to the response.

func constantMessages(w http.ResponseWriter, r *http.Request) {
	if _, err := os.Stat("x"); err != nil {
		b, _ := jsoniter.Marshal(errorBody{Message: "internal error"})
		w.Write(b)
		s, _ := sonic.MarshalString(errorBody{Message: "internal error"})
		w.Write([]byte(s))
		goccy.NewEncoder(w).Encode(errorBody{Message: "internal error"})
		segment.NewEncoder(w).Encode(errorBody{Message: "internal error"})
		return
	}
}

func encodedToABuffer(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	var buf bytes.Buffer
	jsoniter.NewEncoder(&buf).Encode(errorBody{Message: err.Error()})
	goccy.NewEncoder(&buf).Encode(errorBody{Message: err.Error()})
	w.Write([]byte("done"))
}

// An encoder's own error names Go types, not the client's input, and the
// encoding it returns with it carries none of its text.
func encodeErrorIsNotInput(w http.ResponseWriter, r *http.Request) {
	b, err := jsoniter.Marshal(errorBody{Message: "ok"})
	if err != nil {
		w.Write([]byte(err.Error())) // want `^error text from err.Error\(\) reaches the response body via w.Write$`
		return
	}
	w.Write(b)
}
