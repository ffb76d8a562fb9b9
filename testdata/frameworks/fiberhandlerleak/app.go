// Package fiberhandlerleak is a fiber app whose ErrorHandler writes the
// error's text: the errors its handlers return reach the client.
package fiberhandlerleak

import (
	"errors"
	"fmt"

	"github.com/gofiber/fiber/v2"
)

func New() *fiber.App {
	cfg := fiber.Config{AppName: "items"}
	cfg.ErrorHandler = renderError
	app := fiber.New(cfg)
	app.Get("/items/:id", getItem)
	app.Post("/items", createItem)
	return app
}

func renderError(c *fiber.Ctx, err error) error {
	code := fiber.StatusInternalServerError
	var fe *fiber.Error
	if errors.As(err, &fe) {
		code = fe.Code
	}
	return c.Status(code).JSON(fiber.Map{"error": err.Error()}) // want `^error text from err.Error\(\) reaches the response body via c.Status\(code\).JSON$`
}

var errNoItem = errors.New("no such item") // want errNoItem:`sentinel`

func load(id string) error { return errors.New("no row for " + id) }

func getItem(c *fiber.Ctx) error {
	if c.Params("id") == "" {
		return errNoItem // a sentinel's constant text is the handler's own
	}
	if err := load(c.Params("id")); err != nil {
		return err // want `^error text from err reaches the response body via the app's ErrorHandler$`
	}
	return c.JSON(fiber.Map{"id": c.Params("id")})
}

func createItem(c *fiber.Ctx) error {
	var in struct{ Name string }
	if err := c.BodyParser(&in); err != nil {
		return fmt.Errorf("create item: %w", err) // want `^error text from err reaches the response body via the app's ErrorHandler$`
	}
	return fiber.NewError(fiber.StatusConflict, "the item exists") // want `^fiber.NewError bypasses`
}
