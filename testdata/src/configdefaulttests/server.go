// Package configdefaulttests has no errcontract.yaml: findings in its
// _test.go files are not reported, those in its other files are.
package configdefaulttests

import "net/http"

func get(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no", http.StatusTeapot) // want `^status 418 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
}
