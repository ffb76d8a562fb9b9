package analyzer

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A reporter reports the findings of the enabled rules, less those that an
// //errcontract:ignore directive suppresses, and then the directives that
// suppressed nothing.
type reporter struct {
	pass      *analysis.Pass
	cfg       *settings
	disabled  map[string]bool
	ignores   map[lineKey][]*ignore
	all       []*ignore
	skipped   map[*token.File]bool // files whose findings are not reported
	generated map[*token.File]bool
}

// lineKey identifies a line of a file.
type lineKey struct {
	file *token.File
	line int
}

func newReporter(pass *analysis.Pass, cfg *settings, ignores []*ignore) *reporter {
	r := &reporter{pass: pass, cfg: cfg, disabled: cfg.disabled, ignores: make(map[lineKey][]*ignore), all: ignores, skipped: make(map[*token.File]bool), generated: make(map[*token.File]bool)}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			r.generated[pass.Fset.File(f.FileStart)] = true
		}
	}
	for _, ig := range ignores {
		file := pass.Fset.File(ig.pos)
		line := file.Line(ig.pos)
		// An ignore covers findings on its own line and on the next.
		for _, l := range []int{line, line + 1} {
			key := lineKey{file, l}
			r.ignores[key] = append(r.ignores[key], ig)
		}
	}
	return r
}

// enabled reports whether rule is to be checked at all.
func (r *reporter) enabled(rule string) bool { return !r.disabled[rule] }

// report reports d unless its rule is disabled or an ignore covers it.
func (r *reporter) report(d analysis.Diagnostic) {
	if r.disabled[d.Category] || r.skips(d.Pos) {
		return
	}
	if ig := r.ignoreFor(d); ig != nil {
		ig.used = true
		return
	}
	if d.URL == "" {
		d.URL = "#" + d.Category
	}
	r.pass.Report(d)
}

func (r *reporter) ignoreFor(d analysis.Diagnostic) *ignore {
	if len(r.ignores) == 0 {
		return nil
	}
	file := r.pass.Fset.File(d.Pos)
	if file == nil {
		return nil
	}
	for _, ig := range r.ignores[lineKey{file, file.Line(d.Pos)}] {
		for _, rule := range ig.rules {
			if rule == d.Category {
				return ig
			}
		}
	}
	return nil
}

// reportUnusedIgnores reports each ignore that suppressed nothing, naming
// the enabled rules it was written for.
func (r *reporter) reportUnusedIgnores() {
	for _, ig := range r.all {
		if ig.used || r.skips(ig.pos) {
			continue
		}
		var enabled []string
		for _, rule := range ig.rules {
			if r.enabled(rule) {
				enabled = append(enabled, rule)
			}
		}
		if len(enabled) == 0 {
			continue // its rules did not run, so it cannot be judged
		}
		r.pass.Report(analysis.Diagnostic{
			Pos:      ig.pos,
			Category: categoryDirective,
			URL:      "#ignore",
			Message:  "errcontract:ignore suppresses no " + strings.Join(enabled, " or ") + " finding",
		})
	}
}

// skips reports whether findings in the file of pos go unreported: a
// generated file, which nobody edits by hand; a _test.go file, unless
// tests are reported (test servers are not the API); or a file that an
// exclude pattern of errcontract.yaml matches.
func (r *reporter) skips(pos token.Pos) bool {
	tf := r.pass.Fset.File(pos)
	if tf == nil {
		return false
	}
	if r.generated[tf] {
		return true
	}
	skip, ok := r.skipped[tf]
	if !ok {
		skip = r.cfg.skipsFile(tf.Name())
		r.skipped[tf] = skip
	}
	return skip
}

func (cfg *settings) skipsFile(name string) bool {
	if !cfg.tests && strings.HasSuffix(name, "_test.go") {
		return true
	}
	if cfg.file == nil || len(cfg.file.Exclude) == 0 {
		return false
	}
	rel, err := filepath.Rel(cfg.file.Dir(), name)
	if err != nil || !filepath.IsAbs(name) || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false // not below the file's directory
	}
	rel = filepath.ToSlash(rel)
	for _, g := range cfg.file.Exclude {
		if g.Match(rel) {
			return true
		}
	}
	return false
}
