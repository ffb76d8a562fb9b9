// Package superfluouspaths holds the cases of superfluous-write for the
// paths that a function's own tests rule out, and for writers that write
// as their own methods say.
package superfluouspaths

import (
	"net/http"
)

// holdingWriter keeps the status back until the body is known, as a
// compressing writer does: its WriteHeader writes nothing.
type holdingWriter struct {
	http.ResponseWriter
	status  int
	sent    bool
	passing bool
}

func (h *holdingWriter) WriteHeader(code int) { // want WriteHeader:`summary\(status=0\)`
	h.status = code
	// Statuses of one class only: the paths through both ifs
	// cannot run.
	if h.passing && code >= 200 && code < 300 {
		h.ResponseWriter.WriteHeader(code)
		h.sent = true
	}
	if code >= 100 && code <= 199 {
		h.ResponseWriter.WriteHeader(code)
	}
	// A field set on the path and tested later.
	if !h.sent && code >= 400 {
		h.ResponseWriter.WriteHeader(code)
		h.sent = true
	}
}

// Write sends the held status first. Its own WriteHeader is not
// followed: a header set after it is not reported.
func (h *holdingWriter) Write(p []byte) (int, error) { // want Write:`summary\(body=0\)`
	if !h.sent {
		h.WriteHeader(http.StatusOK)
		h.Header().Set("Content-Length", "0")
	}
	return h.ResponseWriter.Write(p)
}

// The rule still follows what is written to the writer inside.
func (h *holdingWriter) flushHeld() {
	h.ResponseWriter.WriteHeader(h.status)
	h.ResponseWriter.WriteHeader(h.status) // want `superfluous h.ResponseWriter.WriteHeader call: the header was already written by h.ResponseWriter.WriteHeader at line 49`
}

// A field that a call may change is not known after it.
func (h *holdingWriter) reset() { h.sent = false }

func (h *holdingWriter) afterReset() {
	h.ResponseWriter.WriteHeader(http.StatusOK)
	h.sent = true
	h.reset()
	if !h.sent {
		h.ResponseWriter.WriteHeader(http.StatusOK) // want `superfluous h.ResponseWriter.WriteHeader call: the header was already written by h.ResponseWriter.WriteHeader at line 57`
	}
}

// Ranges that overlap: both ifs can run on one path.
func overlapping(w http.ResponseWriter, code int) { // want overlapping:`summary\(status=1\)`
	if code >= 200 {
		w.WriteHeader(code)
	}
	if code < 300 {
		w.WriteHeader(http.StatusOK) // want `superfluous w.WriteHeader call: the header was already written by w.WriteHeader at line 68`
	}
}

// Exclusive ranges, one of them reached by the else branch.
func exclusive(w http.ResponseWriter, code int) { // want exclusive:`summary\(status=1\)`
	if code < 400 {
		w.WriteHeader(code)
	}
	if code == 404 || code == 410 {
		http.Error(w, "gone", code)
	}
}

// A variable assigned between the tests is not known.
func reassigned(w http.ResponseWriter, code int) {
	if code == 200 {
		w.WriteHeader(code)
	}
	code++
	if code == 201 {
		w.WriteHeader(code) // want `superfluous w.WriteHeader call: the header was already written by w.WriteHeader at line 88`
	}
}

// A flag tested true, then tested again.
func testedTwice(w http.ResponseWriter, r *http.Request, quiet bool) {
	if !quiet {
		w.WriteHeader(http.StatusAccepted)
	}
	if quiet {
		w.WriteHeader(http.StatusNoContent)
	}
}
