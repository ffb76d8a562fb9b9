package writercalls // want package:`directives`

// The package declares writers that take a status and a message or an
// error: their calls are checked as a helper's are, and their bodies may
// write raw error responses.

import (
	"errors"
	"net/http"
)

// writeError is the package's own writer.
//
//errcontract:writer
func writeError(w http.ResponseWriter, status int, msg string) { // want writeError:`writer` writeError:`summary\(body=2 status=1 writes-error\)`
	http.Error(w, msg, status)
}

// fail is a writer whose error parameter is kept server-side.
//
//errcontract:writer
func fail(w http.ResponseWriter, status int, err error) { // want fail:`writer` fail:`summary\(status=1 writes-error\)`
	http.Error(w, http.StatusText(status), status)
}

var errNotFound = errors.New("not found") // want errNotFound:`sentinel`

func load(id string) error { return errors.Join(errNotFound, errors.New(id)) }

func teapot(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusTeapot, "short and stout") // want `^status 418 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
}

func leak(w http.ResponseWriter, r *http.Request) {
	if err := load(r.URL.Path); err != nil {
		writeError(w, http.StatusInternalServerError, err.Error()) // want `^error text from err\.Error\(\) reaches the response body via writeError$`
	}
}

func notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, "no such item")
}

func kept(w http.ResponseWriter, r *http.Request) {
	if err := load(r.URL.Path); err != nil {
		fail(w, http.StatusNotFound, err)
		return
	}
	fail(w, http.StatusTeapot, nil) // want `^status 418 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
}
