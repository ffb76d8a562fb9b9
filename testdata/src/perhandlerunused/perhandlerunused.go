package perhandlerunused // want package:`directives`

// perhandlerunused holds handlers whose annotations document statuses that
// no path of the handler writes (unused-documented-status), and the cases
// that must not be reported: 200, statuses written only through helpers
// and constructors, and handlers that write a status the analysis cannot
// resolve. Every status written here is documented, by the handler and by
// the contentful contract, so no other rule reports anything.

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"sync"

	"perhandlerlib"
)

// apiError is the team's error response.
type apiError struct {
	Status  int    `json:"status"`
	Message string `json:"message"`
}

func (e *apiError) Error() string { return e.Message }

// notFound reports a missing resource.
//
//errcontract:constructor 404 NotFoundError
func notFound(msg string) *apiError { // want notFound:`constructor\(404 NotFoundError\)`
	return &apiError{Status: http.StatusNotFound, Message: msg}
}

// badRequest reports a request the API cannot read.
//
//errcontract:constructor 400 BadRequestError
func badRequest(msg string) *apiError { // want badRequest:`constructor\(400 BadRequestError\)`
	return &apiError{Status: http.StatusBadRequest, Message: msg}
}

// writeError writes err as the API's error body.
//
//errcontract:writer
func writeError(w http.ResponseWriter, err error) { // want writeError:`writer`
	var e *apiError
	if !errors.As(err, &e) {
		e = &apiError{Status: http.StatusInternalServerError, Message: "internal error"}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(e.Status)
	json.NewEncoder(w).Encode(e)
}

// respondJSON writes v as a JSON body with status.
func respondJSON(w http.ResponseWriter, status int, v any) { // want respondJSON:`summary\(body=2 status=1 json=2@p1\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// unprocessable answers 422 with no body: the status is fixed inside.
func unprocessable(w http.ResponseWriter) { // want unprocessable:`summary\(statuses=422 writes-error\)`
	w.WriteHeader(http.StatusUnprocessableEntity)
}

type Item struct {
	ID      int    `json:"id"`
	Name    string `json:"name"`
	Version int    `json:"version"`
	Locked  bool   `json:"locked"`
}

type store struct {
	mu    sync.Mutex
	items map[int]Item
}

var items = &store{items: make(map[int]Item)}

// updates admits one update at a time.
var updates sync.Mutex

func (s *store) get(id int) (Item, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.items[id]
	return it, ok
}

func (s *store) put(it Item) { // want put:`summary\(recv=0\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items[it.ID] = it
}

func (s *store) delete(id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.items, id)
}

func (s *store) all() []Item {
	s.mu.Lock()
	defer s.mu.Unlock()
	list := make([]Item, 0, len(s.items))
	for _, it := range s.items {
		list = append(list, it)
	}
	return list
}

func itemID(r *http.Request) (int, bool) {
	id, err := strconv.Atoi(r.PathValue("id"))
	return id, err == nil && id > 0
}

type server struct {
	client   *http.Client
	upstream string
}

// Reported below.

// createItem documents a 409 it never writes.
//
// @Summary  Create an item
// @Accept   json
// @Success  201  {object}  Item
// @Failure  400  {object}  apiError  "invalid item"
// @Failure  409  {object}  apiError  "the item exists" // want `^status 409 documented by handler createItem is never written$`
// @Router   /items [post]
func createItem(w http.ResponseWriter, r *http.Request) {
	var it Item
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil {
		writeError(w, badRequest("invalid JSON body"))
		return
	}
	items.put(it)
	respondJSON(w, http.StatusCreated, it)
}

// deleteItem documents a 204 with the directive and never writes it.
//
//errcontract:statuses 200 204 404 // want `^status 204 documented by handler deleteItem is never written$`
func deleteItem(w http.ResponseWriter, r *http.Request) {
	id, _ := itemID(r)
	it, ok := items.get(id)
	if !ok {
		writeError(w, notFound("no such item"))
		return
	}
	items.delete(id)
	respondJSON(w, http.StatusOK, it)
}

// getItem writes 404 but never 500: only the 500 of the line is reported.
//
// @Success  200      {object}  Item
// @Failure  404,500  {object}  apiError // want `^status 500 documented by handler getItem is never written$`
// @Router   /items/{id} [get]
func getItem(w http.ResponseWriter, r *http.Request) {
	id, _ := itemID(r)
	it, ok := items.get(id)
	if !ok {
		writeError(w, notFound("no such item"))
		return
	}
	json.NewEncoder(w).Encode(it)
}

// renameItem writes neither of the two statuses of one line.
//
// @Success  200      {object}  Item
// @Failure  400      {object}  apiError
// @Failure  401,403  {object}  apiError  "not signed in, or not the owner" // want `^status 401 documented by handler renameItem is never written$` `^status 403 documented by handler renameItem is never written$`
// @Router   /items/{id}/name [put]
func renameItem(w http.ResponseWriter, r *http.Request) {
	id, ok := itemID(r)
	name := r.FormValue("name")
	if !ok || name == "" {
		writeError(w, badRequest("an item id and a name are required"))
		return
	}
	it, _ := items.get(id)
	it.Name = name
	items.put(it)
	respondJSON(w, http.StatusOK, it)
}

// lockItem is a method: the message names it alone.
//
// @Success  204  "locked"
// @Failure  404  {object}  apiError
// @Failure  409  {object}  apiError  "locked already" // want `^status 409 documented by handler lockItem is never written$`
// @Router   /items/{id}/lock [post]
func (s *server) lockItem(w http.ResponseWriter, r *http.Request) {
	id, _ := itemID(r)
	it, ok := items.get(id)
	if !ok {
		writeError(w, notFound("no such item"))
		return
	}
	it.Locked = true
	items.put(it)
	w.WriteHeader(http.StatusNoContent)
}

// Not reported below.

// listItems documents 200 and writes a body without a status, which
// answers 200. 200 is never reported, even by a handler that never names it.
//
// @Success  200  {array}  Item
// @Router   /items [get]
func listItems(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(items.all())
}

// countItems documents 200 and answers only 204 and 304.
//
//errcontract:statuses 200 204 304
func countItems(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("If-None-Match") != "" {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// updateItem writes each documented status only through helpers and
// constructors: of its package, of another package, with a status
// parameter and with statuses fixed inside.
//
// @Success  200          {object}  Item
// @Success  202          {object}  Item  "queued"
// @Failure  400,404,409  {object}  apiError
// @Failure  422,429      {object}  apiError
// @Router   /items/{id} [put]
func updateItem(w http.ResponseWriter, r *http.Request) {
	id, ok := itemID(r)
	if !ok {
		writeError(w, badRequest("item id must be a positive number"))
		return
	}
	cur, found := items.get(id)
	if !found {
		writeError(w, notFound("no such item"))
		return
	}
	if cur.Locked {
		perhandlerlib.Conflict(w)
		return
	}
	if !updates.TryLock() {
		perhandlerlib.TooManyRequests(w, 1)
		return
	}
	defer updates.Unlock()
	var it Item
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil || it.Name == "" {
		unprocessable(w)
		return
	}
	if r.URL.Query().Get("async") != "" {
		perhandlerlib.JSON(w, http.StatusAccepted, it)
		return
	}
	items.put(it)
	respondJSON(w, http.StatusOK, it)
}

// moveItem writes its statuses through a local, and its 3xx through
// http.Redirect.
//
// @Success   200,201  {object}  Item
// @Response  308      {string}  string  "moved"
// @Failure   default  {object}  apiError
// @Router    /items/{id}/move [post]
func moveItem(w http.ResponseWriter, r *http.Request) {
	id, _ := itemID(r)
	if r.URL.Query().Get("legacy") != "" {
		http.Redirect(w, r, "/v2/items/"+strconv.Itoa(id), http.StatusPermanentRedirect)
		return
	}
	it, found := items.get(id)
	status := http.StatusOK
	if !found {
		status = http.StatusCreated
	}
	it.ID = id
	items.put(it)
	respondJSON(w, status, it)
}

// proxyItem passes on the upstream's status, which cannot be known: its
// 502 may be one of them, so nothing is reported.
//
// @Success  200      {object}  Item
// @Failure  404,502  {object}  apiError
// @Router   /items/{id}/upstream [get]
func (s *server) proxyItem(w http.ResponseWriter, r *http.Request) {
	resp, err := s.client.Get(s.upstream + r.URL.Path)
	if err != nil {
		writeError(w, notFound("no such item upstream"))
		return
	}
	defer resp.Body.Close()
	var it Item
	if err := json.NewDecoder(resp.Body).Decode(&it); err != nil {
		writeError(w, notFound("no such item upstream"))
		return
	}
	respondJSON(w, resp.StatusCode, it)
}

// replayStatus gives a helper a status it cannot resolve: its 409 is not
// reported.
//
//errcontract:statuses 200 400 409
func replayStatus(w http.ResponseWriter, r *http.Request) {
	code, err := strconv.Atoi(r.URL.Query().Get("status"))
	if err != nil || code < 100 || code > 599 {
		writeError(w, badRequest("status must be a number from 100 to 599"))
		return
	}
	perhandlerlib.Status(w, code)
}

// purgeItems has no annotations: it documents nothing of its own.
func purgeItems(w http.ResponseWriter, r *http.Request) {
	for _, it := range items.all() {
		items.delete(it.ID)
	}
	w.WriteHeader(http.StatusNoContent)
}
