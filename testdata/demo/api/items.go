package api

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

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

// listItems lists the items.
//
// @Summary List items
// @Success 200 {array} store.Item
// @Router /items [get]
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

// getItem answers one item.
//
// @Summary Get an item
// @Success 200 {object} store.Item
// @Failure 400,404 {object} apiError
// @Router /items/{id} [get]
func (s *Server) getItem(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		http.Error(w, "invalid item id", http.StatusBadRequest)
		return
	}
	item, err := s.store.Item(id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, notFound("item not found"))
		s.logger.Debug("item not found", "id", id)
		return
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, item)
}

// createItem adds an item.
//
// @Summary Create an item
// @Success 201 {object} store.Item
// @Failure 400,422 {object} apiError
// @Router /items [post]
func (s *Server) createItem(w http.ResponseWriter, r *http.Request) {
	var in itemInput
	if err := decodeJSON(w, r, &in); err != nil {
		writeError(w, badRequest("invalid item: "+err.Error()))
		return
	}
	if problem := in.problem(); problem != "" {
		writeError(w, validationFailed(problem))
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
