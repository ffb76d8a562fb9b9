//go:build errcontract_never

// Package badinputnofiles has no file that builds.
package badinputnofiles

import "net/http"

func excluded(w http.ResponseWriter) {
	http.Error(w, "excluded", http.StatusTeapot)
}
