// Package echoapp is a user directory on echo. Handlers write through
// echo.Context or return errors to echo's HTTPErrorHandler.
package echoapp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/errcontract/errcontract/apierror"
)

type User struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

type userInput struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

var (
	errNoUser    = errors.New("user not found")           // want errNoUser:`sentinel`
	errDuplicate = errors.New("email already registered") // want errDuplicate:`sentinel`
	errDeleted   = errors.New("user deleted")             // want errDeleted:`sentinel`
)

type userStore interface {
	Get(ctx context.Context, id int64) (*User, error)
	Create(ctx context.Context, in userInput) (*User, error)
	Rename(ctx context.Context, id int64, name string) error
	Delete(ctx context.Context, id int64) error
}

type avatars interface {
	Fetch(ctx context.Context, id int64) (*http.Response, error)
}

type Handlers struct {
	Users   userStore
	Avatars avatars
	Log     *slog.Logger
}

func (h *Handlers) Register(e *echo.Echo) {
	e.GET("/users/:id", h.getUser)
	e.POST("/users", h.createUser)
	e.DELETE("/users/:id", h.deleteUser)
	e.GET("/users/:id/avatar", h.avatar)
	e.GET("/users/:id/card", h.card)
	e.PUT("/users/:id", h.updateUser)
	e.PATCH("/users/:id", h.renameUser)
}

func (h *Handlers) getUser(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return c.String(http.StatusBadRequest, "user id must be a number") // want `^c.String bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
	}
	user, err := h.Users.Get(c.Request().Context(), id)
	if errors.Is(err, errNoUser) {
		return c.JSON(http.StatusNotFound, echo.Map{"message": "user not found"}) // want `^c.JSON bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
	}
	if errors.Is(err, errDeleted) {
		return c.JSON(http.StatusGone, echo.Map{"message": "user deleted"}) // want `^c.JSON bypasses` `^status 410 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
	}
	if err != nil {
		// echo's DefaultHTTPErrorHandler answers an error that is not an
		// *echo.HTTPError with 500 {"message":"Internal Server Error"}; the
		// error text is shown only when e.Debug is set.
		h.Log.Error("get user", "id", id, "err", err)
		return err
	}
	return c.JSON(http.StatusOK, user)
}

func (h *Handlers) createUser(c echo.Context) error {
	var in userInput
	if err := c.Bind(&in); err != nil {
		// echo's binder returns an *echo.HTTPError(400) whose message is the
		// decoder's error text, and DefaultHTTPErrorHandler renders that
		// message as {"message": ...}.
		return err // want `^error text from err reaches the response body via \(\*echo.Echo\).DefaultHTTPErrorHandler$`
	}
	if in.Email == "" {
		return echo.NewHTTPError(http.StatusUnprocessableEntity, "email is required") // want `^echo.NewHTTPError bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
	}
	user, err := h.Users.Create(c.Request().Context(), in)
	if errors.Is(err, errDuplicate) {
		return c.JSON(http.StatusConflict, echo.Map{"message": "email taken", "error": err.Error()}) // want `^c.JSON bypasses` `^error text from err.Error\(\) reaches the response body via c.JSON$`
	}
	if err != nil {
		// A message that is an error is rendered as {"message": err.Error()}.
		return echo.NewHTTPError(http.StatusInternalServerError, err) // want `^echo.NewHTTPError bypasses` `^error text from err reaches the response body via echo.NewHTTPError$`
	}
	return c.JSON(http.StatusCreated, user)
}

func (h *Handlers) updateUser(c echo.Context) error {
	var in userInput
	if err := c.Bind(&in); err != nil {
		// The handler returns a new error: echo's type assertion no longer
		// finds the *echo.HTTPError, so the client gets the generic 500.
		return fmt.Errorf("update user: %w", err)
	}
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "user id must be a number") // want `^echo.NewHTTPError bypasses`
	}
	if err := h.Users.Rename(c.Request().Context(), id, in.Name); err != nil {
		return echo.NewHTTPError(http.StatusConflict, "rename failed: "+err.Error()) // want `^echo.NewHTTPError bypasses` `^error text from err.Error\(\) reaches the response body via echo.NewHTTPError$`
	}
	return c.NoContent(http.StatusNoContent)
}

func (h *Handlers) deleteUser(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return c.HTML(http.StatusBadRequest, "<p>user id must be a number</p>") // want `^c.HTML bypasses`
	}
	if err := h.Users.Delete(c.Request().Context(), id); err != nil {
		if errors.Is(err, errNoUser) {
			// NoContent writes the status line and no body.
			status := http.StatusGone
			return c.NoContent(status) // want `^status 410 is not documented by the contentful contract`
		}
		// The internal error is kept server-side: HTTPError.Internal is
		// tagged json:"-" and only the message is rendered.
		return echo.NewHTTPError(http.StatusInternalServerError, "could not delete user").SetInternal(err) // want `^echo.NewHTTPError bypasses`
	}
	return c.NoContent(http.StatusNoContent)
}

func (h *Handlers) avatar(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		apierror.Write(c.Response(), c.Request(), apierror.BadRequest("user id must be a number").WithCause(err))
		return nil
	}
	resp, err := h.Avatars.Fetch(c.Request().Context(), id)
	if err != nil {
		return c.String(http.StatusBadGateway, fmt.Sprintf("avatar service: %v", err)) // want `^c.String bypasses` `^error text from err reaches the response body via c.String$`
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		h.Log.Error("read avatar", "id", id, "err", err)
		apierror.Write(c.Response(), c.Request(), apierror.Internal(err))
		return nil
	}
	// The avatar service's status is passed on: it is not known here.
	return c.Blob(resp.StatusCode, resp.Header.Get(echo.HeaderContentType), body)
}

func (h *Handlers) card(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return c.Blob(http.StatusBadRequest, "application/json", []byte(`{"message":"user id must be a number"}`)) // want `^c.Blob bypasses`
	}
	user, err := h.Users.Get(c.Request().Context(), id)
	if err != nil {
		return c.Blob(http.StatusServiceUnavailable, "text/plain", []byte("directory unavailable")) // want `^c.Blob bypasses` `^status 503 is not documented`
	}
	return c.HTML(http.StatusOK, "<h1>"+user.Name+"</h1>")
}

func (h *Handlers) renameUser(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return echo.NewHTTPError(http.StatusTeapot, err.Error()) // want `^echo.NewHTTPError bypasses` `^status 418 is not documented by the contentful contract` `^error text from err.Error\(\), which echoes client input \(strconv.ParseInt\), reaches the response body via echo.NewHTTPError$`
	}
	if err := h.Users.Rename(c.Request().Context(), id, c.FormValue("name")); err != nil {
		// echo.Map is a map[string]any: JSON encodes the string.
		return c.JSON(http.StatusConflict, echo.Map{"error": err.Error()}) // want `^c.JSON bypasses` `^error text from err.Error\(\) reaches the response body via c.JSON$`
	}
	if err := h.Users.Delete(c.Request().Context(), id); err != nil {
		// A message that is not a string is encoded as it is.
		return echo.NewHTTPError(http.StatusConflict, echo.Map{"error": err.Error()}) // want `^echo.NewHTTPError bypasses` `^error text from err.Error\(\) reaches the response body via echo.NewHTTPError$`
	}
	return c.NoContent(http.StatusNoContent)
}
