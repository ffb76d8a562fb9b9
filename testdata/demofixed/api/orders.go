package api

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/errcontract/errcontract/apierror"
	"github.com/errcontract/errcontract/testdata/demo/store"
)

type orderInput struct {
	Reference string `json:"reference"`
	UserID    int    `json:"user_id"`
	ItemID    int    `json:"item_id"`
	Quantity  int    `json:"quantity"`
}

func (in orderInput) problem() string {
	switch {
	case in.Reference == "":
		return "reference is required"
	case in.Quantity <= 0:
		return "quantity must be positive"
	}
	return ""
}

func (s *Server) createOrder(w http.ResponseWriter, r *http.Request) {
	var in orderInput
	if err := decodeJSON(w, r, &in); err != nil {
		apierror.Write(w, r, decodeError(err))
		return
	}
	if problem := in.problem(); problem != "" {
		apierror.Write(w, r, apierror.ValidationFailed(problem))
		return
	}
	order, err := s.store.CreateOrder(store.Order{
		Reference: in.Reference,
		UserID:    in.UserID,
		ItemID:    in.ItemID,
		Quantity:  in.Quantity,
	})
	switch {
	case errors.Is(err, store.ErrDuplicate):
		apierror.Write(w, r, apierror.Conflict("order already exists").WithCause(err))
	case errors.Is(err, store.ErrNotFound):
		apierror.Write(w, r, apierror.ValidationFailed("user_id or item_id does not exist").WithCause(err))
	case errors.Is(err, store.ErrInsufficientStock):
		apierror.Write(w, r, apierror.ValidationFailed("not enough stock for this quantity").WithCause(err))
	case err != nil:
		apierror.Write(w, r, apierror.Internal(fmt.Errorf("create order %q: %w", in.Reference, err)))
	default:
		w.Header().Set("Location", "/orders/"+strconv.Itoa(order.ID))
		writeJSON(w, http.StatusCreated, order)
	}
}

// getOrder answers for archived orders as for missing ones: archived orders
// are hidden from clients.
func (s *Server) getOrder(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		apierror.Write(w, r, apierror.BadRequest("invalid order id").WithCause(err))
		return
	}
	order, err := s.store.Order(id)
	switch {
	case errors.Is(err, store.ErrNotFound), errors.Is(err, store.ErrArchived):
		apierror.Write(w, r, apierror.NotFound("order not found").WithCause(err))
	case err != nil:
		apierror.Write(w, r, apierror.Internal(fmt.Errorf("get order %d: %w", id, err)))
	default:
		writeJSON(w, http.StatusOK, order)
	}
}

func (s *Server) deleteOrder(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		apierror.Write(w, r, apierror.BadRequest("invalid order id").WithCause(err))
		return
	}
	err = s.store.ArchiveOrder(id)
	switch {
	case errors.Is(err, store.ErrNotFound), errors.Is(err, store.ErrArchived):
		apierror.Write(w, r, apierror.NotFound("order not found").WithCause(err))
	case err != nil:
		apierror.Write(w, r, apierror.Internal(fmt.Errorf("delete order %d: %w", id, err)))
	default:
		w.WriteHeader(http.StatusNoContent)
	}
}
