// Package openapibadspec's errcontract.yaml names a spec with a $ref that
// resolves to nothing: the spec is reported, at the openapi entry with
// the spec's line, and the rules go on with the API-wide contract.
package openapibadspec

import "net/http"

func routes(mux *http.ServeMux) {
	mux.HandleFunc("GET /a", getA)
}

func getA(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot)
}
