package analyzer

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	driver "golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestSuperfluousSeeds checks that the superfluous-write seeds reach the
// rule: each that type-checks is reported under it, and the one that does
// not is analyzed without a superfluous-write finding.
func TestSuperfluousSeeds(t *testing.T) {
	env := newHandlerEnv(t)
	a := only(ruleSuperfluousWrite)
	for i, src := range superfluousSeeds {
		pkg := env.typeCheck(src)
		if pkg == nil {
			t.Fatalf("seed %d has no package clause", i)
		}
		graph, err := driver.Analyze([]*analysis.Analyzer{a}, []*packages.Package{pkg}, nil)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, d := range graph.Roots[0].Diagnostics {
			if d.Category == ruleSuperfluousWrite {
				n++
			}
		}
		switch illTyped := len(pkg.TypeErrors) > 0; {
		case illTyped && n > 0:
			t.Errorf("seed %d does not type-check, and has %d superfluous-write findings", i, n)
		case !illTyped && n == 0:
			t.Errorf("seed %d has no superfluous-write finding", i)
		}
	}
}

// superfluousSeeds are handler files that FuzzAnalyzer starts from for
// superfluous-write: a WriteHeader after a body write, header edits after
// a commit, through the header map too, Flush in its three forms, declared
// trailers, flags and integer ranges on the paths, a writer with its own
// WriteHeader, and a file that does not type-check.
var superfluousSeeds = []string{
	`package handler

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

func after(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("a"))
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, "%d", 1)
	io.Copy(w, strings.NewReader("b"))
	json.NewEncoder(w).Encode(1)
	http.Error(w, "late", http.StatusInternalServerError)
	w.Header().Set("Content-Type", "text/plain")
	w.Header()["X-Id"] = []string{"1"}
	delete(w.Header(), "Server")
}
`,
	`package handler

import "net/http"

func stream(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Trailer", "X-Sum, X-Count")
	f, ok := w.(http.Flusher)
	if !ok {
		return
	}
	for i := range 3 {
		w.Write([]byte{byte(i)})
		f.Flush()
	}
	w.(http.Flusher).Flush()
	rc := http.NewResponseController(w)
	if err := rc.Flush(); err != nil {
		return
	}
	w.Header().Set("X-Sum", "1")
	w.Header()[http.TrailerPrefix+"X-Late"] = []string{"2"}
	w.WriteHeader(http.StatusOK)
}
`,
	`package handler

import "net/http"

type held struct {
	http.ResponseWriter
	sent bool
	code int
}

func (h *held) WriteHeader(code int) {
	h.code = code
	if code >= 200 && code < 300 && !h.sent {
		h.ResponseWriter.WriteHeader(code)
		h.sent = true
	}
	if code < 200 || !h.sent {
		h.ResponseWriter.WriteHeader(code)
	}
}

func flagged(w http.ResponseWriter, r *http.Request, code int) {
	done := false
	if code == 404 || code > 499 {
		http.Error(w, "no", code)
		done = true
	}
	code++
	if !done && code != 405 {
		w.WriteHeader(code)
	}
	w.Header().Set("X-Late", "1")
	h := &held{ResponseWriter: w}
	h.WriteHeader(http.StatusEarlyHints)
	h.Write(nil)
	h.Header().Set("X", "y")
}
`,
	`package handler

import "net/http"

func broken(w http.ResponseWriter, r *http.Request) {
	w.Write(undefined)
	w.(http.Flusher).Flush(extra)
	w.Header()[missing] = nil
	delete(w.Header())
	w.WriteHeader(http.StatusOK)
	http.NewResponseController(nowhere).Flush()
}
`,
}
