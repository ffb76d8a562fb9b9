// Package apierror holds the canonical error constructors and the error
// writer of errcontract: a runtime package that HTTP services import so that
// every error response follows their API's documented error contract.
//
// # Usage
//
// A handler makes an *Error with a constructor named for what went wrong and
// writes it with Write:
//
//	item, err := store.Get(r.Context(), id)
//	if errors.Is(err, store.ErrNotFound) {
//		apierror.Write(w, r, apierror.NotFound("no such item"))
//		return
//	}
//	if err != nil {
//		apierror.Write(w, r, apierror.Internal(err))
//		return
//	}
//
// Constructors take a client-safe message, which is rendered to clients. A
// cause, which stays server-side, is attached with WithCause: Unwrap returns
// it, Write logs it, and no body ever contains it. So
//
//	http.Error(w, err.Error(), http.StatusBadRequest)
//
// becomes
//
//	apierror.Write(w, r, apierror.BadRequest("invalid request body").WithCause(err))
//
// Internal(cause) stands for an unexpected failure: the client sees a
// generic message and a log ID, and the log gets the cause with that ID.
// Write treats any error that holds no *Error (found as errors.As finds one)
// as Internal(err), so plain error text never reaches a client either.
//
// Structured details are added with WithFields (field errors), WithPointer
// (a JSON Pointer to the source of the error), WithMeta (free-form members),
// WithTitle, WithCode, WithRetryAfter and WithAllow. Each returns a copy.
//
// # Formats
//
// Write renders the body of one of the linter's presets, with the members,
// member order and codes of its document:
//
//	contensis   {"logId": GUID, "message", "data", "type": "error"}
//	contentful  {"sys": {"type": "Error", "id": CODE}, "message", "details"}
//	jsonapi     {"errors": [{"status", "title", "detail", "source": {"pointer"}, "meta"}]}
//	            as application/vnd.api+json
//	management  {"error": {"code": snake_code, "message", "details", "retry_after", "log_id"}}
//	problem     {"type", "title", "status", "detail", "instance", extensions...}
//	            as application/problem+json (RFC 9457)
//
// The code of an error comes from the preset's table for its status: the one
// chosen with WithCode, if the preset documents it; else the one that names
// what its constructor names (NotFound renders NotFoundError under
// contentful, not_found under management); else the first. The jsonapi format renders every *Error of an
// errors.Join, one error object each; the others render the first.
//
// Details go where each document has room for them: contensis data,
// contentful details, management details and problem extension members hold
// the WithMeta members, the field errors under "errors" and the pointer
// under "pointer"; jsonapi shows the pointer as source.pointer, each field
// error as an error object of its own and the meta as meta. Contensis shows
// the log ID in every body; the others show it in server errors, as "logId"
// (management: "log_id").
//
// Every response carries X-Content-Type-Options: nosniff, and Retry-After
// and Allow where the error sets them.
//
// # Choosing the format
//
// The format is chosen once, at start-up, before serving:
//
//	if err := apierror.SetFormat(apierror.Format(cfg.ErrorFormat)); err != nil {
//		log.Fatal(err) // names the valid formats
//	}
//
// Contentful, the linter's default preset, is the default. A service that
// serves APIs with different contracts uses a Writer per API instead:
//
//	var partnerErrors = apierror.Writer{Format: apierror.JSONAPI}
//	partnerErrors.Write(w, r, apierror.Conflict("the item already exists"))
//
// Both are safe for concurrent use. The default format is the package's
// only mutable state: an atomic pointer to an immutable description of the
// format, so a Write never takes a lock and never sees half of a change. A
// Writer is a plain value, and an *Error never changes after it is made.
//
// # Your own error package
//
// The linter knows this package by its directives, not by its import path,
// so a team with its own error package marks it the same way and the linter
// treats it as canonical:
//
//	// NotFound reports a missing resource.
//	//
//	//errcontract:constructor 404 NotFoundError
//	func NotFound(msg string) *Error { ... }
//
//	// Write writes err as the API's error body.
//	//
//	//errcontract:writer
//	func Write(w http.ResponseWriter, r *http.Request, err error) { ... }
//
//	// ValidationError's Error text is safe to show clients.
//	//
//	//errcontract:public
//	type ValidationError struct{ ... }
//
// A directive is a line of the declaration's doc comment with no space after
// the slashes, like //go:noinline. A constructor names its status and one
// error code; its string parameters are rendered to clients, its error
// parameters are kept server-side. Bodies of constructors and writers may
// write error responses by hand. A public type promises that its Error
// method returns only text fit for clients, as Error's does here.
package apierror
