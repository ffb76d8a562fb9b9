package analyzer

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// checkLeak reports error text reaching a response body through the
// payload of a site.
func (s *state) checkLeak(cur inspector.Cursor, site *site) {
	if len(site.payload) == 0 {
		return
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
			Message:  "error text from " + describeSource(src) + " reaches the response body via " + site.name(),
		}
		if src.node != p.expr {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: src.node.Pos(), End: src.node.End(), Message: "the error text comes from here"})
		}
		if p.sink != "" {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: site.callee.Pos(), Message: site.callee.Name() + " writes it to the response body at " + p.sink})
		}
		switch site.kind {
		case siteHTTPError:
			d.SuggestedFixes = s.errorResponseFixes(cur, site)
		case siteConstructor:
			d.SuggestedFixes = s.constructorLeakFixes(site, p.expr, src)
		}
		s.r.report(d)
	}
}

// describeSource names a source in a message: its source text.
func describeSource(src *source) string {
	if e, ok := src.node.(ast.Expr); ok {
		return shortExpr(e)
	}
	return "an error"
}
