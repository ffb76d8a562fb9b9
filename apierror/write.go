package apierror

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/errcontract/errcontract/internal/contract"
)

// Write writes err as an error response in the package's default format
// (see SetFormat). It is Writer{}.Write; see there.
//
//errcontract:writer
func Write(w http.ResponseWriter, r *http.Request, err error) {
	Writer{}.Write(w, r, err)
}

// A Writer writes error responses in one format. The zero Writer writes in
// the package's default format and logs to slog.Default(); services that
// serve more than one API keep a Writer per format. Write never modifies
// its Writer, so one Writer may serve any number of goroutines.
type Writer struct {
	// Format is the body format. The zero Format, or a name that ParseFormat
	// rejects, means the package default at the time of each Write.
	Format Format
	// Logger receives one record per server error written (at level Error)
	// and per client error written (at level Debug). Nil means slog.Default()
	// at the time of each Write.
	Logger *slog.Logger

	// newLogID makes log IDs; nil means random GUIDs. Tests set it to make
	// bodies deterministic.
	newLogID func() string
}

// Write writes err as an error response. r may be nil; it gives the problem
// format its instance, and log records their context, method and path.
//
// The *Error values in err's tree are found as errors.As finds one. The
// jsonapi format renders them all, one error object each, under the status
// JSON:API recommends: theirs if they share one, else 500 if one is a server
// error, else 400. The other formats render the first. An err with no *Error
// in its tree is written as Internal(err), so its text never reaches the
// client. A status the format's preset does not document is written as
// given: the linter reports it, the runtime does not second-guess it.
//
// Each response gets a log ID, a random GUID. Write logs every error it
// writes with that ID: server errors at level Error, with their causes,
// client errors at level Debug. The contensis format shows the log ID in
// every body, as its logId member; the others show it in server errors.
//
// The body is encoded into a buffer before anything is written, so that an
// encoding failure (a WithMeta value that encoding/json rejects) becomes a
// complete 500 response, never half of another one.
//
//errcontract:writer
func (w Writer) Write(rw http.ResponseWriter, r *http.Request, err error) {
	spec := w.spec()
	resp, body, encodeErr := w.render(spec, r, err)
	w.log(r, resp)
	if encodeErr != nil {
		rw.Header().Del("Content-Length")
		rw.WriteHeader(http.StatusInternalServerError)
		return
	}
	setHeaders(rw.Header(), spec.preset.MediaType, resp)
	rw.WriteHeader(resp.status)
	// A failed write means the client has gone; there is no one to tell.
	_, _ = rw.Write(body)
}

// render returns the response to err and its encoded body. A body that does
// not encode is replaced by that of an internal error saying why.
func (w Writer) render(spec formatSpec, r *http.Request, err error) (*response, []byte, error) {
	resp := w.newResponse(spec, r, err)
	body, encodeErr := encode(spec.body(resp))
	if encodeErr == nil {
		return resp, body, nil
	}
	cause := fmt.Errorf("apierror: encoding the %d response: %w; the error was: %w", resp.status, encodeErr, err)
	// Internal, not the bare cause: the cause wraps err, whose *Error would
	// be found, and fail to encode, again.
	resp = w.newResponse(spec, r, Internal(cause))
	// The body of an internal error without meta holds only strings, so
	// this cannot fail; Write still checks rather than assumes it.
	body, encodeErr = encode(spec.body(resp))
	return resp, body, encodeErr
}

func (w Writer) spec() formatSpec {
	if spec, ok := lookupFormat(w.Format); ok {
		return spec
	}
	return loadDefaultFormat()
}

func (w Writer) logger() *slog.Logger {
	if w.Logger != nil {
		return w.Logger
	}
	return slog.Default()
}

func (w Writer) logID() string {
	if w.newLogID != nil {
		return w.newLogID()
	}
	return randomGUID()
}

// A response is one error response, ready to render.
type response struct {
	preset   *contract.Preset
	status   int
	errs     []*Error // at least one
	logID    string
	instance string // the request path, or "" without a request
}

func (w Writer) newResponse(spec formatSpec, r *http.Request, err error) *response {
	errs := findErrors(err, nil)
	switch {
	case len(errs) == 0:
		errs = []*Error{Internal(orMissing(err))}
	case !spec.joins:
		errs = errs[:1]
	}
	return &response{
		preset:   spec.preset,
		status:   jointStatus(errs),
		errs:     errs,
		logID:    w.logID(),
		instance: requestPath(r),
	}
}

// orMissing returns err, or, if err is nil or a nil *Error, an error saying
// so: Write(w, r, nil) is a bug in the caller, which deserves a 500 and a
// log record rather than a panic.
func orMissing(err error) error {
	if e, ok := err.(*Error); err == nil || ok && e == nil {
		return errors.New("apierror: Write called with a nil error")
	}
	return err
}

// findErrors appends to found the *Error values in err's tree, visiting it
// depth-first as errors.As does but collecting one *Error from every branch
// of a joined error instead of stopping at the first. It does not look into
// an *Error's cause: that is server-side.
func findErrors(err error, found []*Error) []*Error {
	for err != nil {
		if e, ok := err.(*Error); ok {
			if e == nil {
				return found
			}
			return append(found, e)
		}
		if as, ok := err.(interface{ As(any) bool }); ok {
			var e *Error
			if as.As(&e) && e != nil {
				return append(found, e)
			}
		}
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, branch := range u.Unwrap() {
				found = findErrors(branch, found)
			}
			return found
		case interface{ Unwrap() error }:
			err = u.Unwrap()
		default:
			return found
		}
	}
	return found
}

// jointStatus returns the status of a response holding errs: theirs if they
// share one, else, as JSON:API recommends, the most generally applicable:
// 500 if one of them is a server error, 400 otherwise.
func jointStatus(errs []*Error) int {
	status := errs[0].status
	for _, e := range errs[1:] {
		if e.status != status {
			return mostGeneral(errs)
		}
	}
	return status
}

func mostGeneral(errs []*Error) int {
	for _, e := range errs {
		if e.status >= 500 {
			return http.StatusInternalServerError
		}
	}
	return http.StatusBadRequest
}

func requestPath(r *http.Request) string {
	if r == nil || r.URL == nil {
		return ""
	}
	// EscapedPath, not Path: an instance is a URI reference.
	return r.URL.EscapedPath()
}

// serverError reports whether the response is a server error, the case in
// which every format shows its log ID.
func (resp *response) serverError() bool { return resp.status >= 500 }

// retryAfterSeconds returns the longest retry delay of the errors in whole
// seconds, rounded up so that a client never retries too early; 0 for none.
func (resp *response) retryAfterSeconds() int64 {
	var longest time.Duration
	for _, e := range resp.errs {
		longest = max(longest, e.retryAfter)
	}
	seconds := int64(longest / time.Second)
	if longest%time.Second > 0 {
		seconds++
	}
	return seconds
}

// allow returns the methods of the first error that lists any.
func (resp *response) allow() []string {
	for _, e := range resp.errs {
		if len(e.allow) > 0 {
			return e.allow
		}
	}
	return nil
}

func encode(body any) ([]byte, error) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(body); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func setHeaders(h http.Header, mediaType string, resp *response) {
	// A length set for the body the handler meant to write is wrong now.
	h.Del("Content-Length")
	h.Set("Content-Type", mediaType)
	h.Set("X-Content-Type-Options", "nosniff")
	if seconds := resp.retryAfterSeconds(); seconds > 0 {
		h.Set("Retry-After", strconv.FormatInt(seconds, 10))
	}
	if methods := resp.allow(); len(methods) > 0 {
		h.Set("Allow", strings.Join(methods, ", "))
	}
}

// log writes one record per error of resp, carrying its log ID and cause.
func (w Writer) log(r *http.Request, resp *response) {
	logger := w.logger()
	ctx := context.Background()
	if r != nil {
		ctx = r.Context()
	}
	level := slog.LevelDebug
	if resp.serverError() {
		level = slog.LevelError
	}
	if !logger.Enabled(ctx, level) {
		return
	}
	for _, e := range resp.errs {
		attrs := []slog.Attr{slog.String("log_id", resp.logID), slog.Any("error", e)}
		if r != nil {
			attrs = append(attrs, slog.String("method", r.Method), slog.String("path", resp.instance))
		}
		logger.LogAttrs(ctx, level, "apierror: error response", attrs...)
	}
}

// randomGUID returns a random (version 4) GUID, such as
// 63cb1df0-b82a-459e-accc-635e187f3b8b: 122 random bits from crypto/rand,
// formatted 8-4-4-4-12 as RFC 9562 describes.
func randomGUID() string {
	var u [16]byte
	// Read never fails: since Go 1.24 a broken source crashes the program.
	_, _ = rand.Read(u[:])
	u[6] = u[6]&0x0f | 0x40 // version 4: random
	u[8] = u[8]&0x3f | 0x80 // variant 10: RFC 9562
	var s [36]byte
	hex.Encode(s[0:8], u[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], u[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], u[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], u[8:10])
	s[23] = '-'
	hex.Encode(s[24:36], u[10:16])
	return string(s[:])
}
