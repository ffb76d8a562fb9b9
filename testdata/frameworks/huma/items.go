// Package humaapp is an inventory API on huma v2. Handlers return errors
// that huma renders with its default error model: huma.ErrorNNN... and
// huma.NewError put their message in "detail" and the Error() text of
// each error after it in "errors"; any other error is answered with 500
// and its text in "errors". Operations registered with Errors document
// their own statuses.
package humaapp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
)

type Item struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Count int    `json:"count"`
}

type itemPath struct {
	ID string `path:"id"`
}

type itemOutput struct {
	Body *Item
}

type createInput struct {
	Body struct {
		Name  string `json:"name"`
		Count int    `json:"count"`
	}
}

type countInput struct {
	ID    string `path:"id"`
	Delta string `query:"delta"`
}

var (
	errNoItem   = errors.New("item not found")         // want errNoItem:`sentinel`
	errConflict = errors.New("item name is taken")     // want errConflict:`sentinel`
	errFrozen   = errors.New("inventory is frozen")    // want errFrozen:`sentinel`
	errArchived = errors.New("item has been archived") // want errArchived:`sentinel`
)

type store interface {
	Get(ctx context.Context, id string) (*Item, error)
	Create(ctx context.Context, name string, count int) (*Item, error)
	Adjust(ctx context.Context, id string, delta int) (*Item, error)
	Delete(ctx context.Context, id string) error
}

type Handlers struct {
	Store store
	Log   *slog.Logger
}

// New registers the operations on a net/http mux.
func New(h *Handlers) huma.API {
	api := humago.New(http.NewServeMux(), huma.DefaultConfig("Inventory", "1.0.0"))
	huma.Get(api, "/items/{id}", h.getItem)
	huma.Post(api, "/items", h.createItem)
	huma.Register(api, huma.Operation{
		OperationID: "adjust-count",
		Method:      http.MethodPost,
		Path:        "/items/{id}/count",
		Errors:      []int{http.StatusBadRequest, http.StatusNotFound},
	}, h.adjustCount)
	huma.Register(api, huma.Operation{
		OperationID: "delete-item",
		Method:      http.MethodDelete,
		Path:        "/items/{id}",
		Errors:      []int{404, 409},
	}, func(ctx context.Context, in *itemPath) (*struct{}, error) {
		err := h.Store.Delete(ctx, in.ID)
		switch {
		case errors.Is(err, errNoItem):
			return nil, huma.Error404NotFound("no such item")
		case errors.Is(err, errArchived):
			return nil, huma.Error410Gone("the item was archived") // want `^status 410 is not documented by handler DELETE /items/\{id\} \(404 409 422 500\)$`
		case err != nil:
			h.Log.Error("delete item", "id", in.ID, "err", err)
			return nil, huma.Error500InternalServerError("could not delete the item")
		}
		return nil, nil
	})
	huma.Register(api, huma.Operation{
		OperationID: "restock",
		Method:      http.MethodPost,
		Path:        "/items/{id}/restock",
		Errors:      []int{404, 451}, // want `^status 451 documented by handler restock is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
	}, h.restock)
	return api
}

func (h *Handlers) getItem(ctx context.Context, in *itemPath) (*itemOutput, error) {
	item, err := h.Store.Get(ctx, in.ID)
	if errors.Is(err, errNoItem) {
		return nil, huma.Error404NotFound("item not found")
	}
	if errors.Is(err, errFrozen) {
		return nil, huma.Error423Locked("the inventory is being counted") // want `^status 423 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
	}
	if err != nil {
		// huma answers 500 and renders err.Error() in "errors".
		return nil, err // want `^error text from err reaches the response body via huma.NewError$`
	}
	return &itemOutput{Body: item}, nil
}

func (h *Handlers) createItem(ctx context.Context, in *createInput) (*itemOutput, error) {
	if in.Body.Name == "" {
		return nil, huma.Error422UnprocessableEntity("validation failed", &huma.ErrorDetail{
			Message:  "a name is required",
			Location: "body.name",
		})
	}
	item, err := h.Store.Create(ctx, in.Body.Name, in.Body.Count)
	if errors.Is(err, errConflict) {
		// The message is "detail"; each error's text is in "errors": the
		// sentinel's is constant, err's may say more than the sentinel.
		if in.Body.Count == 0 {
			return nil, huma.Error409Conflict("the name is taken", errConflict)
		}
		return nil, huma.Error409Conflict("the name is taken", err) // want `^error text from err reaches the response body via huma.Error409Conflict$`
	}
	if err != nil {
		return nil, huma.Error500InternalServerError("could not create the item", err) // want `^error text from err reaches the response body via huma.Error500InternalServerError$`
	}
	if item.Count < 0 {
		return nil, huma.NewError(http.StatusTeapot, "negative stock") // want `^status 418 is not documented by the contentful contract`
	}
	return &itemOutput{Body: item}, nil
}

// adjustCount documents 400 and 404 (and huma adds 422 and 500).
func (h *Handlers) adjustCount(ctx context.Context, in *countInput) (*itemOutput, error) { // want adjustCount:`summary\(body=1\)`
	delta, err := strconv.Atoi(in.Delta)
	if err != nil {
		return nil, huma.Error400BadRequest("delta: " + err.Error()) // want `^error text from err.Error\(\), which echoes client input \(strconv.Atoi\), reaches the response body via huma.Error400BadRequest$`
	}
	item, err := h.Store.Adjust(ctx, in.ID, delta)
	if errors.Is(err, errNoItem) {
		return nil, huma.Error404NotFound(fmt.Sprintf("item %s not found", in.ID))
	}
	if errors.Is(err, errConflict) {
		return nil, huma.Error409Conflict("the count changed meanwhile") // want `^status 409 is not documented by handler adjustCount \(400 404 422 500\)$`
	}
	if err != nil {
		return nil, fmt.Errorf("adjust %s: %w", in.ID, err) // want `^error text from err reaches the response body via huma.NewError$`
	}
	return &itemOutput{Body: item}, nil
}

// restock documents 451, which the API contract does not.
func (h *Handlers) restock(ctx context.Context, in *itemPath) (*itemOutput, error) {
	item, err := h.Store.Get(ctx, in.ID)
	if err != nil {
		h.Log.Error("restock", "id", in.ID, "err", err)
		return nil, huma.NewError(http.StatusNotFound, "item not found")
	}
	return &itemOutput{Body: item}, nil
}

// lookup has the shape of a huma handler and is not registered as one:
// its errors go to its caller, not to a client.
func (h *Handlers) lookup(ctx context.Context, in *itemPath) (*Item, error) {
	item, err := h.Store.Get(ctx, in.ID)
	if err != nil {
		return nil, fmt.Errorf("lookup %s: %w", in.ID, err)
	}
	return item, nil
}
