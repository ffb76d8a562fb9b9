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
	analysistest.Run(t, testdata(t), only(ruleUndocumentedStatus), "openapimux")
}
