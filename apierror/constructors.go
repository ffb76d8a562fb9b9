package apierror

import "net/http"

// The constructors below cover every error status that some preset
// documents. Each takes a client-safe message, which is rendered to clients;
// a cause, which is kept server-side, is added with WithCause, so that
//
//	http.Error(w, err.Error(), http.StatusBadRequest)
//
// becomes
//
//	apierror.Write(w, r, apierror.BadRequest("invalid request body").WithCause(err))
//
// The directive on each names its status and its code: the Contentful code
// where Contentful documents the status, a descriptive one otherwise. The
// code a format renders comes from its own preset's table.

// BadRequest reports a request that is malformed or misses a required
// parameter.
//
//errcontract:constructor 400 BadRequestError
func BadRequest(msg string) *Error {
	return newError(http.StatusBadRequest, "BadRequest", msg)
}

// InvalidQuery reports invalid or unknown query parameters.
//
//errcontract:constructor 400 InvalidQueryError
func InvalidQuery(msg string) *Error {
	return newError(http.StatusBadRequest, "InvalidQuery", msg)
}

// Unauthorized reports missing or invalid credentials.
//
//errcontract:constructor 401 AccessTokenInvalidError
func Unauthorized(msg string) *Error {
	return newError(http.StatusUnauthorized, "Unauthorized", msg)
}

// Forbidden reports an authenticated client that may not do what it asked.
//
//errcontract:constructor 403 AccessDeniedError
func Forbidden(msg string) *Error {
	return newError(http.StatusForbidden, "Forbidden", msg)
}

// NotFound reports that the requested resource or endpoint does not exist.
//
//errcontract:constructor 404 NotFoundError
func NotFound(msg string) *Error {
	return newError(http.StatusNotFound, "NotFound", msg)
}

// MethodNotAllowed reports a method the target resource does not support.
// Add the supported ones with WithAllow.
//
//errcontract:constructor 405 MethodNotAllowedError
func MethodNotAllowed(msg string) *Error {
	return newError(http.StatusMethodNotAllowed, "MethodNotAllowed", msg)
}

// Conflict reports a conflict with the current state of the resource: an
// outdated version, a duplicate name. Contentful documents 409 only as a
// version mismatch; under management, WithCode("duplicate_name") picks its
// other 409 code.
//
//errcontract:constructor 409 VersionMismatchError
func Conflict(msg string) *Error {
	return newError(http.StatusConflict, "Conflict", msg)
}

// UnsupportedMediaType reports a request body of a media type the endpoint
// does not accept.
//
//errcontract:constructor 415 UnsupportedMediaTypeError
func UnsupportedMediaType(msg string) *Error {
	return newError(http.StatusUnsupportedMediaType, "UnsupportedMediaType", msg)
}

// ValidationFailed reports a well-formed request whose content breaks the
// rules. Add the failures with WithFields or WithPointer.
//
//errcontract:constructor 422 ValidationFailedError
func ValidationFailed(msg string) *Error {
	return newError(http.StatusUnprocessableEntity, "ValidationFailed", msg)
}

// InvalidEntry reports an entered value that is invalid.
//
//errcontract:constructor 422 InvalidEntryError
func InvalidEntry(msg string) *Error {
	return newError(http.StatusUnprocessableEntity, "InvalidEntry", msg)
}

// RateLimited reports a client that sent too many requests. Say when to
// retry with WithRetryAfter.
//
//errcontract:constructor 429 RateLimitExceededError
func RateLimited(msg string) *Error {
	return newError(http.StatusTooManyRequests, "RateLimitExceeded", msg)
}

// internalMessage is all that clients learn of an internal error.
const internalMessage = "An internal error occurred."

// Internal reports an unexpected server-side failure. The cause stays on the
// server: when the error is written, Write logs it with log/slog together
// with a log ID, and the client sees a generic message and that log ID.
//
//errcontract:constructor 500 ServerError
func Internal(cause error) *Error {
	e := newError(http.StatusInternalServerError, "Internal", internalMessage)
	e.cause = cause
	return e
}

// BadGateway reports an upstream service that failed or is out of reach.
// Contentful documents 502 only for a hibernated space, with the code
// AccessDeniedError, so that is its code under contentful.
//
//errcontract:constructor 502 AccessDeniedError
func BadGateway(msg string) *Error {
	return newError(http.StatusBadGateway, "BadGateway", msg)
}

// Unavailable reports a service that cannot handle the request for now. Say
// when to retry with WithRetryAfter.
//
//errcontract:constructor 503 ServiceUnavailableError
func Unavailable(msg string) *Error {
	return newError(http.StatusServiceUnavailable, "ServiceUnavailable", msg)
}
