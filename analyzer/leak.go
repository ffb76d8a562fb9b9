package analyzer

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcontract/errcontract/internal/httpmodel"
)

// checkLeak reports error text reaching a response body through the
// payload of a site.
func (s *state) checkLeak(cur inspector.Cursor, site *site) {
	if len(site.payload) == 0 {
		return
	}
	if !s.knownResponse(site) {
		return // no response the type-checker understood
	}
	f := s.flowAt(site.call.Pos())
	if f == nil {
		return
	}
	before := boundAt(cur)
	for _, p := range site.payload {
		src := f.taint(p.expr, p.formatted, before).src
		if src == nil {
			continue
		}
		d := analysis.Diagnostic{
			Pos:      p.expr.Pos(),
			End:      p.expr.End(),
			Category: ruleErrorLeak,
			Message:  "error text from " + describeSource(src) + s.echoes(f, src) + " reaches the response body via " + site.name(),
		}
		if why := s.noFixReason(site); why != "" {
			d.Message += " (no fix: " + why + ")"
		}
		if src.node != p.expr {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: src.node.Pos(), End: src.node.End(), Message: "the error text comes from here"})
		}
		if p.sink != "" {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: site.callee.Pos(), Message: site.callee.Name() + " writes it to the response body at " + p.sink})
		}
		switch {
		case !s.wellTyped(site.call):
			// A fix of a call that does not type-check could not be
			// known to compile.
		case site.kind == siteHTTPError:
			d.SuggestedFixes = s.errorResponseFixes(cur, site)
		case site.kind == siteConstructor:
			d.SuggestedFixes = s.constructorLeakFixes(site, p.expr, src)
		case site.kind == siteFramework && site.row.Effect == httpmodel.BuildsError:
			d.SuggestedFixes = s.frameworkErrorFixes(cur, site, p.expr, src)
		}
		s.r.report(d)
	}
}

// knownResponse reports whether the response a site's payload reaches is
// one the type-checker understood: built by the site (a constructor's), or
// written to a well-typed writer.
func (s *state) knownResponse(site *site) bool {
	return site.writer == nil || s.wellTyped(site.writer)
}

// describeSource names a source in a message: its source text.
func describeSource(src *source) string {
	if e, ok := src.node.(ast.Expr); ok {
		return shortExpr(e)
	}
	return "an error"
}

// inputParsers are the functions whose errors quote the input they failed
// to parse, by package: in a handler, that input is the client's. A nil
// list stands for every function of the package. Encoding is no parse:
// json.Marshal's errors name Go types, not input.
var inputParsers = map[string][]string{
	"encoding/json": {"Unmarshal", "Decode", "Token", "Compact", "Indent"},
	"net/url":       nil,
	"strconv":       nil,
	"time":          {"Parse", "ParseInLocation", "ParseDuration", "LoadLocation"},
}

// parsesInput reports whether fn is one of the inputParsers.
func parsesInput(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	names, ok := inputParsers[fn.Pkg().Path()]
	return ok && (names == nil || slices.Contains(names, fn.Name()))
}

// echoes returns ", which echoes client input (strconv.Atoi)," when the
// error of src was made by a parser that quotes its input, else "".
func (s *state) echoes(f *flow, src *source) string {
	id := src.errorVar()
	if id == nil {
		return ""
	}
	v := f.localVar(id)
	if v == nil || f.incomplete {
		return "" // not a local, or one whose assignments may be lost
	}
	// The assignment the error comes from: the last one before its use.
	var last *assignment
	for i, a := range f.assigns[v] {
		if a.pos < src.node.Pos() && (last == nil || a.pos > last.pos) {
			last = &f.assigns[v][i]
		}
	}
	if last == nil {
		return ""
	}
	if call, ok := ast.Unparen(last.rhs).(*ast.CallExpr); ok {
		if fn, _ := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func); fn != nil && parsesInput(fn) {
			return ", which echoes client input (" + fn.Pkg().Name() + "." + fn.Name() + "),"
		}
	}
	return ""
}
