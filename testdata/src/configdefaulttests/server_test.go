package configdefaulttests

import (
	"net/http"
	"testing"
)

// A mock server of a test is not the API: nothing here is reported.
func mock(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no", http.StatusTeapot)
}

func TestGet(t *testing.T) { _ = mock }
