// Package config is errcontract's configuration: the settings that flags and
// golangci-lint give, the errcontract.yaml file found upward from each
// package's directory, and their merge into the form the rules use. Settings
// override the file; the file overrides the defaults.
package config

import (
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/errcontract/errcontract/internal/contract"
)

// The rules, each reported as the Category of its diagnostics.
const (
	RawHTTPError           = "raw-http-error"
	UndocumentedStatus     = "undocumented-status"
	ErrorLeak              = "error-leak"
	MissingReturn          = "missing-return"
	UnusedDocumentedStatus = "unused-documented-status"
	OpenAPIRoute           = "openapi-route"
	SuperfluousWrite       = "superfluous-write"
)

// Rules returns the rules in the order the documentation presents them.
func Rules() []string {
	return []string{RawHTTPError, UndocumentedStatus, ErrorLeak, MissingReturn, SuperfluousWrite, UnusedDocumentedStatus, OpenAPIRoute}
}

// OffByDefault returns the rules that run only when enabled.
func OffByDefault() []string { return []string{UnusedDocumentedStatus} }

// DefaultConstructors is the import path of the canonical error package that
// fixes use when the linted package imports none of its own.
const DefaultConstructors = "github.com/errcontract/errcontract/apierror"

// Config is errcontract's settings: the same struct is filled by the
// command-line flags, by go vet, and by the golangci-lint plugin settings.
// A zero field is unset: its value comes from errcontract.yaml, else the
// default. A set field overrides the file.
type Config struct {
	// Contract is the preset whose documented statuses are checked.
	Contract string `json:"contract"`
	// Statuses, if set, replaces the contract's documented statuses.
	Statuses []int `json:"statuses"`
	// Disable lists rules that are not reported.
	Disable []string `json:"disable"`
	// Enable lists rules that are off by default and are to be reported:
	// unused-documented-status.
	Enable []string `json:"enable"`
	// Constructors is the import path of the canonical error package that
	// fixes use when the linted package imports none.
	Constructors string `json:"constructors"`
	// Tests, if set, says whether findings in _test.go files are reported.
	Tests *bool `json:"tests"`
	// File, if set, is the errcontract.yaml to use for every package,
	// instead of the one found upward from each package's directory.
	File string `json:"config"`
}

// Default returns the settings used when nothing is set: the contract and
// the rest come from errcontract.yaml if there is one, and apierror is the
// canonical package.
func Default() Config {
	return Config{Constructors: DefaultConstructors}
}

// Validate reports the first invalid value of c, naming the valid ones.
func (c Config) Validate() error {
	_, err := Resolve(c, nil)
	return err
}

// Resolved is a validated configuration in the form the rules use: the
// settings merged over a file, merged over the defaults.
type Resolved struct {
	Contract     string           // what messages call the contract: "the contentful contract"
	Documented   contract.Set     // the statuses the contract documents
	Codes        map[int][]string // the error codes documented per status; none for a status means any
	Format       string           // the body format, or "" if the contract names none
	Disabled     map[string]bool
	Constructors string
	Tests        bool  // findings in _test.go files are reported
	File         *File // the file merged in, or nil
}

// Resolve merges c over f (which may be nil) and the defaults, and
// validates the result.
func Resolve(c Config, f *File) (*Resolved, error) {
	r := &Resolved{Disabled: make(map[string]bool), Constructors: c.Constructors, File: f}
	if r.Constructors == "" {
		r.Constructors = DefaultConstructors
	}
	if err := r.setContract(c, f); err != nil {
		return nil, err
	}
	enable, disable := c.Enable, c.Disable
	if f != nil {
		if enable == nil {
			enable = f.Enable
		}
		if disable == nil {
			disable = f.Disable
		}
		if f.Tests != nil {
			r.Tests = *f.Tests
		}
	}
	if c.Tests != nil {
		r.Tests = *c.Tests
	}
	for _, rule := range OffByDefault() {
		r.Disabled[rule] = !slices.Contains(enable, rule)
	}
	for _, rule := range enable {
		if err := CheckRule(rule); err != nil {
			return nil, err
		}
	}
	for _, rule := range disable {
		if err := CheckRule(rule); err != nil {
			return nil, err
		}
		r.Disabled[rule] = true
	}
	return r, nil
}

// setContract sets the contract: a preset named by c, else the file's
// contract, else the default preset; then c's statuses, if any, replace the
// documented ones.
func (r *Resolved) setContract(c Config, f *File) error {
	var fc *Contract
	if f != nil {
		fc = f.Contract
	}
	switch {
	case c.Contract != "" || fc == nil || fc.Preset != "":
		name := c.Contract
		if name == "" && fc != nil {
			name = fc.Preset
		}
		if name == "" {
			name = contract.Default
		}
		p, err := LookupPreset(name)
		if err != nil {
			return err
		}
		r.Contract = "the " + p.Name + " contract"
		r.Documented = contract.NewSet(p.Codes())
		r.Format = p.Name
		r.Codes = make(map[int][]string)
		for _, s := range p.Statuses {
			if len(s.ErrorCodes) > 0 {
				r.Codes[s.Code] = s.ErrorCodes
			}
		}
	default:
		r.Contract = "the " + FileName + " contract"
		r.Documented = contract.NewSet(fc.Statuses)
		r.Format = fc.Format
		r.Codes = fc.Codes
	}
	if len(c.Statuses) > 0 {
		for _, code := range c.Statuses {
			if err := CheckStatus(code); err != nil {
				return err
			}
		}
		// Statuses of another API than the contract's: its codes do
		// not apply either.
		r.Contract = "the configured statuses"
		r.Documented = contract.NewSet(c.Statuses)
		r.Codes = nil
	}
	return nil
}

// LookupPreset returns the preset with the given name, or an error naming
// the presets.
func LookupPreset(name string) (*contract.Preset, error) {
	p, ok := contract.Lookup(name)
	if !ok {
		return nil, fmt.Errorf("unknown contract %q (valid: %s)", name, strings.Join(contract.Names(), ", "))
	}
	return p, nil
}

// CheckStatus reports whether code is an HTTP status.
func CheckStatus(code int) error {
	if code < 100 || code > 599 {
		return fmt.Errorf("status %d is out of range (valid: 100 to 599)", code)
	}
	return nil
}

// CheckRule reports whether name is a rule.
func CheckRule(name string) error {
	if !slices.Contains(Rules(), name) {
		return fmt.Errorf("unknown rule %q (valid: %s)", name, strings.Join(Rules(), ", "))
	}
	return nil
}

// BindFlags registers the flags of c on fs. Each flag checks its value when
// it is set, so a bad value is a usage error of the driver.
func (c *Config) BindFlags(fs *flag.FlagSet) {
	fs.Func("contract", "API error contract to check: "+strings.Join(contract.Names(), ", ")+" (default: errcontract.yaml's, else "+contract.Default+")", func(v string) error {
		if _, err := LookupPreset(v); err != nil {
			return err
		}
		c.Contract = v
		return nil
	})
	fs.Func("statuses", "comma-separated documented statuses, replacing the contract's (e.g. 200,400,404,500)", func(v string) error {
		codes, err := parseStatusList(v)
		if err == nil {
			c.Statuses = codes
		}
		return err
	})
	fs.Func("disable", "comma-separated rules not to report: "+strings.Join(Rules(), ", "), func(v string) error {
		names, err := parseRuleList(v)
		if err == nil {
			c.Disable = names
		}
		return err
	})
	fs.Func("enable", "comma-separated rules, off by default, to report: "+strings.Join(OffByDefault(), ", "), func(v string) error {
		names, err := parseRuleList(v)
		if err == nil {
			c.Enable = names
		}
		return err
	})
	fs.StringVar(&c.Constructors, "constructors", c.Constructors, "import path of the canonical error package: fixes use it when a package imports none of its own, and its constructor directives are not checked against the contract")
	fs.StringVar(&c.File, "config", c.File, "the "+FileName+" to use for every package (default: the one found upward from each package's directory)")
}

// parseStatusList parses a comma-separated list of HTTP statuses.
func parseStatusList(v string) ([]int, error) {
	var codes []int
	for field := range strings.SplitSeq(v, ",") {
		field = strings.TrimSpace(field)
		if field == "" {
			continue
		}
		code, err := strconv.Atoi(field)
		if err != nil {
			return nil, fmt.Errorf("status %q is not a number (valid: 100 to 599)", field)
		}
		if err := CheckStatus(code); err != nil {
			return nil, err
		}
		codes = append(codes, code)
	}
	if len(codes) == 0 {
		return nil, fmt.Errorf("no statuses in %q (want a comma-separated list such as 200,400,404,500)", v)
	}
	return codes, nil
}

// parseRuleList parses a comma-separated list of rule names.
func parseRuleList(v string) ([]string, error) {
	var names []string
	for field := range strings.SplitSeq(v, ",") {
		field = strings.TrimSpace(field)
		if field == "" {
			continue
		}
		if err := CheckRule(field); err != nil {
			return nil, err
		}
		names = append(names, field)
	}
	return names, nil
}
