package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

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

// createOrder places an order.
//
// @Summary Place an order
// @Success 201 {object} store.Order
// @Failure 400,409,422,500 {object} apiError
// @Router /orders [post]
func (s *Server) createOrder(w http.ResponseWriter, r *http.Request) {
	var in orderInput
	if err := decodeJSON(w, r, &in); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, "cannot decode order: %v", err)
		return
	}
	if problem := in.problem(); problem != "" {
		writeError(w, validationFailed(problem))
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
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusConflict)
		json.NewEncoder(w).Encode(map[string]string{"error": "order already exists"})
	case errors.Is(err, store.ErrNotFound):
		writeError(w, validationFailed("user_id or item_id does not exist"))
	case errors.Is(err, store.ErrInsufficientStock):
		writeError(w, validationFailed("not enough stock for this quantity"))
	case err != nil:
		s.logger.Error("create order", "reference", in.Reference, "err", err)
		writeError(w, serverError())
	default:
		w.Header().Set("Location", "/orders/"+strconv.Itoa(order.ID))
		writeJSON(w, http.StatusCreated, order)
	}
}

// getOrder answers one order.
//
// @Summary Get an order
// @Success 200 {object} store.Order
// @Failure 400,404 {object} apiError
// @Router /orders/{id} [get]
func (s *Server) getOrder(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, badRequest("invalid order id"))
		return
	}
	order, err := s.store.Order(id)
	if err != nil {
		status := http.StatusNotFound
		if errors.Is(err, store.ErrArchived) {
			status = http.StatusGone
		}
		http.Error(w, http.StatusText(status), status)
		return
	}
	writeJSON(w, http.StatusOK, order)
}

// deleteOrder cancels an order.
//
// @Summary Cancel an order
// @Success 204
// @Failure 400,404,500 {object} apiError
// @Router /orders/{id} [delete]
func (s *Server) deleteOrder(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		writeError(w, badRequest("invalid order id"))
		return
	}
	err = s.store.ArchiveOrder(id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, notFound("order not found"))
	case errors.Is(err, store.ErrArchived):
		http.Error(w, "order has already been deleted", http.StatusGone)
	case err != nil:
		s.logger.Error("delete order", "id", id, "err", err)
		writeError(w, serverError())
	default:
		w.WriteHeader(http.StatusNoContent)
	}
}
