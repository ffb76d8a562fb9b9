package items

import (
	"errors"
	"net/http"
)

var errNotFound = errors.New("not found")

func find(id string) (string, error) { return "", errNotFound }

func getItem(w http.ResponseWriter, r *http.Request) {
	item, err := find(r.PathValue("id"))
	if err != nil {
		http.Error(w, "no such item", http.StatusNotFound)
		return
	}
	w.Write([]byte(item))
}
