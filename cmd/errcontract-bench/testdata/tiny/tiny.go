// Package tiny is the corpus of the benchmark's end-to-end test: one
// handler, which leaks an error's text in a raw http.Error.
package tiny

import (
	"net/http"
	"os"
)

func Config(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile("config.json")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write(data)
}
