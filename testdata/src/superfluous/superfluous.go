package superfluous

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"strings"

	"example.com/replylib"
)

type item struct{ Name string }

// writeJSON writes v as a JSON body: its summary says it writes its
// argument.
func writeJSON(w http.ResponseWriter, v any) { // want writeJSON:`summary\(body=1\)`
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// decode writes an error response when the body does not decode.
func decode(w http.ResponseWriter, r *http.Request, v any) bool { // want decode:`summary\(statuses=400\)`
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return false
	}
	return true
}

// --- reported ---

func writeHeaderAfterWrite(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))
	w.WriteHeader(http.StatusOK) // want `superfluous w.WriteHeader call: the header was already written by w.Write at line 35`
}

func writeHeaderTwice(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusCreated)
	w.WriteHeader(http.StatusOK) // want `superfluous w.WriteHeader call: the header was already written by w.WriteHeader at line 40`
}

func secondWriteHeaderAfterWrite(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	w.Write([]byte("ok"))
	w.WriteHeader(http.StatusInternalServerError) // want `superfluous w.WriteHeader call: the header was already written by w.WriteHeader at line 45`
}

func headerAfterFprintf(w http.ResponseWriter, r *http.Request) { // want headerAfterFprintf:`summary\(body=1\)`
	fmt.Fprintf(w, "hello %s", r.URL.Path)
	w.Header().Set("Content-Type", "text/plain") // want `w.Header\(\).Set has no effect: the response was committed by fmt.Fprintf at line 51`
}

func headerAfterWriteHeader(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
	w.Header().Add("X-Request-Id", "1") // want `w.Header\(\).Add has no effect: the response was committed by w.WriteHeader at line 56`
	w.Header().Del("Server")            // want `w.Header\(\).Del has no effect: the response was committed by w.WriteHeader at line 56`
}

func writeHeaderAfterHTTPError(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "gone", http.StatusGone)
	w.WriteHeader(http.StatusOK) // want `superfluous w.WriteHeader call: the header was already written by http.Error at line 62`
}

func httpErrorAfterEncode(w http.ResponseWriter, r *http.Request) {
	if err := json.NewEncoder(w).Encode(item{"a"}); err != nil {
		http.Error(w, "encoding failed", http.StatusInternalServerError) // want `superfluous WriteHeader call in http.Error: the header was already written by json.NewEncoder\(w\).Encode at line 67`
	}
}

func writeHeaderAfterHelper(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, item{"a"})
	w.WriteHeader(http.StatusOK) // want `superfluous w.WriteHeader call: the header was already written by writeJSON at line 73`
}

func writeHeaderAfterImportedHelper(w http.ResponseWriter, r *http.Request) {
	replylib.JSON(w, http.StatusOK, item{"a"})
	w.WriteHeader(http.StatusOK) // want `superfluous w.WriteHeader call: the header was already written by replylib.JSON at line 78`
}

func importedHelperAfterWrite(w http.ResponseWriter, r *http.Request) {
	io.WriteString(w, "partial")
	replylib.JSON(w, http.StatusOK, item{"a"}) // want `superfluous WriteHeader call in replylib.JSON: the header was already written by io.WriteString at line 83`
}

func headerThroughLocal(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	w.WriteHeader(http.StatusOK)
	h.Set("Cache-Control", "no-store") // want `h.Set has no effect: the response was committed by w.WriteHeader at line 89`
}

func writeHeaderAfterTemplate(w http.ResponseWriter, r *http.Request, t *template.Template) {
	t.Execute(w, nil)
	w.WriteHeader(http.StatusOK) // want `superfluous w.WriteHeader call: the header was already written by t.Execute at line 94`
}

func writeHeaderAfterCopy(w http.ResponseWriter, r *http.Request) {
	io.Copy(w, strings.NewReader("body"))
	w.WriteHeader(http.StatusOK) // want `superfluous w.WriteHeader call: the header was already written by io.Copy at line 99`
}

func serveContentAfterWriteHeader(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	http.ServeFile(w, r, "index.html") // want `superfluous WriteHeader call in http.ServeFile: the header was already written by w.WriteHeader at line 104`
}

func redirectAfterWrite(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, "moving")
	http.Redirect(w, r, "/elsewhere", http.StatusFound) // want `superfluous WriteHeader call in http.Redirect: the header was already written by fmt.Fprintln at line 109`
}

// A write on one branch, a header after the branches join: the path
// through the write reaches it.
func afterBranch(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("verbose") {
		fmt.Fprintln(w, "details")
	}
	w.Header().Set("Content-Type", "text/plain") // want `w.Header\(\).Set has no effect: the response was committed by fmt.Fprintln at line 117`
}

// A loop whose body writes the header and goes round again.
func writeHeaderInLoop(w http.ResponseWriter, r *http.Request, items []item) { // want writeHeaderInLoop:`summary\(body=2\)`
	for _, it := range items {
		w.WriteHeader(http.StatusOK) // want `superfluous w.WriteHeader call: the header was already written by w.WriteHeader at line 125`
		fmt.Fprintln(w, it.Name)
	}
}

// In a closure, the closure's own paths.
func inClosure(w http.ResponseWriter, r *http.Request) {
	reply := func(msg string) {
		fmt.Fprintln(w, msg)
		w.WriteHeader(http.StatusOK) // want `superfluous w.WriteHeader call: the header was already written by fmt.Fprintln at line 133`
	}
	reply("ok")
}

// A declared trailer is set after the body; a header that is not one is
// not.
func undeclaredAfterTrailers(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Trailer", "X-Checksum")
	w.Write([]byte("body"))
	w.Header().Set("X-Checksum", "abc")
	w.Header().Set("X-Other", "abc") // want `w.Header\(\).Set has no effect: the response was committed by w.Write at line 143`
}

// --- not reported ---

func writeHeaderThenWrite(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(http.StatusOK)
	w.Write([]byte("ok"))
	w.Write([]byte("more"))
	fmt.Fprintln(w, "and more")
}

func headerBeforeWriteHeader(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Add("Vary", "Accept")
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(item{"a"})
}

func declaredTrailer(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Trailer", "X-Checksum, x-count")
	w.Write([]byte("body"))
	w.Header().Set("X-Checksum", "abc")
	w.Header().Set("X-Count", "1")
}

func trailerPrefix(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("body"))
	w.Header().Set(http.TrailerPrefix+"X-Checksum", "abc")
}

func exclusiveBranches(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	} else {
		w.WriteHeader(http.StatusOK)
		w.Header().Set("X-Late", "no") // want `w.Header\(\).Set has no effect: the response was committed by w.WriteHeader at line 181`
	}
}

func exclusiveIfElse(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("empty") {
		w.WriteHeader(http.StatusNoContent)
	} else {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusOK)
		w.Write([]byte("full"))
	}
}

func exclusiveSwitch(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet:
		fmt.Fprintln(w, "got")
	case http.MethodDelete:
		w.WriteHeader(http.StatusNoContent)
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

func earlyReturn(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/" {
		http.Error(w, "not here", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(http.StatusOK)
}

func loopThatReturns(w http.ResponseWriter, r *http.Request, items []item) { // want loopThatReturns:`summary\(statuses=400\)`
	for _, it := range items {
		if it.Name == "" {
			http.Error(w, "empty name", http.StatusBadRequest)
			return
		}
	}
	w.WriteHeader(http.StatusOK)
}

func bodyInLoop(w http.ResponseWriter, r *http.Request, items []item) { // want bodyInLoop:`summary\(body=2\)`
	w.Header().Set("Content-Type", "text/plain")
	for _, it := range items {
		fmt.Fprintln(w, it.Name)
	}
}

func flush(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	w.Write([]byte("chunk"))
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	w.Write([]byte("chunk"))
}

func earlyHints(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Link", "</style.css>; rel=preload")
	w.WriteHeader(http.StatusEarlyHints)
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(http.StatusOK)
}

// A helper whose result is tested writes on the path it says: not after
// it returns true.
func testedHelper(w http.ResponseWriter, r *http.Request) {
	var v item
	if !decode(w, r, &v) {
		return
	}
	w.WriteHeader(http.StatusOK)
}

// A flag set after the error write, and tested before the later write:
// the path through both cannot run.
func flagged(w http.ResponseWriter, r *http.Request, items []item) { // want flagged:`summary\(statuses=400\)`
	failed := false
	for _, it := range items {
		if it.Name == "" {
			http.Error(w, "empty name", http.StatusBadRequest)
			failed = true
			break
		}
	}
	if failed {
		return
	}
	w.WriteHeader(http.StatusOK)
}

func flaggedNegated(w http.ResponseWriter, r *http.Request) {
	ok := true
	if r.ContentLength == 0 {
		http.Error(w, "empty body", http.StatusBadRequest)
		ok = false
	}
	if !ok {
		return
	}
	w.Header().Set("Content-Type", "text/plain")
}

// statusRecorder wraps a response writer: writing to it is not writing to
// the writer it wraps, as far as the rule knows.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (rec *statusRecorder) WriteHeader(code int) { // want WriteHeader:`summary\(status=0\)`
	rec.status = code
	rec.ResponseWriter.WriteHeader(code)
}

func wrapped(w http.ResponseWriter, r *http.Request) {
	rec := &statusRecorder{ResponseWriter: w}
	rec.Write([]byte("ok"))
	w.Header().Set("X-Status", "recorded")
}

func otherWriters(w1, w2 http.ResponseWriter, r *http.Request) {
	w1.WriteHeader(http.StatusOK)
	w2.WriteHeader(http.StatusOK)
	w2.Header().Set("X-Late", "no") // want `w2.Header\(\).Set has no effect: the response was committed by w2.WriteHeader at line 308`
}

func deferred(w http.ResponseWriter, r *http.Request) {
	defer w.Header().Set("X-Deferred", "no")
	w.WriteHeader(http.StatusOK)
}

func deadCode(w http.ResponseWriter, r *http.Request) {
	return
	w.Write([]byte("never"))
	w.WriteHeader(http.StatusOK)
}

func variableKey(w http.ResponseWriter, r *http.Request, key string) {
	w.Write([]byte("body"))
	w.Header().Set(key, "unknown: it may be a trailer")
}

func variableTrailers(w http.ResponseWriter, r *http.Request, names string) {
	w.Header().Set("Trailer", names)
	w.Write([]byte("body"))
	w.Header().Set("X-Any", "a declared trailer, perhaps")
}
