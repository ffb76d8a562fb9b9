// Package fwmissingreturn holds gin, echo and fiber handlers that write
// an error response through a helper or a closure and then go on.
package fwmissingreturn

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"

	"example.com/frameworks/fwhelpers"
)

// ginFail answers 500 with msg.
func ginFail(c *gin.Context, msg string) { // want ginFail:`^summary\(body=1 statuses=500 writes-error\)$`
	c.JSON(http.StatusInternalServerError, gin.H{"message": msg}) // want `^c.JSON bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
}

// ginGoesOn writes the error through a helper and answers 200 after it.
func ginGoesOn(c *gin.Context) {
	if c.Query("id") == "" {
		ginFail(c, "an id is required") // want `^handler goes on after writing an error response; add a return$`
	}
	c.JSON(http.StatusOK, gin.H{"id": c.Query("id")}) // want `^response is written again after an error response$`
}

// ginReturns returns after the helper.
func ginReturns(c *gin.Context) {
	if c.Query("id") == "" {
		ginFail(c, "an id is required")
		return
	}
	c.JSON(http.StatusOK, gin.H{"id": c.Query("id")})
}

// ginLibGoesOn writes the error through another package's helper.
func ginLibGoesOn(c *gin.Context) {
	if c.Query("id") == "" {
		fwhelpers.GinInternal(c, "no store") // want `^handler goes on after writing an error response; add a return$`
	}
	c.JSON(http.StatusOK, gin.H{"id": c.Query("id")}) // want `^response is written again after an error response$`
}

// ginStatusHelper passes the error status to a helper that writes it.
func ginStatusHelper(c *gin.Context) {
	if c.Query("id") == "" {
		fwhelpers.GinFail(c, http.StatusBadRequest, "an id is required") // want `^handler goes on after writing an error response; add a return$`
	}
	c.JSON(http.StatusOK, gin.H{"id": c.Query("id")}) // want `^response is written again after an error response$`
}

// ginOKHelper's helper answers 200: there is no error response to return
// after.
func ginOKHelper(c *gin.Context) {
	if c.Query("verbose") != "" {
		fwhelpers.GinFail(c, http.StatusOK, "verbose")
	}
	c.Header("X-Id", c.Query("id"))
}

// ginClosure writes the error through a closure over c: the handler goes
// on after it; which response the closure writes is not followed, so the
// second write is not reported.
func ginClosure(c *gin.Context) {
	fail := func(msg string) {
		c.JSON(http.StatusInternalServerError, gin.H{"message": msg}) // want `^c.JSON bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
	}
	if c.Query("id") == "" {
		fail("an id is required") // want `^handler goes on after writing an error response; add a return$`
	}
	c.JSON(http.StatusOK, gin.H{"id": c.Query("id")})
}

// echoFail answers 500 with msg.
func echoFail(c echo.Context, msg string) error { // want echoFail:`^summary\(body=1 statuses=500 writes-error\)$`
	return c.JSON(http.StatusInternalServerError, map[string]string{"message": msg}) // want `^c.JSON bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
}

// echoGoesOn drops the helper's error and answers 200 after it.
func echoGoesOn(c echo.Context) error {
	if c.QueryParam("id") == "" {
		echoFail(c, "an id is required") // want `^handler goes on after writing an error response; add a return$`
	}
	return c.JSON(http.StatusOK, map[string]string{"id": c.QueryParam("id")}) // want `^response is written again after an error response$`
}

// echoReturns returns the helper's result.
func echoReturns(c echo.Context) error {
	if c.QueryParam("id") == "" {
		return echoFail(c, "an id is required")
	}
	return c.JSON(http.StatusOK, map[string]string{"id": c.QueryParam("id")})
}

// fiberFail answers 500 with msg.
func fiberFail(c *fiber.Ctx, msg string) error { // want fiberFail:`^summary\(body=1 statuses=500 writes-error\)$`
	return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"message": msg}) // want `^c.Status\(fiber.StatusInternalServerError\).JSON bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
}

// fiberGoesOn drops the helper's error and answers 200 after it.
func fiberGoesOn(c *fiber.Ctx) error {
	if c.Query("id") == "" {
		fiberFail(c, "an id is required") // want `^handler goes on after writing an error response; add a return$`
	}
	return c.JSON(fiber.Map{"id": c.Query("id")}) // want `^response is written again after an error response$`
}

// fiberReturns returns the helper's result.
func fiberReturns(c *fiber.Ctx) error {
	if c.Query("id") == "" {
		return fiberFail(c, "an id is required")
	}
	return c.JSON(fiber.Map{"id": c.Query("id")})
}
