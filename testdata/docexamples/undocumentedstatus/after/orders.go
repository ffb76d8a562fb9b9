package orders

import (
	"errors"
	"net/http"
)

var errArchived = errors.New("archived")

func find(id string) (string, error) { return "", errArchived }

func getOrder(w http.ResponseWriter, r *http.Request) {
	order, err := find(r.PathValue("id"))
	if err != nil {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	w.Write([]byte(order))
}
