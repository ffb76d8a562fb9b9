// Package usescgobroken imports a package whose cgo cannot be built: its
// findings are reported all the same.
package usescgobroken

import (
	"fmt"
	"net/http"

	"cgobroken"
)

func open(w http.ResponseWriter, r *http.Request) {
	session, err := cgobroken.Open(r.URL.Query().Get("device"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `^http.Error bypasses the canonical error constructors$` `^error text from err.Error\(\) reaches the response body via http.Error$`
		return
	}
	fmt.Fprintf(w, "%s (native %d)", session, cgobroken.Version())
}
