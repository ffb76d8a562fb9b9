// Package ginerrors is a gin app whose handlers attach errors with
// c.Error, and whose middleware lists their text in the body.
package ginerrors

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
)

var errNoItem = errors.New("no such item") // want errNoItem:`sentinel`

func Routes(r *gin.Engine) {
	r.Use(renderErrors)
	r.GET("/items/:id", getItem)
}

func renderErrors(c *gin.Context) {
	c.Next()
	if len(c.Errors) == 0 {
		return
	}
	var msgs []string
	for _, e := range c.Errors {
		msgs = append(msgs, e.Error())
	}
	c.JSON(http.StatusInternalServerError, gin.H{"errors": msgs, "count": len(c.Errors)}) // want `^c.JSON bypasses` `^error text from e.Error\(\) reaches the response body via c.JSON$`
}

func load(id string) error { return errors.New("no row for " + id) }

func getItem(c *gin.Context) {
	if c.Param("id") == "" {
		c.Error(errNoItem) // a sentinel's constant text is the handler's own
		return
	}
	if err := load(c.Param("id")); err != nil {
		c.Error(err) // want `^error text from err reaches the response body via c.Error and the middleware that renders the attached errors$`
		return
	}
	c.JSON(http.StatusOK, gin.H{"id": c.Param("id")})
}
