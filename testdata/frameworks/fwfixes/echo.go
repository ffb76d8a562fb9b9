// Package fwfixes holds the fixes of error text in framework error
// constructors.
package fwfixes

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
)

func find(id string) error { return errors.New("no row for " + id) }

func getNote(c echo.Context) error {
	if err := find(c.Param("id")); err != nil {
		return echo.NewHTTPError(http.StatusNotFound, err.Error()) // want `^echo.NewHTTPError bypasses` `^error text from err.Error\(\) reaches the response body via echo.NewHTTPError$`
	}
	if err := find("owner"); err != nil {
		// The cause is kept already: replacing it would lose that one.
		return echo.NewHTTPError(http.StatusConflict, err.Error()).SetInternal(err) // want `^echo.NewHTTPError bypasses` `^error text from err.Error\(\) reaches`
	}
	return c.NoContent(http.StatusNoContent)
}
