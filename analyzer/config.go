package analyzer

import (
	"github.com/errcontract/errcontract/internal/config"
	"github.com/errcontract/errcontract/internal/contract"
)

// The rules, each reported as the Category of its diagnostics.
const (
	ruleRawHTTPError       = config.RawHTTPError
	ruleUndocumentedStatus = config.UndocumentedStatus
	ruleErrorLeak          = config.ErrorLeak
	ruleMissingReturn      = config.MissingReturn
	ruleSuperfluousWrite   = config.SuperfluousWrite

	ruleUnusedDocumentedStatus = config.UnusedDocumentedStatus
	ruleOpenAPIRoute           = config.OpenAPIRoute
)

// categoryDirective is the Category of reports about errcontract's own
// directives: malformed ones and ignores that suppress nothing. It is not a
// rule and cannot be disabled, since a broken directive silently weakens
// every rule.
const categoryDirective = "directive"

// categoryConfig is the Category of reports about errcontract.yaml, and of
// its entries that name nothing in their package. Like a directive's, a
// problem of the file cannot be disabled.
const categoryConfig = "config"

// rules lists the rules in the order the documentation presents them.
var rules = config.Rules()

// DefaultConstructors is the import path of the canonical error package that
// fixes use when the linted package imports none of its own.
const DefaultConstructors = config.DefaultConstructors

// Config is errcontract's configuration: the same struct is filled by the
// command-line flags, by go vet, and by the golangci-lint plugin settings.
// Its set fields override errcontract.yaml.
type Config = config.Config

// DefaultConfig returns the configuration used when nothing is set: the
// contract of errcontract.yaml, else contentful; every rule on by default;
// and apierror as the canonical package.
func DefaultConfig() Config { return config.Default() }

// settings is a validated Config, merged over errcontract.yaml, in the form
// the rules use.
type settings struct {
	contract     string           // what messages call the contract
	documented   contract.Set     // the statuses the contract documents
	codes        map[int][]string // the error codes it documents per status
	format       string           // its body format, or ""
	disabled     map[string]bool
	constructors string
	tests        bool         // report findings in _test.go files
	file         *config.File // errcontract.yaml, or nil
	entries      entries      // the file's writers, constructors and public types
}

// resolve merges cfg over f, which may be nil.
func resolve(cfg Config, f *config.File) (*settings, error) {
	r, err := config.Resolve(cfg, f)
	if err != nil {
		return nil, err
	}
	return &settings{
		contract:     r.Contract,
		documented:   r.Documented,
		codes:        r.Codes,
		format:       r.Format,
		disabled:     r.Disabled,
		constructors: r.Constructors,
		tests:        r.Tests,
		file:         f,
		entries:      newEntries(f),
	}, nil
}

func checkStatus(code int) error { return config.CheckStatus(code) }

func checkRule(name string) error { return config.CheckRule(name) }
