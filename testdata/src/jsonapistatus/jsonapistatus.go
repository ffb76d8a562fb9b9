package jsonapistatus

import "net/http"

func unsupported(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusUnsupportedMediaType) // documented by jsonapi
	w.WriteHeader(http.StatusTooManyRequests)      // want `^status 429 is not documented by the jsonapi contract \(200 201 400 401 403 404 405 409 415 422 500\)$`
	w.WriteHeader(http.StatusAccepted)             // want `^status 202 is not documented by the jsonapi contract`
	w.WriteHeader(http.StatusCreated)
	http.Redirect(w, r, "/", http.StatusFound)
}
