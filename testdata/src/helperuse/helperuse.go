// Package helperuse calls helperlib's helpers: leaks and statuses are
// reported at the calls.
package helperuse

import (
	"errors"
	"net/http"

	"example.com/textutil"
	"helperlib"
)

func load() error { return errors.New("db down") }

func leakThroughHelper(w http.ResponseWriter, r *http.Request) {
	if err := load(); err != nil {
		helperlib.Fail(w, http.StatusInternalServerError, err.Error()) // want `^error text from err.Error\(\) reaches the response body via helperlib.Fail$`
	}
}

func statusThroughHelper(w http.ResponseWriter, r *http.Request) {
	helperlib.Fail(w, http.StatusTeapot, "short and stout") // want `^status 418 is not documented by the contentful contract`
}

func statusThroughHelperAndLocal(w http.ResponseWriter, r *http.Request, gone bool) { // want statusThroughHelperAndLocal:`summary\(statuses=404,410 writes-error\)`
	status := http.StatusNotFound
	if gone {
		status = http.StatusGone
	}
	helperlib.JSON(w, status, map[string]string{"message": "missing"}) // want `^status 410 is not documented`
}

func mapThroughHelper(w http.ResponseWriter, r *http.Request) {
	err := load()
	helperlib.JSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()}) // want `^error text from err.Error\(\) reaches the response body via helperlib.JSON$`
}

func errorValueThroughAny(w http.ResponseWriter, r *http.Request) {
	// encoding/json renders an error value as {}: what JSON does with v
	// is its business, but an error passed as any is rendered as text by
	// fmt-based helpers, so it counts.
	helperlib.JSON(w, http.StatusBadRequest, load()) // want `^error text from load\(\) reaches`
}

func describedText(w http.ResponseWriter, r *http.Request) {
	err := load()
	http.Error(w, helperlib.Describe(err), http.StatusBadRequest) // want `^http.Error bypasses` `^error text from helperlib.Describe\(err\) reaches the response body via http.Error$`
}

func textFromAnotherModule(w http.ResponseWriter, r *http.Request) {
	err := load()
	http.Error(w, textutil.Quote(err.Error()), http.StatusBadRequest) // want `^http.Error bypasses` `^error text from err.Error\(\) reaches`
	http.Error(w, textutil.Reason(err), http.StatusBadRequest)        // want `^http.Error bypasses` `^error text from textutil.Reason\(err\) reaches`
}

// codeThroughHelper gives a helper of another package a body whose code,
// sys.id, the default contract does not document for 404.
func codeThroughHelper(w http.ResponseWriter, r *http.Request) {
	helperlib.JSON(w, http.StatusNotFound, map[string]any{"sys": map[string]string{"type": "Error", "id": "Missing"}}) // want `^code Missing is not documented for 404 by the contentful contract \(NotFoundError\)$`
	helperlib.JSON(w, http.StatusNotFound, map[string]any{"sys": map[string]string{"type": "Error", "id": "NotFoundError"}})
}

// Not reported below.

func constantThroughHelper(w http.ResponseWriter, r *http.Request) {
	helperlib.Fail(w, http.StatusBadRequest, "invalid id")
	helperlib.JSON(w, http.StatusOK, map[string]int{"count": 1})
	http.Error(w, textutil.Quote("constant"), http.StatusBadRequest) // want `^http.Error bypasses`
}

func unknownStatusThroughHelper(w http.ResponseWriter, resp *http.Response) {
	helperlib.Fail(w, resp.StatusCode, "upstream failed")
}
