// Package fwhelperuse calls the helpers of fwhelpers from gin, echo and
// fiber handlers: leaks and statuses are reported at the calls.
package fwhelperuse

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"

	"example.com/frameworks/fwhelpers"
)

func load(id string) error { return errors.New("no row for " + id) }

func ginHandler(c *gin.Context) {
	if err := load(c.Param("id")); err != nil {
		fwhelpers.GinFail(c, http.StatusInternalServerError, err.Error()) // want `^error text from err.Error\(\) reaches the response body via fwhelpers.GinFail$`
		return
	}
	fwhelpers.GinFail(c, http.StatusTeapot, "short and stout") // want `^status 418 is not documented by the contentful contract`
}

func echoHandler(c echo.Context) error {
	if err := load(c.Param("id")); err != nil {
		return fwhelpers.EchoFail(c, http.StatusBadGateway, "upstream: "+err.Error()) // want `^error text from err.Error\(\) reaches the response body via fwhelpers.EchoFail$`
	}
	return fwhelpers.EchoFail(c, http.StatusNotFound, "no such user")
}

func fiberHandler(c *fiber.Ctx) error {
	if err := load(c.Params("id")); err != nil {
		return fwhelpers.FiberFail(c, fiber.StatusInternalServerError, err.Error()) // want `^error text from err.Error\(\) reaches the response body via fwhelpers.FiberFail$`
	}
	return fwhelpers.FiberFail(c, fiber.StatusNotFound, "no such product")
}
