package api

import (
	"errors"
	"fmt"
	"net/http"
	"net/mail"
	"strconv"

	"github.com/errcontract/errcontract/apierror"
	"github.com/errcontract/errcontract/testdata/demo/store"
)

type userInput struct {
	Email string `json:"email"`
	Name  string `json:"name"`
}

func (s *Server) createUser(w http.ResponseWriter, r *http.Request) {
	var in userInput
	if err := decodeJSON(w, r, &in); err != nil {
		apierror.Write(w, r, decodeError(err))
		return
	}
	if _, err := mail.ParseAddress(in.Email); err != nil {
		apierror.Write(w, r, apierror.ValidationFailed("email is not a valid address").WithPointer("/email").WithCause(err))
		return
	}
	user, err := s.store.CreateUser(store.User{Email: in.Email, Name: in.Name})
	if errors.Is(err, store.ErrDuplicate) {
		apierror.Write(w, r, apierror.ValidationFailed("a user with this email already exists").WithPointer("/email").WithCause(err))
		return
	}
	if err != nil {
		apierror.Write(w, r, apierror.Internal(fmt.Errorf("create user: %w", err)))
		return
	}
	w.Header().Set("Location", "/users/"+strconv.Itoa(user.ID))
	writeJSON(w, http.StatusCreated, user)
}

func (s *Server) getUser(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		apierror.Write(w, r, apierror.BadRequest("invalid user id").WithCause(err))
		return
	}
	user, err := s.store.User(id)
	if errors.Is(err, store.ErrNotFound) {
		apierror.Write(w, r, apierror.NotFound("user not found"))
		return
	}
	if err != nil {
		apierror.Write(w, r, apierror.Internal(fmt.Errorf("lookup failed: %w", err)))
		return
	}
	writeJSON(w, http.StatusOK, user)
}
