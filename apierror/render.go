package apierror

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
)

// The bodies below follow the documents the presets are named after: their
// members, in their order. encoding/json writes struct fields in declaration
// order, so each struct reads as its document's example does.

// contensisError is the Contensis error response. The document lists all
// four members for every response, so data is null when there is none.
type contensisError struct {
	LogID   string         `json:"logId"`
	Message string         `json:"message"`
	Data    map[string]any `json:"data"`
	Type    string         `json:"type"` // always "error"
}

func contensisBody(resp *response) any {
	e := resp.errs[0]
	return contensisError{
		LogID:   resp.logID,
		Message: e.message,
		Data:    e.detailMembers(),
		Type:    "error",
	}
}

// contentfulError is the Contentful error resource; details is there only
// where there are details.
type contentfulError struct {
	Sys     contentfulSys  `json:"sys"`
	Message string         `json:"message"`
	Details map[string]any `json:"details,omitempty"`
}

type contentfulSys struct {
	Type string `json:"type"` // always "Error"
	ID   string `json:"id"`   // the error code
}

func contentfulBody(resp *response) any {
	e := resp.errs[0]
	details := e.detailMembers()
	if resp.serverError() {
		details = withMember(details, "logId", resp.logID)
	}
	return contentfulError{
		Sys:     contentfulSys{Type: "Error", ID: errorCode(resp.preset, e, pascalCode)},
		Message: e.message,
		Details: details,
	}
}

// jsonapiDocument is a JSON:API error document. The required members of an
// error object (status, title, detail) are always present.
type jsonapiDocument struct {
	Errors []jsonapiError `json:"errors"`
}

type jsonapiError struct {
	Status string         `json:"status"` // a string, as JSON:API requires
	Title  string         `json:"title"`
	Detail string         `json:"detail"`
	Source *jsonapiSource `json:"source,omitempty"`
	Meta   map[string]any `json:"meta,omitempty"`
}

type jsonapiSource struct {
	Pointer string `json:"pointer"`
}

func jsonapiBody(resp *response) any {
	var objects []jsonapiError
	for _, e := range resp.errs {
		objects = appendJSONAPIErrors(objects, e, resp.logID)
	}
	return jsonapiDocument{Errors: objects}
}

// appendJSONAPIErrors appends the error objects of e: one for e itself and
// one for each of its field errors, each pointing at its field.
func appendJSONAPIErrors(objects []jsonapiError, e *Error, logID string) []jsonapiError {
	status := strconv.Itoa(e.status)
	title := e.titleOrStatusText()
	meta := e.metaMembers()
	if e.status >= 500 {
		meta = withMember(meta, "logId", logID)
	}
	objects = append(objects, jsonapiError{
		Status: status,
		Title:  title,
		Detail: e.message,
		Source: jsonapiPointer(e.pointer),
		Meta:   meta,
	})
	for _, f := range e.fields {
		objects = append(objects, jsonapiError{
			Status: status,
			Title:  title,
			Detail: f.Detail,
			Source: jsonapiPointer(f.Pointer),
		})
	}
	return objects
}

func jsonapiPointer(pointer string) *jsonapiSource {
	if pointer == "" {
		return nil
	}
	return &jsonapiSource{Pointer: pointer}
}

// managementDocument is the management error response. The document names
// its snake_case codes and the retry_after member but shows no body, so the
// wrapping "error" object and the members code, message, details and log_id
// are this package's choice.
type managementDocument struct {
	Error managementError `json:"error"`
}

type managementError struct {
	Code       string         `json:"code"`
	Message    string         `json:"message"`
	Details    map[string]any `json:"details,omitempty"`
	RetryAfter int64          `json:"retry_after,omitempty"` // seconds
	LogID      string         `json:"log_id,omitempty"`
}

func managementBody(resp *response) any {
	e := resp.errs[0]
	body := managementError{
		Code:       errorCode(resp.preset, e, snakeCode),
		Message:    e.message,
		Details:    e.detailMembers(),
		RetryAfter: resp.retryAfterSeconds(),
	}
	if resp.serverError() {
		body.LogID = resp.logID
	}
	return managementDocument{Error: body}
}

// problemDetails is an RFC 9457 problem details object: its standard
// members in the RFC's order, then its extension members, sorted by name.
type problemDetails struct {
	Type       string         `json:"type"`
	Title      string         `json:"title"`
	Status     int            `json:"status"`
	Detail     string         `json:"detail"`
	Instance   string         `json:"instance,omitempty"`
	Extensions map[string]any `json:"-"`
}

func problemBody(resp *response) any {
	e := resp.errs[0]
	extensions := e.detailMembers()
	if resp.serverError() {
		extensions = withMember(extensions, "logId", resp.logID)
	}
	// Extensions may not shadow the standard members.
	for _, name := range [...]string{"type", "title", "status", "detail", "instance"} {
		delete(extensions, name)
	}
	return problemDetails{
		Type:       "about:blank", // RFC 9457: the problem is its status
		Title:      e.titleOrStatusText(),
		Status:     e.status,
		Detail:     e.message,
		Instance:   resp.instance,
		Extensions: extensions,
	}
}

// MarshalJSON encodes the extension members at the top level, after the
// standard ones, as RFC 9457 places them.
func (p problemDetails) MarshalJSON() ([]byte, error) {
	type standard problemDetails // the same fields, without this method
	fixed, err := json.Marshal(standard(p))
	if err != nil || len(p.Extensions) == 0 {
		return fixed, err
	}
	extensions, err := json.Marshal(p.Extensions)
	if err != nil {
		return nil, err
	}
	// Both are objects: join them into one by dropping the first's closing
	// brace and the second's opening one.
	return slices.Concat(fixed[:len(fixed)-1], []byte{','}, extensions[1:]), nil
}

func (e *Error) titleOrStatusText() string {
	if e.title != "" {
		return e.title
	}
	return http.StatusText(e.status)
}
