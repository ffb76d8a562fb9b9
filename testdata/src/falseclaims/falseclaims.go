// Package falseclaims holds handlers about which a flow-insensitive or
// order-dependent analysis of error text would claim what is not so, with
// the true findings next to them.
package falseclaims

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
)

// sign returns a token, or an error that carries an os error's text.
// The token never holds that text.
func sign(user string) (string, error) { // want sign:`summary\(result=0\)`
	key, err := os.ReadFile("key")
	if err != nil {
		return "", fmt.Errorf("read key: %w", err)
	}
	return user + "." + strconv.Itoa(len(key)), nil
}

// describe returns text made from the error it is given.
func describe(err error) (string, error) { // want describe:`summary\(result=text\)`
	return "failed: " + err.Error(), nil
}

func tokenIsNoErrorText(w http.ResponseWriter, r *http.Request) {
	tok, err := sign(r.FormValue("user"))
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	io.WriteString(w, tok)
}

func describedErrorText(w http.ResponseWriter, r *http.Request) {
	_, err := os.Open("x")
	msg, _ := describe(err)
	io.WriteString(w, msg) // want `^error text from describe\(err\) reaches the response body via io.WriteString$`
}

type message struct {
	Message string `json:"message"`
}

// reply writes m with the status.
func reply(w http.ResponseWriter, m message, status int) { // want reply:`summary\(body=1 status=2 json=1@p2\)`
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(m)
}

func fieldSetInABranchThatReturns(w http.ResponseWriter, r *http.Request) {
	var msg message
	if _, err := os.Stat("x"); err != nil {
		msg.Message = err.Error()
		reply(w, msg, http.StatusInternalServerError) // want `^error text from err.Error\(\) reaches the response body via reply$`
		return
	}
	msg.Message = "ok"
	reply(w, msg, http.StatusOK)
}

func fieldSetInABranchThatGoesOn(w http.ResponseWriter, r *http.Request) {
	var msg message
	if _, err := os.Stat("x"); err != nil {
		msg.Message = err.Error() // no return: the write below may send it
	}
	reply(w, msg, http.StatusOK) // want `^error text from err.Error\(\) reaches the response body via reply$`
}

func fieldSetInABranchThatBreaksOut(w http.ResponseWriter, r *http.Request) {
	var msg message
	for range 3 {
		if _, err := os.Stat("x"); err != nil {
			msg.Message = err.Error()
			if r.URL.Path == "/" {
				break // leaves the loop, and the block, without returning
			}
			return
		}
	}
	reply(w, msg, http.StatusOK) // want `^error text from err.Error\(\) reaches the response body via reply$`
}

func statusSetInABranchThatReturns(w http.ResponseWriter, r *http.Request) {
	status := http.StatusOK
	if r.URL.Path == "/teapot" {
		status = http.StatusTeapot
		w.WriteHeader(status) // want `^status 418 is not documented by the contentful contract`
		return
	}
	w.WriteHeader(status)
}

func marshalErrorEchoesNothing(w http.ResponseWriter, r *http.Request) {
	_, err := json.Marshal(r.Context())
	fmt.Fprint(w, err) // want `^error text from err reaches the response body via fmt.Fprint$`
}

func unmarshalErrorEchoesInput(w http.ResponseWriter, r *http.Request) {
	var v struct{ N int }
	err := json.NewDecoder(r.Body).Decode(&v)
	fmt.Fprint(w, err) // want `^error text from err, which echoes client input \(json.Decode\), reaches the response body via fmt.Fprint$`
}

// swapped carries error text through a cycle of variables. Every use of
// either of them may see it, whichever is asked about first.
func swapped(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	text := err.Error()
	a, b := "", ""
	for i := range 3 {
		a, b = b, a
		if i == 1 {
			a = text
		}
	}
	io.WriteString(w, a) // want `^error text from err.Error\(\) reaches the response body via io.WriteString$`
	c := b
	io.WriteString(w, c) // want `^error text from err.Error\(\) reaches the response body via io.WriteString$`
}

// swappedOtherOrder is swapped with the uses asked about in the other
// order: b, the variable the text reaches second, first.
func swappedOtherOrder(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	text := err.Error()
	a, b := "", ""
	for i := range 3 {
		a, b = b, a
		if i == 1 {
			a = text
		}
	}
	io.WriteString(w, b) // want `^error text from err.Error\(\) reaches the response body via io.WriteString$`
	c := a
	io.WriteString(w, c) // want `^error text from err.Error\(\) reaches the response body via io.WriteString$`
}
