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
		status := http.StatusNotFound
		if errors.Is(err, errArchived) {
			status = http.StatusGone
		}
		w.WriteHeader(status)
		return
	}
	w.Write([]byte(order))
}
