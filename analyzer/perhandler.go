package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/errcontract/errcontract/internal/contract"
	"github.com/errcontract/errcontract/internal/contract/openapi"
)

// A handlerContract is the statuses one handler documents: next to it,
// with swag annotations (@Success, @Failure, @Response) or an
// //errcontract:statuses directive, or where it is registered, in a
// framework's operation (huma.Operation's Errors). Where a handler has
// one, its writes are checked against it instead of the API-wide contract.
type handlerContract struct {
	name       string
	kind       string               // what messages call it: "handler" if ""; "operation" for the spec's
	listing    string               // how messages list its statuses, if not as documented does
	ops        []*openapi.Operation // the operations of the OpenAPI spec it is, if any
	documented contract.Set
	notes      map[int]ast.Node // where each status is documented: its annotation, or its element of the list
	source     contractSource
	// last is where fixes document a status: the last status annotation
	// (an *ast.Comment), or the operation's list (an *ast.CompositeLit).
	last    ast.Node
	written map[int]bool // statuses the handler writes
	unknown bool         // it writes a status that did not resolve
}

// A contractSource says where a handler documents its statuses.
type contractSource int

const (
	fromDirective contractSource = iota // //errcontract:statuses
	fromSwag                            // swag annotations
	fromOperation                       // the operation it is registered with
	fromSpec                            // the operation of the OpenAPI spec that its route is
)

// annotationVerbs are the swag annotations that document statuses.
var annotationVerbs = []string{"@success", "@failure", "@response"}

// readHandlerContracts parses the per-handler contracts of the package's
// functions, annotated or registered with an operation, and reports
// malformed annotations, and documented statuses that the API contract
// does not document.
func (s *state) readHandlerContracts() {
	s.handlers = make(map[ast.Node]*handlerContract)
	for _, file := range s.pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Doc == nil {
				continue
			}
			if hc := s.parseHandlerContract(fd); hc != nil {
				s.handlers[fd] = hc
				s.checkAgainstAPI(hc)
			}
		}
	}
	s.readOperationContracts()
}

func (s *state) parseHandlerContract(fd *ast.FuncDecl) *handlerContract {
	hc := &handlerContract{name: fd.Name.Name, notes: make(map[int]ast.Node), written: make(map[int]bool)}
	found := false
	for _, c := range fd.Doc.List {
		var codes []int
		var err error
		if d, ok := parseDirective(c); ok && d.verb == "statuses" {
			codes, err = parseStatusesDirective(d.args)
		} else if verb, rest, ok := swagAnnotation(c.Text); ok {
			hc.source = fromSwag
			codes, err = parseSwagCodes(verb, rest)
		} else {
			continue
		}
		if err != nil {
			s.r.report(analysis.Diagnostic{Pos: c.Slash, End: c.End(), Category: categoryDirective, Message: err.Error()})
			continue
		}
		found = true
		hc.last = c
		for _, code := range codes {
			if _, dup := hc.notes[code]; !dup {
				hc.notes[code] = c
			}
		}
	}
	if !found {
		return nil
	}
	hc.documented = contract.NewSet(hc.codes())
	return hc
}

// swagAnnotation splits a swag status annotation, "// @Failure 400,404
// {object} Error", into its verb and the fields after it; swag separates
// them with spaces or tabs. A trailing comment after " //" is not part of it.
func swagAnnotation(text string) (verb string, fields []string, ok bool) {
	text = strings.TrimPrefix(text, "//")
	if i := strings.Index(text, "//"); i >= 0 {
		text = text[:i]
	}
	fields = strings.Fields(text)
	if len(fields) == 0 || !slices.Contains(annotationVerbs, strings.ToLower(fields[0])) {
		return "", nil, false
	}
	return fields[0], fields[1:], true
}

// parseSwagCodes parses the codes of a swag annotation: a comma-separated
// list of statuses, where "default" documents nothing in particular.
func parseSwagCodes(verb string, fields []string) ([]int, error) {
	if len(fields) == 0 {
		return nil, fmt.Errorf("malformed annotation: %s has no status code", verb)
	}
	var codes []int
	for code := range strings.SplitSeq(fields[0], ",") {
		if strings.EqualFold(code, "default") {
			continue
		}
		n, err := strconv.Atoi(code)
		if err != nil || n < 100 || n > 599 {
			return nil, fmt.Errorf("malformed annotation: %s code %q is not a status or default", verb, code)
		}
		codes = append(codes, n)
	}
	return codes, nil
}

// parseStatusesDirective parses //errcontract:statuses 200 201 404.
func parseStatusesDirective(args string) ([]int, error) {
	fields := strings.Fields(args)
	if len(fields) == 0 {
		return nil, fmt.Errorf("malformed directive: errcontract:statuses needs statuses, as in //errcontract:statuses 200 404")
	}
	var codes []int
	for _, f := range fields {
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("malformed directive: errcontract:statuses status %q is not a number", f)
		}
		if err := checkStatus(n); err != nil {
			return nil, fmt.Errorf("malformed directive: errcontract:statuses %v", err)
		}
		codes = append(codes, n)
	}
	return codes, nil
}

// checkAgainstAPI reports the statuses a handler documents that the API
// contract does not: the API table and the operation disagree.
func (s *state) checkAgainstAPI(hc *handlerContract) {
	for _, code := range hc.codes() {
		if s.cfg.documented.Undocumented(code) {
			note := hc.notes[code]
			s.r.report(analysis.Diagnostic{
				Pos:      note.Pos(),
				End:      note.End(),
				Category: ruleUndocumentedStatus,
				Message:  fmt.Sprintf("status %d documented by handler %s is not documented by %s (%s)", code, hc.name, s.cfg.contract, s.cfg.documented),
			})
		}
	}
}

// undocumented reports whether the contract does not document code: class
// by class, except for an operation of the OpenAPI spec, whose responses
// list every status it answers with.
func (hc *handlerContract) undocumented(code int) bool {
	if hc.source == fromSpec {
		return !slices.ContainsFunc(hc.ops, func(op *openapi.Operation) bool { return op.Documents(code) })
	}
	return hc.documented.Undocumented(code)
}

// kindName is what messages call the contract's owner: handler, or
// operation.
func (hc *handlerContract) kindName() string {
	if hc.kind == "" {
		return "handler"
	}
	return hc.kind
}

// statusList lists the statuses the contract documents, for messages.
func (hc *handlerContract) statusList() string {
	if hc.listing != "" {
		return hc.listing
	}
	return hc.documented.String()
}

func (hc *handlerContract) codes() []int {
	codes := make([]int, 0, len(hc.notes))
	for code := range hc.notes {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	return codes
}

// handlerAt returns the per-handler contract of the innermost function
// enclosing cur that has one, or nil: a function literal registered as a
// handler has its own; one that is not is part of its enclosing handler.
func (s *state) handlerAt(cur inspector.Cursor) *handlerContract {
	if len(s.handlers) == 0 {
		return nil
	}
	for c := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if hc := s.handlers[c.Node()]; hc != nil {
			return hc
		}
	}
	return nil
}

// checkUnusedStatuses reports, for each handler whose every written status
// resolved, the documented statuses it never writes. 200 is what a handler
// answers when it writes a body without a status, so it is never reported.
func (s *state) checkUnusedStatuses() {
	for fn, hc := range s.handlers {
		if hc.unknown || !s.writesKnown(funcBody(fn)) {
			continue
		}
		for _, code := range hc.codes() {
			if code == 200 || hc.written[code] {
				continue
			}
			note := hc.notes[code]
			s.r.report(analysis.Diagnostic{
				Pos:      note.Pos(),
				End:      note.End(),
				Category: ruleUnusedDocumentedStatus,
				Message:  fmt.Sprintf("status %d documented by %s %s is never written", code, hc.kindName(), hc.name),
			})
		}
	}
}

// writesKnown reports whether every write of the handler whose body is
// body can be seen: it type-checks, and the bodies of the helpers it calls
// do too. A write that does not type-check is not classified, and a status
// it writes would be reported as never written.
func (s *state) writesKnown(body *ast.BlockStmt) bool {
	if body == nil || !s.wellTyped(body) {
		return false // no body to see, or one that does not type-check
	}
	known := true
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, _ := typeutil.Callee(s.pass.TypesInfo, call).(*types.Func); fn != nil && fn.Pkg() != nil {
				sum := s.summaryOf(fn)
				known = sum == nil || !sum.Partial
			}
		}
		return known
	})
	return known
}

// handlerStatusFix returns the fix that documents code where the handler
// documents its statuses: a swag @Failure (or @Success) line after the
// last one, or the status added to the directive or to the operation's
// list.
func (s *state) handlerStatusFix(hc *handlerContract, code int) []analysis.SuggestedFix {
	if hc.source == fromSpec {
		return nil // the spec is not Go: it is edited by hand
	}
	fi := s.fileOf(hc.last.Pos())
	if fi.generated || fi.content == nil {
		return nil
	}
	var fix analysis.SuggestedFix
	switch hc.source {
	case fromDirective:
		fix = directiveStatusFix(hc, code)
	case fromSwag:
		fix = s.swagStatusFix(fi, hc, code)
	case fromOperation:
		fix = s.operationStatusFix(hc, code)
	}
	return []analysis.SuggestedFix{fix}
}

// directiveStatusFix adds code to the errcontract:statuses directive.
func directiveStatusFix(hc *handlerContract, code int) analysis.SuggestedFix {
	c := hc.last.(*ast.Comment)
	end := c.End()
	if i := strings.Index(c.Text, " //"); i >= 0 {
		end = c.Slash + token.Pos(i)
	}
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Add %d to the errcontract:statuses directive of %s", code, hc.name),
		TextEdits: []analysis.TextEdit{{Pos: end, End: end, NewText: []byte(" " + strconv.Itoa(code))}},
	}
}

// swagStatusFix adds a swag @Failure (or @Success) line after the last
// status annotation.
func (s *state) swagStatusFix(fi *fileInfo, hc *handlerContract, code int) analysis.SuggestedFix {
	c := hc.last.(*ast.Comment)
	verb := "@Failure"
	if code < 400 {
		verb = "@Success"
	}
	line := fmt.Sprintf("// %s %d {object} %s", verb, code, s.errorSchema())
	lineStart := fi.tok.LineStart(fi.tok.Line(c.Slash))
	indent := string(fi.content[fi.tok.Offset(lineStart):fi.tok.Offset(c.Slash)])
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Add %s %d to the annotations of %s", verb, code, hc.name),
		TextEdits: []analysis.TextEdit{{Pos: c.End(), End: c.End(), NewText: []byte("\n" + indent + line)}},
	}
}

// errorSchema names the error type for a swag annotation: the result type
// of the canonical package's constructors.
func (s *state) errorSchema() string {
	canon := s.canonical()
	statuses := make([]int, 0, len(canon.ctors))
	for status := range canon.ctors {
		statuses = append(statuses, status)
	}
	slices.Sort(statuses)
	qualify := func(p *types.Package) string {
		if p == s.pass.Pkg {
			return ""
		}
		return p.Name()
	}
	for _, status := range statuses {
		for _, ctor := range canon.ctors[status] {
			if ctor.result != nil {
				return types.TypeString(deref(ctor.result), qualify)
			}
		}
	}
	if canon == builtinAPIError {
		return "apierror.Error"
	}
	return "string"
}

func deref(t types.Type) types.Type {
	if ptr, ok := t.(*types.Pointer); ok {
		return ptr.Elem()
	}
	return t
}

// noteHandlerStatus records what statuses a site lets its handler write,
// for unused-documented-status.
func (s *state) noteHandlerStatus(cur inspector.Cursor, site *site) {
	hc := s.handlerAt(cur)
	if hc == nil {
		return
	}
	if site.fixed != 0 {
		hc.written[site.fixed] = true
	}
	for _, code := range site.helperStatuses {
		hc.written[code] = true
	}
	for _, e := range site.statusExprs() {
		values, ok := s.statusValues(cur, e)
		if !ok {
			hc.unknown = true
		}
		for _, v := range values {
			hc.written[v.code] = true
		}
	}
}

// reportHandlerStatus reports a status that a handler writes and does not
// document, with the fix that documents it where the API contract does:
// documenting a status the API lacks would only move the finding.
func (s *state) reportHandlerStatus(hc *handlerContract, at ast.Node, code int, from ast.Expr) {
	d := analysis.Diagnostic{
		Pos:      at.Pos(),
		End:      at.End(),
		Category: ruleUndocumentedStatus,
		Message:  fmt.Sprintf("status %d is not documented by %s %s (%s)", code, hc.kindName(), hc.name, hc.statusList()),
	}
	if !s.cfg.documented.Undocumented(code) {
		d.SuggestedFixes = s.handlerStatusFix(hc, code)
	}
	if from != nil && from != at {
		d.Related = []analysis.RelatedInformation{{Pos: from.Pos(), End: from.End(), Message: "status " + strconv.Itoa(code) + " is set here"}}
	}
	s.r.report(d)
}
