package orders

import (
	"encoding/json"
	"net/http"

	"github.com/errcontract/errcontract/apierror"
)

type order struct{ ID string }

func createOrder(w http.ResponseWriter, r *http.Request) {
	var o order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		apierror.Write(w, r, apierror.BadRequest("cannot decode order: "+err.Error()))
		return
	}
	w.WriteHeader(http.StatusCreated)
}
