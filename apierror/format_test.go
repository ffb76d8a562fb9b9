package apierror

import (
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/errcontract/errcontract/internal/contract"
)

func TestFormatsAreThePresets(t *testing.T) {
	var names []string
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	if want := contract.Names(); !slices.Equal(names, want) {
		t.Errorf("Formats() = %v, want the presets %v", names, want)
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range Formats() {
		if got, err := ParseFormat(string(f)); got != f || err != nil {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
	for _, name := range []string{"", "xml", "JSONAPI", "problem "} {
		_, err := ParseFormat(name)
		if err == nil {
			t.Errorf("ParseFormat(%q) succeeded", name)
			continue
		}
		for _, f := range Formats() {
			if !strings.Contains(err.Error(), string(f)) {
				t.Errorf("ParseFormat(%q) error %q does not list %s", name, err, f)
			}
		}
	}
}

// setDefaultFormat sets the default format for the rest of the test.
func setDefaultFormat(t *testing.T, f Format) {
	t.Helper()
	previous := DefaultFormat()
	if err := SetFormat(f); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = SetFormat(previous) })
}

func TestSetFormat(t *testing.T) {
	if got := DefaultFormat(); got != Contentful {
		t.Fatalf("DefaultFormat() = %q before SetFormat, want contentful", got)
	}
	setDefaultFormat(t, JSONAPI)

	if err := SetFormat("xml"); err == nil {
		t.Error(`SetFormat("xml") succeeded`)
	}
	if got := DefaultFormat(); got != JSONAPI {
		t.Errorf("DefaultFormat() = %q after a failed SetFormat, want jsonapi", got)
	}
	for _, w := range []Writer{{}, {Format: "xml"}} {
		rec := httptest.NewRecorder()
		w.Write(rec, nil, NotFound("no such item"))
		if got := rec.Header().Get("Content-Type"); got != "application/vnd.api+json" {
			t.Errorf("Writer{Format: %q} wrote Content-Type %q, want the default format's", w.Format, got)
		}
	}
	rec := httptest.NewRecorder()
	Writer{Format: Problem}.Write(rec, nil, NotFound("no such item"))
	if got := rec.Header().Get("Content-Type"); got != "application/problem+json" {
		t.Errorf("Writer{Format: problem} wrote Content-Type %q", got)
	}
}

// TestConcurrentSetFormatAndWrite is for the race detector: a Write sees one
// whole format or the other.
func TestConcurrentSetFormatAndWrite(t *testing.T) {
	setDefaultFormat(t, Contentful)
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := range 100 {
			_ = SetFormat([]Format{Problem, Contentful}[i%2])
		}
	})
	for range 4 {
		wg.Go(func() {
			for range 100 {
				rec := httptest.NewRecorder()
				Write(rec, nil, NotFound("no such item"))
				switch rec.Header().Get("Content-Type") {
				case "application/json", "application/problem+json":
				default:
					t.Errorf("Content-Type %q", rec.Header().Get("Content-Type"))
				}
			}
		})
	}
	wg.Wait()
}

func TestErrorCode(t *testing.T) {
	tests := []struct {
		format Format
		err    *Error
		want   string
	}{
		// The code that names the constructor's kind.
		{Contentful, NotFound(""), "NotFoundError"},
		{Contentful, InvalidQuery(""), "InvalidQueryError"},
		{Contentful, InvalidEntry(""), "InvalidEntryError"},
		{Management, NotFound(""), "not_found"},
		{Management, Forbidden(""), "forbidden"},
		{Management, Internal(nil), "internal_error"},
		// The only code of the status.
		{Contentful, Conflict(""), "VersionMismatchError"},
		{Contentful, BadGateway(""), "AccessDeniedError"},
		// The first, most general code.
		{Management, Unauthorized(""), "unauthorized_client"},
		{Management, Conflict(""), "conflict"},
		// A code chosen with WithCode, where the preset documents it.
		{Management, Conflict("").WithCode("duplicate_name"), "duplicate_name"},
		{Management, NotFound("").WithCode("NotFoundError", "resource_not_found"), "resource_not_found"},
		{Contentful, Conflict("").WithCode("duplicate_name"), "VersionMismatchError"},
		{Management, Forbidden("").WithCode("not_found"), "forbidden"},
		// A status the preset does not document, in the preset's style.
		{Contentful, Unavailable(""), "ServiceUnavailableError"},
		{Contentful, UnsupportedMediaType(""), "UnsupportedMediaTypeError"},
		{Management, MethodNotAllowed(""), "method_not_allowed"},
		{Management, ValidationFailed(""), "validation_failed"},
	}
	for _, tt := range tests {
		spec, _ := lookupFormat(tt.format)
		style := map[Format]func(string) string{Contentful: pascalCode, Management: snakeCode}[tt.format]
		if got := errorCode(spec.preset, tt.err, style); got != tt.want {
			t.Errorf("%s: code of %s (%d) = %q, want %q", tt.format, tt.err.kind, tt.err.status, got, tt.want)
		}
	}
}

// TestDocumentedCodes checks, for the formats that render codes, that every
// error status the preset documents renders one of the preset's codes.
func TestDocumentedCodes(t *testing.T) {
	codeOf := map[Format]func(body map[string]any) any{
		Contentful: func(body map[string]any) any { return body["sys"].(map[string]any)["id"] },
		Management: func(body map[string]any) any { return body["error"].(map[string]any)["code"] },
	}
	for f, code := range codeOf {
		preset, _ := contract.Lookup(string(f))
		for _, e := range allConstructed() {
			documented := preset.ErrorCodes(e.status)
			if documented == nil {
				continue
			}
			got := code(decodeBody(t, record(testWriter(f), nil, e)))
			if !slices.Contains(documented, got.(string)) {
				t.Errorf("%s: %s renders code %v, not one of %v", f, e.kind, got, documented)
			}
		}
	}
}

// allConstructed returns an error made by every constructor.
func allConstructed() []*Error {
	errs := []*Error{Internal(errSecret)}
	for _, constructor := range messageConstructors {
		errs = append(errs, constructor("message"))
	}
	return errs
}

func TestSnakeCode(t *testing.T) {
	for kind, want := range map[string]string{
		"NotFound":             "not_found",
		"UnsupportedMediaType": "unsupported_media_type",
		"Conflict":             "conflict",
	} {
		if got := snakeCode(kind); got != want {
			t.Errorf("snakeCode(%q) = %q, want %q", kind, got, want)
		}
	}
}
