package configtests

import (
	"net/http"
	"testing"
)

func mock(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no", http.StatusTeapot) // want `^status 418 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
}

func TestGet(t *testing.T) { _ = mock }
