package statusflow // want package:`directives`

// statusflow holds statuses that reach a write through more than
// locals: function results, map lookups, struct fields, other packages'
// constants, and writers' status parameters.

import (
	"errors"
	"net/http"

	codes "example.com/statuscodes"
)

var errSlow = errors.New("slow") // want errSlow:`sentinel`

// load fails, with one of the errors the package maps to statuses.
func load() error { return errSlow }

func otherPackageConstant(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(codes.Teapot) // want `^status 418 is not documented by the contentful contract`
}

func resultOfAnotherPackage(w http.ResponseWriter, r *http.Request) {
	err := load()
	w.WriteHeader(codes.StatusOf(err)) // want `^status 410 is not documented by the contentful contract`
}

func resultThroughALocal(w http.ResponseWriter, r *http.Request) {
	err := load()
	status := codes.StatusOf(err)
	w.WriteHeader(status) // want `^status 410 is not documented by the contentful contract`
}

func notAConstantResult(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(codes.Count(nil))
}

// classify returns a status and a message for err.
func classify(err error) (int, string) { // want classify:`summary\(returns\[0\]=400,503\)`
	if errors.Is(err, errSlow) {
		return http.StatusServiceUnavailable, "try again later"
	}
	return http.StatusBadRequest, "bad request"
}

func tupleResult(w http.ResponseWriter, r *http.Request) {
	err := load()
	status, msg := classify(err)
	w.WriteHeader(status) // want `^status 503 is not documented by the contentful contract`
	w.Write([]byte(msg))
}

var statusFor = map[error]int{
	errSlow:       http.StatusServiceUnavailable,
	codes.ErrGone: http.StatusGone,
}

func mapLookup(w http.ResponseWriter, r *http.Request) {
	err := load()
	w.WriteHeader(statusFor[err]) // want `^status 503 is not documented by the contentful contract` `^status 410 is not documented by the contentful contract`
}

func commaOkLookup(w http.ResponseWriter, r *http.Request) {
	err := load()
	status, ok := statusFor[err]
	if !ok {
		status = http.StatusInternalServerError
	}
	w.WriteHeader(status) // want `^status 503 is not documented by the contentful contract` `^status 410 is not documented by the contentful contract`
}

var documentedFor = map[error]int{
	errSlow: http.StatusTooManyRequests,
}

func documentedLookup(w http.ResponseWriter, r *http.Request) {
	err := load()
	w.WriteHeader(documentedFor[err])
}

// written is a map of statuses that the package changes: its literal does
// not tell what a lookup gives.
var written = map[string]int{"a": http.StatusOK}

func init() { written["b"] = http.StatusTeapot }

func writtenMap(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(written[r.URL.Path])
}

type apiError struct {
	Status  int
	Message string
}

var errMaintenance = &apiError{Status: http.StatusServiceUnavailable, Message: "down for maintenance"}

func packageVarField(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(errMaintenance.Status) // want `^status 503 is not documented by the contentful contract`
}

var errReassigned = apiError{Status: http.StatusNotFound}

func reassign() { errReassigned.Status = http.StatusTeapot }

func reassignedVarField(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(errReassigned.Status)
}

func localStructField(w http.ResponseWriter, r *http.Request) {
	e := apiError{Status: http.StatusGone, Message: "gone"}
	w.WriteHeader(e.Status) // want `^status 410 is not documented by the contentful contract`
}

func localStructUpdated(w http.ResponseWriter, r *http.Request) {
	e := apiError{Status: http.StatusGone}
	e.Status = http.StatusNotFound
	w.WriteHeader(e.Status)
}

func localStructWithoutTheField(w http.ResponseWriter, r *http.Request) {
	e := apiError{Message: "no status"}
	w.WriteHeader(e.Status)
}

type problem struct {
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

// respond is the package's error writer. The status it is given reaches
// the response inside a value: its callers' statuses are checked at the
// call all the same.
//
//errcontract:writer
func respond(w http.ResponseWriter, status int, detail string) { // want respond:`writer` respond:`summary\(body=2\)`
	p := problem{Status: status, Detail: detail}
	w.WriteHeader(p.Status)
	w.Write([]byte(p.Detail))
}

func statusToAWriter(w http.ResponseWriter, r *http.Request) {
	respond(w, http.StatusTeapot, "short and stout") // want `^status 418 is not documented by the contentful contract`
}

func documentedStatusToAWriter(w http.ResponseWriter, r *http.Request) {
	respond(w, http.StatusConflict, "conflict")
}
