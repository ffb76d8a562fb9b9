package analyzer

import "testing"

// TestOpenAPIServeMux checks handlers registered on a ServeMux against
// the operations of the OpenAPI spec that errcontract.yaml names: the
// statuses each operation documents, its ranges and default, and the
// routes the spec lacks.
func TestOpenAPIServeMux(t *testing.T) {
	t.Parallel()
	openapiSuite.run(t, t, "openapimux")
}

// TestOpenAPIFrameworks checks routes registered with chi, gorilla/mux,
// gin, echo and fiber, under their groups, subrouters and mounts, against
// the spec of testdata/frameworks/openapispec.
func TestOpenAPIFrameworks(t *testing.T) {
	t.Parallel()
	frameworksOpenAPISuite.run(t, t, "./openapichi", "./openapigorilla", "./openapigin", "./openapiecho", "./openapifiber")
}
