package analyzer

import (
	"testing"

	"golang.org/x/tools/go/analysis"
)

// plumbingSuite runs the rules about what a handler writes over the
// ordinary Go plumbing that carries error text and statuses to a write.
var plumbingSuite = &suite{
	analyzer: func() *analysis.Analyzer {
		return only(ruleUndocumentedStatus, ruleErrorLeak)
	},
	pkgs: []string{"jsonencoders", "plumbingrest"},
}

// TestJSONEncoders checks error text encoded by the JSON packages of the
// model's JSON table, through Marshal and through an Encoder made for the
// response, and encodings that carry none.
func TestJSONEncoders(t *testing.T) {
	t.Parallel()
	plumbingSuite.run(t, t, "jsonencoders")
}

// TestPlumbing checks error text carried to a write by wrapped and joined
// errors, generic and variadic helpers, embedded types and helpers that
// return a status with a message, next to the same plumbing carrying text
// of the handler's own.
func TestPlumbing(t *testing.T) {
	t.Parallel()
	plumbingSuite.run(t, t, "plumbingrest")
}
