// Package echodebug is an echo app with Debug set: echo's default error
// handler adds every error's text to its body.
package echodebug

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
)

func New() *echo.Echo {
	e := echo.New()
	e.Debug = true
	e.GET("/notes/:id", getNote)
	return e
}

func load(id string) (string, error) { return "", errors.New("no row for " + id) }

func getNote(c echo.Context) error {
	text, err := load(c.Param("id"))
	if err != nil {
		return err // want `^error text from err reaches the response body via \(\*echo.Echo\).DefaultHTTPErrorHandler with Debug set$`
	}
	return c.String(http.StatusOK, text)
}
