// Package responders holds handlers that write through an interface of
// the package's own, whose implementations are followed, and calls of
// interfaces that are not the package's, which are not.
package responders

import (
	"io"
	"log"
	"net/http"
	"os"
)

// A Responder writes an error response.
type Responder interface {
	Respond(w http.ResponseWriter, status int, msg string)
}

type textResponder struct{}

func (textResponder) Respond(w http.ResponseWriter, status int, msg string) { // want Respond:`summary\(body=2 status=1\)`
	w.WriteHeader(status)
	io.WriteString(w, msg)
}

type quietResponder struct{}

// Respond keeps msg in the log.
func (*quietResponder) Respond(w http.ResponseWriter, status int, msg string) { // want Respond:`summary\(status=1\)`
	log.Print(msg)
	w.WriteHeader(status)
}

func viaInterface(rs Responder) http.HandlerFunc { // want viaInterface:`summary\(statuses=418,500\)`
	return func(w http.ResponseWriter, r *http.Request) {
		_, err := os.Stat("x")
		if err != nil {
			rs.Respond(w, http.StatusInternalServerError, err.Error()) // want `^error text from err.Error\(\) reaches the response body via rs.Respond$`
			return
		}
		rs.Respond(w, http.StatusTeapot, "teapot") // want `^status 418 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
	}
}

// A Logger keeps text server-side; no implementation writes a response.
type Logger interface {
	Log(msg string)
}

type stderrLogger struct{}

func (stderrLogger) Log(msg string) { log.Print(msg) }

func viaLogger(l Logger) http.HandlerFunc { // want viaLogger:`summary\(statuses=500\)`
	return func(w http.ResponseWriter, r *http.Request) {
		_, err := os.Stat("x")
		l.Log(err.Error())
		w.WriteHeader(http.StatusInternalServerError)
	}
}

// responseCopier writes what it is given to the response, and is an
// io.Writer: a call of io.Writer's Write is not taken for it.
type responseCopier struct{ w http.ResponseWriter }

func (c responseCopier) Write(p []byte) (int, error) { return c.w.Write(p) } // want Write:`summary\(body=0\)`

func viaWriter(out io.Writer) http.HandlerFunc { // want viaWriter:`summary\(statuses=500\)`
	return func(w http.ResponseWriter, r *http.Request) {
		_, err := os.Stat("x")
		out.Write([]byte(err.Error()))
		w.WriteHeader(http.StatusInternalServerError)
	}
}
