package echoapp

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// New returns the service's echo instance. It keeps echo's default
// HTTPErrorHandler with Debug off: the cases in this package depend on it.
func New(h *Handlers) *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	e.GET("/healthz", func(c echo.Context) error {
		return c.JSON(http.StatusOK, echo.Map{"status": "ok"})
	})
	h.Register(e)
	return e
}
