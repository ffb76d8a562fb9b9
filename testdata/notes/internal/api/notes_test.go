package api

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// A stand-in for an upstream service: its errors are the test's, not the
// API's, and tests: false keeps them out of the report.
func upstream(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "teapot", http.StatusTeapot)
}

func TestGetMissing(t *testing.T) {
	_ = httptest.NewServer(http.HandlerFunc(upstream))
	rec := httptest.NewRecorder()
	NewServer().Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/notes/x", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("GET /notes/x = %d, want 404", rec.Code)
	}
}
