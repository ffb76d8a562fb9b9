//go:build ignore

package main

import "net/http"

func main() {
	http.ListenAndServe(":8080", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "ignored", http.StatusTeapot)
	}))
}
