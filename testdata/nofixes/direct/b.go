package direct

import "net/http"

func update(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "bad id", http.StatusBadRequest) // want `^http\.Error bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
}
