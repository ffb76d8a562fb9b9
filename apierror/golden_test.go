package apierror

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/errcontract/errcontract/internal/contract"
)

// testLogID is the logId of the Contensis document's example.
const testLogID = "63cb1df0-b82a-459e-accc-635e187f3b8b"

// errSecret stands for a cause no client may see.
var errSecret = errors.New("pq: password authentication failed for user s3cr3t-admin")

const secretText = "s3cr3t"

// testWriter returns a Writer in format f whose log IDs are testLogID and
// whose log records go nowhere.
func testWriter(f Format) Writer {
	return Writer{
		Format:   f,
		Logger:   slog.New(slog.DiscardHandler),
		newLogID: func() string { return testLogID },
	}
}

// A goldenCase is one response compared with the golden file
// testdata/FORMAT/NAME.http: status line, headers and body.
type goldenCase struct {
	format Format
	name   string
	err    error
	path   string // the request path; "/items/42" if empty
}

// goldenCases cover every documented error status of every format, with
// errors shaped after the examples and tables of the documents.
var goldenCases = []goldenCase{
	{format: Contensis, name: "400", err: BadRequest("The request could not be understood or was missing required parameters.")},
	{format: Contensis, name: "403", err: Forbidden("The action is not authorised for the current user.")},
	{format: Contensis, name: "404", err: NotFound("The resource was not found.").
		WithMeta("entryId", "ba8a92bd-0e5f-465e-acec-3cdb3db38df6")},
	{format: Contensis, name: "500", err: Internal(errSecret).
		WithMeta("entryId", "ba8a92bd-0e5f-465e-acec-3cdb3db38df6").
		WithMeta("projectId", "moveiDb")},

	{format: Contentful, name: "400", err: BadRequest("The request was malformed or missing a required parameter.")},
	{format: Contentful, name: "400-invalid-query", err: InvalidQuery("The request contained invalid or unknown query parameters.")},
	{format: Contentful, name: "401", err: Unauthorized("The authorization token was invalid.")},
	{format: Contentful, name: "403", err: Forbidden("The user tried to access a resource they do not have access to.")},
	{format: Contentful, name: "404", err: NotFound("The requested resource or endpoint could not be found.")},
	{format: Contentful, name: "409", err: Conflict("The version given is not the current version of the entry.")},
	{format: Contentful, name: "422", err: ValidationFailed("The request payload was valid JSON, but something was wrong with the data.").
		WithFields(FieldError{Pointer: "/fields/title", Detail: "The property title is required here."})},
	{format: Contentful, name: "422-invalid-entry", err: InvalidEntry("The entered value is invalid.")},
	{format: Contentful, name: "429", err: RateLimited("The user sent too many requests per second.").
		WithRetryAfter(300 * time.Millisecond)},
	{format: Contentful, name: "500", err: Internal(errSecret)},
	{format: Contentful, name: "502", err: BadGateway("The space has not been used for a long time and was hibernated.")},
	{format: Contentful, name: "405-undocumented", err: MethodNotAllowed("Entries are read-only here.").
		WithAllow(http.MethodGet, http.MethodHead)},

	{format: JSONAPI, name: "400", err: BadRequest("The request body is missing the required member type.").WithPointer("/data")},
	{format: JSONAPI, name: "401", err: Unauthorized("Valid credentials are required to access this endpoint.")},
	{format: JSONAPI, name: "403", err: Forbidden("You may not delete this article.")},
	{format: JSONAPI, name: "404", err: NotFound("The requested resource does not exist.")},
	{format: JSONAPI, name: "405", err: MethodNotAllowed("The HTTP method used is not supported for the target endpoint.").
		WithAllow(http.MethodGet, http.MethodPatch)},
	{format: JSONAPI, name: "409", err: Conflict("An article with this id already exists.").WithPointer("/data/id")},
	{format: JSONAPI, name: "415", err: UnsupportedMediaType("The Content-Type of the request must be application/vnd.api+json.")},
	{format: JSONAPI, name: "422", err: invalidGUID},
	{format: JSONAPI, name: "422-joined", err: errors.Join(
		ValidationFailed("the provided guid is not a valid UUIDv5").
			WithTitle("invalid field value").
			WithPointer("/data/id"),
		ValidationFailed("The article is invalid.").
			WithFields(FieldError{Pointer: "/data/attributes/title", Detail: "must not be empty"}),
	)},
	{format: JSONAPI, name: "500", err: Internal(errSecret)},

	{format: Management, name: "400", err: BadRequest("Request validation failed").
		WithCode("validation_failed").
		WithFields(
			FieldError{Pointer: "/name", Detail: "Missing required field"},
			FieldError{Pointer: "/replicas", Detail: "Invalid data type"},
		)},
	{format: Management, name: "401", err: Unauthorized("Token has expired").WithCode("token_expired")},
	{format: Management, name: "403", err: Forbidden("Insufficient permissions")},
	{format: Management, name: "404", err: NotFound("Resource not found")},
	{format: Management, name: "409", err: Conflict("Name already exists").WithCode("duplicate_name")},
	{format: Management, name: "429", err: RateLimited("Rate limit exceeded").WithRetryAfter(time.Minute)},
	{format: Management, name: "500", err: Internal(errSecret)},
	{format: Management, name: "422-undocumented", err: ValidationFailed("Request validation failed")},

	{format: Problem, name: "400", err: BadRequest("The request body is not valid JSON.")},
	{format: Problem, name: "401", err: Unauthorized("A valid bearer token is required.")},
	{format: Problem, name: "403", path: "/account/12345/msgs/abc", err: Forbidden("Your current balance is 30, but that costs 50.").
		WithTitle("You do not have enough credit.").
		WithMeta("balance", 30).
		WithMeta("accounts", []string{"/account/12345", "/account/67890"})},
	{format: Problem, name: "404", err: NotFound("No item has the id 42.")},
	{format: Problem, name: "409", err: Conflict("An item with this name already exists.")},
	{format: Problem, name: "422", err: ValidationFailed("Your request is not valid.").WithFields(
		FieldError{Pointer: "#/age", Detail: "must be a positive integer"},
		FieldError{Pointer: "#/profile/color", Detail: "must be 'green', 'red' or 'blue'"},
	)},
	{format: Problem, name: "429", err: RateLimited("Too many requests; retry in 30 seconds.").WithRetryAfter(30 * time.Second)},
	{format: Problem, name: "500", err: Internal(errSecret)},
	{format: Problem, name: "503", err: Unavailable("The service is down for maintenance.").WithRetryAfter(2 * time.Minute)},
}

// invalidGUID is the error of the JSON:API document's example.
var invalidGUID = ValidationFailed("the provided guid is not a valid UUIDv5").
	WithTitle("invalid field value").
	WithPointer("/data/id").
	WithMeta("provided_guid", "1234-invalid-guid")

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(string(tc.format)+"/"+tc.name, func(t *testing.T) {
			path := tc.path
			if path == "" {
				path = "/items/42"
			}
			rec := httptest.NewRecorder()
			testWriter(tc.format).Write(rec, httptest.NewRequest(http.MethodGet, path, nil), tc.err)

			golden := filepath.Join("testdata", string(tc.format), tc.name+".http")
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got := dumpResponse(rec.Result()); got != string(want) {
				t.Errorf("response differs from %s\ngot:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}

// dumpResponse returns the status line, the headers sorted by name and the
// body of resp, as the golden files hold them.
func dumpResponse(resp *http.Response) string {
	var b strings.Builder
	b.WriteString(resp.Proto + " " + resp.Status + "\n")
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for name := range resp.Header {
			if !yield(name) {
				return
			}
		}
	}) {
		for _, value := range resp.Header[name] {
			b.WriteString(name + ": " + value + "\n")
		}
	}
	b.WriteString("\n")
	body, _ := io.ReadAll(resp.Body)
	b.Write(body)
	return b.String()
}

// TestGoldenCoverage checks that the golden cases cover every documented
// error status of every preset, and that every golden file has its case.
func TestGoldenCoverage(t *testing.T) {
	covered := make(map[Format][]int)
	for _, tc := range goldenCases {
		e, _ := errors.AsType[*Error](tc.err)
		covered[tc.format] = append(covered[tc.format], e.Status())
	}
	for _, f := range Formats() {
		preset, _ := contract.Lookup(string(f))
		for _, status := range preset.Codes() {
			if status >= 400 && !slices.Contains(covered[f], status) {
				t.Errorf("no golden case for %d under %s", status, f)
			}
		}
	}

	files, err := filepath.Glob(filepath.Join("testdata", "*", "*.http"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		f, name := Format(filepath.Base(filepath.Dir(file))), strings.TrimSuffix(filepath.Base(file), ".http")
		if !slices.ContainsFunc(goldenCases, func(tc goldenCase) bool { return tc.format == f && tc.name == name }) {
			t.Errorf("%s has no golden case", file)
		}
	}
}
