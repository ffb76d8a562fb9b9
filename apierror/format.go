package apierror

import (
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"unicode"

	"github.com/errcontract/errcontract/internal/contract"
)

// A Format names the error body format of one preset of errcontract. The
// zero Format, in a Writer, stands for the package default.
type Format string

// The formats, named as the linter's presets are.
const (
	Contensis  Format = "contensis"  // {"logId", "message", "data", "type": "error"}
	Contentful Format = "contentful" // {"sys": {"type": "Error", "id"}, "message", "details"}
	JSONAPI    Format = "jsonapi"    // {"errors": [{"status", "title", "detail", "source", "meta"}]}
	Management Format = "management" // {"error": {"code", "message", "details", "retry_after", "log_id"}}
	Problem    Format = "problem"    // RFC 9457 {"type", "title", "status", "detail", "instance"}
)

// Formats returns every format, in the order of the linter's presets.
func Formats() []Format {
	return []Format{Contensis, Contentful, JSONAPI, Management, Problem}
}

// ParseFormat returns the format with the given name, or an error that lists
// the valid names.
func ParseFormat(name string) (Format, error) {
	if _, ok := lookupFormat(Format(name)); !ok {
		return "", unknownFormatError(name)
	}
	return Format(name), nil
}

func unknownFormatError(name string) error {
	names := make([]string, 0, len(Formats()))
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return fmt.Errorf("apierror: unknown format %q: valid formats are %s", name, strings.Join(names, ", "))
}

// defaultFormat is the format of Write and of Writers with no Format. It is
// the package's only mutable state: an atomic pointer to an immutable
// formatSpec, so that SetFormat and any number of concurrent Writes need no
// lock and a Write sees either the old format or the new one, never a mix.
// Nil means contentful, the linter's default preset.
var defaultFormat atomic.Pointer[formatSpec]

// SetFormat sets the format of Write and of Writers with no Format. Call it
// once at start-up, before serving; it is safe to call at any time, and
// Writes already under way finish in the format they started with.
func SetFormat(f Format) error {
	spec, ok := lookupFormat(f)
	if !ok {
		return unknownFormatError(string(f))
	}
	defaultFormat.Store(&spec)
	return nil
}

// DefaultFormat returns the format of Write: Contentful until SetFormat
// changes it.
func DefaultFormat() Format {
	return loadDefaultFormat().name
}

func loadDefaultFormat() formatSpec {
	if spec := defaultFormat.Load(); spec != nil {
		return *spec
	}
	spec, _ := lookupFormat(Format(contract.Default))
	return spec
}

// A formatSpec is everything Write needs to know of a format.
type formatSpec struct {
	name   Format
	preset *contract.Preset
	// body returns the value whose JSON encoding is the response body.
	body func(*response) any
	// joins reports whether a body holds every error of a joined error;
	// bodies of the other formats hold one, the first.
	joins bool
}

// lookupFormat returns the spec of f, and false if f is not a format.
func lookupFormat(f Format) (formatSpec, bool) {
	body := bodyFunc(f)
	preset, ok := contract.Lookup(string(f))
	if body == nil || !ok {
		return formatSpec{}, false
	}
	return formatSpec{name: f, preset: preset, body: body, joins: f == JSONAPI}, true
}

func bodyFunc(f Format) func(*response) any {
	switch f {
	case Contensis:
		return contensisBody
	case Contentful:
		return contentfulBody
	case JSONAPI:
		return jsonapiBody
	case Management:
		return managementBody
	case Problem:
		return problemBody
	}
	return nil
}

// errorCode returns the code that preset p renders for e. It is, in order of
// preference: the first code of e's WithCode list that p documents for e's
// status; the code p documents for the status that names what e's
// constructor names (NotFound is NotFoundError, NotFound and not_found); the
// first, most general code p documents for the status. For a status p does
// not document, which the linter reports, it is e's kind in p's style.
func errorCode(p *contract.Preset, e *Error, style func(kind string) string) string {
	documented := p.ErrorCodes(e.status)
	for _, code := range e.codes {
		if slices.Contains(documented, code) {
			return code
		}
	}
	for _, code := range documented {
		if sameName(code, e.kind) {
			return code
		}
	}
	if len(documented) > 0 {
		return documented[0]
	}
	return style(e.kind)
}

// sameName reports whether two codes name the same thing, ignoring case,
// underscores and an "Error" suffix: the presets spell NotFound as
// NotFoundError, NotFound and not_found.
func sameName(a, b string) bool {
	return bareName(a) == bareName(b)
}

func bareName(code string) string {
	code = strings.ToLower(strings.ReplaceAll(code, "_", ""))
	return strings.TrimSuffix(code, "error")
}

// pascalCode spells kind as Contentful spells its codes: NotFoundError.
func pascalCode(kind string) string { return kind + "Error" }

// snakeCode spells kind as the management preset spells its codes:
// not_found.
func snakeCode(kind string) string {
	var b strings.Builder
	for i, r := range kind {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}
