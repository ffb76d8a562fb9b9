package items

import (
	"errors"
	"net/http"

	"github.com/errcontract/errcontract/apierror"
)

var errNotFound = errors.New("not found")

func find(id string) (string, error) { return "", errNotFound }

func getItem(w http.ResponseWriter, r *http.Request) {
	item, err := find(r.PathValue("id"))
	if err != nil {
		apierror.Write(w, r, apierror.NotFound("no such item"))
		return
	}
	w.Write([]byte(item))
}
