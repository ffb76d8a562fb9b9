// Package api serves the handlers.
package api

import (
	"net/http"

	"example.com/app/internal/httpx"
	"example.com/canon"
	"example.com/plain"
)

func get(w http.ResponseWriter, r *http.Request) {
	_ = canon.NotFound()
	plain.Fail(w, "down")
	httpx.Fail(w, "down")
}
