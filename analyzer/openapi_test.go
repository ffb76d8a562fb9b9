package analyzer

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestOpenAPIServeMux checks handlers registered on a ServeMux against
// the operations of the OpenAPI spec that errcontract.yaml names: the
// statuses each operation documents, its ranges and default, and the
// routes the spec lacks.
func TestOpenAPIServeMux(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, testdata(t), only(ruleUndocumentedStatus, ruleOpenAPIRoute), "openapimux")
}

// TestOpenAPIFrameworks checks routes registered with chi, gorilla/mux,
// gin, echo and fiber, under their groups, subrouters and mounts, against
// the spec of testdata/frameworks/openapispec.
func TestOpenAPIFrameworks(t *testing.T) {
	t.Parallel()
	dir := frameworksModule(t)
	analysistest.Run(t, dir, only(ruleUndocumentedStatus, ruleOpenAPIRoute), "./openapichi", "./openapigorilla", "./openapigin", "./openapiecho", "./openapifiber")
}
