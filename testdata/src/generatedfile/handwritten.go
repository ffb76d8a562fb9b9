// Package generatedfile has a generated file beside a hand-written one:
// findings are reported in the second only, since nobody edits the first.
package generatedfile

import "net/http"

func handwritten(w http.ResponseWriter, r *http.Request, err error) { // want handwritten:`^summary\(statuses=418 writes-error\)$`
	http.Error(w, err.Error(), http.StatusTeapot) // want `^http.Error bypasses` `^status 418 is not documented` `^error text from err.Error\(\) reaches the response body via http.Error$`
}
