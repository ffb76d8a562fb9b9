// Package badinputdirectives has the malformed and misplaced directives
// that the directives package lacks.
package badinputdirectives

import "net/http"

//errcontract:public extra // want `^malformed directive: unexpected "extra" after errcontract:public$`
type withArgs struct{}

func (withArgs) Error() string { return "with args" }

//errcontract:writer // want `^malformed directive: errcontract:writer belongs on a function, not on a type$`
type writerType struct{}

//errcontract:constructor 99999999999999999999 // want `^malformed directive: constructor status "99999999999999999999" is not a number$`
func overflow() error { return nil }

//errcontract:constructor 404 NotFound Error Extra // want `^malformed directive: unexpected "Error Extra" after the status and code$`
func manyWords() error { return nil }

//errcontract:public // want `^malformed directive: errcontract:public must be in the doc comment of a type$`
type (
	first  struct{}
	second struct{}
)

func loose(w http.ResponseWriter) {
	//errcontract:public // want `^malformed directive: errcontract:public must be in the doc comment of a type$`
	//errcontract: // want `^malformed directive: unknown directive errcontract: \(valid: constructor, writer, public, statuses, ignore\)$`
	//errcontract:ignore raw-http-error,,error-leak -- an empty rule name // want `^malformed directive: unknown rule "" \(valid: raw-http-error, undocumented-status, error-leak, missing-return, superfluous-write, unused-documented-status\)$`
	//errcontract:ignore -- no rules // want `^malformed directive: errcontract:ignore needs one comma-separated list of rules before --$`
	//errcontract:ignore raw-http-error error-leak -- two lists // want `^malformed directive: errcontract:ignore needs one comma-separated list of rules before --$`
	http.Error(w, "loose", http.StatusBadRequest) // want `^http.Error bypasses`
}
