package statuscases // want package:`directives`

// statuscases holds statuses that reach a write by way of a map,
// a function's result, a struct field, another package's constants or a
// writer's status parameter, each next to a case that must stay quiet.

import (
	"errors"
	"net/http"

	"example.com/apierrs"
)

var errBusy = errors.New("busy") // want errBusy:`sentinel`

func load() error { return errBusy }

// A map literal with constant values: a lookup is one of them.
var statusFor = map[error]int{
	errBusy:             http.StatusServiceUnavailable,
	apierrs.ErrGone:     apierrs.StatusGone,
	apierrs.ErrConflict: http.StatusConflict,
}

func mapLiteralLookup(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(statusFor[load()]) // want `^status 503 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$` `^status 410 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
}

// A map filled in elsewhere: a lookup can be anything, and is not guessed
// from the literal.
var statusFilled = map[error]int{errBusy: http.StatusTeapot}

func register(err error, status int) { statusFilled[err] = status }

func filledMapLookup(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(statusFilled[load()])
}

// statusOf returns one constant per case.
func statusOf(err error) int { // want statusOf:`summary\(returns\[0\]=400,503\)`
	if errors.Is(err, errBusy) {
		return http.StatusServiceUnavailable
	}
	return http.StatusBadRequest
}

func localStatusOf(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(statusOf(load())) // want `^status 503 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
}

// statusOrCount returns a constant or a computed number.
func statusOrCount(err error, n int) int {
	if err != nil {
		return http.StatusTeapot
	}
	return n
}

func notOnlyConstants(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(statusOrCount(load(), len(r.URL.Path)))
}

func otherPackageStatusOf(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(apierrs.StatusOf(load())) // want `^status 410 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
}

func otherPackageDocumentedStatusOf(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(apierrs.DocumentedStatusOf(load()))
	w.WriteHeader(apierrs.Count(nil))
}

type apiError struct {
	Status  int
	Message string
}

var errMaintenance = apiError{Status: http.StatusServiceUnavailable, Message: "down for maintenance"}

func packageVarField(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(errMaintenance.Status) // want `^status 503 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
}

var errChanged = apiError{Status: http.StatusTeapot}

func changeStatus(status int) { errChanged.Status = status }

func changedPackageVarField(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(errChanged.Status)
}

func builtHere(w http.ResponseWriter, r *http.Request) {
	e := &apiError{Status: apierrs.StatusTeapot, Message: "short and stout"}
	w.WriteHeader(e.Status) // want `^status 418 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
}

func builtHereDocumented(w http.ResponseWriter, r *http.Request) {
	e := apiError{Status: http.StatusNotFound}
	w.WriteHeader(e.Status)
}

func builtHereFromAParameter(w http.ResponseWriter, r *http.Request, status int) {
	e := apiError{Status: status}
	w.WriteHeader(e.Status)
}

func otherPackageConstants(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(apierrs.StatusGone) // want `^status 410 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
	w.WriteHeader(apierrs.StatusConflict)
}

// send is a writer by errcontract.yaml: its callers' statuses are checked.
func send(w http.ResponseWriter, status int, msg string) { // want send:`writer` send:`summary\(body=2 status=1\)`
	w.WriteHeader(status)
	w.Write([]byte(msg))
}

func toAConfiguredWriter(w http.ResponseWriter, r *http.Request) {
	send(w, http.StatusTeapot, "short and stout") // want `^status 418 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
	send(w, http.StatusNotFound, "not found")
}

func toAnotherPackagesWriter(w http.ResponseWriter, r *http.Request) {
	apierrs.Respond(w, apierrs.StatusGone, "gone")         // want `^status 410 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
	apierrs.Respond(w, apierrs.StatusOf(load()), "failed") // want `^status 410 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
	apierrs.Respond(w, http.StatusConflict, "conflict")
}
