package items

import (
	"encoding/json"
	"net/http"

	"github.com/errcontract/errcontract/apierror"
)

type item struct{ Name string }

func save(it item) {}

func createItem(w http.ResponseWriter, r *http.Request) {
	var it item
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil {
		apierror.Write(w, r, apierror.BadRequest("invalid JSON body").WithCause(err))
	}
	save(it)
	w.WriteHeader(http.StatusCreated)
}
