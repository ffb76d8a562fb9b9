// Package configexclude's errcontract.yaml excludes its generated files and
// its legacy package.
package configexclude

import "net/http"

func get(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no", http.StatusTeapot) // want `^status 418 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
}
