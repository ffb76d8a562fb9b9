package configcontract // want package:`directives`

// configcontract is checked against the contract of its errcontract.yaml,
// which also disables error-leak.

import (
	"errors"
	"fmt"
	"net/http"
)

type apiError struct {
	status int
	code   string
}

func (e *apiError) Error() string { return e.code }

//errcontract:constructor 404 not_found
func notFound() *apiError { // want notFound:`constructor\(404 not_found\)`
	return &apiError{404, "not_found"}
}

//errcontract:constructor 404 NotFoundError // want `^code NotFoundError is not documented for 404 by the errcontract.yaml contract \(not_found\)$`
func notFoundOld() *apiError { // want notFoundOld:`constructor\(404 NotFoundError\)`
	return &apiError{404, "NotFoundError"}
}

//errcontract:constructor 409 conflict // want `^constructor status 409 is not documented by the errcontract.yaml contract \(400 404 500 503\)$`
func conflict() *apiError { // want conflict:`constructor\(409 conflict\)`
	return &apiError{409, "conflict"}
}

func unavailable(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusServiceUnavailable)
}

func teapot(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot) // want `^status 418 is not documented by the errcontract.yaml contract \(400 404 500 503\)$`
}

func leak(w http.ResponseWriter, r *http.Request) {
	err := errors.New("db down")
	fmt.Fprint(w, err) // not reported: the file disables error-leak
}
