package analyzer

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestOpenAPIHuma checks huma operations against the spec of
// testdata/frameworks/openapispec: the method and path of a
// huma.Register's operation literal and of the shorthands, and the
// statuses of huma's error constructors and of huma.NewError.
func TestOpenAPIHuma(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, frameworksModule(t), only(ruleUndocumentedStatus, ruleOpenAPIRoute), "./openapihuma")
}
