package directives

import (
	"errors"
	"net/http"
)

//errcontract:constructor // want `^malformed directive: errcontract:constructor needs a status`
func noStatus() error { return nil }

//errcontract:constructor abc // want `^malformed directive: constructor status "abc" is not a number$`
func badStatus() error { return nil }

//errcontract:constructor 200 OK // want `^malformed directive: constructor status 200 is not an error status \(valid: 400 to 599\)$`
func successStatus() error { return nil }

//errcontract:constructor 404 Not Found // want `^malformed directive: unexpected "Found" after the status and code$`
func extraWords() error { return nil }

//errcontract:constructor 404 {code} // want `^malformed directive: error code "\{code\}" is not an identifier$`
func badCode() error { return nil }

//errcontract:constructor 404 // want `^malformed directive: noResult returns nothing`
func noResult() {}

//errcontract:writer now // want `^malformed directive: unexpected "now" after errcontract:writer$`
func writerArgs(w http.ResponseWriter) {}

//errcontract:public // want `^malformed directive: errcontract:public belongs on an error type, not on a function$`
func publicFunc() {}

//errcontract:constructor 404 // want `^malformed directive: errcontract:constructor belongs on a function, not on a type$`
type ctorType struct{}

//errcontract:frobnicate // want `^malformed directive: unknown directive errcontract:frobnicate \(valid: constructor, writer, public, statuses, ignore\)$`
func unknownVerb() {}

func misplaced(w http.ResponseWriter) {
	//errcontract:writer // want `^malformed directive: errcontract:writer must be in the doc comment of a function$`
	w.WriteHeader(http.StatusOK)
}

func ignored(w http.ResponseWriter, r *http.Request) {
	//errcontract:ignore raw-http-error -- a legacy endpoint keeps its plain-text errors
	http.Error(w, "legacy", http.StatusBadRequest)

	http.NotFound(w, r) //errcontract:ignore raw-http-error -- same line

	//errcontract:ignore raw-http-error,error-leak -- both rules on one line
	http.Error(w, errors.New("x").Error(), http.StatusBadRequest)

	//errcontract:ignore error-leak -- the wrong rule does not suppress // want `^errcontract:ignore suppresses no error-leak finding$`
	http.Error(w, "plain", http.StatusBadRequest) // want `^http.Error bypasses`
}

func ignoreProblems(w http.ResponseWriter) { // want ignoreProblems:`summary\(statuses=400 writes-error\)`
	//errcontract:ignore raw-http-error // want `^malformed directive: errcontract:ignore needs a reason`
	http.Error(w, "a", http.StatusBadRequest) // want `^http.Error bypasses`

	//errcontract:ignore raw-http-error --   // want `^malformed directive: errcontract:ignore needs a reason`
	http.Error(w, "b", http.StatusBadRequest) // want `^http.Error bypasses`

	//errcontract:ignore no-such-rule -- because // want `^malformed directive: unknown rule "no-such-rule" \(valid: raw-http-error, undocumented-status, error-leak, missing-return, superfluous-write, unused-documented-status\)$`
	http.Error(w, "c", http.StatusBadRequest) // want `^http.Error bypasses`

	//errcontract:ignore undocumented-status -- nothing here // want `^errcontract:ignore suppresses no undocumented-status finding$`
	w.WriteHeader(http.StatusOK)
}
