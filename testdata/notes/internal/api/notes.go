// Package api is the notes service's HTTP API.
package api

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"sync"

	"example.com/notes/internal/httperr"
)

// A Note is one note.
type Note struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// Server serves the notes API.
type Server struct {
	mu    sync.Mutex
	notes map[string]Note
}

// NewServer returns a server with no notes.
func NewServer() *Server { return &Server{notes: make(map[string]Note)} }

// Handler returns the API's routes.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /notes/{id}", s.get)
	mux.HandleFunc("POST /notes", s.create)
	mux.HandleFunc("PUT /notes/{id}", s.update)
	mux.HandleFunc("DELETE /notes/{id}", s.remove)
	return mux
}

func (s *Server) get(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, ok := s.notes[r.PathValue("id")]
	if !ok {
		httperr.NotFound(w, "note")
		return
	}
	httperr.JSON(w, http.StatusOK, n)
}

func (s *Server) create(w http.ResponseWriter, r *http.Request) {
	var n Note
	if err := json.NewDecoder(r.Body).Decode(&n); err != nil {
		httperr.Write(w, http.StatusBadRequest, "the body is not a note")
		return
	}
	if n.Text == "" {
		httperr.Write(w, http.StatusUnprocessableEntity, "a note needs text")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.notes[n.ID]; ok {
		httperr.Write(w, http.StatusConflict, "a note with this id exists")
		return
	}
	s.notes[n.ID] = n
	httperr.JSON(w, http.StatusCreated, n)
}

func (s *Server) update(w http.ResponseWriter, r *http.Request) {
	var n Note
	if err := json.NewDecoder(r.Body).Decode(&n); err != nil {
		httperr.Write(w, http.StatusBadRequest, "the body is not a note")
		return
	}
	if err := s.save(r.PathValue("id"), n); err != nil {
		log.Printf("update: %v", err)
		httperr.Write(w, http.StatusInternalServerError, "the note could not be saved")
		return
	}
	httperr.JSON(w, http.StatusOK, n)
}

func (s *Server) remove(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.notes[r.PathValue("id")]; !ok {
		httperr.NotFound(w, "note")
		return
	}
	delete(s.notes, r.PathValue("id"))
	w.WriteHeader(http.StatusNoContent)
}

var errReadOnly = errors.New("the store is read-only")

func (s *Server) save(id string, n Note) error {
	if id == "" {
		return errReadOnly
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.notes[id] = n
	return nil
}
