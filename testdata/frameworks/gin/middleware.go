package ginapp

import (
	"crypto/subtle"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/errcontract/errcontract/apierror"
)

// RequireKey checks the API key header.
func RequireKey(key string) gin.HandlerFunc { // want RequireKey:`summary\(statuses=401\)`
	return func(ctx *gin.Context) {
		got := ctx.GetHeader("X-Api-Key")
		if got == "" {
			ctx.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "missing API key"}) // want `^ctx.AbortWithStatusJSON bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
			return
		}
		if subtle.ConstantTimeCompare([]byte(got), []byte(key)) != 1 {
			apierror.Write(ctx.Writer, ctx.Request, apierror.Forbidden("the API key is not valid"))
			ctx.Abort()
			return
		}
		ctx.Next()
	}
}

// RenderErrors shows clients the errors that handlers attached with
// AbortWithError or c.Error.
func RenderErrors() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		last := c.Errors.Last()
		if last == nil || c.Writer.Written() {
			return
		}
		// *gin.Error's Error() is the text of the error it wraps.
		c.JSON(-1, gin.H{"error": last.Error()}) // want `^error text from last.Error\(\) reaches the response body via c.JSON$`
	}
}

// Maintenance answers every request while the store is migrated.
func Maintenance(until time.Time) gin.HandlerFunc { // want Maintenance:`summary\(statuses=409\)`
	return func(c *gin.Context) {
		if time.Now().After(until) {
			c.Next()
			return
		}
		// c.Writer implements http.ResponseWriter: the net/http rules apply.
		c.Writer.WriteHeader(http.StatusConflict) // want `^WriteHeader\(409\) with a hand-written body bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
		json.NewEncoder(c.Writer).Encode(gin.H{"error": "migration in progress", "until": until})
		c.Abort()
	}
}

// AccessLog logs each request and the errors attached to it.
func AccessLog(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		log.Info("request",
			"path", c.FullPath(),
			"status", c.Writer.Status(),
			"took", time.Since(start),
			"errors", c.Errors.String(),
		)
	}
}
