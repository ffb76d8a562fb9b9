package missingreturn // want package:`directives`

// missingreturn holds handlers that go on working or writing after they
// wrote an error response, and the usual ways of stopping that must not be
// reported. The package declares its own canonical error writer and
// constructors.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"missingreturnlib"
)

// apiError is the team's error response.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

// notFound reports a missing resource.
//
//errcontract:constructor 404 NotFoundError
func notFound(msg string) *apiError { // want notFound:`constructor\(404 NotFoundError\)`
	return &apiError{status: http.StatusNotFound, msg: msg}
}

// badRequest reports a request the API cannot read.
//
//errcontract:constructor 400 BadRequestError
func badRequest(msg string) *apiError { // want badRequest:`constructor\(400 BadRequestError\)`
	return &apiError{status: http.StatusBadRequest, msg: msg}
}

// writeError writes err as the API's error body.
//
//errcontract:writer
func writeError(w http.ResponseWriter, err error) { // want writeError:`writer` writeError:`summary\(writes-error\)`
	var e *apiError
	if !errors.As(err, &e) {
		e = &apiError{status: http.StatusInternalServerError, msg: "internal error"}
	}
	w.Header().Set("Content-Type", "application/json")
	http.Error(w, e.msg, e.status)
}

// respondJSON writes v as a JSON body with status.
func respondJSON(w http.ResponseWriter, status int, v any) { // want respondJSON:`summary\(body=2 status=1 json=2@p1\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// internalError logs err and always writes a generic 500: by its summary,
// a call of it is an error response.
func internalError(w http.ResponseWriter, r *http.Request, err error) { // want internalError:`summary\(statuses=500 writes-error\)`
	log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}

// requireJSON writes a 415 only when the request is not JSON: it does not
// always write an error response, so it gets no fact.
func requireJSON(w http.ResponseWriter, contentType string) bool { // want requireJSON:`summary\(statuses=415\)`
	if !strings.HasPrefix(contentType, "application/json") {
		http.Error(w, "expected application/json", http.StatusUnsupportedMediaType)
		return false
	}
	return true
}

type item struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Touched time.Time `json:"touched"`
}

type report struct {
	Count int `json:"count"`
}

type cart struct {
	Lines []int `json:"lines"`
}

func (c cart) total() int {
	sum := 0
	for _, n := range c.Lines {
		sum += n
	}
	return sum
}

// cartError is a plain error type; errEmptyCart is compared with errors.Is.
type cartError string

func (e cartError) Error() string { return string(e) }

var errEmptyCart error = cartError("empty cart")

const (
	adminToken = "s3cr3t"
	maxUpload  = 1 << 20
	maxOrder   = 10000
)

type store struct {
	mu    sync.Mutex
	items map[string]item
	blobs [][]byte
}

var items = &store{items: make(map[string]item)}

func (s *store) get(id string) (item, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.items[id]
	return it, ok
}

func (s *store) load(id string) (item, error) {
	if it, ok := s.get(id); ok {
		return it, nil
	}
	return item{}, errors.New("no such row")
}

func (s *store) put(it item) { // want put:`summary\(recv=0\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[it.ID] = it
}

func (s *store) delete(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.items, id)
}

func (s *store) rename(id, name string) { // want rename:`summary\(recv=1\)`
	if it, ok := s.get(id); ok {
		it.Name = name
		s.put(it)
	}
}

func (s *store) search(q string) []item {
	s.mu.Lock()
	defer s.mu.Unlock()
	var found []item
	for _, it := range s.items {
		if strings.Contains(it.Name, q) {
			found = append(found, it)
		}
	}
	return found
}

func (s *store) verify() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.items == nil {
		return errors.New("store not initialised")
	}
	return nil
}

func (s *store) export() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return json.Marshal(s.items)
}

func (s *store) report() report {
	s.mu.Lock()
	defer s.mu.Unlock()
	return report{Count: len(s.items)}
}

func (s *store) reindex() {}

func (s *store) purge() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.items)
}

func (s *store) saveBlob(b []byte) { // want saveBlob:`summary\(recv=0\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.blobs = append(s.blobs, b)
}

func (s *store) order(c cart) {}

func (s *store) stale() bool { return false }

var failedLoads atomic.Int64

func decodeCart(r *http.Request) (cart, error) {
	var c cart
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
		return cart{}, err
	}
	if len(c.Lines) == 0 {
		return cart{}, errEmptyCart
	}
	return c, nil
}

// Reported below.

// createItem stores the zero item and answers 201 after its 400.
func createItem(w http.ResponseWriter, r *http.Request) {
	var it item
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil {
		http.Error(w, "invalid JSON body", http.StatusBadRequest) // want `^handler goes on after writing an error response; add a return$`
	}
	items.put(it)
	respondJSON(w, http.StatusCreated, it) // want `^response is written again after an error response$`
}

// removedEndpoint writes a body after its complete error response.
func removedEndpoint(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "this endpoint was removed", http.StatusNotFound)
	w.Write([]byte("see /v2/items")) // want `^response is written again after an error response$`
}

// getItemWithHint appends to the 404 that http.NotFound completed; the
// branch returns, so only the write is reported.
func getItemWithHint(w http.ResponseWriter, r *http.Request) {
	it, ok := items.get(r.PathValue("id"))
	if !ok {
		http.NotFound(w, r)
		io.WriteString(w, "try /items for the list") // want `^response is written again after an error response$`
		return
	}
	respondJSON(w, http.StatusOK, it)
}

// updateItem's default case falls out of the switch into the update.
func updateItem(w http.ResponseWriter, r *http.Request) {
	var it item
	switch r.Header.Get("Content-Type") {
	case "application/json":
		if err := json.NewDecoder(r.Body).Decode(&it); err != nil {
			http.Error(w, "invalid JSON body", http.StatusBadRequest)
			return
		}
	default:
		http.Error(w, "unsupported content type", http.StatusUnsupportedMediaType) // want `^handler goes on after writing an error response; add a return$`
	}
	it.ID = r.PathValue("id")
	items.put(it)
	w.WriteHeader(http.StatusNoContent) // want `^response is written again after an error response$`
}

// deleteItem deletes even when the id is missing; it writes nothing more.
func deleteItem(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if id == "" {
		http.Error(w, "missing item id", http.StatusBadRequest) // want `^handler goes on after writing an error response; add a return$`
	}
	items.delete(id)
}

// importItems lacks a continue: the bad item is stored, and the next bad
// item writes the error response again (the loop's back edge reaches the
// same http.Error).
func importItems(w http.ResponseWriter, r *http.Request) {
	var batch []item
	if err := json.NewDecoder(r.Body).Decode(&batch); err != nil {
		http.Error(w, "invalid JSON body", http.StatusBadRequest)
		return
	}
	for _, it := range batch {
		if it.ID == "" {
			http.Error(w, "every item needs an id", http.StatusUnprocessableEntity) // want `^handler goes on after writing an error response; add a return$` `^response is written again after an error response$`
		}
		items.put(it)
	}
}

// showItem calls the canonical writer and goes on to answer 200.
func showItem(w http.ResponseWriter, r *http.Request) {
	it, ok := items.get(r.PathValue("id"))
	if !ok {
		writeError(w, notFound("no such item")) // want `^handler goes on after writing an error response; add a return$`
	}
	respondJSON(w, http.StatusOK, it) // want `^response is written again after an error response$`
}

// reindex calls a helper of another package that always writes an error.
func reindex(w http.ResponseWriter, r *http.Request) {
	if err := items.verify(); err != nil {
		missingreturnlib.Fail(w, "the index is corrupt") // want `^handler goes on after writing an error response; add a return$`
	}
	items.reindex()
	fmt.Fprintln(w, "reindexed") // want `^response is written again after an error response$`
}

// exportItems calls a helper of this package that always writes an error.
func exportItems(w http.ResponseWriter, r *http.Request) {
	data, err := items.export()
	if err != nil {
		internalError(w, r, err) // want `^handler goes on after writing an error response; add a return$`
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(data) // want `^response is written again after an error response$`
}

// routes registers a handler as a function literal.
func routes(mux *http.ServeMux) { // want routes:`summary\(statuses=503\)`
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := items.verify(); err != nil {
			http.Error(w, "unhealthy", http.StatusServiceUnavailable) // want `^handler goes on after writing an error response; add a return$`
		}
		fmt.Fprintln(w, "ok") // want `^response is written again after an error response$`
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if err := items.verify(); err != nil {
			http.Error(w, "not ready", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ready")
	})
}

// slowReport's timeout case falls out of the select into the answer.
func slowReport(w http.ResponseWriter, r *http.Request) {
	done := make(chan report, 1)
	go func() { done <- items.report() }()
	var rep report
	select {
	case <-r.Context().Done():
		http.Error(w, "the report took too long", http.StatusGatewayTimeout) // want `^handler goes on after writing an error response; add a return$`
	case rep = <-done:
	}
	respondJSON(w, http.StatusOK, rep) // want `^response is written again after an error response$`
}

// purgeCache purges for anyone: a bare WriteHeader(403) that falls out of
// its branch into the work.
func purgeCache(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Admin-Token") != adminToken {
		w.WriteHeader(http.StatusForbidden) // want `^handler goes on after writing an error response; add a return$`
	}
	items.purge()
}

// renameItem's error sits in a nested branch and falls out into the work.
func renameItem(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPatch {
		name := r.FormValue("name")
		if name == "" {
			http.Error(w, "a name is required", http.StatusUnprocessableEntity) // want `^handler goes on after writing an error response; add a return$`
		}
		items.rename(r.PathValue("id"), name)
	}
}

type uploadHandler struct{ maxBytes int64 }

// ServeHTTP stores an oversized upload anyway.
func (h *uploadHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > h.maxBytes {
		http.Error(w, "upload too large", http.StatusRequestEntityTooLarge) // want `^handler goes on after writing an error response; add a return$`
	}
	data, _ := io.ReadAll(io.LimitReader(r.Body, h.maxBytes))
	items.saveBlob(data)
	w.WriteHeader(http.StatusCreated) // want `^response is written again after an error response$`
}

// search returns in its first branch but not in the else-if.
func search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	if q == "" {
		http.Error(w, "missing query", http.StatusBadRequest)
		return
	} else if len(q) < 3 {
		http.Error(w, "the query is too short", http.StatusBadRequest) // want `^handler goes on after writing an error response; add a return$`
	}
	respondJSON(w, http.StatusOK, items.search(q)) // want `^response is written again after an error response$`
}

// archiveItem logs after the 404, which is fine, then deletes, which is not.
func archiveItem(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if _, ok := items.get(id); !ok {
		http.NotFound(w, r) // want `^handler goes on after writing an error response; add a return$`
	}
	log.Printf("archiving item %s", id)
	items.delete(id)
}

// Not reported below.

func returnRightAfter(w http.ResponseWriter, r *http.Request) {
	it, ok := items.get(r.PathValue("id"))
	if !ok {
		http.NotFound(w, r)
		return
	}
	respondJSON(w, http.StatusOK, it)
}

func logThenReturn(w http.ResponseWriter, r *http.Request) {
	it, err := items.load(r.PathValue("id"))
	if err != nil {
		http.Error(w, "could not load the item", http.StatusInternalServerError)
		log.Printf("load %s: %v", r.PathValue("id"), err)
		return
	}
	respondJSON(w, http.StatusOK, it)
}

func slogThenReturn(w http.ResponseWriter, r *http.Request) {
	it, err := items.load(r.PathValue("id"))
	if err != nil {
		writeError(w, notFound("no such item"))
		slog.Error("load failed", "id", r.PathValue("id"), "err", err)
		fmt.Fprintf(os.Stderr, "load %s: %v\n", r.PathValue("id"), err)
		return
	}
	respondJSON(w, http.StatusOK, it)
}

func metricsThenReturn(w http.ResponseWriter, r *http.Request) {
	it, err := items.load(r.PathValue("id"))
	if err != nil {
		http.Error(w, "could not load the item", http.StatusInternalServerError)
		failedLoads.Add(1)
		return
	}
	respondJSON(w, http.StatusOK, it)
}

func deferBetweenWriteAndReturn(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > maxUpload {
		http.Error(w, "upload too large", http.StatusRequestEntityTooLarge)
		defer log.Printf("rejected an upload of %d bytes from %s", r.ContentLength, r.RemoteAddr)
		return
	}
	data, _ := io.ReadAll(r.Body)
	items.saveBlob(data)
	w.WriteHeader(http.StatusCreated)
}

func methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Allow", "GET, HEAD")
	http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
}

func errorLastInBranch(w http.ResponseWriter, r *http.Request) {
	items.reindex()
	if items.stale() {
		http.Error(w, "the catalogue is stale", http.StatusServiceUnavailable)
	}
}

func elseDoesTheWork(w http.ResponseWriter, r *http.Request) {
	it, ok := items.get(r.PathValue("id"))
	if !ok {
		http.NotFound(w, r)
	} else {
		it.Touched = time.Now()
		items.put(it)
		respondJSON(w, http.StatusOK, it)
	}
}

func errorInElseBranch(w http.ResponseWriter, r *http.Request) {
	if it, ok := items.get(r.PathValue("id")); ok {
		respondJSON(w, http.StatusOK, it)
	} else {
		writeError(w, notFound("no such item"))
	}
}

func panicAfter(w http.ResponseWriter, r *http.Request) {
	if err := items.verify(); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		panic(http.ErrAbortHandler)
	}
	fmt.Fprintln(w, "ok")
}

func logFatalAfter(w http.ResponseWriter, r *http.Request) {
	if err := items.verify(); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		log.Fatalf("store corrupted: %v", err)
	}
	fmt.Fprintln(w, "store ok")
}

// osExitThenDeadCode: what follows os.Exit is dead, even an error write
// that would fall out of the branch into a write.
func osExitThenDeadCode(w http.ResponseWriter, r *http.Request) {
	if err := items.verify(); err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		os.Exit(2)
		http.Error(w, "restarting", http.StatusServiceUnavailable)
		items.reindex()
	}
	fmt.Fprintln(w, "store ok")
}

func goexitAfter(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Accept") != "text/event-stream" {
		http.Error(w, "expected an event stream", http.StatusNotAcceptable)
		runtime.Goexit()
	}
	w.Header().Set("Content-Type", "text/event-stream")
	fmt.Fprintf(w, "data: %d\n\n", items.report().Count)
}

type batchResult struct {
	Status int    `json:"status"`
	Body   string `json:"body"`
}

// batch writes each sub-request's error to its own recorder and continues.
func batch(w http.ResponseWriter, r *http.Request) {
	var paths []string
	if err := json.NewDecoder(r.Body).Decode(&paths); err != nil {
		writeError(w, badRequest("expected a list of paths"))
		return
	}
	results := make([]batchResult, len(paths))
	for i, path := range paths {
		rec := httptest.NewRecorder()
		if !strings.HasPrefix(path, "/items/") {
			http.Error(rec, "only item paths are allowed", http.StatusBadRequest)
			results[i] = batchResult{Status: rec.Code, Body: rec.Body.String()}
			continue
		}
		it, _ := items.get(strings.TrimPrefix(path, "/items/"))
		json.NewEncoder(rec).Encode(it)
		results[i] = batchResult{Status: rec.Code, Body: rec.Body.String()}
	}
	respondJSON(w, http.StatusOK, results)
}

func breakOutOfRetries(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	for attempt := 0; ; attempt++ {
		if it, ok := items.get(id); ok {
			respondJSON(w, http.StatusOK, it)
			return
		}
		if attempt == 3 {
			http.NotFound(w, r)
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func gotoDone(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	it, ok := items.get(id)
	if !ok {
		http.NotFound(w, r)
		goto done
	}
	it.Touched = time.Now()
	items.put(it)
	w.WriteHeader(http.StatusNoContent)
done:
	log.Printf("touched %s", id)
}

func severalWrites(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	w.Write([]byte("one "))
	w.Write([]byte("two"))
	fmt.Fprintln(w, "three")
}

func createdThenBody(w http.ResponseWriter, r *http.Request) {
	it := item{ID: r.PathValue("id"), Name: r.FormValue("name")}
	items.put(it)
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(it)
}

// handWrittenErrorBody: the body completes the response WriteHeader(404)
// began; it is not a second response.
func handWrittenErrorBody(w http.ResponseWriter, r *http.Request) {
	it, ok := items.get(r.URL.Query().Get("sku"))
	if !ok {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		json.NewEncoder(w).Encode(map[string]string{"message": "unknown SKU"})
		return
	}
	respondJSON(w, http.StatusOK, it)
}

func returnInEveryCase(w http.ResponseWriter, r *http.Request) {
	c, err := decodeCart(r)
	switch {
	case errors.Is(err, errEmptyCart):
		http.Error(w, "the cart is empty", http.StatusUnprocessableEntity)
		return
	case err != nil:
		http.Error(w, "invalid cart", http.StatusBadRequest)
		return
	case c.total() > maxOrder:
		writeError(w, badRequest("the order total is over the limit"))
		return
	}
	items.order(c)
	w.WriteHeader(http.StatusCreated)
}

// catchAll writes an error at the end of every branch, and nothing follows.
func catchAll(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		http.Error(w, "missing credentials", http.StatusUnauthorized)
	} else if strings.HasPrefix(r.URL.Path, "/v1/") {
		http.Error(w, "API v1 was retired", http.StatusNotFound)
	} else {
		writeError(w, notFound("no such endpoint"))
	}
}

// importJSON ignores requireJSON's result: requireJSON writes an error only
// sometimes, so the rule does not know it wrote one.
func importJSON(w http.ResponseWriter, r *http.Request) {
	requireJSON(w, r.Header.Get("Content-Type"))
	var it item
	json.NewDecoder(r.Body).Decode(&it)
	items.put(it)
	w.WriteHeader(http.StatusCreated)
}

func conditionalHelperChecked(w http.ResponseWriter, r *http.Request) {
	if !requireJSON(w, r.Header.Get("Content-Type")) {
		return
	}
	var it item
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil {
		writeError(w, badRequest("invalid JSON body"))
		return
	}
	items.put(it)
	w.WriteHeader(http.StatusCreated)
}

// purgeViaLib ignores missingreturnlib.CheckMethod's result, which has no
// fact: it writes an error only sometimes.
func purgeViaLib(w http.ResponseWriter, r *http.Request) {
	missingreturnlib.CheckMethod(w, r, http.MethodPost)
	items.purge()
	w.WriteHeader(http.StatusNoContent)
}

// loggingAfterBranch falls out of the branch into logging only.
func loggingAfterBranch(w http.ResponseWriter, r *http.Request) {
	if err := items.verify(); err != nil {
		http.Error(w, "store unavailable", http.StatusServiceUnavailable)
	}
	log.Printf("ping from %s", r.RemoteAddr)
	slog.Info("ping", "remote", r.RemoteAddr)
	fmt.Fprintln(os.Stderr, "ping from", r.RemoteAddr)
}

// onlyDeferAfterBranch falls out of the branch into a defer statement only.
func onlyDeferAfterBranch(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > maxUpload {
		http.Error(w, "upload too large", http.StatusRequestEntityTooLarge)
	}
	defer io.Copy(io.Discard, r.Body)
}

func writerThenReturn(w http.ResponseWriter, r *http.Request) {
	it, ok := items.get(r.PathValue("id"))
	if !ok {
		writeError(w, notFound("no such item"))
		return
	}
	respondJSON(w, http.StatusOK, it)
}

func libHelperThenReturn(w http.ResponseWriter, r *http.Request) {
	if err := items.verify(); err != nil {
		missingreturnlib.Fail(w, "the index is corrupt")
		return
	}
	items.reindex()
	fmt.Fprintln(w, "reindexed")
}

func localHelperThenReturn(w http.ResponseWriter, r *http.Request) {
	data, err := items.export()
	if err != nil {
		internalError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(data)
}

func selectReturnsInEachCase(w http.ResponseWriter, r *http.Request) {
	done := make(chan report, 1)
	go func() { done <- items.report() }()
	select {
	case <-r.Context().Done():
		http.Error(w, "the report took too long", http.StatusGatewayTimeout)
		return
	case <-time.After(5 * time.Second):
		http.Error(w, "the report took too long", http.StatusGatewayTimeout)
		return
	case rep := <-done:
		respondJSON(w, http.StatusOK, rep)
	}
}

// healthz is a function literal that returns after its error.
var healthz = func(w http.ResponseWriter, r *http.Request) {
	if err := items.verify(); err != nil {
		http.Error(w, "unhealthy", http.StatusServiceUnavailable)
		return
	}
	fmt.Fprintln(w, "ok")
}

// recoverer's error write is in a deferred function literal: the handler's
// own work after the defer statement is not after it.
func recoverer(next http.Handler) http.Handler { // want recoverer:`summary\(statuses=500\)`
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				log.Printf("panic serving %s: %v", r.URL.Path, v)
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

type itemsHandler struct{}

func (itemsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	respondJSON(w, http.StatusOK, items.search(""))
}
