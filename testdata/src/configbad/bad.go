// Package configbad has an invalid errcontract.yaml: the file's problems
// are reported, and nothing else.
package configbad

import "net/http"

func get(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no", http.StatusTeapot)
}
