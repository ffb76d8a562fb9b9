// Package fiberhandler is a fiber app whose ErrorHandler answers every
// returned error with a constant message: the errors its handlers return
// are logged, not shown.
package fiberhandler

import (
	"errors"
	"fmt"
	"log/slog"

	"github.com/gofiber/fiber/v2"
)

func New(log *slog.Logger) *fiber.App {
	app := fiber.New(fiber.Config{
		ErrorHandler: func(c *fiber.Ctx, err error) error {
			log.Error("request failed", "path", c.Path(), "err", err)
			code := fiber.StatusInternalServerError
			var fe *fiber.Error
			if errors.As(err, &fe) {
				code = fe.Code
			}
			return c.Status(code).JSON(fiber.Map{"message": "the request failed"})
		},
	})
	app.Get("/items/:id", getItem)
	app.Post("/items", createItem)
	return app
}

func load(id string) error { return errors.New("no row for " + id) }

func getItem(c *fiber.Ctx) error {
	if err := load(c.Params("id")); err != nil {
		return err
	}
	return c.JSON(fiber.Map{"id": c.Params("id")})
}

func createItem(c *fiber.Ctx) error {
	var in struct{ Name string }
	if err := c.BodyParser(&in); err != nil {
		return fmt.Errorf("create item: %w", err)
	}
	return c.SendStatus(fiber.StatusCreated)
}
