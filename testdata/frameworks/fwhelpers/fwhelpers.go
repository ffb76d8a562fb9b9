// Package fwhelpers holds response helpers for gin, echo and fiber
// handlers: their summaries reach the packages that call them as facts.
package fwhelpers

import (
	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

// GinFail answers with status and msg.
func GinFail(c *gin.Context, status int, msg string) { // want GinFail:`summary\(body=2 status=1\)`
	c.JSON(status, gin.H{"message": msg})
}

// EchoFail answers with status and msg.
func EchoFail(c echo.Context, status int, msg string) error { // want EchoFail:`summary\(body=2 status=1\)`
	return c.String(status, msg)
}

// FiberFail answers with status and msg.
func FiberFail(c *fiber.Ctx, status int, msg string) error { // want FiberFail:`summary\(body=2 status=1\)`
	return c.Status(status).SendString(msg)
}

// GinInternal answers 500 with reason: it writes an error response
// whatever its caller does, as http.Error does.
func GinInternal(c *gin.Context, reason string) { // want GinInternal:`summary\(body=1 statuses=500 writes-error\)`
	c.JSON(500, gin.H{"message": reason}) // want `^c.JSON bypasses the canonical error constructors`
}

// GinOK answers 200 with note: no error response.
func GinOK(c *gin.Context, note string) { // want GinOK:`summary\(body=1\)`
	c.JSON(200, gin.H{"message": note})
}
