package apierror

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"
)

// messageConstructors are the constructors that take a client-safe message,
// by name; Internal, which takes only a cause, is the one other.
var messageConstructors = map[string]func(msg string) *Error{
	"BadRequest":           BadRequest,
	"InvalidQuery":         InvalidQuery,
	"Unauthorized":         Unauthorized,
	"Forbidden":            Forbidden,
	"NotFound":             NotFound,
	"MethodNotAllowed":     MethodNotAllowed,
	"Conflict":             Conflict,
	"UnsupportedMediaType": UnsupportedMediaType,
	"ValidationFailed":     ValidationFailed,
	"InvalidEntry":         InvalidEntry,
	"RateLimited":          RateLimited,
	"BadGateway":           BadGateway,
	"Unavailable":          Unavailable,
}

// guidPattern matches a version 4 GUID of RFC 9562, formatted 8-4-4-4-12.
var guidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// record writes err with w and returns the response.
func record(w Writer, r *http.Request, err error) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	w.Write(rec, r, err)
	return rec
}

func newRequest() *http.Request {
	return httptest.NewRequest(http.MethodPost, "/items/42", nil)
}

// decodeBody decodes the JSON body of rec, failing the test if it is not
// one complete JSON value.
func decodeBody(t *testing.T, rec *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	var body map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		t.Fatalf("body %q is not a JSON object: %v", rec.Body, err)
	}
	return body
}

// secretErrors returns errors that hold errSecret in every way a handler
// may hand one to Write.
func secretErrors() map[string]error {
	errs := map[string]error{
		"Internal":                 Internal(errSecret),
		"plain error":              errSecret,
		"wrapped plain error":      fmt.Errorf("loading item: %w", errSecret),
		"joined plain errors":      errors.Join(errSecret, errors.New("also "+secretText)),
		"joined with an *Error":    errors.Join(errSecret, NotFound("no such item")),
		"wrapped *Error":           fmt.Errorf("%s: %w", secretText, Conflict("the item changed")),
		"*Error wrapping an Error": BadRequest("bad").WithCause(Internal(errSecret)),
		"nil":                      nil,
		"nil *Error":               (*Error)(nil),
	}
	for name, constructor := range messageConstructors {
		errs[name] = constructor("client-safe message").
			WithCause(errSecret).
			WithFields(FieldError{Pointer: "/name", Detail: "is required"})
	}
	return errs
}

func TestNoCauseInResponse(t *testing.T) {
	for _, f := range Formats() {
		for name, err := range secretErrors() {
			t.Run(string(f)+"/"+name, func(t *testing.T) {
				rec := record(testWriter(f), newRequest(), err)
				if rec.Code < 400 {
					t.Errorf("status %d, want an error status", rec.Code)
				}
				if strings.Contains(rec.Body.String(), secretText) {
					t.Errorf("body shows the cause: %s", rec.Body)
				}
				for header, values := range rec.Header() {
					if strings.Contains(strings.Join(values, " "), secretText) {
						t.Errorf("header %s shows the cause: %q", header, values)
					}
				}
				decodeBody(t, rec)
			})
		}
	}
}

func TestErrorTextIsTheMessage(t *testing.T) {
	err := NotFound("no such item").WithCause(errSecret)
	if got := err.Error(); got != "no such item" {
		t.Errorf("Error() = %q, want the message alone", got)
	}
	if !errors.Is(err, errSecret) {
		t.Error("errors.Is does not find the cause")
	}
	if got := Internal(errSecret).Error(); strings.Contains(got, secretText) {
		t.Errorf("Internal(cause).Error() = %q shows the cause", got)
	}
}

func TestRandomGUID(t *testing.T) {
	seen := make(map[string]bool)
	for range 1000 {
		id := randomGUID()
		if !guidPattern.MatchString(id) {
			t.Fatalf("randomGUID() = %q, want a version 4 GUID formatted 8-4-4-4-12", id)
		}
		if seen[id] {
			t.Fatalf("randomGUID() returned %q twice", id)
		}
		seen[id] = true
	}
}

// logRecords returns the JSON records written to buf.
func logRecords(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	var records []map[string]any
	for line := range strings.Lines(buf.String()) {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		records = append(records, rec)
	}
	return records
}

func bufferLogger(buf *bytes.Buffer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewJSONHandler(buf, &slog.HandlerOptions{Level: level}))
}

func TestInternalLogsCauseWithLogID(t *testing.T) {
	var logs bytes.Buffer
	w := testWriter(Problem)
	w.Logger = bufferLogger(&logs, slog.LevelInfo)

	rec := record(w, newRequest(), Internal(errSecret))

	if got := decodeBody(t, rec)["logId"]; got != testLogID {
		t.Errorf("body logId = %v, want %s", got, testLogID)
	}
	records := logRecords(t, &logs)
	if len(records) != 1 {
		t.Fatalf("got %d log records, want 1:\n%s", len(records), &logs)
	}
	want := map[string]any{
		"level":  "ERROR",
		"log_id": testLogID,
		"method": http.MethodPost,
		"path":   "/items/42",
		"error": map[string]any{
			"status":  float64(500),
			"message": internalMessage,
			"cause":   errSecret.Error(),
		},
	}
	for key, value := range want {
		if got := records[0][key]; fmt.Sprint(got) != fmt.Sprint(value) {
			t.Errorf("log record %s = %v, want %v", key, got, value)
		}
	}
}

// TestWriteLogsToDefaultLogger checks the package-level Write end to end:
// a random log ID, shown to the client and logged with the cause through
// slog.Default(), which the test restores.
func TestWriteLogsToDefaultLogger(t *testing.T) {
	var logs bytes.Buffer
	previous := slog.Default()
	slog.SetDefault(bufferLogger(&logs, slog.LevelInfo))
	t.Cleanup(func() { slog.SetDefault(previous) })

	rec := httptest.NewRecorder()
	Write(rec, nil, fmt.Errorf("saving item: %w", errSecret))

	body := decodeBody(t, rec)
	details, _ := body["details"].(map[string]any)
	logID, _ := details["logId"].(string)
	if !guidPattern.MatchString(logID) {
		t.Fatalf("details.logId = %q, want a random GUID; body %s", logID, rec.Body)
	}
	records := logRecords(t, &logs)
	if len(records) != 1 || records[0]["log_id"] != logID {
		t.Fatalf("want one record with log_id %s, got:\n%s", logID, &logs)
	}
	if !strings.Contains(logs.String(), errSecret.Error()) {
		t.Errorf("the log does not hold the cause:\n%s", &logs)
	}
}

func TestClientErrorsLogAtDebug(t *testing.T) {
	err := BadRequest("invalid request body").WithCause(errSecret)

	var info bytes.Buffer
	w := testWriter(Contentful)
	w.Logger = bufferLogger(&info, slog.LevelInfo)
	record(w, newRequest(), err)
	if info.Len() != 0 {
		t.Errorf("a client error was logged above level Debug:\n%s", &info)
	}

	var debug bytes.Buffer
	w.Logger = bufferLogger(&debug, slog.LevelDebug)
	record(w, newRequest(), err)
	records := logRecords(t, &debug)
	if len(records) != 1 || records[0]["level"] != "DEBUG" || !strings.Contains(debug.String(), errSecret.Error()) {
		t.Errorf("want one Debug record with the cause, got:\n%s", &debug)
	}
}

func TestNonAPIErrorIsInternal(t *testing.T) {
	rec := record(testWriter(Contentful), newRequest(), errSecret)
	body := decodeBody(t, rec)
	if rec.Code != http.StatusInternalServerError || body["message"] != internalMessage {
		t.Errorf("got %d %s, want a 500 with the generic message", rec.Code, rec.Body)
	}
}

func TestNilErrorIsInternal(t *testing.T) {
	var logs bytes.Buffer
	w := testWriter(Contentful)
	w.Logger = bufferLogger(&logs, slog.LevelInfo)
	for _, err := range []error{nil, (*Error)(nil)} {
		logs.Reset()
		rec := record(w, nil, err)
		if rec.Code != http.StatusInternalServerError {
			t.Errorf("Write(%#v): status %d, want 500", err, rec.Code)
		}
		if !strings.Contains(logs.String(), "nil error") {
			t.Errorf("Write(%#v) did not log the misuse:\n%s", err, &logs)
		}
	}
}

func TestJoinedErrors(t *testing.T) {
	tests := []struct {
		format     Format
		err        error
		wantStatus int
		wantCount  int // error objects under jsonapi
	}{
		{JSONAPI, errors.Join(NotFound("a"), NotFound("b")), 404, 2},
		{JSONAPI, errors.Join(NotFound("a"), ValidationFailed("b")), 400, 2},
		{JSONAPI, errors.Join(ValidationFailed("a"), Internal(errSecret)), 500, 2},
		{JSONAPI, fmt.Errorf("wrapped: %w", errors.Join(Conflict("a"), errSecret, Conflict("b"))), 409, 2},
		{Contentful, errors.Join(NotFound("a"), ValidationFailed("b")), 404, 0},
		{Problem, errors.Join(errSecret, Conflict("a"), NotFound("b")), 409, 0},
	}
	for _, tt := range tests {
		rec := record(testWriter(tt.format), newRequest(), tt.err)
		if rec.Code != tt.wantStatus {
			t.Errorf("%s: Write(%q): status %d, want %d", tt.format, tt.err, rec.Code, tt.wantStatus)
		}
		if tt.format == JSONAPI {
			objects, _ := decodeBody(t, rec)["errors"].([]any)
			if len(objects) != tt.wantCount {
				t.Errorf("%s: Write(%q): %d error objects, want %d", tt.format, tt.err, len(objects), tt.wantCount)
			}
		}
	}
}

// TestEncodingFailure checks that a body encoding/json rejects becomes a
// complete 500 response, in both the struct and the hand-joined encoders.
func TestEncodingFailure(t *testing.T) {
	for _, f := range []Format{Contentful, Problem} {
		var logs bytes.Buffer
		w := testWriter(f)
		w.Logger = bufferLogger(&logs, slog.LevelInfo)
		rec := httptest.NewRecorder()
		rec.Header().Set("Content-Length", "1234")

		w.Write(rec, newRequest(), NotFound("no such item").WithMeta("channel", make(chan int)))

		if rec.Code != http.StatusInternalServerError {
			t.Errorf("%s: status %d, want 500", f, rec.Code)
		}
		if got := rec.Header().Get("Content-Length"); got != "" {
			t.Errorf("%s: stale Content-Length %q kept", f, got)
		}
		decodeBody(t, rec)
		if !strings.Contains(logs.String(), "unsupported type") {
			t.Errorf("%s: the encoding error was not logged:\n%s", f, &logs)
		}
	}
}

func TestProblemWithoutRequestHasNoInstance(t *testing.T) {
	rec := record(testWriter(Problem), nil, NotFound("no such item"))
	if _, ok := decodeBody(t, rec)["instance"]; ok {
		t.Errorf("body without a request has an instance: %s", rec.Body)
	}
}

func TestProblemExtensionsDoNotShadowStandardMembers(t *testing.T) {
	rec := record(testWriter(Problem), newRequest(), NotFound("no such item").WithMeta("status", 200).WithMeta("hint", "check the id"))
	body := decodeBody(t, rec)
	if body["status"] != float64(404) || body["hint"] != "check the id" {
		t.Errorf("body = %s, want status 404 and the hint", rec.Body)
	}
}

func TestRetryAfter(t *testing.T) {
	tests := []struct {
		after time.Duration
		want  string
	}{
		{0, ""},
		{-time.Second, ""},
		{time.Nanosecond, "1"},
		{1500 * time.Millisecond, "2"},
		{time.Minute, "60"},
	}
	for _, tt := range tests {
		rec := record(testWriter(Management), nil, RateLimited("slow down").WithRetryAfter(tt.after))
		if got := rec.Header().Get("Retry-After"); got != tt.want {
			t.Errorf("WithRetryAfter(%v): Retry-After %q, want %q", tt.after, got, tt.want)
		}
	}
}

// TestWithReturnsCopies checks that an Error shared between requests, as in
// a package-level variable, never changes.
func TestWithReturnsCopies(t *testing.T) {
	base := ValidationFailed("invalid item").WithFields(FieldError{Pointer: "/a", Detail: "a"})
	first := base.WithFields(FieldError{Pointer: "/b", Detail: "b"})
	second := base.WithFields(FieldError{Pointer: "/c", Detail: "c"})
	base.WithCause(errSecret).WithMeta("k", "v").WithCode("x").WithTitle("t").WithPointer("/p").WithRetryAfter(time.Second).WithAllow("GET")

	if base.Unwrap() != nil || base.meta != nil || base.codes != nil || base.title != "" ||
		base.pointer != "" || base.retryAfter != 0 || base.allow != nil || len(base.fields) != 1 {
		t.Errorf("a With method changed its receiver: %+v", base)
	}
	if first.fields[1].Pointer != "/b" || second.fields[1].Pointer != "/c" {
		t.Errorf("copies share field errors: %v and %v", first.fields, second.fields)
	}
	withMeta := base.WithMeta("a", 1)
	withMeta.WithMeta("b", 2)
	if len(withMeta.meta) != 1 {
		t.Errorf("copies share meta: %v", withMeta.meta)
	}
}

func TestLogValue(t *testing.T) {
	var logs bytes.Buffer
	bufferLogger(&logs, slog.LevelInfo).Info("failed", "error", Conflict("the item changed").WithCause(errSecret))
	for _, want := range []string{`"status":409`, `"message":"the item changed"`, errSecret.Error()} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log %s does not hold %s", &logs, want)
		}
	}
}
