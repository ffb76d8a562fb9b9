// Package plumbingrest holds error text carried to a write by the rest of
// Go's ordinary plumbing: wrapped and joined errors, generic and variadic
// helpers, embedded types, and helpers that return a status and a message
// computed from the error.
package plumbingrest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
)

var errBusy = errors.New("busy") // want errBusy:`sentinel`

func wrapped(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	e := fmt.Errorf("stat: %w", err)
	io.WriteString(w, e.Error()) // want `^error text from e.Error\(\) reaches the response body via io.WriteString$`
}

func wrappedSentinel(w http.ResponseWriter, r *http.Request) {
	e := fmt.Errorf("try later: %w", errBusy)
	io.WriteString(w, e.Error()) // the module's sentinel, wrapped in constant text
}

func joined(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	e := errors.Join(errBusy, err)
	io.WriteString(w, e.Error()) // want `^error text from e.Error\(\) reaches the response body via io.WriteString$`
}

// show writes v as fmt prints it, whatever its type.
func show[T any](w http.ResponseWriter, v T) { // want show:`summary\(body=1\)`
	fmt.Fprint(w, v)
}

func genericHelper(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	show(w, err.Error()) // want `^error text from err.Error\(\) reaches the response body via show$`
	show(w, 42)
	show[string](w, "no such link")
}

// lines writes each message on a line of its own.
func lines(w http.ResponseWriter, msgs ...string) { // want lines:`summary\(body=1\)`
	for _, m := range msgs {
		io.WriteString(w, m+"\n")
	}
}

func variadicHelper(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	lines(w, "failed:", err.Error()) // want `^error text from err.Error\(\) reaches the response body via lines$`
	lines(w, "failed:", "try again")
}

type base struct{}

// fail writes msg as the body of a response with the status.
func (base) fail(w http.ResponseWriter, status int, msg string) { // want fail:`summary\(body=2 status=1\)`
	w.WriteHeader(status)
	io.WriteString(w, msg)
}

// api gets fail from the type it embeds.
type api struct {
	base
}

func (a api) promotedMethod(w http.ResponseWriter, r *http.Request) {
	if _, err := os.Stat("x"); err != nil {
		a.fail(w, http.StatusInternalServerError, err.Error()) // want `^error text from err.Error\(\) reaches the response body via a.fail$`
		return
	}
	a.fail(w, http.StatusNotFound, "no such link")
}

type detail struct {
	Message string `json:"message"`
}

// problem gets its message from the struct it embeds.
type problem struct {
	detail
	Status int `json:"status"`
}

func embeddedField(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	json.NewEncoder(w).Encode(problem{detail: detail{Message: err.Error()}, Status: 500}) // want `^error text from err.Error\(\) reaches the response body via json.NewEncoder\(w\).Encode$`
	json.NewEncoder(w).Encode(problem{detail: detail{Message: "internal error"}, Status: 500})
}

// classify returns the status and message for err, the message made from
// its text.
func classify(err error) (int, string) { // want classify:`summary\(result=text returns\[0\]=500\)`
	return http.StatusInternalServerError, "failed: " + err.Error()
}

// classifyQuietly returns the status and message for err, both its own.
func classifyQuietly(err error) (int, string) { // want classifyQuietly:`summary\(returns\[0\]=404,500\)`
	if errors.Is(err, os.ErrNotExist) {
		return http.StatusNotFound, "no such file"
	}
	return http.StatusInternalServerError, "internal error"
}

func statusAndMessage(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	code, msg := classify(err)
	w.WriteHeader(code)
	io.WriteString(w, msg) // want `^error text from classify\(err\) reaches the response body via io.WriteString$`
}

func statusAndOwnMessage(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	code, msg := classifyQuietly(err)
	w.WriteHeader(code)
	io.WriteString(w, msg)
}
