// Package precision holds the cases that tell error text apart: sentinel
// errors of the module, public error types, and parsers that echo input.
package precision

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

var (
	ErrNotFound = errors.New("item not found")      // want ErrNotFound:`sentinel`
	ErrLocked   = fmt.Errorf("item is locked")      // want ErrLocked:`sentinel`
	errDynamic  = fmt.Errorf("limit %d", 10)        // not a constant message
	errWrapped  = fmt.Errorf("wrap: %w", ErrLocked) // formats another error
)

func sentinelText(w http.ResponseWriter, r *http.Request) {
	http.Error(w, ErrNotFound.Error(), http.StatusNotFound)
	fmt.Fprintf(w, "%v", ErrLocked)
	http.Error(w, errDynamic.Error(), http.StatusBadRequest) // want `^error text from errDynamic.Error\(\) reaches`
	http.Error(w, errWrapped.Error(), http.StatusBadRequest) // want `^error text from errWrapped.Error\(\) reaches`
}

func wrappedSentinelIsNot(w http.ResponseWriter, r *http.Request, err error) { // want wrappedSentinelIsNot:`summary\(statuses=404\)`
	if errors.Is(err, ErrNotFound) {
		// err wraps the sentinel with more text: not safe.
		http.Error(w, err.Error(), http.StatusNotFound) // want `^error text from err.Error\(\) reaches`
	}
}

func parsers(w http.ResponseWriter, r *http.Request) {
	if _, err := strconv.Atoi(r.FormValue("page")); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest) // want `^error text from err.Error\(\), which echoes client input \(strconv.Atoi\), reaches the response body via http.Error$`
	}
	if _, err := url.Parse(r.FormValue("next")); err != nil {
		fmt.Fprintf(w, "bad next: %v", err) // want `^error text from err, which echoes client input \(url.Parse\), reaches`
	}
	if _, err := time.Parse(time.RFC3339, r.FormValue("since")); err != nil {
		http.Error(w, "since: "+err.Error(), http.StatusBadRequest) // want `echoes client input \(time.Parse\)`
	}
	var body map[string]any
	err := json.Unmarshal([]byte(r.FormValue("filter")), &body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest) // want `echoes client input \(json.Unmarshal\)`
	}
}
