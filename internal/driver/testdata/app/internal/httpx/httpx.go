// Package httpx is the module's own helper package.
package httpx

import "net/http"

// Fail writes msg as a 500.
func Fail(w http.ResponseWriter, msg string) { http.Error(w, msg, http.StatusInternalServerError) }
