// Package superfluousflush holds the cases of superfluous-write for
// Flush, the header map and writes of every kind followed by WriteHeader.
package superfluousflush

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

type event struct{ ID int }

// --- reported ---

func writeHeaderAfterAssertedFlush(w http.ResponseWriter, r *http.Request) {
	w.(http.Flusher).Flush()
	w.WriteHeader(http.StatusAccepted) // want `superfluous w.WriteHeader call: the header was already written by w.\(http.Flusher\).Flush at line 18`
}

func headerAfterFlusherLocal(w http.ResponseWriter, r *http.Request) {
	f, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	f.Flush()
	w.Header().Set("Content-Type", "text/event-stream") // want `w.Header\(\).Set has no effect: the response was committed by f.Flush at line 28`
}

func writeHeaderAfterControllerFlush(w http.ResponseWriter, r *http.Request) {
	if err := http.NewResponseController(w).Flush(); err != nil {
		return
	}
	w.WriteHeader(http.StatusOK) // want `superfluous w.WriteHeader call: the header was already written by http.NewResponseController\(w\).Flush at line 33`
}

func headerAfterControllerLocal(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	rc.Flush()
	http.Error(w, "too late", http.StatusServiceUnavailable) // want `superfluous WriteHeader call in http.Error: the header was already written by rc.Flush at line 41`
}

func mapAssignAfterWrite(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("body"))
	w.Header()["X-Request-Id"] = []string{"7"} // want `assignment to w.Header\(\)\["X-Request-Id"\] has no effect: the response was committed by w.Write at line 46`
}

func mapDeleteAfterWriteHeader(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	delete(w.Header(), "Server") // want `delete\(w.Header\(\), "Server"\) has no effect: the response was committed by w.WriteHeader at line 51`
}

func mapThroughLocal(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	fmt.Fprint(w, "body")
	h["Cache-Control"] = []string{"no-store"} // want `assignment to h\["Cache-Control"\] has no effect: the response was committed by fmt.Fprint at line 57`
}

func writeHeaderAfterIOCopy(w http.ResponseWriter, r *http.Request) {
	io.Copy(w, strings.NewReader("payload"))
	w.WriteHeader(http.StatusCreated) // want `superfluous w.WriteHeader call: the header was already written by io.Copy at line 62`
}

func writeHeaderAfterFprintf(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "id %d", 1)
	w.WriteHeader(http.StatusCreated) // want `superfluous w.WriteHeader call: the header was already written by fmt.Fprintf at line 67`
}

func writeHeaderAfterEncode(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(event{1})
	w.WriteHeader(http.StatusCreated) // want `superfluous w.WriteHeader call: the header was already written by json.NewEncoder\(w\).Encode at line 72`
}

func writeHeaderAfterWrite(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("{}"))
	w.WriteHeader(http.StatusCreated) // want `superfluous w.WriteHeader call: the header was already written by w.Write at line 77`
}

// A write on a branch that may not run: the rule reports what some path
// does, so the header after the branches join is reported.
func mayHaveWritten(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("stream") {
		w.(http.Flusher).Flush()
	}
	w.WriteHeader(http.StatusOK) // want `superfluous w.WriteHeader call: the header was already written by w.\(http.Flusher\).Flush at line 85`
}

// --- not reported ---

func flushAfterHeader(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	f, _ := w.(http.Flusher)
	for i := range 3 {
		fmt.Fprintf(w, "data: %d\n\n", i)
		f.Flush()
	}
	http.NewResponseController(w).Flush()
}

func mapBeforeWrite(w http.ResponseWriter, r *http.Request) {
	w.Header()["Content-Type"] = []string{"text/plain"}
	delete(w.Header(), "X-Powered-By")
	w.Write([]byte("body"))
}

func mapTrailers(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Trailer", "X-Digest")
	w.Write([]byte("body"))
	w.Header()["X-Digest"] = []string{"abc"}
	w.Header()[http.TrailerPrefix+"X-Late"] = []string{"1"}
	delete(w.Header(), "X-Digest")
}

func mapVariableKey(w http.ResponseWriter, r *http.Request, key string) {
	w.Write([]byte("body"))
	w.Header()[key] = []string{"maybe a trailer"}
}

// A flusher variable assigned twice is not known to be the writer's.
func reassignedFlusher(w, other http.ResponseWriter, r *http.Request) {
	f, _ := w.(http.Flusher)
	f, _ = other.(http.Flusher)
	f.Flush()
	w.WriteHeader(http.StatusOK)
}

// A flush of another writer does not commit this one.
func otherFlusher(w, other http.ResponseWriter, r *http.Request) {
	other.(http.Flusher).Flush()
	w.WriteHeader(http.StatusOK)
}

// Exclusive branches: a flush on one, a header on the other.
func flushOrHeader(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("stream") {
		w.(http.Flusher).Flush()
	} else {
		w.WriteHeader(http.StatusNoContent)
	}
}

func deferredFlush(w http.ResponseWriter, r *http.Request) {
	defer w.(http.Flusher).Flush()
	w.WriteHeader(http.StatusOK)
}
