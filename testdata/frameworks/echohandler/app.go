// Package echohandler is an echo app whose HTTPErrorHandler answers every
// error with a constant message: not even the binder's errors, which
// echo's default handler shows, reach the client.
package echohandler

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func New() *echo.Echo { // want New:`summary\(statuses=500\)`
	e := echo.New()
	e.HTTPErrorHandler = func(err error, c echo.Context) {
		c.Logger().Error(err)
		c.JSON(http.StatusInternalServerError, echo.Map{"message": "the request failed"}) // want `^c.JSON bypasses`
	}
	e.POST("/notes", createNote)
	return e
}

func createNote(c echo.Context) error {
	var in struct{ Text string }
	if err := c.Bind(&in); err != nil {
		return err
	}
	return c.NoContent(http.StatusCreated)
}
