// Package api serves the shop's JSON API: items, orders and users.
package api

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"sync/atomic"

	"github.com/errcontract/errcontract/apierror"
	"github.com/errcontract/errcontract/testdata/demo/store"
)

// maxBodyBytes bounds request bodies; the largest valid one is far smaller.
const maxBodyBytes = 1 << 20

// errDraining is why the health check fails while the server shuts down.
var errDraining = errors.New("health check: server is draining")

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

	// Requests that match no route get the API's error body too, not the
	// mux's plain-text 404 or 405.
	mux.HandleFunc("/", s.noRoute)

	return logRequests(s.logger, recoverPanics(s.logger, mux))
}

// Drain fails the health check from now on, so that the load balancer stops
// routing requests here before the server shuts down.
func (s *Server) Drain() {
	s.draining.Store(true)
}

// health answers the load balancer, which takes any status outside 2xx as
// unhealthy; 500 is the server error status the API documents.
func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	if s.draining.Load() {
		apierror.Write(w, r, apierror.Internal(errDraining))
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) noRoute(w http.ResponseWriter, r *http.Request) {
	apierror.Write(w, r, apierror.NotFound("no such endpoint"))
}

func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// decodeError is the response to a body that decodeJSON rejected.
func decodeError(err error) *apierror.Error {
	if err.Error() == "http: request body too large" {
		return apierror.BadRequest("request body is too large").WithCause(err)
	}
	return apierror.BadRequest("request body is not a valid JSON object of the expected shape").WithCause(err)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func pathID(r *http.Request) (int, error) {
	return strconv.Atoi(r.PathValue("id"))
}
