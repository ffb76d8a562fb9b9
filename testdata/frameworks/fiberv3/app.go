package fiberv3app

import (
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v3"
)

// New returns the booking app. It keeps fiber.DefaultErrorHandler: the
// returned-error cases in this package depend on it.
func New(h *Handlers) *fiber.App {
	app := fiber.New(fiber.Config{AppName: "bookings"})
	app.Use(accessLog(h.Log))
	app.Get("/rooms/:id", h.getRoom)
	app.Post("/bookings", h.book)
	app.Delete("/bookings/:id", h.cancel)
	app.Post("/rooms/:id/maintenance", h.maintenance)
	app.Get("/rooms/:id/calendar", h.calendar)
	app.Get("/rooms/:id/status", h.roomStatus)
	app.Get("/healthz", func(c fiber.Ctx) error {
		return c.JSON(fiber.Map{"status": "ok"})
	})
	return app
}

// accessLog logs each request. The error it returns is the next handler's,
// passed on unchanged: it is reported where it is made, not here.
func accessLog(log *slog.Logger) fiber.Handler {
	return func(c fiber.Ctx) error {
		start := time.Now()
		err := c.Next()
		log.Info("request", "path", c.Path(), "status", c.Response().StatusCode(), "took", time.Since(start), "err", err)
		return err
	}
}
