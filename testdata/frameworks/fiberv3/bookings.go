// Package fiberv3app is a room booking service on fiber v3. Handlers take
// the fiber.Ctx interface, write through it or return errors to fiber's
// ErrorHandler; the app keeps fiber.DefaultErrorHandler (see New).
package fiberv3app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/gofiber/fiber/v3"

	"github.com/errcontract/errcontract/apierror"
)

type Room struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Beds  int    `json:"beds"`
	Ready bool   `json:"ready"`
}

type Booking struct {
	ID     int64  `json:"id"`
	RoomID int64  `json:"room_id"`
	Guest  string `json:"guest"`
}

type bookingInput struct {
	RoomID int64  `json:"room_id"`
	Guest  string `json:"guest"`
}

var (
	errNoRoom     = errors.New("room not found")      // want errNoRoom:`sentinel`
	errTaken      = errors.New("room already booked") // want errTaken:`sentinel`
	errNoBooking  = errors.New("booking not found")   // want errNoBooking:`sentinel`
	errInCleaning = errors.New("room is in cleaning") // want errInCleaning:`sentinel`
)

type rooms interface {
	Get(ctx context.Context, id int64) (*Room, error)
	Book(ctx context.Context, in bookingInput) (*Booking, error)
	Cancel(ctx context.Context, id int64) error
	Close(ctx context.Context, id int64, reason string) error
}

type Handlers struct {
	Rooms rooms
	Log   *slog.Logger
}

// roomID reads the room id of the path.
func roomID(c fiber.Ctx) (int64, error) {
	return strconv.ParseInt(c.Params("id"), 10, 64)
}

func (h *Handlers) getRoom(c fiber.Ctx) error {
	id, err := roomID(c)
	if err != nil {
		return c.Status(fiber.StatusBadRequest).SendString("room id must be a number") // want `^c.Status\(fiber.StatusBadRequest\).SendString bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
	}
	room, err := h.Rooms.Get(c.Context(), id)
	if errors.Is(err, errNoRoom) {
		return c.Status(fiber.StatusNotFound).JSON(fiber.Map{"error": "room not found"}) // want `^c.Status\(fiber.StatusNotFound\).JSON bypasses the canonical error constructors`
	}
	if err != nil {
		// JSON encodes the map; the string is in the body.
		return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"error": err.Error()}) // want `^c.Status\(fiber.StatusInternalServerError\).JSON bypasses` `^error text from err.Error\(\) reaches the response body via c.Status\(fiber.StatusInternalServerError\).JSON$`
	}
	return c.JSON(room)
}

func (h *Handlers) book(c fiber.Ctx) error {
	var in bookingInput
	if err := c.Bind().Body(&in); err != nil {
		// fiber.DefaultErrorHandler writes err.Error() as a text/plain
		// body, with status 500 or the code of a *fiber.Error in err's
		// chain.
		return err // want `^error text from err reaches the response body via fiber.DefaultErrorHandler$`
	}
	if in.Guest == "" {
		c.Status(fiber.StatusUnprocessableEntity)
		return c.SendString("a guest name is required") // want `^c.SendString bypasses the canonical error constructors`
	}
	booking, err := h.Rooms.Book(c.Context(), in)
	if errors.Is(err, errTaken) {
		// A *fiber.Error's Message is its Error() text, which
		// DefaultErrorHandler writes with the error's code.
		return fiber.NewError(fiber.StatusConflict, "the room is booked for these dates") // want `^fiber.NewError bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
	}
	if errors.Is(err, errInCleaning) {
		return fiber.NewError(fiber.StatusTeapot) // want `^fiber.NewError bypasses` `^status 418 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
	}
	if err != nil {
		return fiber.NewError(fiber.StatusInternalServerError, err.Error()) // want `^fiber.NewError bypasses` `^error text from err.Error\(\) reaches the response body via fiber.NewError$`
	}
	return c.Status(fiber.StatusCreated).JSON(booking)
}

func (h *Handlers) cancel(c fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		// strconv's error quotes the client's input.
		return fiber.NewError(fiber.StatusBadRequest, "bad booking id: "+err.Error()) // want `^fiber.NewError bypasses` `^error text from err.Error\(\), which echoes client input \(strconv.ParseInt\), reaches the response body via fiber.NewError$`
	}
	if c.Get("X-Role") != "frontdesk" {
		// SendStatus writes the status text ("Forbidden") as the body
		// when the body is empty, like http.NotFound.
		return c.SendStatus(fiber.StatusForbidden) // want `^c.SendStatus bypasses the canonical error constructors`
	}
	err = h.Rooms.Cancel(c.Context(), id)
	if errors.Is(err, errNoBooking) {
		status := fiber.StatusGone
		return c.SendStatus(status) // want `^c.SendStatus bypasses` `^status 410 is not documented by the contentful contract`
	}
	if err != nil {
		return fmt.Errorf("cancel booking %d: %w", id, err) // want `^error text from err reaches the response body via fiber.DefaultErrorHandler$`
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *Handlers) maintenance(c fiber.Ctx) error {
	id, err := roomID(c)
	if err != nil {
		return fiber.NewErrorf(fiber.StatusBadRequest, "room id %q: %v", c.Params("id"), err) // want `^fiber.NewErrorf bypasses` `^error text from err reaches the response body via fiber.NewErrorf$`
	}
	if err := h.Rooms.Close(c.Context(), id, c.Query("reason")); err != nil {
		h.Log.Error("maintenance", "room", id, "err", err)
		// apierror.Error is errcontract:public: its Error() is the generic
		// message, and the cause stays server-side.
		return apierror.Internal(err)
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// roomStatus is an Express-style handler: it writes through fiber.Res.
func (h *Handlers) roomStatus(req fiber.Req, res fiber.Res) error {
	id, err := strconv.ParseInt(req.Params("id"), 10, 64)
	if err != nil {
		return res.Status(fiber.StatusBadRequest).SendString(err.Error()) // want `^res.Status\(fiber.StatusBadRequest\).SendString bypasses` `^error text from err.Error\(\), which echoes client input \(strconv.ParseInt\), reaches the response body via res.Status\(fiber.StatusBadRequest\).SendString$`
	}
	room, err := h.Rooms.Get(context.Background(), id)
	if err != nil {
		return err // want `^error text from err reaches the response body via fiber.DefaultErrorHandler$`
	}
	return res.JSON(fiber.Map{"ready": room.Ready})
}

// Not reported below.

func (h *Handlers) calendar(c fiber.Ctx) error {
	id, err := roomID(c)
	if err != nil {
		h.Log.Warn("calendar: bad id", "id", c.Params("id"), "err", err)
		return fiber.ErrBadRequest // fiber's own *fiber.Error, with the status text
	}
	room, err := h.Rooms.Get(c.Context(), id)
	if errors.Is(err, errNoRoom) {
		return errNoRoom // a sentinel of this module: its text is constant
	}
	if err != nil {
		h.Log.Error("calendar", "room", id, "err", err)
		return errors.New("the calendar is unavailable") // a constant message
	}
	if !room.Ready {
		return c.SendStatus(fiber.StatusAccepted)
	}
	return c.Status(fiber.StatusOK).JSON(fiber.Map{"room": room.ID, "days": []string{}})
}
