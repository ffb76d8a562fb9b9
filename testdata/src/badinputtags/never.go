//go:build errcontract_never

package badinputtags

import "net/http"

func excluded(w http.ResponseWriter) {
	http.Error(w, "excluded", http.StatusTeapot)
}
