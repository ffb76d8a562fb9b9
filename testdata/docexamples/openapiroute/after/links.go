package links

import (
	"net/http"

	"github.com/errcontract/errcontract/apierror"
)

func routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/links/{id}", getLink)
	return mux
}

func getLink(w http.ResponseWriter, r *http.Request) {
	if r.PathValue("id") == "" {
		apierror.Write(w, r, apierror.NotFound("no such link"))
		return
	}
	w.Write([]byte(`{"id": "` + r.PathValue("id") + `"}`))
}
