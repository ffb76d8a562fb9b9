// Package funcvalues holds handlers that carry error text and statuses
// through function values, method values and closures, with the cases
// that must not be reported next to them.
package funcvalues

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
)

type server struct{}

// writeError writes msg with the status.
func (s *server) writeError(w http.ResponseWriter, status int, msg string) { // want writeError:`summary\(body=2 status=1\)`
	w.WriteHeader(status)
	io.WriteString(w, msg)
}

// writePlain writes msg.
func writePlain(w http.ResponseWriter, msg string) { // want writePlain:`summary\(body=1\)`
	io.WriteString(w, msg)
}

// logOnly keeps msg in the log.
func logOnly(w http.ResponseWriter, msg string) { // want logOnly:`summary\(statuses=500 writes-error\)`
	log.Print(msg)
	w.WriteHeader(http.StatusInternalServerError)
}

func (s *server) methodValue(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	fail := s.writeError
	fail(w, http.StatusInternalServerError, err.Error()) // want `^error text from err.Error\(\) reaches the response body via fail$`
	fail(w, http.StatusTeapot, "teapot")                 // want `^status 418 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
}

func funcValue(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	report := writePlain
	report(w, err.Error()) // want `^error text from err.Error\(\) reaches the response body via writePlain$`
}

func funcValueThatLogs(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	report := logOnly
	report(w, err.Error())
}

// funcValueReassigned holds one of two functions: which one a call runs
// is not known, so nothing is claimed of it.
func funcValueReassigned(w http.ResponseWriter, r *http.Request) {
	_, err := os.Stat("x")
	report := logOnly
	if r.URL.Path == "/" {
		report = writePlain
	}
	report(w, err.Error())
}

func closure(w http.ResponseWriter, r *http.Request) {
	reply := func(code int, msg string) {
		w.WriteHeader(code)
		fmt.Fprintln(w, msg)
	}
	_, err := os.Stat("x")
	if err != nil {
		reply(http.StatusInternalServerError, err.Error()) // want `^error text from err.Error\(\) reaches the response body via reply$`
		return
	}
	reply(http.StatusTeapot, "teapot") // want `^status 418 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
}

func closureThatLogs(w http.ResponseWriter, r *http.Request) {
	reply := func(code int, msg string) {
		log.Print(msg)
		w.WriteHeader(code)
		io.WriteString(w, "request failed")
	}
	_, err := os.Stat("x")
	reply(http.StatusInternalServerError, err.Error())
	reply(http.StatusNotFound, "missing")
}

// closureReassigned holds one of two literals, so nothing is claimed of
// its calls.
func closureReassigned(w http.ResponseWriter, r *http.Request) {
	reply := func(code int, msg string) { w.WriteHeader(code) }
	if r.URL.Path == "/" {
		reply = func(code int, msg string) { io.WriteString(w, msg) }
	}
	_, err := os.Stat("x")
	reply(http.StatusTeapot, err.Error())
}
