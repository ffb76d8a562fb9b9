package perhandler // want package:`directives`

// perhandler holds handlers that document their own statuses, with swag
// annotations (@Success, @Failure, @Response) or the errcontract:statuses
// directive. Where a handler documents its statuses, what it writes is
// checked against its own list, class by class, instead of the API-wide
// contract; a handler with neither falls back to the API-wide contract.
// The package declares its own canonical constructors and writer, and calls
// helpers of its own and of perhandlerlib.

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

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

// conflict answers 409 with msg: the status is fixed inside the helper and
// is checked against the contract of each handler that calls it.
func conflict(w http.ResponseWriter, msg string) { // want conflict:`summary\(body=1 statuses=409 writes-error\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusConflict)
	json.NewEncoder(w).Encode(apiError{Status: http.StatusConflict, Message: msg})
}

// requireJSON answers 415 unless the request body is JSON. It writes only
// sometimes, so it is no error response of its own, but 415 is a status its
// callers can write. It has no contract of its own: the API-wide one
// applies where it writes.
func requireJSON(w http.ResponseWriter, contentType string) bool { // want requireJSON:`summary\(statuses=415\)`
	if !strings.HasPrefix(contentType, "application/json") {
		w.WriteHeader(http.StatusUnsupportedMediaType) // want `^status 415 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
		return false
	}
	return true
}

type Item struct {
	ID       int      `json:"id"`
	ParentID int      `json:"parent_id,omitempty"`
	Name     string   `json:"name"`
	Version  int      `json:"version"`
	Tags     []string `json:"tags,omitempty"`
	History  []string `json:"history,omitempty"`
	Archived bool     `json:"archived"`
	Locked   bool     `json:"locked"`
	Reserved bool     `json:"reserved"`
}

type store struct {
	mu    sync.Mutex
	items map[int]Item
	quota int
}

var items = &store{items: make(map[int]Item), quota: 100}

func (s *store) get(id int) (Item, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.items[id]
	return it, ok
}

// put stores it and reports whether it is new.
func (s *store) put(it Item) bool { // want put:`summary\(recv=0\)`
	s.mu.Lock()
	defer s.mu.Unlock()
	_, old := s.items[it.ID]
	s.items[it.ID] = it
	return !old
}

func (s *store) delete(id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.items, id)
}

func (s *store) search(q string) []Item {
	s.mu.Lock()
	defer s.mu.Unlock()
	var found []Item
	for _, it := range s.items {
		if strings.Contains(it.Name, q) {
			found = append(found, it)
		}
	}
	return found
}

func (s *store) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.items)
}

func (s *store) reservations() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, it := range s.items {
		if it.Reserved {
			n++
		}
	}
	return n
}

func (s *store) export() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return json.Marshal(s.items)
}

// itemID reads the item id of the request's path.
func itemID(r *http.Request) (int, bool) {
	id, err := strconv.Atoi(r.PathValue("id"))
	return id, err == nil && id > 0
}

type server struct {
	client    *http.Client
	upstream  string
	cdn       string
	exporting atomic.Bool
	down      atomic.Bool
}

// Reported below.

// createItem stores a new item, or replaces one at the version the client
// read.
//
// @Summary  Create or replace an item
// @Accept   json
// @Produce  json
// @Param    item  body      Item      true  "The item"
// @Success  200,201  {object}  Item
// @Failure  400,404  {object}  apiError  "invalid item, or no such parent"
// @Router   /items [post]
func createItem(w http.ResponseWriter, r *http.Request) {
	var it Item
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil {
		writeError(w, badRequest("invalid JSON body"))
		return
	}
	if _, ok := items.get(it.ParentID); it.ParentID != 0 && !ok {
		writeError(w, notFound("no such parent item"))
		return
	}
	if old, ok := items.get(it.ID); ok && old.Version != it.Version {
		w.WriteHeader(http.StatusConflict) // want `^status 409 is not documented by handler createItem \(200 201 400 404\)$`
		return
	}
	if items.put(it) {
		respondJSON(w, http.StatusCreated, it)
		return
	}
	respondJSON(w, http.StatusOK, it)
}

// deleteItem removes an item. 423 is undocumented by the API contract too,
// but inside a handler with a contract only the handler's is checked.
//
//errcontract:statuses 204 404
func deleteItem(w http.ResponseWriter, r *http.Request) {
	id, _ := itemID(r)
	it, ok := items.get(id)
	if !ok {
		writeError(w, notFound("no such item"))
		return
	}
	if it.Locked {
		http.Error(w, "the item is locked", http.StatusLocked) // want `^status 423 is not documented by handler deleteItem \(204 404\)$`
		return
	}
	items.delete(id)
	w.WriteHeader(http.StatusNoContent)
}

// renameItem changes an item's name; http.NotFound writes 404.
//
// @Param    id    path      int     true  "Item ID"
// @Param    name  formData  string  true  "The new name"
// @Success  200      {object}  Item
// @Failure  400,422  {object}  apiError
// @Router   /items/{id}/name [put]
func renameItem(w http.ResponseWriter, r *http.Request) {
	id, ok := itemID(r)
	if !ok {
		writeError(w, badRequest("item id must be a positive number"))
		return
	}
	it, ok := items.get(id)
	if !ok {
		http.NotFound(w, r) // want `^status 404 is not documented by handler renameItem \(200 400 422\)$`
		return
	}
	name := r.FormValue("name")
	if name == "" {
		w.WriteHeader(http.StatusUnprocessableEntity)
		return
	}
	it.Name = name
	items.put(it)
	respondJSON(w, http.StatusOK, it)
}

// getItem returns an item; an archived one is gone. The status reaches
// WriteHeader through a local.
//
// @Summary  Get an item
// @Produce  json
// @Param    id  path  int  true  "Item ID"
// @Success  200  {object}  Item
// @Failure  400  {object}  apiError  "the id is not a number"
// @Failure  404  {object}  apiError  "no such item"
// @Router   /items/{id} [get]
func getItem(w http.ResponseWriter, r *http.Request) {
	id, ok := itemID(r)
	if !ok {
		writeError(w, badRequest("item id must be a positive number"))
		return
	}
	it, found := items.get(id)
	if !found || it.Archived {
		status := http.StatusNotFound
		if it.Archived {
			status = http.StatusGone
		}
		w.WriteHeader(status) // want `^status 410 is not documented by handler getItem \(200 400 404\)$`
		return
	}
	respondJSON(w, http.StatusOK, it)
}

// itemHistory writes one of three statuses through a switch; two of them
// are not documented.
//
//errcontract:statuses 200 404
func itemHistory(w http.ResponseWriter, r *http.Request) {
	id, _ := itemID(r)
	it, ok := items.get(id)
	if ok && !it.Archived && !it.Locked {
		respondJSON(w, http.StatusOK, it.History)
		return
	}
	var status int
	switch {
	case !ok:
		status = http.StatusNotFound
	case it.Archived:
		status = http.StatusGone
	default:
		status = http.StatusLocked
	}
	w.WriteHeader(status) // want `^status 410 is not documented by handler itemHistory \(200 404\)$` `^status 423 is not documented by handler itemHistory \(200 404\)$`
}

// itemSummary documents no 404, and its constructor writes one: reported
// at the constructor's call.
//
//errcontract:statuses 200 400
func itemSummary(w http.ResponseWriter, r *http.Request) {
	id, ok := itemID(r)
	if !ok {
		writeError(w, badRequest("item id must be a positive number"))
		return
	}
	it, found := items.get(id)
	if !found {
		writeError(w, notFound("no such item")) // want `^status 404 is not documented by handler itemSummary \(200 400\)$`
		return
	}
	respondJSON(w, http.StatusOK, map[string]any{"id": it.ID, "name": it.Name})
}

// importItem writes through helpers of its package: one that writes 415
// inside (reported at its call), and one whose status parameter is given
// 202 (reported at the argument). The handler documents 2xx, so 202 is
// checked.
//
// @Summary  Import an item
// @Accept   json
// @Success  201  {object}  Item
// @Failure  400  {object}  apiError
// @Router   /items/import [post]
func importItem(w http.ResponseWriter, r *http.Request) {
	if !requireJSON(w, r.Header.Get("Content-Type")) { // want `^status 415 is not documented by handler importItem \(201 400\)$`
		return
	}
	var it Item
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil {
		writeError(w, badRequest("invalid JSON body"))
		return
	}
	if r.URL.Query().Get("async") != "" {
		respondJSON(w, http.StatusAccepted, it) // want `^status 202 is not documented by handler importItem \(201 400\)$`
		return
	}
	items.put(it)
	respondJSON(w, http.StatusCreated, it)
}

// updateItem replaces an item at the version the client read; its
// helper conflict writes 409 inside.
//
// @Success  200      {object}  Item
// @Failure  400,404  {object}  apiError
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
	var it Item
	if err := json.NewDecoder(r.Body).Decode(&it); err != nil {
		writeError(w, badRequest("invalid JSON body"))
		return
	}
	if cur.Version != it.Version {
		conflict(w, "the item was changed since it was read") // want `^status 409 is not documented by handler updateItem \(200 400 404\)$`
		return
	}
	it.ID, it.Version = id, cur.Version+1
	items.put(it)
	respondJSON(w, http.StatusOK, it)
}

// reserveItem writes through helpers of another package: statuses fixed
// inside them (reported at the call) and a status parameter (reported at
// the argument).
//
// @Summary  Reserve an item
// @Success  200  {object}  Item
// @Failure  404  {object}  apiError
// @Router   /items/{id}/reserve [post]
func reserveItem(w http.ResponseWriter, r *http.Request) {
	if !perhandlerlib.RequireMethod(w, r, http.MethodPost) { // want `^status 405 is not documented by handler reserveItem \(200 404\)$`
		return
	}
	id, _ := itemID(r)
	it, ok := items.get(id)
	if !ok {
		writeError(w, notFound("no such item"))
		return
	}
	if it.Reserved {
		perhandlerlib.Conflict(w) // want `^status 409 is not documented by handler reserveItem \(200 404\)$`
		return
	}
	if items.reservations() >= items.quota {
		perhandlerlib.Status(w, http.StatusTooManyRequests) // want `^status 429 is not documented by handler reserveItem \(200 404\)$`
		return
	}
	it.Reserved = true
	items.put(it)
	perhandlerlib.JSON(w, http.StatusOK, it)
}

// legacyItem sends clients of API v1 to an item's new address. It
// documents a 3xx status, so its redirects are checked.
//
// @Response  301  {string}  string  "moved to /items/{id}"
// @Failure    404  {object}  apiError
// @Router     /v1/items/{id} [get]
func legacyItem(w http.ResponseWriter, r *http.Request) {
	id, ok := itemID(r)
	if !ok {
		writeError(w, notFound("no such item"))
		return
	}
	target := "/items/" + strconv.Itoa(id)
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	http.Redirect(w, r, target, http.StatusTemporaryRedirect) // want `^status 307 is not documented by handler legacyItem \(301 404\)$`
}

// exportItems is a method: the message names it alone. It documents a
// 5xx status, so its 503 is checked.
//
// @Success  200  {array}   Item
// @Failure  500  {object}  apiError
// @Router   /items/export [get]
func (s *server) exportItems(w http.ResponseWriter, r *http.Request) {
	if !s.exporting.CompareAndSwap(false, true) {
		w.WriteHeader(http.StatusServiceUnavailable) // want `^status 503 is not documented by handler exportItems \(200 500\)$`
		return
	}
	defer s.exporting.Store(false)
	data, err := items.export()
	if err != nil {
		http.Error(w, "could not export the items", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(data)
}

// searchItems documents "default", which names no status: it is not in
// the list the message shows.
//
// @Success  200      {array}   Item
// @Failure  400      {object}  apiError
// @Failure  default  {object}  apiError  "any other error"
// @Router   /items/search [get]
func searchItems(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	if q == "" {
		writeError(w, badRequest("missing query"))
		return
	}
	if len(q) > 200 {
		w.WriteHeader(http.StatusRequestURITooLong) // want `^status 414 is not documented by handler searchItems \(200 400\)$`
		return
	}
	respondJSON(w, http.StatusOK, items.search(q))
}

// archiveItem documents 410, which the API contract does not: reported at
// its annotation. Writing it is then not reported.
//
// @Summary  Archive an item
// @Success  204      "archived"
// @Failure  404,410  {object}  apiError  "no such item, or archived already" // want `^status 410 documented by handler archiveItem is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
// @Router   /items/{id}/archive [post]
func archiveItem(w http.ResponseWriter, r *http.Request) {
	id, _ := itemID(r)
	it, ok := items.get(id)
	if !ok {
		writeError(w, notFound("no such item"))
		return
	}
	if it.Archived {
		w.WriteHeader(http.StatusGone)
		return
	}
	it.Archived = true
	items.put(it)
	w.WriteHeader(http.StatusNoContent)
}

// brew documents 418 with the directive: reported at the directive.
//
//errcontract:statuses 200 418 // want `^status 418 documented by handler brew is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
func brew(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("pot") == "tea" {
		w.WriteHeader(http.StatusTeapot)
		return
	}
	respondJSON(w, http.StatusOK, map[string]string{"brewing": "coffee"})
}

// ShowItem is formatted the way swag fmt writes annotations: a tab after
// the slashes and tabs between the fields.
//
//	@Summary		Show an item
//	@Description	get an item by ID
//	@Tags			items
//	@Produce		json
//	@Param			id	path		int	true	"Item ID"
//	@Success		200	{object}	Item
//	@Failure		400	{object}	apiError
//	@Failure		404	{object}	apiError
//	@Router			/v2/items/{id} [get]
func ShowItem(w http.ResponseWriter, r *http.Request) {
	id, ok := itemID(r)
	if !ok {
		writeError(w, badRequest("item id must be a positive number"))
		return
	}
	it, found := items.get(id)
	if !found {
		writeError(w, notFound("no such item"))
		return
	}
	if it.Locked {
		w.WriteHeader(http.StatusForbidden) // want `^status 403 is not documented by handler ShowItem \(200 400 404\)$`
		return
	}
	respondJSON(w, http.StatusOK, it)
}

// teapot has no annotations: the API-wide contract applies.
func teapot(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot) // want `^status 418 is not documented by the contentful contract \(400 401 403 404 409 422 429 500 502\)$`
}

// Malformed annotations and directives.

// tagItem has one malformed annotation among good ones.
//
// @Success  200  {object}  Item
// @Failure  abc  {object}  apiError  "bad tag" // want `^malformed annotation: @Failure code "abc" is not a status or default$`
// @Failure  404  {object}  apiError
// @Router   /items/{id}/tags [post]
func tagItem(w http.ResponseWriter, r *http.Request) {
	id, _ := itemID(r)
	it, ok := items.get(id)
	if !ok {
		writeError(w, notFound("no such item"))
		return
	}
	it.Tags = append(it.Tags, r.FormValue("tag"))
	items.put(it)
	respondJSON(w, http.StatusOK, it)
}

// untagItem's status annotations are all malformed.
//
// @Success // want `^malformed annotation: @Success has no status code$`
// @Response 4o4 {string} string "no such tag" // want `^malformed annotation: @Response code "4o4" is not a status or default$`
// @Router /items/{id}/tags/{tag} [delete]
func untagItem(w http.ResponseWriter, r *http.Request) {
	id, _ := itemID(r)
	it, ok := items.get(id)
	if !ok {
		writeError(w, notFound("no such item"))
		return
	}
	it.Tags = nil
	items.put(it)
	w.WriteHeader(http.StatusNoContent)
}

// lockItem has a malformed directive.
//
//errcontract:statuses 204 x // want `^malformed directive: errcontract:statuses status "x" is not a number$`
func lockItem(w http.ResponseWriter, r *http.Request) {
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

// restoreItem writes each of its documented statuses, every way there is.
//
//errcontract:statuses 200 404 409 429
func restoreItem(w http.ResponseWriter, r *http.Request) {
	id, _ := itemID(r)
	it, ok := items.get(id)
	switch {
	case !ok && r.URL.Query().Get("quiet") != "":
		w.WriteHeader(http.StatusNotFound)
	case !ok:
		writeError(w, notFound("no such item"))
	case !it.Archived:
		conflict(w, "the item is not archived")
	case it.Locked:
		perhandlerlib.Conflict(w)
	case items.reservations() >= items.quota:
		perhandlerlib.TooManyRequests(w, 60)
	case it.Reserved:
		perhandlerlib.Status(w, http.StatusTooManyRequests)
	default:
		it.Archived = false
		items.put(it)
		perhandlerlib.JSON(w, http.StatusOK, it)
	}
}

// listItems has no annotations: the API-wide contract applies, and it
// documents 409 and no 2xx.
func listItems(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("since") != "" {
		w.WriteHeader(http.StatusConflict)
		return
	}
	if items.count() == 0 {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if r.URL.Query().Get("lock") != "" {
		perhandlerlib.Conflict(w)
		return
	}
	respondJSON(w, http.StatusOK, items.search(""))
}

// bulkImport has no annotations: the 415 its helper writes was checked
// against the API-wide contract inside the helper, and is not again at the
// call.
func bulkImport(w http.ResponseWriter, r *http.Request) {
	if !requireJSON(w, r.Header.Get("Content-Type")) {
		return
	}
	var batch []Item
	if err := json.NewDecoder(r.Body).Decode(&batch); err != nil {
		writeError(w, badRequest("invalid JSON body"))
		return
	}
	for _, it := range batch {
		items.put(it)
	}
	w.WriteHeader(http.StatusNoContent)
}

// countItems documents no 4xx status ("default" documents none in
// particular): its 405 is not checked against the handler's list, and not
// against the API-wide contract either, which the list replaces.
//
// @Success  200      {object}  map[string]int
// @Failure  default  {object}  apiError
// @Router   /items/count [get]
func countItems(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	respondJSON(w, http.StatusOK, map[string]int{"count": items.count()})
}

// itemImage documents no 3xx and no 5xx status: its redirect and its 503
// are not checked.
//
// @Success  200  {file}    binary
// @Failure  404  {object}  apiError
// @Router   /items/{id}/image [get]
func (s *server) itemImage(w http.ResponseWriter, r *http.Request) {
	id, ok := itemID(r)
	if !ok {
		writeError(w, notFound("no such item"))
		return
	}
	if s.down.Load() {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	if s.cdn != "" {
		http.Redirect(w, r, s.cdn+"/items/"+strconv.Itoa(id)+".png", http.StatusFound)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write([]byte{0x89, 'P', 'N', 'G'})
}

// proxyItem passes on statuses it cannot know: not reported.
//
// @Success  200  {object}  Item
// @Failure  404  {object}  apiError
// @Router   /items/{id}/upstream [get]
func (s *server) proxyItem(w http.ResponseWriter, r *http.Request) {
	resp, err := s.client.Get(s.upstream + r.URL.Path)
	if err != nil {
		writeError(w, notFound("no such item upstream"))
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

// echoStatus answers the status the client asks for: it cannot be known.
//
//errcontract:statuses 200 400
func echoStatus(w http.ResponseWriter, r *http.Request) {
	code, err := strconv.Atoi(r.URL.Query().Get("status"))
	if err != nil || code < 100 || code > 599 {
		writeError(w, badRequest("status must be a number from 100 to 599"))
		return
	}
	perhandlerlib.Status(w, code)
}

// documentedWrites writes only documented statuses, directly and through
// http.Error, http.NotFound and a local, and 2xx statuses it documents.
//
// @Success  200,201,204  {object}  Item
// @Failure  400,404,422  {object}  apiError
// @Failure  500          {object}  apiError
// @Router   /items/{id}/checks [post]
func documentedWrites(w http.ResponseWriter, r *http.Request) {
	id, ok := itemID(r)
	if !ok {
		http.Error(w, "item id must be a positive number", http.StatusBadRequest)
		return
	}
	it, found := items.get(id)
	if !found {
		http.NotFound(w, r)
		return
	}
	status := http.StatusOK
	switch r.Method {
	case http.MethodPost:
		status = http.StatusCreated
	case http.MethodDelete:
		status = http.StatusNoContent
	}
	if it.Name == "" {
		status = http.StatusUnprocessableEntity
	}
	if it.Locked {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	respondJSON(w, status, it)
}
