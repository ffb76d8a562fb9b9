// Package openapiapp registers the handlers of package handlers on a
// ServeMux, and is checked against openapi.yaml where it registers them.
package openapiapp

import (
	"net/http"

	"example.com/openapiapp/handlers"
)

func NewRouter() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/links/{id}", handlers.GetLink) // want `^status 409 is not documented by operation getLink \(200 404 500\): handlers.GetLink writes it at links.go:13:18$`
	links := &handlers.Links{}
	mux.HandleFunc("DELETE /v1/links/{id}", links.Delete)
	mux.Handle("POST /v1/links", http.HandlerFunc(links.Create)) // want `^status 502 is not documented by operation createLink \(201 4XX\): handlers.Links.Create writes it at links.go:34:25$`
	mux.HandleFunc("GET /v1/proxy", handlers.Proxy)              // want `^route GET /v1/proxy is not in the OpenAPI spec openapi.yaml$`
	return mux
}
