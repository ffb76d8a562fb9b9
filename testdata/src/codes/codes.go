// Package codes writes hand-written JSON error bodies under the default
// contract, contentful, whose code is sys.id.
package codes

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"strconv"
)

type sys struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

type errorBody struct {
	Sys     sys    `json:"sys"`
	Message string `json:"message,omitempty"`
}

const codeGone = "GoneError"

type apiCode string

const codeMissing apiCode = "Missing"

func mapLiteral(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]any{
		"sys":     map[string]string{"type": "Error", "id": "NotFound"}, // want `^code NotFound is not documented for 404 by the contentful contract \(NotFoundError\)$`
		"message": "no such item",
	})
}

func structLiteral(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusForbidden)
	json.NewEncoder(w).Encode(errorBody{Sys: sys{Type: "Error", ID: "Forbidden"}}) // want `^code Forbidden is not documented for 403 by the contentful contract \(AccessDeniedError\)$`
}

func pointerAndPositional(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusUnauthorized)
	json.NewEncoder(w).Encode(&errorBody{sys{"Error", "Unauthorized"}, "log in"}) // want `^code Unauthorized is not documented for 401 by the contentful contract \(AccessTokenInvalidError\)$`
}

func namedConstant(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(errorBody{Sys: sys{Type: "Error", ID: codeGone}}) // want `^code GoneError is not documented for 404 by the contentful contract \(NotFoundError\)$`
}

func typedConstant(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]any{"sys": map[string]any{"id": codeMissing}}) // want `^code Missing is not documented for 404`
}

// throughLocals follows the body, its parts and the status through local
// variables assigned once.
func throughLocals(w http.ResponseWriter, r *http.Request) {
	status := http.StatusConflict
	inner := sys{Type: "Error", ID: "Conflict"} // want `^code Conflict is not documented for 409 by the contentful contract \(VersionMismatchError\)$`
	body := errorBody{Sys: inner, Message: "edited meanwhile"}
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.Encode(body)
}

// eitherStatus writes BadRequestError with 400 or 422; 422 does not
// document it.
func eitherStatus(w http.ResponseWriter, r *http.Request) {
	status := http.StatusBadRequest
	if r.Method == http.MethodPut {
		status = http.StatusUnprocessableEntity
	}
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(errorBody{Sys: sys{Type: "Error", ID: "BadRequestError"}}) // want `^code BadRequestError is not documented for 422 by the contentful contract \(ValidationFailedError InvalidEntryError\)$`
}

func writtenInBranch(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		w.WriteHeader(http.StatusBadRequest)
	}
	json.NewEncoder(w).Encode(errorBody{Sys: sys{Type: "Error", ID: "MissingID"}}) // want `^code MissingID is not documented for 400 by the contentful contract \(BadRequestError InvalidQueryError\)$`
}

type sysHolder struct {
	Sys sys `json:"sys"`
}

type embedded struct {
	sysHolder
	Message string `json:"message"`
}

func embeddedStruct(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusInternalServerError)
	json.NewEncoder(w).Encode(embedded{sysHolder: sysHolder{Sys: sys{ID: "InternalError"}}}) // want `^code InternalError is not documented for 500 by the contentful contract \(ServerError\)$`
}

func quotedCode(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]any{"sys": map[string]any{"id": "not found"}}) // want `^code "not found" is not documented for 404`
}

// Documented codes, and bodies whose code is not checked.

func documented(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(errorBody{Sys: sys{Type: "Error", ID: "NotFoundError"}})
}

func hibernated(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusBadGateway)
	json.NewEncoder(w).Encode(errorBody{Sys: sys{Type: "Error", ID: "AccessDeniedError"}})
}

func success(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode(errorBody{Sys: sys{Type: "Entry", ID: "anything"}}) // an implicit 200
}

func created(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(errorBody{Sys: sys{Type: "Entry", ID: "entry-1"}})
}

func unresolvedStatus(w http.ResponseWriter, r *http.Request) {
	status, _ := strconv.Atoi(r.FormValue("status"))
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(errorBody{Sys: sys{Type: "Error", ID: "Whatever"}})
}

func unresolvedCode(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(errorBody{Sys: sys{Type: "Error", ID: r.FormValue("code")}})
}

func notJSON(w http.ResponseWriter, r *http.Request) {
	body := map[string]any{"sys": map[string]any{"id": "NotFound"}}
	_ = body
	w.WriteHeader(http.StatusNotFound)
	w.Write([]byte(`{"sys": {"id": "NotFound"}}`))
}

func xmlBody(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	xml.NewEncoder(w).Encode(errorBody{Sys: sys{Type: "Error", ID: "NotFound"}})
}

func httpError(w http.ResponseWriter, r *http.Request) {
	http.Error(w, `{"sys": {"id": "NotFound"}}`, http.StatusNotFound)
}

func topLevelID(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]string{"id": "NotFound"}) // not sys.id
}

type untagged struct {
	Sys struct{ ID string } // encoded as "Sys": {"ID": ...}
}

type skipped struct {
	Sys struct {
		ID   string `json:"-"`
		Code string `json:"id,string"` // quoted once more: not the code itself
	} `json:"sys"`
}

func untaggedFields(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	var body untagged
	body.Sys.ID = "NotFound"
	json.NewEncoder(w).Encode(body)
}

func untaggedLiteral(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(untagged{Sys: struct{ ID string }{ID: "NotFound"}})
}

func skippedFields(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	var body skipped
	body.Sys.ID = "NotFound"
	json.NewEncoder(w).Encode(body)
}

// custom encodes itself: its fields say nothing of its JSON.
type custom struct {
	Sys sys `json:"sys"`
}

func (custom) MarshalJSON() ([]byte, error) { return []byte(`{"sys": {"id": "NotFoundError"}}`), nil }

func marshaler(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(custom{Sys: sys{ID: "NotFound"}})
}

func reassigned(w http.ResponseWriter, r *http.Request) {
	body := errorBody{Sys: sys{ID: "NotFound"}}
	if r.Method == http.MethodHead {
		body = errorBody{Sys: sys{ID: "NotFoundError"}}
	}
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(body) // body is not followed: it is assigned twice
}

func undocumentedStatus(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTeapot) // want `^status 418 is not documented by the contentful contract`
	json.NewEncoder(w).Encode(errorBody{Sys: sys{Type: "Error", ID: "Teapot"}})
}
