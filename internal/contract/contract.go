// Package contract holds the API error contracts that errcontract knows: the
// documented statuses of each preset, the error codes each status may carry,
// and the media type of its error bodies. The tables are transcribed from the
// public API error documents the presets are named after; the analyzer checks
// code against them and package apierror renders bodies from them.
package contract

import (
	"slices"
	"strconv"
	"strings"
)

// Default is the name of the preset used when none is configured.
const Default = "contentful"

// A Preset is one API's documented error contract.
type Preset struct {
	Name      string   // as given to -contract
	Source    string   // the document the table comes from
	MediaType string   // Content-Type of its error bodies
	Statuses  []Status // in increasing order of Code
}

// A Status is one documented HTTP status and the error codes the API
// documents for it, most general first. Success statuses have no codes.
type Status struct {
	Code       int
	ErrorCodes []string
}

var presets = []*Preset{
	{
		Name:      "contensis",
		Source:    "Contensis Management API, Errors",
		MediaType: "application/json",
		Statuses: []Status{
			{400, []string{"BadRequest"}},
			{403, []string{"AccessDenied"}},
			{404, []string{"NotFound"}},
			{500, []string{"ServerError"}},
		},
	},
	{
		Name:      "contentful",
		Source:    "Contentful, Errors",
		MediaType: "application/json",
		Statuses: []Status{
			{400, []string{"BadRequestError", "InvalidQueryError"}},
			{401, []string{"AccessTokenInvalidError"}},
			{403, []string{"AccessDeniedError"}},
			{404, []string{"NotFoundError"}},
			{409, []string{"VersionMismatchError"}},
			{422, []string{"ValidationFailedError", "InvalidEntryError"}},
			{429, []string{"RateLimitExceededError"}},
			{500, []string{"ServerError"}},
			{502, []string{"AccessDeniedError"}}, // "Hibernated"
		},
	},
	{
		// The JSON:API document names statuses and titles but no error
		// codes: an error object's identity is its status and title.
		Name:      "jsonapi",
		Source:    "JSON:API service, Error codes",
		MediaType: "application/vnd.api+json",
		Statuses: []Status{
			{200, nil}, {201, nil},
			{400, nil}, {401, nil}, {403, nil}, {404, nil}, {405, nil},
			{409, nil}, {415, nil}, {422, nil}, {500, nil},
		},
	},
	{
		// The document's status table stops at 500, but its section on
		// rate limiting documents 429 with a retry_after member; it names
		// no code for it, so the code here follows its snake_case style.
		Name:      "management",
		Source:    "Management API, Overview of errors",
		MediaType: "application/json",
		Statuses: []Status{
			{200, nil}, {201, nil},
			{400, []string{"bad_request", "validation_failed", "invalid_parameter"}},
			{401, []string{"unauthorized_client", "invalid_token", "token_expired"}},
			{403, []string{"forbidden", "access_denied"}},
			{404, []string{"not_found", "resource_not_found"}},
			{409, []string{"conflict", "duplicate_name"}},
			{429, []string{"rate_limit_exceeded"}},
			{500, []string{"internal_error", "server_error"}},
		},
	},
	{
		// RFC 9457 identifies problems by a type URI, not a code.
		Name:      "problem",
		Source:    "RFC 9457, Problem Details for HTTP APIs",
		MediaType: "application/problem+json",
		Statuses: []Status{
			{400, nil}, {401, nil}, {403, nil}, {404, nil}, {409, nil},
			{422, nil}, {429, nil}, {500, nil}, {503, nil},
		},
	},
}

// Lookup returns the preset with the given name.
func Lookup(name string) (*Preset, bool) {
	for _, p := range presets {
		if p.Name == name {
			return p, true
		}
	}
	return nil, false
}

// Names returns the preset names in a stable order.
func Names() []string {
	names := make([]string, len(presets))
	for i, p := range presets {
		names[i] = p.Name
	}
	return names
}

// Codes returns the documented statuses of p in increasing order.
func (p *Preset) Codes() []int {
	codes := make([]int, len(p.Statuses))
	for i, s := range p.Statuses {
		codes[i] = s.Code
	}
	return codes
}

// ErrorCodes returns the error codes p documents for status, or nil.
func (p *Preset) ErrorCodes(status int) []string {
	for _, s := range p.Statuses {
		if s.Code == status {
			return s.ErrorCodes
		}
	}
	return nil
}

// A Set is a set of documented statuses, checked class by class: a status is
// undocumented only if the set documents another status of its class (1xx to
// 5xx). Contentful documents no 2xx, so every 2xx is fine under it.
type Set struct {
	codes   []int // sorted, unique
	classes [6]bool
}

// NewSet returns the set of the given statuses.
func NewSet(codes []int) Set {
	s := Set{codes: slices.Clone(codes)}
	slices.Sort(s.codes)
	s.codes = slices.Compact(s.codes)
	for _, c := range s.codes {
		if class := c / 100; class >= 1 && class <= 5 {
			s.classes[class] = true
		}
	}
	return s
}

// Undocumented reports whether status is outside the set while the set
// documents some other status of the same class.
func (s Set) Undocumented(status int) bool {
	class := status / 100
	if class < 1 || class > 5 || !s.classes[class] {
		return false
	}
	_, found := slices.BinarySearch(s.codes, status)
	return !found
}

// String lists the statuses separated by spaces, in increasing order.
func (s Set) String() string {
	var b strings.Builder
	for i, c := range s.codes {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(c))
	}
	return b.String()
}
