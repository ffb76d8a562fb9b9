package apierror

import (
	"net/http"
	"testing"
)

// discardResponseWriter is the cheapest ResponseWriter, so that the
// benchmark measures Write and not a recorder.
type discardResponseWriter struct{ header http.Header }

func (w *discardResponseWriter) Header() http.Header         { return w.header }
func (w *discardResponseWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardResponseWriter) WriteHeader(int)             {}

// BenchmarkWrite measures one Write per format: a client error with a field
// error, as handlers write most often, and a server error, which shows a
// random log ID. Logging is off: its cost is the service's handler's.
func BenchmarkWrite(b *testing.B) {
	r, err := http.NewRequest(http.MethodGet, "/items/42", nil)
	if err != nil {
		b.Fatal(err)
	}
	errs := map[string]error{
		"422": ValidationFailed("invalid item").
			WithFields(FieldError{Pointer: "/name", Detail: "is required"}),
		"500": Internal(errSecret),
	}
	for _, f := range Formats() {
		for _, status := range []string{"422", "500"} {
			b.Run(string(f)+"/"+status, func(b *testing.B) {
				w := Writer{Format: f, Logger: testWriter(f).Logger}
				rw := &discardResponseWriter{header: make(http.Header)}
				b.ReportAllocs()
				for b.Loop() {
					clear(rw.header)
					w.Write(rw, r, errs[status])
				}
			})
		}
	}
}
