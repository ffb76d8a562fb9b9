package analyzer

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
	ruleRawHTTPError       = "raw-http-error"
	ruleUndocumentedStatus = "undocumented-status"
	ruleErrorLeak          = "error-leak"
	ruleMissingReturn      = "missing-return"

	ruleUnusedDocumentedStatus = "unused-documented-status"
)

// categoryDirective is the Category of reports about errcontract's own
// directives: malformed ones and ignores that suppress nothing. It is not a
// rule and cannot be disabled, since a broken directive silently weakens
// every rule.
const categoryDirective = "directive"

// rules lists the rules in the order the documentation presents them.
var rules = []string{ruleRawHTTPError, ruleUndocumentedStatus, ruleErrorLeak, ruleMissingReturn, ruleUnusedDocumentedStatus}

// offByDefault are the rules that run only when enabled.
var offByDefault = []string{ruleUnusedDocumentedStatus}

// DefaultConstructors is the import path of the canonical error package that
// fixes use when the linted package imports none of its own.
const DefaultConstructors = "github.com/errcontract/errcontract/apierror"

// Config is errcontract's configuration: the same struct is filled by the
// command-line flags, by go vet, and by the golangci-lint plugin settings.
type Config struct {
	// Contract is the preset whose documented statuses are checked.
	Contract string `json:"contract"`
	// Statuses, if set, replaces the preset's documented statuses.
	Statuses []int `json:"statuses"`
	// Disable lists rules that are not reported.
	Disable []string `json:"disable"`
	// Enable lists rules that are off by default and are to be reported:
	// unused-documented-status.
	Enable []string `json:"enable"`
	// Constructors is the import path of the canonical error package that
	// fixes use when the linted package imports none.
	Constructors string `json:"constructors"`
}

// DefaultConfig returns the configuration used when nothing is set: the
// contentful contract, every rule, and apierror as the canonical package.
func DefaultConfig() Config {
	return Config{Contract: contract.Default, Constructors: DefaultConstructors}
}

// Validate reports the first invalid value of c, naming the valid ones.
func (c Config) Validate() error {
	_, err := c.resolve()
	return err
}

// settings is a validated Config in the form the rules use.
type settings struct {
	contract     string       // what messages call the contract
	documented   contract.Set // the statuses the contract documents
	disabled     map[string]bool
	constructors string
}

func (c Config) resolve() (*settings, error) {
	name := c.Contract
	if name == "" {
		name = contract.Default
	}
	preset, err := lookupPreset(name)
	if err != nil {
		return nil, err
	}
	s := &settings{
		contract:     "the " + preset.Name + " contract",
		documented:   contract.NewSet(preset.Codes()),
		disabled:     make(map[string]bool),
		constructors: c.Constructors,
	}
	if len(c.Statuses) > 0 {
		for _, code := range c.Statuses {
			if err := checkStatus(code); err != nil {
				return nil, err
			}
		}
		s.contract = "the configured statuses"
		s.documented = contract.NewSet(c.Statuses)
	}
	for _, rule := range offByDefault {
		s.disabled[rule] = !slices.Contains(c.Enable, rule)
	}
	for _, rule := range c.Enable {
		if err := checkRule(rule); err != nil {
			return nil, err
		}
	}
	for _, rule := range c.Disable {
		if err := checkRule(rule); err != nil {
			return nil, err
		}
		s.disabled[rule] = true
	}
	if s.constructors == "" {
		s.constructors = DefaultConstructors
	}
	return s, nil
}

func lookupPreset(name string) (*contract.Preset, error) {
	p, ok := contract.Lookup(name)
	if !ok {
		return nil, fmt.Errorf("unknown contract %q (valid: %s)", name, strings.Join(contract.Names(), ", "))
	}
	return p, nil
}

func checkStatus(code int) error {
	if code < 100 || code > 599 {
		return fmt.Errorf("status %d is out of range (valid: 100 to 599)", code)
	}
	return nil
}

func checkRule(name string) error {
	if !slices.Contains(rules, name) {
		return fmt.Errorf("unknown rule %q (valid: %s)", name, strings.Join(rules, ", "))
	}
	return nil
}

// bindFlags registers the flags of c on fs. Each flag checks its value when
// it is set, so a bad value is a usage error of the driver.
func (c *Config) bindFlags(fs *flag.FlagSet) {
	fs.Func("contract", "API error contract to check: "+strings.Join(contract.Names(), ", ")+" (default "+contract.Default+")", func(v string) error {
		if _, err := lookupPreset(v); err != nil {
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
	fs.Func("disable", "comma-separated rules not to report: "+strings.Join(rules, ", "), func(v string) error {
		names, err := parseRuleList(v)
		if err == nil {
			c.Disable = names
		}
		return err
	})
	fs.Func("enable", "comma-separated rules, off by default, to report: "+strings.Join(offByDefault, ", "), func(v string) error {
		names, err := parseRuleList(v)
		if err == nil {
			c.Enable = names
		}
		return err
	})
	fs.StringVar(&c.Constructors, "constructors", c.Constructors, "import path of the canonical error package used by fixes")
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
		if err := checkStatus(code); err != nil {
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
		if err := checkRule(field); err != nil {
			return nil, err
		}
		names = append(names, field)
	}
	return names, nil
}
