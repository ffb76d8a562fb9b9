package codes

import (
	"encoding/json"
	"net/http"
)

// writeJSON encodes any value as the body of a response of any status.
func writeJSON(w http.ResponseWriter, status int, v any) { // want writeJSON:`summary\(body=2 status=1 json=2@p1\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// writeError builds the body from its code.
func writeError(w http.ResponseWriter, status int, code, message string) { // want writeError:`summary\(body=2,3 status=1 json=2:sys.id@p1\)`
	writeJSON(w, status, errorBody{Sys: sys{Type: "Error", ID: code}, Message: message})
}

// notFound writes a constant status.
func notFound(w http.ResponseWriter, code string) { // want notFound:`summary\(body=1 statuses=404 writes-error json=1:sys.id@404\)`
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]any{"sys": map[string]string{"type": "Error", "id": code}})
}

// writeOK writes no status: its bodies are 200s.
func writeOK(w http.ResponseWriter, v any) { // want writeOK:`summary\(body=1\)`
	json.NewEncoder(w).Encode(v)
}

func throughHelpers(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/a":
		writeJSON(w, http.StatusNotFound, errorBody{Sys: sys{Type: "Error", ID: "NoSuchThing"}}) // want `^code NoSuchThing is not documented for 404 by the contentful contract \(NotFoundError\)$`
	case "/b":
		writeError(w, http.StatusForbidden, "Denied", "not yours") // want `^code Denied is not documented for 403 by the contentful contract \(AccessDeniedError\)$`
	case "/c":
		notFound(w, "Gone") // want `^code Gone is not documented for 404 by the contentful contract \(NotFoundError\)$`
	case "/d":
		writeJSON(w, http.StatusNotFound, errorBody{Sys: sys{Type: "Error", ID: "NotFoundError"}})
		writeError(w, http.StatusForbidden, "AccessDeniedError", "not yours")
		notFound(w, "NotFoundError")
	case "/e":
		writeOK(w, errorBody{Sys: sys{Type: "Error", ID: "Anything"}})
		writeError(w, http.StatusOK, "Fine", "ok")
	}
}
