// Package perhandlerecho is a user directory on echo whose handlers
// document their own statuses with swag annotations or the
// errcontract:statuses directive. A status a handler writes through
// echo.Context, or gives echo.NewHTTPError, is checked against the
// handler's list; a handler without annotations falls back to the
// API-wide contract.
package perhandlerecho

import (
	"context"
	"net/http"
	"strconv"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/errcontract/errcontract/apierror"
)

type User struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Email     string `json:"email"`
	Suspended bool   `json:"suspended"`
	Deleted   bool   `json:"deleted"`
}

type userInput struct {
	Name  string `json:"name"`
	Email string `json:"email"`
}

type userStore struct {
	mu    sync.Mutex
	users map[int64]*User
	next  int64
}

var users = &userStore{users: make(map[int64]*User)}

func (s *userStore) get(id int64) (*User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[id]
	return u, ok
}

func (s *userStore) byEmail(email string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range s.users {
		if u.Email == email {
			return true
		}
	}
	return false
}

func (s *userStore) create(in userInput) *User { // want create:`summary\(recv=0\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next++
	u := &User{ID: s.next, Name: in.Name, Email: in.Email}
	s.users[u.ID] = u
	return u
}

func (s *userStore) remove(id int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u, ok := s.users[id]; ok {
		u.Deleted = true
	}
}

type avatars interface {
	Fetch(ctx context.Context, id int64) (*http.Response, error)
}

var (
	avatarService avatars
	readOnly      bool
	signupsOpen   func() bool
)

func Register(e *echo.Echo) {
	e.GET("/users/:id", getUser)
	e.POST("/users", createUser)
	e.POST("/users/:id/verify", verifyUser)
	e.GET("/users/:id/export", exportUser)
	e.DELETE("/users/:id", deleteUser)
	e.POST("/users/:id/block", blockUser)
	e.GET("/users/:id/profile", profile)
	e.GET("/users/:id/avatar", avatar)
	e.PUT("/users/:id/email", changeEmail)
	e.GET("/users/:id/home", home)
}

// userID reads the user id of the path.
func userID(c echo.Context) (int64, bool) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	return id, err == nil && id > 0
}

// Reported below.

// getUser answers 403 by hand, which it does not document.
//
// @Summary  Get a user
// @Produce  json
// @Param    id  path  int  true  "User ID"
// @Success  200      {object}  User
// @Failure  400,404  {object}  apierror.Error
// @Router   /users/{id} [get]
func getUser(c echo.Context) error {
	id, ok := userID(c)
	if !ok {
		apierror.Write(c.Response(), c.Request(), apierror.BadRequest("user id must be a number"))
		return nil
	}
	user, found := users.get(id)
	if !found {
		apierror.Write(c.Response(), c.Request(), apierror.NotFound("user not found"))
		return nil
	}
	if user.Suspended {
		return c.JSON(http.StatusForbidden, echo.Map{"message": "user suspended"}) // want `^c.JSON bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$` `^status 403 is not documented by handler getUser \(200 400 404\)$`
	}
	return c.JSON(http.StatusOK, user)
}

// createUser returns echo's error with a status it does not document, and
// answers 202 where it documents 201 only.
//
// @Summary  Create a user
// @Accept   json
// @Produce  json
// @Param    user  body  userInput  true  "The user"
// @Success  201      {object}  User
// @Failure  400,422  {object}  apierror.Error
// @Router   /users [post]
func createUser(c echo.Context) error {
	var in userInput
	if err := c.Bind(&in); err != nil {
		apierror.Write(c.Response(), c.Request(), apierror.BadRequest("invalid JSON body").WithCause(err))
		return nil
	}
	if in.Email == "" {
		apierror.Write(c.Response(), c.Request(), apierror.ValidationFailed("email is required"))
		return nil
	}
	if users.byEmail(in.Email) {
		return echo.NewHTTPError(http.StatusConflict, "email already registered") // want `^echo.NewHTTPError bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$` `^status 409 is not documented by handler createUser \(201 400 422\)$`
	}
	if !signupsOpen() {
		return c.NoContent(http.StatusAccepted) // want `^status 202 is not documented by handler createUser \(201 400 422\)$`
	}
	return c.JSON(http.StatusCreated, users.create(in))
}

// verifyUser writes 429 through the canonical constructor: reported at the
// constructor's call, which is not a raw write.
//
// @Summary  Verify a user's email
// @Success  204
// @Failure  400,404  {object}  apierror.Error
// @Router   /users/{id}/verify [post]
func verifyUser(c echo.Context) error {
	id, ok := userID(c)
	if !ok {
		apierror.Write(c.Response(), c.Request(), apierror.BadRequest("user id must be a number"))
		return nil
	}
	if _, found := users.get(id); !found {
		apierror.Write(c.Response(), c.Request(), apierror.NotFound("user not found"))
		return nil
	}
	if c.Request().Header.Get("X-Resend") != "" {
		apierror.Write(c.Response(), c.Request(), apierror.RateLimited("a code was sent a minute ago")) // want `^status 429 is not documented by handler verifyUser \(204 400 404\)$`
		return nil
	}
	return c.NoContent(http.StatusNoContent)
}

// exportUser documents a 5xx status, so its 502 is checked.
//
// @Summary  Export a user
// @Success  200  {object}  User
// @Failure  404  {object}  apierror.Error
// @Failure  500  {object}  apierror.Error
// @Router   /users/{id}/export [get]
func exportUser(c echo.Context) error {
	id, _ := userID(c)
	user, found := users.get(id)
	if !found {
		apierror.Write(c.Response(), c.Request(), apierror.NotFound("user not found"))
		return nil
	}
	if readOnly {
		return c.String(http.StatusBadGateway, "the export service is unavailable") // want `^c.String bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$` `^status 502 is not documented by handler exportUser \(200 404 500\)$`
	}
	return c.JSON(http.StatusOK, user)
}

// deleteUser documents its statuses with the directive.
//
//errcontract:statuses 204 404
func deleteUser(c echo.Context) error {
	id, _ := userID(c)
	user, found := users.get(id)
	if !found {
		apierror.Write(c.Response(), c.Request(), apierror.NotFound("user not found"))
		return nil
	}
	if user.Deleted {
		status := http.StatusGone
		return c.NoContent(status) // want `^status 410 is not documented by handler deleteUser \(204 404\)$`
	}
	users.remove(id)
	return c.NoContent(http.StatusNoContent)
}

// blockUser documents 451, which the API contract does not: reported at
// its annotation. Writing it is then not reported as undocumented.
//
// @Summary  Block a user for legal reasons
// @Success  204
// @Failure  404,451  {object}  apierror.Error  "no such user, or blocked already" // want `^status 451 documented by handler blockUser is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
// @Router   /users/{id}/block [post]
func blockUser(c echo.Context) error {
	id, _ := userID(c)
	user, found := users.get(id)
	if !found {
		apierror.Write(c.Response(), c.Request(), apierror.NotFound("user not found"))
		return nil
	}
	if user.Suspended {
		return c.NoContent(http.StatusUnavailableForLegalReasons)
	}
	user.Suspended = true
	return c.NoContent(http.StatusNoContent)
}

// changeEmail has no annotations: the API-wide contract applies.
func changeEmail(c echo.Context) error {
	id, _ := userID(c)
	user, found := users.get(id)
	if !found || user.Deleted {
		return c.NoContent(http.StatusGone) // want `^status 410 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
	}
	var in userInput
	if err := c.Bind(&in); err != nil || in.Email == "" {
		return echo.NewHTTPError(http.StatusUnprocessableEntity, "an email is required") // want `^echo.NewHTTPError bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
	}
	user.Email = in.Email
	return c.NoContent(http.StatusNoContent)
}

// Not reported below.

// profile writes only statuses it documents.
//
// @Summary  Get a user's profile
// @Produce  html
// @Success  200          {string}  string  "the profile page"
// @Failure  400,404,409  {object}  apierror.Error
// @Router   /users/{id}/profile [get]
func profile(c echo.Context) error {
	id, ok := userID(c)
	if !ok {
		return c.NoContent(http.StatusBadRequest)
	}
	user, found := users.get(id)
	if !found {
		apierror.Write(c.Response(), c.Request(), apierror.NotFound("user not found"))
		return nil
	}
	if user.Deleted {
		apierror.Write(c.Response(), c.Request(), apierror.Conflict("the user was deleted"))
		return nil
	}
	return c.HTML(http.StatusOK, "<h1>"+user.Name+"</h1>")
}

// avatar passes on the avatar service's status, which cannot be known,
// and documents no 5xx status: its 503 is not checked.
//
// @Summary  Get a user's avatar
// @Produce  png
// @Success  200  {file}    binary
// @Failure  404  {object}  apierror.Error
// @Router   /users/{id}/avatar [get]
func avatar(c echo.Context) error {
	id, _ := userID(c)
	if _, found := users.get(id); !found {
		apierror.Write(c.Response(), c.Request(), apierror.NotFound("user not found"))
		return nil
	}
	if readOnly {
		return c.NoContent(http.StatusServiceUnavailable)
	}
	resp, err := avatarService.Fetch(c.Request().Context(), id)
	if err != nil {
		apierror.Write(c.Response(), c.Request(), apierror.Internal(err))
		return nil
	}
	defer resp.Body.Close()
	return c.Stream(resp.StatusCode, resp.Header.Get(echo.HeaderContentType), resp.Body)
}

// home documents "default", which names no status, and no 3xx status: its
// 405 and its redirect are not checked.
//
// @Summary   Go to a user's home page
// @Success   200      {object}  User
// @Failure   default  {object}  apierror.Error
// @Router    /users/{id}/home [get]
func home(c echo.Context) error {
	if c.Request().Method != http.MethodGet {
		return c.NoContent(http.StatusMethodNotAllowed)
	}
	id, _ := userID(c)
	user, found := users.get(id)
	if !found {
		return c.Redirect(http.StatusFound, "/users")
	}
	return c.JSON(http.StatusOK, user)
}
