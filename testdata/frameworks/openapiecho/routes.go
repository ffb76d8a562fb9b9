// Package openapiecho registers echo handlers on groups, and is checked
// against ../openapispec/links.yaml.
package openapiecho

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func Router() *echo.Echo {
	e := echo.New()
	v1 := e.Group("/v1")
	v1.GET("/links/:id", getLink)
	v1.DELETE("/links/:id", deleteLink)
	v1.POST("/links", createLink)
	admin := v1.Group("/admin")
	admin.GET("/stats", stats)
	v1.GET("/tags", listTags) // want `^route GET /v1/tags is not in the OpenAPI spec \.\./openapispec/links\.yaml$`
	return e
}

func getLink(c echo.Context) error {
	if c.Param("id") == "taken" {
		return c.NoContent(http.StatusConflict) // want `^status 409 is not documented by operation getLink \(200 404 500\)$`
	}
	return c.NoContent(http.StatusNotFound)
}

func deleteLink(c echo.Context) error {
	if c.Param("id") == "" {
		return c.NoContent(http.StatusLocked)
	}
	return c.NoContent(http.StatusServiceUnavailable) // want `^status 503 is not documented by operation DELETE /links/\{id\} \(204 4XX\)$`
}

func createLink(c echo.Context) error {
	if c.Param("x") == "" {
		return c.NoContent(http.StatusBadRequest)
	}
	return c.NoContent(http.StatusTooManyRequests) // want `^status 429 is not documented by operation createLink \(201 400 500\)$`
}

func stats(c echo.Context) error {
	return c.NoContent(http.StatusServiceUnavailable)
}

func listTags(c echo.Context) error { return nil }
