// Package usesteam uses teamerr's canonical errors: the directives reach
// it as facts.
package usesteam

import (
	"errors"
	"fmt"
	"net/http"

	"teamerr"
)

func load() error { return errors.New("db down") }

func good(w http.ResponseWriter, r *http.Request) {
	if err := load(); err != nil {
		teamerr.Write(w, teamerr.Internal(err))
		return
	}
	teamerr.Write(w, teamerr.NotFound("no such item"))
}

func publicText(w http.ResponseWriter, r *http.Request) {
	var inv *teamerr.Invalid
	if err := load(); errors.As(err, &inv) {
		teamerr.Write(w, teamerr.NotFound(inv.Error()))
		fmt.Fprintf(w, "%v", inv)
	}
}

func leakThroughConstructor(w http.ResponseWriter, r *http.Request) {
	err := load()
	teamerr.Write(w, teamerr.NotFound(err.Error())) // want `^error text from err.Error\(\) reaches the response body via teamerr.NotFound$`
}

func leakThroughConstructorLocal(w http.ResponseWriter, r *http.Request) {
	err := load()
	msg := fmt.Sprintf("lookup: %v", err)
	teamerr.Write(w, teamerr.NotFound(msg)) // want `^error text from err reaches the response body via teamerr.NotFound$`
}

func undocumentedConstructor(w http.ResponseWriter, r *http.Request) {
	teamerr.Write(w, teamerr.Unavailable("maintenance")) // want `^status 503 is not documented by the contentful contract`
}

func raw(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no", http.StatusForbidden) // want `^http.Error bypasses`
}
