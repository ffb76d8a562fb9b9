package rawerror

import (
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
)

const statusConflict = 409

func httpError(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "bad id", http.StatusBadRequest) // want `^http.Error bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
}

func notFound(w http.ResponseWriter, r *http.Request) {
	http.NotFound(w, r) // want `^http.NotFound bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
}

func writeHeaderThenWrite(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusConflict) // want `^WriteHeader\(409\) with a hand-written body bypasses the canonical error constructors \(declare the project's own writer with //errcontract:writer or writers: in errcontract\.yaml\)$`
	w.Write([]byte(`{"error":"exists"}`))
}

func writeHeaderThenEncode(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(statusConflict) // want `^WriteHeader\(409\) with a hand-written body`
	json.NewEncoder(w).Encode(map[string]string{"error": "exists"})
}

func writeHeaderThenFprintf(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(500) // want `^WriteHeader\(500\) with a hand-written body`
	fmt.Fprintf(w, "try again later")
}

func writeHeaderThenWriteString(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusForbidden) // want `^WriteHeader\(403\) with a hand-written body`
	io.WriteString(w, "forbidden")
}

func writeHeaderInBranchThenBody(w http.ResponseWriter, r *http.Request, ok bool) { // want writeHeaderInBranchThenBody:`summary\(statuses=401\)`
	if !ok {
		w.WriteHeader(http.StatusUnauthorized) // want `^WriteHeader\(401\) with a hand-written body`
	}
	w.Write([]byte("denied"))
}

func statusThroughLocal(w http.ResponseWriter, r *http.Request, missing bool) { // want statusThroughLocal:`summary\(statuses=400,404 writes-error\)`
	status := http.StatusBadRequest
	if missing {
		status = http.StatusNotFound
	}
	w.WriteHeader(status) // want `^WriteHeader\(400 or 404\) with a hand-written body`
	w.Write([]byte("no"))
}

func encoderInLocal(w http.ResponseWriter, r *http.Request) {
	enc := json.NewEncoder(w)
	w.WriteHeader(http.StatusUnprocessableEntity) // want `^WriteHeader\(422\) with a hand-written body`
	enc.Encode(struct{ Message string }{"invalid"})
}

type server struct{}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "nope", http.StatusForbidden) // want `^http.Error bypasses`
}

var closure = func(w http.ResponseWriter, r *http.Request) {
	http.NotFound(w, r) // want `^http.NotFound bypasses`
}

// wrapped implements http.ResponseWriter: matched by type, not by name.
type wrapped struct {
	http.ResponseWriter
	status int
}

func customWriter(rw *wrapped, r *http.Request) { // want customWriter:`summary\(statuses=502 writes-error\)`
	rw.WriteHeader(http.StatusBadGateway) // want `^WriteHeader\(502\) with a hand-written body`
	rw.Write([]byte("upstream failed"))
}

// Not reported below.

func writeHeaderSuccessThenBody(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusCreated)
	w.Write([]byte(`{"id":1}`))
}

func writeHeaderErrorWithoutBody(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
	w.WriteHeader(http.StatusNotFound)
}

func writeHeaderThenReturn(w http.ResponseWriter, r *http.Request, ok bool) { // want writeHeaderThenReturn:`summary\(statuses=403\)`
	if !ok {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.Write([]byte("welcome"))
}

func writeHeaderThenLogThenReturn(w http.ResponseWriter, r *http.Request, ok bool) { // want writeHeaderThenLogThenReturn:`summary\(statuses=403\)`
	if !ok {
		w.WriteHeader(http.StatusForbidden)
		log.Printf("forbidden: %s", r.URL.Path)
		return
	}
	w.Write([]byte("welcome"))
}

func unknownStatus(w http.ResponseWriter, resp *http.Response) { // want unknownStatus:`summary\(body=1\)`
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

func elseBranchIsNotAfter(w http.ResponseWriter, r *http.Request, ok bool) { // want elseBranchIsNotAfter:`summary\(statuses=403\)`
	if !ok {
		w.WriteHeader(http.StatusForbidden)
	} else {
		w.Write([]byte("welcome"))
	}
}

func bodyToOtherWriter(w, audit http.ResponseWriter, r *http.Request) { // want bodyToOtherWriter:`summary\(statuses=403 writes-error\)`
	w.WriteHeader(http.StatusForbidden)
	audit.Write([]byte("denied"))
}

func severalWrites(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	w.Write([]byte("one "))
	w.Write([]byte("two"))
}

func notAResponseWriter(w io.Writer) {
	fmt.Fprintf(w, "hello")
}
