package legacy

import "net/http"

func getV1(w http.ResponseWriter, r *http.Request) {
	//errcontract:ignore raw-http-error -- the v1 endpoint keeps its plain-text errors
	http.Error(w, "bad request", http.StatusBadRequest)
}
