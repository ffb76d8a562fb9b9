package fwfixes

import (
	"fmt"

	"github.com/gofiber/fiber/v2"
)

func getItem(c *fiber.Ctx) error {
	if err := find(c.Params("id")); err != nil {
		return fiber.NewError(fiber.StatusInternalServerError, err.Error()) // want `^fiber.NewError bypasses` `^error text from err.Error\(\) reaches the response body via fiber.NewError$`
	}
	if err := find("stock"); err != nil {
		// A *fiber.Error keeps no cause, and any other error would be a
		// 500: no fix keeps the 404.
		return fiber.NewError(fiber.StatusNotFound, fmt.Sprint(err)) // want `^fiber.NewError bypasses` `^error text from err reaches the response body via fiber.NewError$`
	}
	return c.SendStatus(fiber.StatusNoContent)
}
