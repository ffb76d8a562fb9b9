package fwfixes

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func saveNote(c echo.Context) error {
	if err := find(c.Param("id")); err != nil {
		return echo.NewHTTPError(http.StatusInternalServerError, err.Error()) // want `^echo.NewHTTPError bypasses` `^error text from err.Error\(\) reaches the response body via echo.NewHTTPError$`
	}
	return c.NoContent(http.StatusNoContent)
}
