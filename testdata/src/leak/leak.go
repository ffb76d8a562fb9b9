package leak

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

var errNotFound = errors.New("not found") // want errNotFound:`sentinel`

func load() error { return errNotFound }

var page = template.Must(template.New("page").Parse(`{{.}}`))

func httpErrorMessage(w http.ResponseWriter, r *http.Request) {
	if err := load(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `^error text from err.Error\(\) reaches the response body via http.Error$`
	}
}

func fprintfVerb(w http.ResponseWriter, r *http.Request) {
	err := load()
	fmt.Fprintf(w, "cannot load: %v", err) // want `^error text from err reaches the response body via fmt.Fprintf$`
}

func fprintfPlusV(w http.ResponseWriter, r *http.Request) {
	err := load()
	fmt.Fprintf(w, "%d: %+v", 3, err) // want `^error text from err reaches`
}

func fprintfQuoted(w http.ResponseWriter, r *http.Request) {
	err := load()
	fmt.Fprintf(w, "%[2]q %[1]d", 1, err) // want `^error text from err reaches`
}

func fprintln(w http.ResponseWriter, r *http.Request) {
	err := load()
	fmt.Fprintln(w, "failed:", err) // want `^error text from err reaches the response body via fmt.Fprintln$`
}

func concatenation(w http.ResponseWriter, r *http.Request) {
	err := load()
	msg := "lookup failed: " + err.Error()
	w.Write([]byte(msg)) // want `^error text from err.Error\(\) reaches the response body via w.Write$`
}

func writeString(w http.ResponseWriter, r *http.Request) {
	err := load()
	io.WriteString(w, strings.ToUpper(err.Error())) // want `^error text from err.Error\(\) reaches the response body via io.WriteString$`
}

func sprintf(w http.ResponseWriter, r *http.Request) {
	err := load()
	text := fmt.Sprintf("failed: %s", err)
	http.Error(w, text, http.StatusBadRequest) // want `^error text from err reaches the response body via http.Error$`
}

func wrapped(w http.ResponseWriter, r *http.Request) {
	err := fmt.Errorf("loading: %w", load())
	w.Write([]byte(err.Error())) // want `^error text from err.Error\(\) reaches`
}

func joined(w http.ResponseWriter, r *http.Request) {
	err := errors.Join(load(), load())
	fmt.Fprint(w, err) // want `^error text from err reaches the response body via fmt.Fprint$`
}

type errorResponse struct {
	Message string `json:"message"`
}

func structLiteral(w http.ResponseWriter, r *http.Request) {
	err := load()
	resp := errorResponse{Message: err.Error()}
	json.NewEncoder(w).Encode(resp) // want `^error text from err.Error\(\) reaches the response body via json.NewEncoder\(w\).Encode$`
}

func mapLiteral(w http.ResponseWriter, r *http.Request) {
	err := load()
	json.NewEncoder(w).Encode(map[string]any{"error": err.Error()}) // want `^error text from err.Error\(\) reaches`
}

func fieldAssignment(w http.ResponseWriter, r *http.Request) {
	var resp errorResponse
	if err := load(); err != nil {
		resp.Message = err.Error()
	}
	enc := json.NewEncoder(w)
	enc.Encode(&resp) // want `^error text from err.Error\(\) reaches`
}

func sliceLiteral(w http.ResponseWriter, r *http.Request) {
	err := load()
	errs := []string{"first"}
	errs = append(errs, err.Error())
	xml.NewEncoder(w).Encode(errs) // want `^error text from err.Error\(\) reaches`
}

func marshalled(w http.ResponseWriter, r *http.Request) {
	err := load()
	body, _ := json.Marshal(map[string]string{"error": err.Error()})
	w.Write(body) // want `^error text from err.Error\(\) reaches`
}

func builder(w http.ResponseWriter, r *http.Request) {
	err := load()
	var b strings.Builder
	b.WriteString("failed: ")
	b.WriteString(err.Error())
	io.WriteString(w, b.String()) // want `^error text from err.Error\(\) reaches`
}

func buffer(w http.ResponseWriter, r *http.Request) {
	err := load()
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "failed: %v", err)
	io.Copy(w, &buf) // want `^error text from err reaches the response body via io.Copy$`
}

func readerCopy(w http.ResponseWriter, r *http.Request) {
	err := load()
	io.Copy(w, strings.NewReader(err.Error())) // want `^error text from err.Error\(\) reaches`
}

func templateData(w http.ResponseWriter, r *http.Request) {
	err := load()
	page.Execute(w, err) // want `^error text from err reaches the response body via page.Execute$`
}

func recovered(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if rec := recover(); rec != nil {
			fmt.Fprintf(w, "internal error: %v", rec) // want `^error text from recover\(\) reaches`
		}
	}()
}

func recoveredDirect(w http.ResponseWriter, r *http.Request) {
	defer func() {
		http.Error(w, fmt.Sprint(recover()), 500) // want `^error text from recover\(\) reaches`
	}()
}

func stack(w http.ResponseWriter, r *http.Request) {
	w.Write(debug.Stack()) // want `^error text from debug.Stack\(\) reaches`
}

func runtimeStack(w http.ResponseWriter, r *http.Request) {
	buf := make([]byte, 4096)
	n := runtime.Stack(buf, false)
	w.Write(buf[:n]) // want `^error text from runtime.Stack\(buf, false\) reaches`
}

type pathError struct{ path string }

func (e *pathError) Error() string { return "bad path " + e.path }

func concreteError(w http.ResponseWriter, r *http.Request) {
	e := &pathError{r.URL.Path}
	io.WriteString(w, e.Error()) // want `^error text from e.Error\(\) reaches`
}

type rw struct{ http.ResponseWriter }

func embeddedWriter(w *rw, err error) {
	fmt.Fprintf(w, "%s", err) // want `^error text from err reaches`
}

// Not reported below.

func loggedNextToGenericResponse(w http.ResponseWriter, r *http.Request) {
	if err := load(); err != nil {
		log.Printf("load: %v", err)
		slog.Error("load failed", "err", err)
		fmt.Fprintf(os.Stderr, "load: %v\n", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
}

func comparisons(w http.ResponseWriter, r *http.Request) {
	err := load()
	if err.Error() == "not found" || errors.Is(err, errNotFound) {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if strings.Contains(err.Error(), "timeout") {
		w.Write([]byte("timeout"))
	}
}

func statusText(w http.ResponseWriter, r *http.Request) {
	if load() != nil {
		http.Error(w, http.StatusText(http.StatusBadGateway), http.StatusBadGateway)
	}
}

func typeAndPointerVerbs(w http.ResponseWriter, r *http.Request) {
	err := load()
	fmt.Fprintf(w, "%T %p", err, err)
}

func lengthOnly(w http.ResponseWriter, r *http.Request) {
	err := load()
	n := len(err.Error())
	fmt.Fprintf(w, "%d", n)
	fmt.Fprint(w, err != nil)
}

func nonWriterSink(out io.Writer, err error) {
	fmt.Fprintf(out, "failed: %v", err)
}

func errorValueEncodedAsJSON(w http.ResponseWriter, r *http.Request) {
	// encoding/json renders an error value with unexported fields as {}.
	json.NewEncoder(w).Encode(struct{ Err error }{load()})
}

func overwrittenBeforeWrite(w http.ResponseWriter, r *http.Request) {
	err := load()
	msg := "generic"
	w.Write([]byte(msg))
	msg = err.Error()
	log.Print(msg)
}

func successBody(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("one"))
	w.Write([]byte("two"))
	json.NewEncoder(w).Encode(map[string]int{"count": 2})
}

func constantErrors(w http.ResponseWriter, r *http.Request) {
	if load() != nil {
		// The text of errors.New and fmt.Errorf is that of their
		// arguments: here constants.
		fmt.Fprint(w, errors.New("the store is unavailable"))
		fmt.Fprintf(w, "%v", fmt.Errorf("retry in %d seconds", 30))
		unavailable := errors.New("the store is unavailable")
		w.Write([]byte(unavailable.Error()))
	}
}

func madeErrors(w http.ResponseWriter, r *http.Request) {
	err := load()
	fmt.Fprint(w, fmt.Errorf("loading: %w", err))      // want `^error text from err reaches the response body via fmt.Fprint$`
	fmt.Fprint(w, errors.New("loading: "+err.Error())) // want `^error text from err.Error\(\) reaches the response body via fmt.Fprint$`
	wrapped := fmt.Errorf("loading: %w", err)
	w.Write([]byte(wrapped.Error())) // want `^error text from wrapped.Error\(\) reaches the response body via w.Write$`
}

func reassignedParam(w http.ResponseWriter, err error) {
	if err == nil {
		err = errors.New("no error")
	}
	fmt.Fprint(w, err) // want `^error text from err reaches the response body via fmt.Fprint$`
}
