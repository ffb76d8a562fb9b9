// Command notes serves the notes API.
package main

import (
	"log"
	"net/http"

	"example.com/notes/internal/api"
)

func main() {
	log.Fatal(http.ListenAndServe("localhost:8080", api.NewServer().Handler()))
}
