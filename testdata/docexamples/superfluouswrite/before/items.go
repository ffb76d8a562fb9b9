package items

import (
	"encoding/json"
	"net/http"
)

type item struct{ Name string }

func getItem(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(item{Name: "pen"})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
}
