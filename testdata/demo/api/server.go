// Package api serves the shop's JSON API: items, orders and users.
package api

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"sync/atomic"

	"github.com/errcontract/errcontract/testdata/demo/store"
)

// maxBodyBytes bounds request bodies; the largest valid one is far smaller.
const maxBodyBytes = 1 << 20

// Server answers the API's requests from one store.
type Server struct {
	store    *store.Store
	logger   *slog.Logger
	draining atomic.Bool
}

func NewServer(st *store.Store, logger *slog.Logger) *Server {
	return &Server{store: st, logger: logger}
}

// Handler returns the API's routes wrapped in its middleware.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.health)

	mux.HandleFunc("GET /items", s.listItems)
	mux.HandleFunc("GET /items/export", s.exportItems)
	mux.HandleFunc("POST /items", requireJSON(s.createItem))
	mux.HandleFunc("GET /items/{id}", s.getItem)

	mux.HandleFunc("POST /orders", requireJSON(s.createOrder))
	mux.HandleFunc("GET /orders/{id}", s.getOrder)
	mux.HandleFunc("DELETE /orders/{id}", s.deleteOrder)

	mux.HandleFunc("POST /users", requireJSON(s.createUser))
	mux.HandleFunc("GET /users/{id}", s.getUser)

	return logRequests(s.logger, recoverPanics(s.logger, mux))
}

// Drain fails the health check from now on, so that the load balancer stops
// routing requests here before the server shuts down.
func (s *Server) Drain() {
	s.draining.Store(true)
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	if s.draining.Load() {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// decodeError is the response to a body that decodeJSON rejected.
func decodeError(err error) *apiError {
	if err.Error() == "http: request body too large" {
		return badRequest("request body is too large")
	}
	return badRequest("request body is not a valid JSON object of the expected shape")
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func pathID(r *http.Request) (int, error) {
	return strconv.Atoi(r.PathValue("id"))
}
