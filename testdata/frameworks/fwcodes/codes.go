// Package fwcodes writes contentful error bodies through gin, echo, fiber
// and chi's render: the code, sys.id, is checked against the status each
// writer writes with it.
package fwcodes

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/render"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

func ginHandler(c *gin.Context) {
	switch c.Param("case") {
	case "map":
		c.JSON(http.StatusNotFound, gin.H{"sys": gin.H{"type": "Error", "id": "NotFound"}, "message": "no such order"}) // want `^c.JSON bypasses the canonical` `^code NotFound is not documented for 404 by the contentful contract \(NotFoundError\)$`
	case "abort":
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"sys": gin.H{"type": "Error", "id": "Unauthorized"}}) // want `^c.AbortWithStatusJSON bypasses the canonical` `^code Unauthorized is not documented for 401 by the contentful contract \(AccessTokenInvalidError\)$`
	case "documented":
		c.JSON(http.StatusNotFound, gin.H{"sys": gin.H{"type": "Error", "id": "NotFoundError"}}) // want `^c.JSON bypasses the canonical`
	case "xml":
		c.XML(http.StatusNotFound, gin.H{"sys": gin.H{"type": "Error", "id": "NotFound"}}) // want `^c.XML bypasses the canonical`
	case "ok":
		c.JSON(http.StatusOK, gin.H{"sys": gin.H{"type": "Entry", "id": "order-1"}})
	}
}

func echoHandler(c echo.Context) error {
	switch c.Param("case") {
	case "map":
		return c.JSON(http.StatusConflict, echo.Map{"sys": echo.Map{"type": "Error", "id": "Conflict"}}) // want `^c.JSON bypasses the canonical` `^code Conflict is not documented for 409 by the contentful contract \(VersionMismatchError\)$`
	case "error":
		// What the HTTPErrorHandler makes of it is the application's.
		return echo.NewHTTPError(http.StatusConflict, echo.Map{"sys": echo.Map{"type": "Error", "id": "Conflict"}}) // want `^echo.NewHTTPError bypasses the canonical`
	}
	return c.JSON(http.StatusConflict, echo.Map{"sys": echo.Map{"type": "Error", "id": "VersionMismatchError"}}) // want `^c.JSON bypasses the canonical`
}

func fiberHandler(c *fiber.Ctx) error {
	switch c.Params("case") {
	case "chained":
		return c.Status(fiber.StatusTooManyRequests).JSON(fiber.Map{"sys": fiber.Map{"type": "Error", "id": "SlowDown"}}) // want `^c.Status\(fiber.StatusTooManyRequests\).JSON bypasses the canonical` `^code SlowDown is not documented for 429 by the contentful contract \(RateLimitExceededError\)$`
	case "before":
		c.Status(fiber.StatusUnprocessableEntity)
		return c.JSON(fiber.Map{"sys": fiber.Map{"type": "Error", "id": "Invalid"}}) // want `^c.JSON bypasses the canonical` `^code Invalid is not documented for 422 by the contentful contract \(ValidationFailedError InvalidEntryError\)$`
	}
	return c.JSON(fiber.Map{"sys": fiber.Map{"type": "Entry", "id": "product-1"}})
}

func renderHandler(w http.ResponseWriter, r *http.Request) {
	render.Status(r, http.StatusBadRequest)
	render.JSON(w, r, render.M{"sys": render.M{"type": "Error", "id": "BadRequest"}}) // want `^render.JSON bypasses the canonical` `^code BadRequest is not documented for 400 by the contentful contract \(BadRequestError InvalidQueryError\)$`
}

// fail is a gin helper: its callers give the status and the code.
func fail(c *gin.Context, status int, code, message string) { // want fail:`summary\(body=2,3 status=1 json=2:sys.id@p1\)`
	c.AbortWithStatusJSON(status, gin.H{"sys": gin.H{"type": "Error", "id": code}, "message": message})
}

func ginHelper(c *gin.Context) {
	if c.Query("id") == "" {
		fail(c, http.StatusBadRequest, "MissingID", "id is required") // want `^code MissingID is not documented for 400 by the contentful contract \(BadRequestError InvalidQueryError\)$`
		return
	}
	fail(c, http.StatusNotFound, "NotFoundError", "no such order")
}
