// Package missingreturnmore holds handlers whose error responses end in a
// call that never returns, in a loop that moves on, in a status line and
// its body, and before cleanup that tests a flag.
package missingreturnmore

import (
	"errors"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"example.com/applog"
	"example.com/noreturnlib"
)

var errCorrupt = errors.New("store corrupted") // want errCorrupt:`^sentinel$`

func check(r *http.Request) error {
	if r.URL.Query().Has("corrupt") {
		return errCorrupt
	}
	return nil
}

// fatal wraps log.Fatal in this package.
func fatal(err error) { // want fatal:`^noreturn$`
	log.Fatal(err)
}

var logger = &noreturnlib.Logger{Prefix: "items: "}

// exitsThroughLib ends the path in another package's function that exits.
func exitsThroughLib(w http.ResponseWriter, r *http.Request) {
	if err := check(r); err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		noreturnlib.Die(err)
	}
	w.WriteHeader(http.StatusNoContent)
}

// exitsThroughLocal ends the path in this package's wrapper of log.Fatal.
func exitsThroughLocal(w http.ResponseWriter, r *http.Request) {
	if err := check(r); err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		fatal(err)
	}
	w.WriteHeader(http.StatusNoContent)
}

// crashesThroughMethod ends the path in a method that panics.
func crashesThroughMethod(w http.ResponseWriter, r *http.Request) {
	if err := check(r); err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		logger.Crash(err.Error())
	}
	w.WriteHeader(http.StatusNoContent)
}

// exitsSometimes calls a function that returns when its code is 0.
func exitsSometimes(w http.ResponseWriter, r *http.Request) {
	if err := check(r); err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable) // want `^handler goes on after writing an error response; add a return$`
		noreturnlib.ExitIf(len(r.URL.Query()))
	}
	w.WriteHeader(http.StatusNoContent) // want `^response is written again after an error response$`
}

// recoversAfter calls a function that recovers from its own panic.
func recoversAfter(w http.ResponseWriter, r *http.Request) {
	if err := check(r); err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable) // want `^handler goes on after writing an error response; add a return$`
		noreturnlib.Recovered()
	}
	w.WriteHeader(http.StatusNoContent) // want `^response is written again after an error response$`
}

// spins calls functions that call each other.
func spins(w http.ResponseWriter, r *http.Request) {
	if err := check(r); err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable) // want `^handler goes on after writing an error response; add a return$`
		noreturnlib.Spin(0)
	}
	w.WriteHeader(http.StatusNoContent) // want `^response is written again after an error response$`
}

// validateNames moves on to the next name after each error, and then
// answers again: every error and the final status go to one response.
func validateNames(w http.ResponseWriter, r *http.Request) {
	for _, name := range strings.Split(r.URL.Query().Get("names"), ",") {
		if name == "" {
			http.Error(w, "empty name", http.StatusBadRequest) // want `^response is written again after an error response$`
			continue
		}
	}
	w.WriteHeader(http.StatusNoContent) // want `^response is written again after an error response$`
}

// validateEach writes each name's error to a recorder of its own, made
// anew in each iteration: no response is written twice.
func validateEach(w http.ResponseWriter, r *http.Request) {
	var bad int
	for _, name := range strings.Split(r.URL.Query().Get("names"), ",") {
		rec := httptest.NewRecorder()
		if name == "" {
			http.Error(rec, "empty name", http.StatusBadRequest)
			bad++
			continue
		}
		rec.WriteHeader(http.StatusOK)
	}
	if bad > 0 {
		http.Error(w, "some names are empty", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// statusThenBody writes a status line and its body, then falls out of the
// branch and writes again.
func statusThenBody(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		w.WriteHeader(http.StatusBadRequest) // want `^handler goes on after writing an error response; add a return$`
		w.Write([]byte("an id is required"))
	}
	w.Write([]byte("ok")) // want `^response is written again after an error response$`
}

// statusThenBodyReturns writes a status line and a body in two parts,
// then returns.
func statusThenBodyReturns(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte("an id "))
		w.Write([]byte("is required"))
		return
	}
	w.Write([]byte("ok"))
}

// A tx is a transaction to commit or roll back.
type tx struct{ puts int }

func (t *tx) put(item string) error {
	if item == "" {
		return errors.New("empty item")
	}
	t.puts++
	return nil
}

func (t *tx) rollback() { t.puts = 0 }

func (t *tx) commit() {}

// importAll stops at the first bad item and rolls back before it returns:
// a return right after the error response would skip the rollback.
func importAll(w http.ResponseWriter, r *http.Request) {
	t := new(tx)
	failed := false
loop:
	for _, item := range strings.Split(r.URL.Query().Get("items"), ",") {
		if err := t.put(item); err != nil {
			http.Error(w, "cannot store an item", http.StatusUnprocessableEntity)
			failed = true
			break loop
		}
	}
	if failed {
		t.rollback()
		return
	}
	t.commit()
	w.WriteHeader(http.StatusNoContent)
}

// importAllNoReturn rolls back on the flag but then commits and answers
// as if nothing had failed.
func importAllNoReturn(w http.ResponseWriter, r *http.Request) {
	t := new(tx)
	failed := false
	for _, item := range strings.Split(r.URL.Query().Get("items"), ",") {
		if err := t.put(item); err != nil {
			http.Error(w, "cannot store an item", http.StatusUnprocessableEntity) // want `^handler goes on after writing an error response; add a return$`
			failed = true
			break
		}
	}
	if failed {
		t.rollback()
	}
	t.commit()
	w.WriteHeader(http.StatusNoContent) // want `^response is written again after an error response$`
}

// logsAfter only logs, with the service's own logger, after the branch.
func logsAfter(w http.ResponseWriter, r *http.Request) {
	if err := check(r); err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
		applog.Error(err)
	}
	applog.Infof("%s %s", r.Method, r.URL.Path)
}

// rotatesAfter does work after the branch: the logger's Rotate is not
// logging at a level.
func rotatesAfter(w http.ResponseWriter, r *http.Request) {
	if err := check(r); err != nil {
		http.Error(w, "unavailable", http.StatusServiceUnavailable) // want `^handler goes on after writing an error response; add a return$`
	}
	applog.Rotate()
}

// recovers answers 500 in a deferred function and logs the request after
// the branch: the handler has already ended.
func recovers(w http.ResponseWriter, r *http.Request) {
	status := http.StatusOK
	defer func() {
		if e := recover(); e != nil {
			status = http.StatusInternalServerError
			w.WriteHeader(status)
			w.Write([]byte("something went wrong"))
		}
		record(r, status)
	}()
	w.WriteHeader(status)
}

func record(r *http.Request, status int) {
	requests[r.URL.Path] = status
}

var requests = map[string]int{}

// pageStatus sets 404 where the page is missing and renders the page
// either way: the status line and the body it then writes are one
// response.
func pageStatus(w http.ResponseWriter, r *http.Request) { // want pageStatus:`^summary\(body=1\)$`
	title := r.URL.Query().Get("title")
	if title == "" {
		w.WriteHeader(http.StatusNotFound)
		title = "not found"
	}
	page := "<h1>" + title + "</h1>"
	w.Write([]byte(page))
}

// statusOnlySometimes sets 404 and, on one path, returns without a body
// after doing the work.
func statusOnlySometimes(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("title") == "" {
		w.WriteHeader(http.StatusNotFound) // want `^handler goes on after writing an error response; add a return$`
	}
	requests[r.URL.Path]++
	if r.Method == http.MethodHead {
		return
	}
	w.Write([]byte("<h1>page</h1>"))
}
