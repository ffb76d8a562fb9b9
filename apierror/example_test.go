package apierror_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/errcontract/errcontract/apierror"
)

// show prints the response a Writer writes for err.
func show(w apierror.Writer, err error) {
	rec := httptest.NewRecorder()
	w.Write(rec, httptest.NewRequest(http.MethodGet, "/items/42", nil), err)
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))
	fmt.Print(rec.Body)
}

func Example() {
	errDecode := errors.New("invalid character '}' looking for beginning of value")

	// The handler's error: a client-safe message, and a cause that stays
	// on the server.
	err := apierror.BadRequest("invalid request body").WithCause(errDecode)

	show(apierror.Writer{Format: apierror.Contentful}, err)
	// Output:
	// 400 application/json
	// {"sys":{"type":"Error","id":"BadRequestError"},"message":"invalid request body"}
}

func ExampleWriter() {
	partnerAPI := apierror.Writer{Format: apierror.JSONAPI}
	show(partnerAPI, errors.Join(
		apierror.ValidationFailed("must not be empty").WithPointer("/data/attributes/title"),
		apierror.ValidationFailed("must be in the future").WithPointer("/data/attributes/due"),
	))
	// Output:
	// 422 application/vnd.api+json
	// {"errors":[{"status":"422","title":"Unprocessable Entity","detail":"must not be empty","source":{"pointer":"/data/attributes/title"}},{"status":"422","title":"Unprocessable Entity","detail":"must be in the future","source":{"pointer":"/data/attributes/due"}}]}
}

func ExampleError_WithCode() {
	show(apierror.Writer{Format: apierror.Management},
		apierror.Conflict("a project named demo already exists").WithCode("duplicate_name"))
	// Output:
	// 409 application/json
	// {"error":{"code":"duplicate_name","message":"a project named demo already exists"}}
}

func ExampleError_WithRetryAfter() {
	rec := httptest.NewRecorder()
	apierror.Writer{Format: apierror.Problem}.Write(rec, nil,
		apierror.RateLimited("too many requests").WithRetryAfter(30*time.Second))
	fmt.Println(rec.Code, rec.Header().Get("Retry-After"))
	fmt.Print(rec.Body)
	// Output:
	// 429 30
	// {"type":"about:blank","title":"Too Many Requests","status":429,"detail":"too many requests"}
}

func ExampleParseFormat() {
	_, err := apierror.ParseFormat("xml")
	fmt.Println(err)
	// Output:
	// apierror: unknown format "xml": valid formats are contensis, contentful, jsonapi, management, problem
}
