// Package analyzer defines errcontract, an Analyzer that holds HTTP handlers
// to their API's documented error contract.
//
// # Analyzer errcontract
//
// errcontract: check that HTTP handlers write errors as the API contract documents them
//
// An API's error documentation is a contract: the statuses it may return,
// the error codes of each, and the shape of an error body. errcontract
// checks handler code against it. It reports, each as its own rule (the
// Category of the diagnostic):
//
// raw-http-error: an error response written outside the canonical error
// constructors: http.Error, http.NotFound, or WriteHeader with a status of
// 400 or more followed by a hand-written body. The bodies of canonical
// writers and constructors are exempt.
//
// undocumented-status: a status written to a response (by WriteHeader,
// http.Error, http.Redirect, http.NotFound or a canonical constructor) that
// the contract does not document. Statuses are followed as constants,
// named constants, and values assigned to local variables on any branch;
// a status that cannot be resolved is not reported. A status class the
// contract documents nothing of (Contentful documents no 2xx) is not
// checked. A constructor directive with an undocumented status is reported
// too, except in the configured canonical package, which serves every
// contract. Where the contract documents error codes for a status, so is a
// constructor whose code is not among them, and a constant code in a
// hand-written JSON body written with a constant status (sys.id under
// contentful, error.code or code under management, errors[].code under a
// team's jsonapi contract) that is not among the status's codes.
//
// error-leak: error text reaching a response body: the text of err.Error(),
// of an error formatted by fmt (%v, %s, %q, ...), of recover() values and
// of stack traces, followed through locals, concatenation, fmt, strings,
// JSON and composite literals, into Write, io.WriteString, fmt.Fprint*,
// io.Copy, JSON and XML encoders, templates, http.Error's message, and the
// string parameters of canonical constructors. Text that only reaches logs
// is fine, and so is the Error text of types marked //errcontract:public.
//
// missing-return: a handler that goes on after writing an error response
// (http.Error, http.NotFound, WriteHeader of an error status, a canonical
// writer, a helper that always writes one or writes the error status it
// is passed, a framework's error write, through gin, echo and fiber
// helpers too): reported at a later write to the same response, and at
// the error write when control falls out of its branch into the
// handler's work. Logging, defer and return after the write are fine,
// and so is cleanup in a branch that tests a flag the error's branch
// set; a call that never returns (panic, os.Exit, log.Fatal, a function
// of any package that always ends in one) ends the path; continue and
// goto move on to other work, but a later write to the same response is
// still reported; dead code and else branches are not "after".
//
// superfluous-write: a header written after the response's header was
// already written, and a header changed after the response was committed,
// on the same response writer on some path of the function: WriteHeader
// (and http.Error, http.Redirect, http.ServeContent, http.ServeFile, a
// canonical writer or a helper that writes a status) after a WriteHeader
// or a body write (Write, fmt.Fprint*, io.WriteString, io.Copy, encoders,
// templates, a helper that writes its argument, Flush), and
// w.Header().Set, Add or Del, w.Header()["K"] = v or delete(w.Header(),
// "K") of a constant key after one. A write in a branch that may not run
// is enough: the rule reports what may happen. Trailers (keys declared in
// the "Trailer" header, or with the http.TrailerPrefix prefix), 1xx
// statuses, writes in exclusive branches, and writers with their own
// WriteHeader or Write are fine; a path follows only the branches that the
// bool flags and fields and the integer comparisons it set or tested let
// run. With missing-return on, what follows an error response that lacks
// its return is missing-return's finding alone.
//
// Per-handler contracts: a handler whose doc comment documents its own
// statuses, with swag annotations (@Success, @Failure, @Response) or an
// //errcontract:statuses directive, is checked against them instead of the
// API-wide contract, and a status it documents that the API contract does
// not is reported at the annotation.
//
// unused-documented-status: a status a handler documents that none of its
// writes produces, reported only when every status it writes resolved to a
// constant. It is off by default: -enable=unused-documented-status. With
// an OpenAPI spec, it also reports an operation of the spec that no route
// of a package registering routes serves, at the operation in the spec.
//
// openapi-route: a route the code registers that the OpenAPI spec named by
// errcontract.yaml's openapi key does not have: no path of the spec, under
// its base path, matches the route's path with its method. Reported at the
// registration. A handler whose route is in the spec is checked against
// its operation's responses instead of the API-wide contract, by
// undocumented-status.
//
// The contract is a preset, chosen with -contract: contensis, contentful
// (the default), jsonapi, management or problem. Its statuses can be
// replaced with -statuses. Rules are turned off with -disable.
//
// Directives declare a code base's own canonical error package; they
// become facts, so they work across packages:
//
//	//errcontract:constructor 404 NotFoundError   on a function: a constructor of a 404 error
//	//errcontract:writer                          on a function: a writer of error responses
//	//errcontract:public                          on an error type: its Error text is safe for clients
//	//errcontract:ignore error-leak -- reason     suppresses a finding on this line or the next
//
// directive: a malformed or misplaced errcontract directive, and an
// ignore that suppresses nothing. An ignore needs a reason. These findings
// are errcontract's own hygiene, not a rule: -disable does not turn them off.
package analyzer
