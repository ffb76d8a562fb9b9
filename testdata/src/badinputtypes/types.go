// Package badinputtypes does not type-check: undefined names, arguments
// of the wrong types and numbers, a writer that is not one. A driver that
// sets RunDespiteErrors runs the analyzer on it anyway.
package badinputtypes

import (
	"fmt"
	"net/http"
)

func wellTyped(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "bad request", http.StatusBadRequest)
}

func undefinedNames(w http.ResponseWriter, r *http.Request) {
	http.Error(w, missing.Error(), http.StatusNotAStatus)
	w.WriteHeader(undefinedStatus)
	fmt.Fprintf(w, "%v", notDeclared)
	undefinedWriter.WriteHeader(http.StatusTeapot)
}

func wrongTypes(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader("418")
	w.WriteHeader(4.5)
	w.WriteHeader(1 << 70)
	http.Error(w, 42, "500")
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
	http.Error(w, err.Error(), 400)
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
