package items

import (
	"encoding/json"
	"net/http"

	"github.com/errcontract/errcontract/apierror"
)

type item struct{ Name string }

// createItem stores a new item.
//
//errcontract:statuses 201 400 409
func createItem(w http.ResponseWriter, r *http.Request) {
	var it item
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil {
		apierror.Write(w, r, apierror.BadRequest("invalid JSON body").WithCause(err))
		return
	}
	w.WriteHeader(http.StatusCreated)
}
