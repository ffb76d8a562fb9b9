// Package ginlogonly is a gin app whose handlers attach errors that only
// a logging middleware reads: gin itself renders none of them.
package ginlogonly

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"
)

func Routes(r *gin.Engine, log *slog.Logger) {
	r.Use(func(c *gin.Context) {
		c.Next()
		log.Error("request", "errors", c.Errors.String())
		c.Header("X-Errors", "yes")
		c.JSON(-1, gin.H{"failed": len(c.Errors) > 0, "count": len(c.Errors)})
	})
	r.GET("/items/:id", getItem)
}

func load(id string) error { return errors.New("no row for " + id) }

func getItem(c *gin.Context) {
	if err := load(c.Param("id")); err != nil {
		c.AbortWithError(http.StatusInternalServerError, err)
		return
	}
	if err := load("related"); err != nil {
		c.Error(err)
	}
	c.JSON(http.StatusOK, gin.H{"id": c.Param("id")})
}
