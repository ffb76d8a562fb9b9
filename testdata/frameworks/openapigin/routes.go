// Package openapigin registers gin handlers on groups, and is checked
// against ../openapispec/links.yaml.
package openapigin

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func Router() *gin.Engine {
	r := gin.New()
	v1 := r.Group("/v1")
	v1.GET("/links/:id", getLink)
	v1.DELETE("/links/:id", deleteLink)
	v1.POST("/links", createLink)
	admin := v1.Group("/admin")
	admin.GET("/stats", stats)
	v1.GET("/tags", listTags) // want `^route GET /v1/tags is not in the OpenAPI spec \.\./openapispec/links\.yaml$`
	return r
}

func getLink(c *gin.Context) {
	switch c.Param("id") {
	case "":
		c.AbortWithStatus(http.StatusNotFound)
	case "taken":
		c.AbortWithStatus(http.StatusConflict) // want `^status 409 is not documented by operation getLink \(200 404 500\)$`
	}
}

func deleteLink(c *gin.Context) {
	c.AbortWithStatus(http.StatusLocked)
	c.AbortWithStatus(http.StatusServiceUnavailable) // want `^status 503 is not documented by operation DELETE /links/\{id\} \(204 4XX\)$`
}

func createLink(c *gin.Context) {
	c.AbortWithStatus(http.StatusBadRequest)
	c.AbortWithStatus(http.StatusTooManyRequests) // want `^status 429 is not documented by operation createLink \(201 400 500\)$`
}

func stats(c *gin.Context) {
	c.AbortWithStatus(http.StatusServiceUnavailable)
}

func listTags(c *gin.Context) {}
