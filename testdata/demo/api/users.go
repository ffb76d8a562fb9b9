package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/mail"
	"strconv"

	"github.com/errcontract/errcontract/testdata/demo/store"
)

type userInput struct {
	Email string `json:"email"`
	Name  string `json:"name"`
}

// createUser registers a user.
//
// @Summary Register a user
// @Success 201 {object} store.User
// @Failure 400,422,500 {object} apiError
// @Router /users [post]
func (s *Server) createUser(w http.ResponseWriter, r *http.Request) {
	var in userInput
	if err := decodeJSON(w, r, &in); err != nil {
		writeError(w, decodeError(err))
		return
	}
	if _, err := mail.ParseAddress(in.Email); err != nil {
		writeError(w, validationFailed("email is not a valid address"))
		return
	}
	user, err := s.store.CreateUser(store.User{Email: in.Email, Name: in.Name})
	if err != nil {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
		return
	}
	w.Header().Set("Location", "/users/"+strconv.Itoa(user.ID))
	writeJSON(w, http.StatusCreated, user)
}

// getUser answers one user.
//
// @Summary Get a user
// @Success 200 {object} store.User
// @Failure 400,404,500 {object} apiError
// @Router /users/{id} [get]
func (s *Server) getUser(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, badRequest("invalid user id"))
		return
	}
	user, err := s.store.User(id)
	if errors.Is(err, store.ErrNotFound) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		msg := "lookup failed: " + err.Error()
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, msg)
		return
	}
	writeJSON(w, http.StatusOK, user)
}
