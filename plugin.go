// Package errcontract is errcontract's golangci-lint module plugin. A blank
// import of it registers the linter "errcontract" with golangci-lint v2; its
// settings are the fields of [analyzer.Config]:
//
//	linters:
//	  settings:
//	    custom:
//	      errcontract:
//	        type: module
//	        settings:
//	          contract: jsonapi
//	          disable: [raw-http-error]
//	          config: ci/errcontract.yaml   # instead of the one found upward
//
// The settings override errcontract.yaml. New checks the file that applies
// to the working directory (or the one config names), so that a bad value
// stops the run once with its line and column: golangci-lint shows no
// diagnostics outside Go files.
//
// golangci-lint shows the linter's name as the rule of every finding, so in
// this build each message starts with its rule ("error-leak: ..."), and
// exclusion rules can match it by text.
package errcontract

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/errcontract/errcontract/analyzer"
	"github.com/errcontract/errcontract/internal/config"
)

func init() { register.Plugin("errcontract", New) }

// plugin is the errcontract linter for one golangci-lint configuration.
type plugin struct {
	cfg analyzer.Config
}

// New returns the linter for settings, the value of
// linters.settings.custom.errcontract.settings. Unknown keys and invalid
// values are errors that name the valid ones; nil settings mean the defaults.
func New(settings any) (register.LinterPlugin, error) {
	cfg, err := register.DecodeSettings[analyzer.Config](settings)
	if err != nil {
		return nil, fmt.Errorf("errcontract settings: %w (valid settings: %s)", err, strings.Join(settingNames(), ", "))
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("errcontract settings: %w", err)
	}
	if cfg.Constructors == "" {
		cfg.Constructors = analyzer.DefaultConstructors
	}
	if err := checkFile(&cfg); err != nil {
		return nil, err
	}
	return &plugin{cfg: cfg}, nil
}

// checkFile checks the errcontract.yaml that cfg names, or else the one
// found upward from the working directory, and makes a named one absolute:
// golangci-lint runs analyzers from other directories than its own.
func checkFile(cfg *analyzer.Config) error {
	wd, err := os.Getwd()
	if err != nil {
		return fmt.Errorf("errcontract settings: %w", err)
	}
	path := cfg.File
	switch {
	case path != "" && !filepath.IsAbs(path):
		path = filepath.Join(wd, path)
		cfg.File = path
	case path == "":
		path = config.Find(wd)
	}
	if path == "" {
		return nil
	}
	name := path
	if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
		name = rel
	}
	if _, problems := config.Load(path, name); problems != nil {
		return fmt.Errorf("errcontract: invalid %s:\n%w", name, problems)
	}
	return nil
}

// BuildAnalyzers returns a new analyzer for the plugin's configuration each
// time, so that nothing is shared between golangci-lint runs.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{withRuleInMessages(analyzer.New(p.cfg))}, nil
}

// GetLoadMode asks for type information: every rule matches by type.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// withRuleInMessages returns a copy of a whose diagnostics' messages start
// with their rule, "RULE: message". golangci-lint drops Diagnostic.Category
// and reports the linter's name instead (the text output's "(errcontract)",
// SARIF's ruleId), so the message is the only place left for the rule.
// golangci-lint also shows each related position as an entry of its own,
// "errcontract(related information): message": those messages get the rule
// too, so that one exclusion rule can match a finding and its related
// entries. a itself is left as it is.
func withRuleInMessages(a *analysis.Analyzer) *analysis.Analyzer {
	run := a.Run
	wrapped := *a
	wrapped.Run = func(pass *analysis.Pass) (any, error) {
		// pass belongs to the driver: report through a copy, whose Reportf
		// and ReportRangef also go through the new Report.
		prefixed := *pass
		prefixed.Report = func(d analysis.Diagnostic) {
			if d.Category != "" {
				prefix := d.Category + ": "
				d.Message = prefix + d.Message
				d.Related = slices.Clone(d.Related) // the analyzer's, not ours to change
				for i := range d.Related {
					d.Related[i].Message = prefix + d.Related[i].Message
				}
			}
			pass.Report(d)
		}
		return run(&prefixed)
	}
	return &wrapped
}

// settingNames returns the keys the settings accept: the JSON names of
// analyzer.Config's fields.
func settingNames() []string {
	t := reflect.TypeFor[analyzer.Config]()
	var names []string
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.IsExported() && name != "-" {
			if name == "" {
				name = f.Name
			}
			names = append(names, name)
		}
	}
	return names
}
