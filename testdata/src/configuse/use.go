// Package configuse uses configlib, whose errcontract.yaml entries reach it
// as facts.
package configuse

import (
	"errors"
	"fmt"
	"net/http"

	"configlib"
)

func load() error { return errors.New("db down") }

func good(w http.ResponseWriter, r *http.Request) {
	if err := load(); err != nil {
		configlib.Write(w, configlib.Internal(err))
		return
	}
	configlib.Write(w, configlib.NotFound("no such item"))
}

func method(w http.ResponseWriter, r *http.Request) {
	configlib.Responder{}.Error(w, configlib.NotFound("no such item"))
}

func leak(w http.ResponseWriter, r *http.Request) {
	if err := load(); err != nil {
		configlib.Write(w, configlib.NotFound(err.Error())) // want `^error text from err.Error\(\) reaches the response body via configlib.NotFound$`
	}
}

func publicText(w http.ResponseWriter, r *http.Request) {
	var inv *configlib.Invalid
	if err := load(); errors.As(err, &inv) {
		configlib.Write(w, configlib.NotFound(inv.Error()))
	}
}

func publicFormatted(w http.ResponseWriter, r *http.Request) {
	var inv *configlib.Invalid
	if err := load(); errors.As(err, &inv) {
		fmt.Fprintf(w, "%v", inv)
	}
}
