// Package respond is a response builder of the kind services write for
// themselves: the status and the body are set by chained calls, and the
// response is written at the end.
package respond

import (
	"encoding/json"
	"net/http"
)

// A Builder builds one response.
type Builder struct {
	w      http.ResponseWriter
	status int
	body   []byte
}

// New returns a builder of the response to w.
func New(w http.ResponseWriter, r *http.Request) *Builder {
	return &Builder{w: w, status: http.StatusOK}
}

// WithStatus sets the status.
func (b *Builder) WithStatus(status int) *Builder { // want WithStatus:`summary\(result=recv\)`
	b.status = status
	return b
}

// WithBody sets the body.
func (b *Builder) WithBody(body []byte) *Builder { // want WithBody:`summary\(result=0,recv recv=0\)`
	b.body = body
	return b
}

// WithJSON sets the body to v's encoding.
func (b *Builder) WithJSON(v any) *Builder { // want WithJSON:`summary\(result=0,recv recv=0\)`
	data, _ := json.Marshal(v)
	b.body = data
	return b
}

// Write writes the response.
func (b *Builder) Write() { // want Write:`summary\(body=recv\)`
	b.w.WriteHeader(b.status)
	b.w.Write(b.body)
}

// ErrorJSON returns a JSON error document for err.
func ErrorJSON(err error) []byte { // want ErrorJSON:`summary\(result=text\)`
	data, _ := json.Marshal(map[string]string{"error": err.Error()})
	return data
}
