// Package echohandlerleak is an echo app whose HTTPErrorHandler, a method,
// shows every error's text.
package echohandlerleak

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
)

type API struct{ notes map[string]string }

func (a *API) Register(e *echo.Echo) {
	e.HTTPErrorHandler = a.renderError
	e.GET("/notes/:id", a.getNote)
}

func (a *API) renderError(err error, c echo.Context) { // want renderError:`summary\(statuses=500 writes-error\)`
	msg := "the request failed: " + err.Error()
	c.String(http.StatusInternalServerError, msg) // want `^c.String bypasses` `^error text from err.Error\(\) reaches the response body via c.String$`
}

func (a *API) load(id string) (string, error) {
	text, ok := a.notes[id]
	if !ok {
		return "", errors.New("no row for " + id)
	}
	return text, nil
}

func (a *API) getNote(c echo.Context) error {
	text, err := a.load(c.Param("id"))
	if err != nil {
		return err // want `^error text from err reaches the response body via the app's HTTPErrorHandler$`
	}
	return c.String(http.StatusOK, text)
}
