// Package openapifiber registers fiber handlers on groups, and is checked
// against ../openapispec/links.yaml.
package openapifiber

import (
	"github.com/gofiber/fiber/v2"
)

func App() *fiber.App {
	app := fiber.New()
	v1 := app.Group("/v1")
	v1.Get("/links/:id", getLink)
	v1.Delete("/links/:id", deleteLink)
	v1.Post("/links", createLink)
	admin := v1.Group("/admin")
	admin.Get("/stats", stats)
	v1.Get("/tags", listTags) // want `^route GET /v1/tags is not in the OpenAPI spec \.\./openapispec/links\.yaml$`
	return app
}

func getLink(c *fiber.Ctx) error {
	if c.Params("id") == "taken" {
		return c.SendStatus(fiber.StatusConflict) // want `^status 409 is not documented by operation getLink \(200 404 500\)$`
	}
	return c.SendStatus(fiber.StatusNotFound)
}

func deleteLink(c *fiber.Ctx) error {
	if c.Params("id") == "" {
		return c.SendStatus(fiber.StatusLocked)
	}
	return c.SendStatus(fiber.StatusServiceUnavailable) // want `^status 503 is not documented by operation DELETE /links/\{id\} \(204 4XX\)$`
}

func createLink(c *fiber.Ctx) error {
	if c.Params("x") == "" {
		return c.SendStatus(fiber.StatusBadRequest)
	}
	return c.SendStatus(fiber.StatusTooManyRequests) // want `^status 429 is not documented by operation createLink \(201 400 500\)$`
}

func stats(c *fiber.Ctx) error {
	return c.SendStatus(fiber.StatusServiceUnavailable)
}

func listTags(c *fiber.Ctx) error { return nil }
