// Package plain serves HTTP but declares no errcontract directives.
package plain

import "net/http"

// Fail writes a plain error response.
func Fail(w http.ResponseWriter, msg string) { http.Error(w, msg, http.StatusInternalServerError) }
