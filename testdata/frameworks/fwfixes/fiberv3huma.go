package fwfixes

// fiber v3: an error of status 500 whose message leaks error text; huma:
// a status that an operation does not list.

import (
	"context"
	"errors"
	"net/http"

	"github.com/danielgtaylor/huma/v2"
	"github.com/gofiber/fiber/v3"
)

var errNoOrder = errors.New("order not found") // want errNoOrder:`sentinel`

type orders interface {
	Get(ctx context.Context, id string) (string, error)
	Cancel(ctx context.Context, id string) error
}

type orderPath struct {
	ID string `path:"id"`
}

type orderOutput struct {
	Body string
}

type Handlers struct {
	Store orders
}

func (h *Handlers) Register(app *fiber.App, api huma.API) {
	app.Get("/orders/:id", h.getOrder)
	huma.Register(api, huma.Operation{
		Method: http.MethodDelete,
		Path:   "/orders/{id}",
		Errors: []int{http.StatusNotFound},
	}, func(ctx context.Context, in *orderPath) (*orderOutput, error) {
		if err := h.Store.Cancel(ctx, in.ID); err != nil {
			return nil, huma.Error409Conflict("the order has shipped") // want `^status 409 is not documented by handler DELETE /orders/\{id\} \(404 422 500\)$`
		}
		return &orderOutput{Body: "cancelled"}, nil
	})
}

func (h *Handlers) getOrder(c fiber.Ctx) error {
	order, err := h.Store.Get(c.Context(), c.Params("id"))
	if errors.Is(err, errNoOrder) {
		// A 404 has no fix: the renderer would answer the canonical
		// error with 500.
		return fiber.NewError(fiber.StatusNotFound, err.Error()) // want `^fiber.NewError bypasses` `^error text from err.Error\(\) reaches the response body via fiber.NewError$`
	}
	if err != nil {
		return fiber.NewError(fiber.StatusInternalServerError, "orders: "+err.Error()) // want `^fiber.NewError bypasses` `^error text from err.Error\(\) reaches the response body via fiber.NewError$`
	}
	return c.SendString(order)
}
