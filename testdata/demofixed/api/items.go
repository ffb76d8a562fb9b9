package api

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/errcontract/errcontract/apierror"
	"github.com/errcontract/errcontract/testdata/demo/store"
)

type itemInput struct {
	SKU        string `json:"sku"`
	Name       string `json:"name"`
	PriceCents int    `json:"price_cents"`
	Stock      int    `json:"stock"`
}

// problem returns what is wrong with the input, or "" if nothing is.
func (in itemInput) problem() string {
	switch {
	case in.SKU == "":
		return "sku is required"
	case in.Name == "":
		return "name is required"
	case in.PriceCents < 0 || in.Stock < 0:
		return "price_cents and stock must not be negative"
	}
	return ""
}

func (s *Server) listItems(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.store.Items())
}

// exportItems streams the stock list as CSV for the warehouse.
func (s *Server) exportItems(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="items.csv"`)
	w.Write([]byte("id,sku,stock\n"))
	var line []byte
	for _, item := range s.store.Items() {
		line = fmt.Appendf(line[:0], "%d,%s,%d\n", item.ID, item.SKU, item.Stock)
		w.Write(line)
	}
}

func (s *Server) getItem(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		apierror.Write(w, r, apierror.BadRequest("invalid item id").WithCause(err))
		return
	}
	item, err := s.store.Item(id)
	if errors.Is(err, store.ErrNotFound) {
		apierror.Write(w, r, apierror.NotFound("item not found"))
		s.logger.Debug("item not found", "id", id)
		return
	}
	if err != nil {
		apierror.Write(w, r, apierror.Internal(err))
		return
	}
	writeJSON(w, http.StatusOK, item)
}

func (s *Server) createItem(w http.ResponseWriter, r *http.Request) {
	var in itemInput
	if err := decodeJSON(w, r, &in); err != nil {
		apierror.Write(w, r, decodeError(err))
		return
	}
	if problem := in.problem(); problem != "" {
		apierror.Write(w, r, apierror.ValidationFailed(problem))
		return
	}
	item := s.store.CreateItem(store.Item{
		SKU:        in.SKU,
		Name:       in.Name,
		PriceCents: in.PriceCents,
		Stock:      in.Stock,
	})
	w.Header().Set("Location", "/items/"+strconv.Itoa(item.ID))
	writeJSON(w, http.StatusCreated, item)
}
