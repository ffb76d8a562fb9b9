package undocumented

import (
	"errors"
	"net/http"
)

const statusTeapot = 418

type apiStatus int

const statusGone apiStatus = 410

var errArchived = errors.New("archived") // want errArchived:`sentinel`

func literal(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(418) // want `^status 418 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
}

func stdConstant(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusGone) // want `^status 410 is not documented by the contentful contract`
}

func namedConstant(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(statusTeapot) // want `^status 418 is not documented`
}

func typedConstantConverted(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(int(statusGone)) // want `^status 410 is not documented`
}

func httpErrorStatus(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "down for maintenance", http.StatusServiceUnavailable) // want `^status 503 is not documented`
}

func redirectUndocumentedClass(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/elsewhere", 599) // want `^status 599 is not documented`
}

func throughLocal(w http.ResponseWriter, r *http.Request) {
	status := http.StatusTeapot
	w.WriteHeader(status) // want `^status 418 is not documented`
}

func throughBranches(w http.ResponseWriter, r *http.Request, err error) { // want throughBranches:`summary\(statuses=404,410 writes-error\)`
	status := http.StatusNotFound
	if errors.Is(err, errArchived) {
		status = http.StatusGone
	}
	w.WriteHeader(status) // want `^status 410 is not documented`
}

func throughSwitch(w http.ResponseWriter, r *http.Request, kind string) { // want throughSwitch:`summary\(statuses=412,423,429 writes-error\)`
	var status int
	switch kind {
	case "locked":
		status = http.StatusLocked
	case "limit":
		status = http.StatusTooManyRequests
	default:
		status = http.StatusPreconditionFailed
	}
	w.WriteHeader(status) // want `^status 423 is not documented` `^status 412 is not documented`
}

func throughTwoLocals(w http.ResponseWriter, r *http.Request) {
	code := http.StatusMethodNotAllowed
	status := code
	w.WriteHeader(status) // want `^status 405 is not documented`
}

func inClosure(w http.ResponseWriter, r *http.Request) {
	fail := func() {
		http.Error(w, "conflict", http.StatusExpectationFailed) // want `^status 417 is not documented`
	}
	fail()
}

func inLoop(w http.ResponseWriter, r *http.Request, tries []int) { // want inLoop:`summary\(statuses=451\)`
	status := http.StatusOK
	for range tries {
		w.WriteHeader(status) // want `^status 451 is not documented`
		status = http.StatusUnavailableForLegalReasons
	}
}

func eachValueOnce(w http.ResponseWriter, r *http.Request, a bool) { // want eachValueOnce:`summary\(statuses=418 writes-error\)`
	status := 418
	if a {
		status = 418
	}
	w.WriteHeader(status) // want `^status 418 is not documented`
}

// Not reported below.

func documentedStatuses(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusBadRequest)
	w.WriteHeader(http.StatusUnprocessableEntity)
	w.WriteHeader(http.StatusBadGateway)
	http.Error(w, "limit", http.StatusTooManyRequests)
	http.NotFound(w, r)
}

func undocumentedClassesAreUnchecked(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
	w.WriteHeader(http.StatusAccepted)
	http.Redirect(w, r, "/", http.StatusFound)
	http.Redirect(w, r, "/", http.StatusPermanentRedirect)
}

func proxied(w http.ResponseWriter, resp *http.Response) {
	w.WriteHeader(resp.StatusCode)
}

func parameter(w http.ResponseWriter, status int) { // want parameter:`summary\(status=1\)`
	w.WriteHeader(status)
}

func partlyUnknown(w http.ResponseWriter, resp *http.Response, a bool) {
	status := http.StatusTeapot
	if a {
		status = resp.StatusCode
	}
	w.WriteHeader(status)
}

func addressTaken(w http.ResponseWriter, r *http.Request) {
	status := http.StatusTeapot
	pick(&status)
	w.WriteHeader(status)
}

func pick(p *int) { *p = http.StatusNotFound }

func assignedAfter(w http.ResponseWriter, r *http.Request) {
	status := http.StatusNotFound
	w.WriteHeader(status)
	status = http.StatusTeapot
	_ = status
}

func incremented(w http.ResponseWriter, r *http.Request) {
	status := 417
	status++
	w.WriteHeader(status)
}
