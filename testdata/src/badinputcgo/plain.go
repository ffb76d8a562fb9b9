package badinputcgo

import "net/http"

func teapot(w http.ResponseWriter) {
	w.WriteHeader(http.StatusTeapot) // want `^status 418 is not documented`
}
