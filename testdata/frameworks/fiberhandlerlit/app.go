// Package fiberhandlerlit is a fiber app whose ErrorHandler, a function
// literal, formats the error into its body.
package fiberhandlerlit

import (
	"errors"
	"fmt"

	"github.com/gofiber/fiber/v2"
)

func New() *fiber.App { // want New:`summary\(statuses=500\)`
	app := fiber.New(fiber.Config{
		ErrorHandler: func(c *fiber.Ctx, err error) error {
			return c.Status(500).SendString(fmt.Sprintf("failed: %v", err)) // want `^c.Status\(500\).SendString bypasses` `^error text from err reaches the response body via c.Status\(500\).SendString$`
		},
	})
	app.Get("/items/:id", getItem)
	return app
}

func load(id string) error { return errors.New("no row for " + id) }

func getItem(c *fiber.Ctx) error {
	if err := load(c.Params("id")); err != nil {
		return err // want `^error text from err reaches the response body via the app's ErrorHandler$`
	}
	return c.JSON(fiber.Map{"id": c.Params("id")})
}
