// Package usesbrokendep type-checks, but imports a package that does not:
// its findings are reported all the same.
package usesbrokendep

import (
	"encoding/json"
	"fmt"
	"net/http"

	"brokendep"
)

func get(w http.ResponseWriter, r *http.Request) {
	name, err := brokendep.Load(r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, err.Error(), 500) // want `^http.Error bypasses the canonical error constructors$` `^error text from err.Error\(\) reaches the response body via http.Error$`
		return
	}
	fmt.Fprint(w, name)
}

func viaHelpers(w http.ResponseWriter, r *http.Request) {
	if _, err := brokendep.Load("x"); err != nil {
		brokendep.WriteError(w, err.Error()) // want `^error text from err.Error\(\) reaches the response body via brokendep.WriteError$`
		return
	}
	if _, err := brokendep.Load("y"); err != nil {
		brokendep.WriteBroken(w, err.Error())
		return
	}
}

// lookup uses a result whose type the dependency does not declare: the
// error is still an error, the record is not known.
func lookup(w http.ResponseWriter, r *http.Request) { // want lookup:"^summary\\(partial\\)$"
	rec, err := brokendep.Lookup("x")
	if err != nil {
		w.WriteHeader(http.StatusTeapot)                                // want `^WriteHeader\(418\) with a hand-written body bypasses` `^status 418 is not documented`
		json.NewEncoder(w).Encode(map[string]any{"error": err.Error()}) // want `^error text from err.Error\(\) reaches the response body via json.NewEncoder\(w\).Encode$`
		return
	}
	fmt.Fprint(w, rec)
	json.NewEncoder(w).Encode(rec.Name)
}
