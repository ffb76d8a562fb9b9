// Package badinputtypes does not type-check: undefined names, arguments
// of the wrong types and numbers, a writer that is not one. The analyzer
// runs on it all the same: what type-checks is reported, and nothing is
// claimed about what does not.
package badinputtypes

import (
	"errors"
	"fmt"
	"net/http"
)

func wellTyped(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "bad request", http.StatusBadRequest) // want `^http.Error bypasses the canonical error constructors$`
}

// The calls are known, so they are raw error writes; their messages,
// statuses and writers are not, so nothing else is said of them.
func undefinedNames(w http.ResponseWriter, r *http.Request) {
	http.Error(w, missing.Error(), http.StatusNotAStatus) // want `^http.Error bypasses the canonical error constructors$`
	w.WriteHeader(undefinedStatus)
	fmt.Fprintf(w, "%v", notDeclared)
	undefinedWriter.WriteHeader(http.StatusTeapot)
}

func wrongTypes(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader("418")
	w.WriteHeader(4.5)
	w.WriteHeader(1 << 70)
	http.Error(w, 42, "500") // want `^http.Error bypasses the canonical error constructors$`
	var msg int = "text"
	w.Write(msg)
	fmt.Fprintf(w, 7, msg)
}

func wrongArity(w http.ResponseWriter, r *http.Request) {
	http.Error(w)
	http.NotFound()
	w.WriteHeader()
	w.WriteHeader(400, 500)
	fmt.Fprintf()
}

func notAWriter(w int, err error) {
	http.Error(w, err.Error(), 400) // want `^http.Error bypasses the canonical error constructors$`
	w.WriteHeader(400)
	fmt.Fprint(w, err)
}

func badFlow(w http.ResponseWriter, err error) {
	status := undefinedStatus
	status += "x"
	msg, extra := err.Error()
	w.WriteHeader(status)
	w.Write([]byte(msg + extra))
	for status = range undefinedList {
		w.WriteHeader(status)
	}
}

type Loop Loop

func (Loop) Error() string { return "loop" }

func cyclic(w http.ResponseWriter, l Loop) {
	fmt.Fprint(w, l)
}

func load() error { return errors.New("db: connection refused") }

// mixed has well-typed findings among ill-typed lines: the first are
// reported, the second claim nothing.
func mixed(w http.ResponseWriter, r *http.Request) {
	err := load()
	if r.URL.Path == "/teapot" {
		w.WriteHeader(http.StatusTeapot) // want `^status 418 is not documented by the contentful contract`
		return
	}
	if r.URL.Path == "/status" {
		w.WriteHeader(undefinedStatus)
		return
	}
	if err != nil {
		http.Error(w, undefined.Text(), 500) // want `^http.Error bypasses the canonical error constructors$`
		return
	}
	http.Error(w, err.Error()+undefinedSuffix, 418) // want `^http.Error bypasses the canonical error constructors$` `^status 418 is not documented`
	var msg string = fmt.Sprint(err, undefined)
	w.Write([]byte(msg))
	fmt.Fprint(w, err, undefinedValue)                         // want `^error text from err reaches the response body via fmt.Fprint$`
	http.Error(w, err.Error(), http.StatusInternalServerError) // want `^http.Error bypasses the canonical error constructors$` `^error text from err.Error\(\) reaches the response body via http.Error$`
}

// badAssignment assigns the message a value that does not type-check: the
// message is a string, but what it holds is not known.
func badAssignment(w http.ResponseWriter, err error) {
	msg := "failed"
	msg = err.Error() + undefinedSuffix
	w.Write([]byte(msg))
	text := err.Error()
	w.Write([]byte(text)) // want `^error text from err.Error\(\) reaches the response body via w.Write$`
}

// goesOn writes an error response and goes on to the handler's work.
func goesOn(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "get only", http.StatusBadRequest) // want `^http.Error bypasses` `^handler goes on after writing an error response; add a return$`
	}
	process(r)
	undefinedAudit(r)
}

// mayNotReturn calls something that does not type-check after the error
// response: it may never return, so the path after it is not followed.
func mayNotReturn(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "get only", http.StatusBadRequest) // want `^http.Error bypasses`
		undefinedLog.Fatal("unreachable")
	}
	process(r)
}

// illTypedWrite writes an error response with a call that does not
// type-check: what it writes, and to what, is not known.
func illTypedWrite(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "get only", undefinedStatus) // want `^http.Error bypasses`
	}
	process(r)
}

func process(r *http.Request) {}

// documented documents 404, which only a write that does not type-check
// writes: whether it is written is not known.
//
//errcontract:statuses 200 404
func documented(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "" {
		undefinedWriter.WriteHeader(http.StatusNotFound)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// documentedTyped type-checks: 409 is never written.
//
//errcontract:statuses 200 404 409 // want `^status 409 documented by handler documentedTyped is never written$`
func documentedTyped(w http.ResponseWriter, r *http.Request) {
	http.NotFound(w, r) // want `^http.NotFound bypasses`
}

// viaHelper documents 400, which its helper writes with a call that does
// not type-check.
//
//errcontract:statuses 200 400
func viaHelper(w http.ResponseWriter, r *http.Request) {
	badRequest(w)
}

func badRequest(w http.ResponseWriter) { // want badRequest:"^summary\\(partial\\)$"
	undefinedWriter.WriteHeader(http.StatusBadRequest)
}

// errUnknown's value does not type-check: its text is not known, so it is
// not claimed to leak.
var errUnknown = fmt.Errorf("lookup: %w", undefinedCause) // want errUnknown:"sentinel"

func unknownText(w http.ResponseWriter) {
	w.Write([]byte(errUnknown.Error()))
}
