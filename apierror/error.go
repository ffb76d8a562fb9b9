package apierror

import (
	"log/slog"
	"maps"
	"slices"
	"time"
)

// Error is an HTTP API error: a status, a client-safe message and optional
// structured details, which Write renders in the configured format, and a
// cause, which is kept server-side.
//
// Error returns the client-safe message only, so its text may be shown to
// clients; the cause is reachable through Unwrap and is never rendered.
//
// An Error is immutable: the With methods return a modified copy. An Error
// may therefore live in a package-level variable and be shared between
// goroutines.
//
//errcontract:public
type Error struct {
	status  int
	kind    string // the constructor's name for the error, e.g. "NotFound"
	message string

	codes      []string // preset codes preferred by WithCode, in order
	title      string
	pointer    string
	fields     []FieldError
	meta       map[string]any
	retryAfter time.Duration
	allow      []string

	cause error
}

// A FieldError is one problem with one part of the request, in the shape of
// the example in RFC 9457, section 3.
type FieldError struct {
	// Pointer is a JSON Pointer (RFC 6901) to the offending member of the
	// request document, for example "/data/attributes/name".
	Pointer string `json:"pointer"`
	// Detail says, in client-safe words, what is wrong with it.
	Detail string `json:"detail"`
}

func newError(status int, kind, message string) *Error {
	return &Error{status: status, kind: kind, message: message}
}

// Error returns the client-safe message. It never includes the cause.
func (e *Error) Error() string { return e.message }

// Unwrap returns the cause, so that errors.Is and errors.As see through e.
func (e *Error) Unwrap() error { return e.cause }

// Status returns the HTTP status code.
func (e *Error) Status() int { return e.status }

// WithCause returns a copy of e that keeps cause server-side: Unwrap returns
// it and Write logs it, but no response body ever contains it.
func (e *Error) WithCause(cause error) *Error {
	c := *e
	c.cause = cause
	return &c
}

// WithCode returns a copy of e that prefers the given error codes, in order,
// where the format's preset documents them for e's status. Formats whose
// preset documents several codes for a status use it to pick one, for
// example Conflict(msg).WithCode("duplicate_name") under management. A code
// the preset does not document for the status is skipped, so that a rendered
// code always comes from the preset's table.
func (e *Error) WithCode(codes ...string) *Error {
	c := *e
	c.codes = slices.Clone(codes)
	return &c
}

// WithTitle returns a copy of e with a short summary of the problem, shown as
// the title member of the jsonapi and problem formats. The default title is
// the status text, such as "Not Found". The title is rendered to clients.
func (e *Error) WithTitle(title string) *Error {
	c := *e
	c.title = title
	return &c
}

// WithPointer returns a copy of e whose source is the request member at
// pointer, a JSON Pointer (RFC 6901) such as "/data/id". The jsonapi format
// shows it as source.pointer; the others as a "pointer" member of their
// details object.
func (e *Error) WithPointer(pointer string) *Error {
	c := *e
	c.pointer = pointer
	return &c
}

// WithFields returns a copy of e with fields added to its field errors. The
// jsonapi format shows each as an error object of its own; the others list
// them under "errors" in their details object.
func (e *Error) WithFields(fields ...FieldError) *Error {
	c := *e
	// Clip so that append copies: e and the copy must not share an array.
	c.fields = append(slices.Clip(e.fields), fields...)
	return &c
}

// WithMeta returns a copy of e with the member key set to value in its
// details object: contensis data, contentful details, jsonapi meta,
// management details, problem extension members. The value is rendered to
// clients with encoding/json. The members "errors", "pointer" and "logId",
// and under problem "type", "title", "status", "detail" and "instance", are
// the package's own; a meta member of that name is not shown.
func (e *Error) WithMeta(key string, value any) *Error {
	c := *e
	c.meta = maps.Clone(e.meta)
	if c.meta == nil {
		c.meta = make(map[string]any, 1)
	}
	c.meta[key] = value
	return &c
}

// WithRetryAfter returns a copy of e that tells clients to wait d before
// retrying: the Retry-After header in whole seconds, rounded up, and under
// management the retry_after member. A d below one nanosecond sets neither.
func (e *Error) WithRetryAfter(d time.Duration) *Error {
	c := *e
	c.retryAfter = d
	return &c
}

// WithAllow returns a copy of e that lists the methods the target resource
// supports in the Allow header, which RFC 9110 requires of a 405 response.
func (e *Error) WithAllow(methods ...string) *Error {
	c := *e
	c.allow = slices.Clone(methods)
	return &c
}

// LogValue implements slog.LogValuer: in logs, which stay server-side, e
// shows its status, message and cause.
func (e *Error) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.Int("status", e.status),
		slog.String("message", e.message),
	}
	if e.cause != nil {
		attrs = append(attrs, slog.Any("cause", e.cause))
	}
	return slog.GroupValue(attrs...)
}

// detailMembers returns the members of e's details object in the formats
// that have no members of their own for a pointer and field errors: e's meta,
// its field errors under "errors" and its pointer under "pointer". The map is
// new, or nil when there is nothing to show.
func (e *Error) detailMembers() map[string]any {
	members := e.metaMembers()
	if len(e.fields) > 0 {
		members = withMember(members, "errors", e.fields)
	}
	if e.pointer != "" {
		members = withMember(members, "pointer", e.pointer)
	}
	return members
}

// metaMembers returns a copy of e's meta, or nil when it has none.
func (e *Error) metaMembers() map[string]any {
	if len(e.meta) == 0 {
		return nil
	}
	return maps.Clone(e.meta)
}

// withMember sets m[key] to value, making m first if it is nil.
func withMember(m map[string]any, key string, value any) map[string]any {
	if m == nil {
		m = make(map[string]any, 1)
	}
	m[key] = value
	return m
}
