// Package withimport already imports apierror: fixes call it through the
// facts of its directives.
package withimport

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/errcontract/errcontract/apierror"
)

var errDown = errors.New("database is down") // want errDown:`sentinel`

func find() error { return errDown }

func notFound(w http.ResponseWriter, r *http.Request) {
	http.NotFound(w, r) // want `^http.NotFound bypasses`
}

func forbidden(w http.ResponseWriter, req *http.Request) {
	http.Error(w, "no access to this project", http.StatusForbidden) // want `^http.Error bypasses`
}

func internal(w http.ResponseWriter, r *http.Request) {
	if err := find(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `^http.Error bypasses` `^error text from err.Error\(\) reaches`
	}
}

func internalFormatted(w http.ResponseWriter, r *http.Request) {
	err := find()
	http.Error(w, fmt.Sprintf("lookup: %v", err), 500) // want `^http.Error bypasses` `^error text from err reaches`
}

func constantInternal(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "the store is unavailable", http.StatusInternalServerError) // want `^http.Error bypasses`
}

func clientLeak(w http.ResponseWriter, r *http.Request) {
	err := find()
	msg := "conflict: " + err.Error()
	http.Error(w, msg, http.StatusConflict) // want `^http.Error bypasses` `^error text from err.Error\(\) reaches`
}

func constructorLeak(w http.ResponseWriter, r *http.Request) {
	err := find()
	apierror.Write(w, r, apierror.NotFound(err.Error())) // want `^error text from err.Error\(\) reaches the response body via apierror.NotFound$`
}

func noRequestInScope(w http.ResponseWriter) { // want noRequestInScope:`summary\(statuses=429 writes-error\)`
	http.Error(w, "slow down", http.StatusTooManyRequests) // want `^http.Error bypasses`
}

// Not fixed: the status is not one constant, the panic value is no error.

func twoStatuses(w http.ResponseWriter, r *http.Request, gone bool) { // want twoStatuses:`summary\(statuses=404,409 writes-error\)`
	status := http.StatusNotFound
	if gone {
		status = http.StatusConflict
	}
	http.Error(w, "missing", status) // want `^http.Error bypasses`
}

func recovered(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			http.Error(w, fmt.Sprint(v), 500) // want `^http.Error bypasses` `^error text from recover\(\) reaches`
		}
	}()
}

func unknownStatus(w http.ResponseWriter, r *http.Request, resp *http.Response) { // want unknownStatus:`summary\(writes-error\)`
	http.Error(w, "upstream", resp.StatusCode) // want `^http.Error bypasses`
}
