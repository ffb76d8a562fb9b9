package analyzer

import "testing"

// TestOpenAPIHuma checks huma operations against the spec of
// testdata/frameworks/openapispec: the method and path of a
// huma.Register's operation literal and of the shorthands, and the
// statuses of huma's error constructors and of huma.NewError.
func TestOpenAPIHuma(t *testing.T) {
	t.Parallel()
	frameworksOpenAPISuite.run(t, t, "./openapihuma")
}
