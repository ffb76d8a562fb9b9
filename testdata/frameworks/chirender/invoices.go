// Package chirender is an invoice API on chi with github.com/go-chi/render.
// render.Status stores a status in the request's context; render.JSON,
// render.PlainText and render.Render write it with the body.
package chirender

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/render"

	"github.com/errcontract/errcontract/apierror"
)

type Invoice struct {
	ID     int64  `json:"id"`
	Amount int64  `json:"amount"`
	State  string `json:"state"`
}

var (
	errNoInvoice = errors.New("invoice not found")    // want errNoInvoice:`sentinel`
	errPaid      = errors.New("invoice already paid") // want errPaid:`sentinel`
	errVoided    = errors.New("invoice voided")       // want errVoided:`sentinel`
)

type ledger interface {
	Invoice(ctx context.Context, id int64) (*Invoice, error)
	Pay(ctx context.Context, id int64) error
	Void(ctx context.Context, id int64) error
	Search(ctx context.Context, query string, limit int) ([]Invoice, error)
}

type bank interface {
	Settle(ctx context.Context, id int64) (*http.Response, error)
}

type Handlers struct {
	Ledger ledger
	Bank   bank
	Log    *slog.Logger
}

func (h *Handlers) Routes() chi.Router {
	r := chi.NewRouter()
	r.Get("/invoices", h.search)
	r.Get("/invoices/{id}", h.getInvoice)
	r.Post("/invoices/{id}/payment", h.pay)
	r.Post("/invoices/{id}/void", h.void)
	r.Post("/invoices/{id}/settlement", h.settle)
	return r
}

// errResponse is an error body rendered with render.Render: its Render
// method sets the status, and render.Respond encodes the struct as JSON.
type errResponse struct {
	status  int
	Message string `json:"message"`
	Detail  string `json:"detail,omitempty"`
}

func (e *errResponse) Render(w http.ResponseWriter, r *http.Request) error {
	render.Status(r, e.status)
	return nil
}

func (h *Handlers) getInvoice(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		render.Status(r, http.StatusBadRequest)
		render.PlainText(w, r, "invoice id must be a number") // want `^render.PlainText bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
		return
	}
	inv, err := h.Ledger.Invoice(r.Context(), id)
	if errors.Is(err, errNoInvoice) {
		render.Status(r, http.StatusNotFound)
		render.JSON(w, r, render.M{"error": "invoice not found"}) // want `^render.JSON bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
		return
	}
	if err != nil {
		render.Status(r, http.StatusInternalServerError)
		render.JSON(w, r, render.M{"error": err.Error()}) // want `^render.JSON bypasses` `^error text from err.Error\(\) reaches the response body via render.JSON$`
		return
	}
	render.JSON(w, r, inv)
}

func (h *Handlers) pay(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		apierror.Write(w, r, apierror.BadRequest("invoice id must be a number").WithCause(err))
		return
	}
	err = h.Ledger.Pay(r.Context(), id)
	switch {
	case errors.Is(err, errPaid):
		render.Status(r, http.StatusConflict)
		render.JSON(w, r, render.M{"error": "invoice already paid"}) // want `^render.JSON bypasses`
		return
	case errors.Is(err, errVoided):
		render.Status(r, http.StatusGone)                      // want `^status 410 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
		render.JSON(w, r, render.M{"error": "invoice voided"}) // want `^render.JSON bypasses`
		return
	case err != nil:
		h.Log.Error("pay invoice", "id", id, "err", err)
		apierror.Write(w, r, apierror.Internal(err))
		return
	}
	render.Status(r, http.StatusAccepted)
	render.JSON(w, r, render.M{"id": id, "state": "paying"})
}

func (h *Handlers) void(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		// render.Render calls the Render method (which sets the status from
		// the field) and then encodes the struct: Detail is in the body.
		render.Render(w, r, &errResponse{status: http.StatusBadRequest, Message: "invalid invoice id", Detail: err.Error()}) // want `^render.Render bypasses the canonical error constructors` `^error text from err.Error\(\), which echoes client input \(strconv.ParseInt\), reaches the response body via render.Render$`
		return
	}
	if err := h.Ledger.Void(r.Context(), id); err != nil {
		h.Log.Error("void invoice", "id", id, "err", err)
		// The status is the field that Render passes to render.Status.
		render.Render(w, r, &errResponse{status: http.StatusInternalServerError, Message: "could not void the invoice"}) // want `^render.Render bypasses the canonical error constructors`
		return
	}
	render.NoContent(w, r)
}

func (h *Handlers) search(w http.ResponseWriter, r *http.Request) {
	limit := 50
	if s := r.URL.Query().Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			status := http.StatusRequestedRangeNotSatisfiable
			render.Status(r, status)                                  // want `^status 416 is not documented by the contentful contract`
			render.PlainText(w, r, "limit must be a positive number") // want `^render.PlainText bypasses`
			return
		}
		limit = n
	}
	invoices, err := h.Ledger.Search(r.Context(), r.URL.Query().Get("q"), limit)
	if err != nil {
		if strings.Contains(err.Error(), "syntax") {
			apierror.Write(w, r, apierror.InvalidQuery("the query is not valid").WithCause(err))
			return
		}
		render.Status(r, http.StatusBadRequest)
		render.PlainText(w, r, fmt.Sprintf("search failed: %v", err)) // want `^render.PlainText bypasses` `^error text from err reaches the response body via render.PlainText$`
		return
	}
	render.JSON(w, r, invoices)
}

func (h *Handlers) settle(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		apierror.Write(w, r, apierror.BadRequest("invoice id must be a number").WithCause(err))
		return
	}
	resp, err := h.Bank.Settle(r.Context(), id)
	if err != nil {
		h.Log.Error("settle", "id", id, "err", err)
		apierror.Write(w, r, apierror.BadGateway("the bank did not answer"))
		return
	}
	defer resp.Body.Close()
	// The bank's status is passed on: it is not known here.
	render.Status(r, resp.StatusCode)
	render.JSON(w, r, render.M{"id": id, "settlement": resp.Header.Get("X-Settlement")})
}
