package openapimux

// openapimux registers its handlers on a ServeMux; errcontract.yaml names
// openapi.yaml, whose server's base path is /v1. Each handler is checked
// against the responses of the operation its route is.

import "net/http"

func routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/links/{id}", getLink)
	mux.HandleFunc("DELETE /v1/links/{id}", deleteLink)
	mux.Handle("POST /v1/links", http.HandlerFunc(createLink))
	mux.HandleFunc("/v1/health", health)          // no method: every operation of the path
	mux.HandleFunc("GET /v1/tags", listTags)      // want `route GET /v1/tags is not in the OpenAPI spec openapi.yaml`
	mux.HandleFunc("PUT /v1/links/{id}", getLink) // want `route PUT /v1/links/\{id\} is not in the OpenAPI spec openapi.yaml`
	http.HandleFunc("GET /links/{id}", getLink)   // want `route GET /links/\{id\} is not in the OpenAPI spec openapi.yaml`
	mux.HandleFunc("GET links.example.com/v1/links/{id}", getLinkByHost)
	return mux
}

func getLink(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Query().Get("case") {
	case "missing":
		http.Error(w, "no such link", http.StatusNotFound)
	case "taken":
		http.Error(w, "taken", http.StatusConflict) // want `status 409 is not documented by operation getLink \(200 404 500\)`
	case "broken":
		w.WriteHeader(http.StatusInternalServerError)
	case "moved":
		w.WriteHeader(http.StatusUnprocessableEntity) // want `status 422 is not documented by operation getLink \(200 404 500\)`
	}
}

// deleteLink's operation has no operationId: it is named by its method and path.
func deleteLink(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("locked") {
		http.Error(w, "locked", http.StatusConflict) // want `status 409 is not documented by operation DELETE /links/\{id\} \(204 404\)`
		return
	}
	http.Error(w, "no such link", http.StatusNotFound)
}

// createLink's operation documents 4XX: every 4xx status.
func createLink(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength == 0 {
		http.Error(w, "empty", http.StatusBadRequest)
		return
	}
	if r.URL.Query().Has("dup") {
		http.Error(w, "taken", http.StatusConflict)
		return
	}
	http.Error(w, "down", http.StatusBadGateway) // want `status 502 is not documented by operation createLink \(201 4XX\)`
}

// health's operation has a default response: every status is documented.
func health(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "teapot", http.StatusTeapot)
	http.Error(w, "unavailable", http.StatusServiceUnavailable)
}

func listTags(w http.ResponseWriter, r *http.Request) {}

func getLinkByHost(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "taken", http.StatusConflict) // want `status 409 is not documented by operation getLink \(200 404 500\)`
}

// notRouted is registered by no route: the API-wide contract applies.
func notRouted(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "teapot", http.StatusTeapot) // want `status 418 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)`
}

// registerMore registers on a mux it is given, whose prefix (a
// StripPrefix mount, say) is not known: a route the spec lacks is not
// reported, and one it has is checked against its operation.
func registerMore(m *http.ServeMux) {
	m.HandleFunc("GET /tags", listTags)
	m.HandleFunc("GET /v1/links/{id}", getLinkAgain)
}

func getLinkAgain(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusConflict) // want `status 409 is not documented by operation getLink \(200 404 500\)`
}
