// Package fiberapp is a product catalogue on fiber v2. Handlers write
// through *fiber.Ctx or return errors to fiber's ErrorHandler; the app keeps
// fiber.DefaultErrorHandler (see New).
package fiberapp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/errcontract/errcontract/apierror"
)

type Product struct {
	SKU   string `json:"sku"`
	Name  string `json:"name"`
	Stock int    `json:"stock"`
}

type productInput struct {
	SKU  string `json:"sku"`
	Name string `json:"name"`
}

type reservation struct {
	Quantity int `json:"quantity"`
}

var (
	errNoProduct    = errors.New("product not found")           // want errNoProduct:`sentinel`
	errDuplicateSKU = errors.New("sku already exists")          // want errDuplicateSKU:`sentinel`
	errCounting     = errors.New("inventory count in progress") // want errCounting:`sentinel`
)

type catalogue interface {
	Get(ctx context.Context, sku string) (*Product, error)
	Create(ctx context.Context, in productInput) (*Product, error)
	Reserve(ctx context.Context, sku string, quantity int) error
	Discontinue(ctx context.Context, sku string) error
}

type supplier interface {
	Restock(ctx context.Context, sku string) (*http.Response, error)
}

type Handlers struct {
	Catalogue catalogue
	Supplier  supplier
	Log       *slog.Logger
}

func (h *Handlers) getProduct(c *fiber.Ctx) error {
	product, err := h.Catalogue.Get(c.UserContext(), c.Params("sku"))
	if errors.Is(err, errNoProduct) {
		return c.Status(fiber.StatusNotFound).JSON(fiber.Map{"error": "product not found"}) // want `^c.Status\(fiber.StatusNotFound\).JSON bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
	}
	if err != nil {
		// JSON encodes the map with encoding/json; the string is the body.
		return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"error": err.Error()}) // want `^c.Status\(fiber.StatusInternalServerError\).JSON bypasses` `^error text from err.Error\(\) reaches the response body via c.Status\(fiber.StatusInternalServerError\).JSON$`
	}
	return c.JSON(product)
}

func (h *Handlers) createProduct(c *fiber.Ctx) error {
	var in productInput
	if err := c.BodyParser(&in); err != nil {
		// fiber.DefaultErrorHandler writes err.Error() as a text/plain body,
		// with status 500 or the code of a *fiber.Error in err's chain.
		return err // want `^error text from err reaches the response body via fiber.DefaultErrorHandler$`
	}
	if strings.TrimSpace(in.SKU) == "" {
		c.Status(fiber.StatusBadRequest)
		return c.SendString("sku is required") // want `^c.SendString bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
	}
	product, err := h.Catalogue.Create(c.UserContext(), in)
	if errors.Is(err, errDuplicateSKU) {
		// A *fiber.Error's Message is its Error() text, which
		// DefaultErrorHandler writes with the error's code.
		return fiber.NewError(fiber.StatusConflict, "a product with this sku exists") // want `^fiber.NewError bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
	}
	if err != nil {
		return fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf("invalid product: %v", err)) // want `^fiber.NewError bypasses` `^error text from err reaches the response body via fiber.NewError$`
	}
	return c.Status(fiber.StatusCreated).JSON(product)
}

func (h *Handlers) reserve(c *fiber.Ctx) error {
	var req reservation
	if err := c.BodyParser(&req); err != nil {
		h.Log.Warn("reserve: bad body", "err", err)
		return c.Status(fiber.StatusBadRequest).SendString("the body must be {\"quantity\": n}") // want `^c.Status\(fiber.StatusBadRequest\).SendString bypasses`
	}
	sku := c.Params("sku")
	err := h.Catalogue.Reserve(c.UserContext(), sku, req.Quantity)
	if errors.Is(err, errCounting) {
		code := fiber.StatusLocked
		return fiber.NewError(code, "inventory is being counted, try again later") // want `^fiber.NewError bypasses` `^status 423 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
	}
	if err != nil {
		return fmt.Errorf("reserve %s: %w", sku, err) // want `^error text from err reaches the response body via fiber.DefaultErrorHandler$`
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *Handlers) discontinue(c *fiber.Ctx) error {
	if c.Get("X-Role") != "admin" {
		// SendStatus sets the body to the status text ("Forbidden") when
		// the body is empty, like http.NotFound.
		return c.SendStatus(fiber.StatusForbidden) // want `^c.SendStatus bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
	}
	if c.Query("reason") == "" {
		return c.Status(fiber.StatusTeapot).SendString("a reason is required") // want `^c.Status\(fiber.StatusTeapot\).SendString bypasses` `^status 418 is not documented by the contentful contract`
	}
	if err := h.Catalogue.Discontinue(c.UserContext(), c.Params("sku")); err != nil {
		if strings.Contains(err.Error(), "not found") {
			h.Log.Info("discontinue: unknown sku", "sku", c.Params("sku"))
		}
		h.Log.Error("discontinue", "sku", c.Params("sku"), "err", err)
		// apierror.Error is errcontract:public: its Error() is the generic
		// message, and the cause stays server-side.
		return apierror.Internal(err)
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *Handlers) restock(c *fiber.Ctx) error {
	sku := c.Params("sku")
	resp, err := h.Supplier.Restock(c.UserContext(), sku)
	if err != nil {
		return c.Status(fiber.StatusBadGateway).SendString("supplier: " + err.Error()) // want `^c.Status\(fiber.StatusBadGateway\).SendString bypasses` `^error text from err.Error\(\) reaches the response body via c.Status\(fiber.StatusBadGateway\).SendString$`
	}
	defer resp.Body.Close()
	if resp.StatusCode >= http.StatusBadRequest {
		// The supplier's status is passed on: it is not known here.
		return c.Status(resp.StatusCode).JSON(fiber.Map{"error": "the supplier refused the order"})
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"sku": sku, "restock": "ordered"})
}
