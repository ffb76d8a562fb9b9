package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The facts errcontract exports. Directives in one package become facts, so
// a team's canonical error package works in every package that imports it,
// under every driver.

// isConstructor is the fact that a function is a canonical error
// constructor: its result is an error response with Status. Its string
// parameters are shown to clients; its error parameters are kept server-side.
type isConstructor struct {
	Status int
	Code   string
}

func (*isConstructor) AFact() {}

func (f *isConstructor) String() string {
	if f.Code == "" {
		return fmt.Sprintf("constructor(%d)", f.Status)
	}
	return fmt.Sprintf("constructor(%d %s)", f.Status, f.Code)
}

// isWriter is the fact that a function is a canonical error writer: it
// renders an error value to a response in the contract's body format.
type isWriter struct{}

func (*isWriter) AFact()         {}
func (*isWriter) String() string { return "writer" }

// isPublic is the fact that an error type's Error text is safe to show
// clients.
type isPublic struct{}

func (*isPublic) AFact()         {}
func (*isPublic) String() string { return "public" }

// declaresDirectives is the fact that a package declares canonical
// constructors, writers or public types, so that its importers are analyzed
// even when they do not import net/http.
type declaresDirectives struct{}

func (*declaresDirectives) AFact()         {}
func (*declaresDirectives) String() string { return "directives" }

const directivePrefix = "//errcontract:"

// A directive is one //errcontract: comment.
type directive struct {
	comment *ast.Comment
	verb    string // constructor, writer, public, ignore
	args    string // the text after the verb
}

// An ignore is a parsed //errcontract:ignore directive. It suppresses
// findings of its rules on its own line and on the next.
type ignore struct {
	pos   token.Pos
	rules []string
	used  bool
}

// directives is what a package's directives declare.
type directives struct {
	ignores  []*ignore
	problems []analysis.Diagnostic // malformed or misplaced directives
	ctors    []constructorDecl     // for the contract check of their statuses and codes
	declared bool                  // whether any object fact was exported
}

// A constructorDecl is a constructor's declaration, by directive or in
// errcontract.yaml, and where to report its status and its code.
type constructorDecl struct {
	pos, end         token.Pos // of the status
	codePos, codeEnd token.Pos // of the code
	status           int
	code             string
}

// readDirectives parses the //errcontract: comments of the package, exports
// the object facts they declare, and returns the ignores and the problems
// found. The caller exports the package fact, once the file's entries are
// known too.
func readDirectives(pass *analysis.Pass) *directives {
	ds := new(directives)
	for _, file := range pass.Files {
		if !mentionsDirectives(file) {
			continue // most files have none: skip the declaration walk
		}
		attached := ds.readDeclDirectives(pass, file)
		for _, group := range file.Comments {
			for _, c := range group.List {
				if d, ok := parseDirective(c); ok && !attached[c] {
					ds.readLooseDirective(d)
				}
			}
		}
	}
	return ds
}

func mentionsDirectives(file *ast.File) bool {
	for _, group := range file.Comments {
		for _, c := range group.List {
			if strings.HasPrefix(c.Text, directivePrefix) {
				return true
			}
		}
	}
	return false
}

// parseDirective splits an //errcontract:VERB ARGS comment.
func parseDirective(c *ast.Comment) (directive, bool) {
	rest, ok := strings.CutPrefix(c.Text, directivePrefix)
	if !ok {
		return directive{}, false
	}
	rest, _, _ = strings.Cut(rest, " //") // a trailing comment is not part of it
	verb, args, _ := strings.Cut(rest, " ")
	return directive{comment: c, verb: verb, args: strings.TrimSpace(args)}, true
}

// readDeclDirectives reads the directives in the doc comments of the file's
// declarations and returns the comments it consumed.
func (ds *directives) readDeclDirectives(pass *analysis.Pass, file *ast.File) map[*ast.Comment]bool {
	attached := make(map[*ast.Comment]bool)
	for _, decl := range file.Decls {
		switch decl := decl.(type) {
		case *ast.FuncDecl:
			fn, _ := pass.TypesInfo.Defs[decl.Name].(*types.Func)
			ds.forEachDirective(decl.Doc, attached, func(d directive) {
				ds.readFuncDirective(pass, d, fn)
			})
		case *ast.GenDecl:
			if decl.Tok != token.TYPE {
				continue
			}
			for _, spec := range decl.Specs {
				spec := spec.(*ast.TypeSpec)
				doc := spec.Doc
				if doc == nil && len(decl.Specs) == 1 {
					doc = decl.Doc
				}
				tn, _ := pass.TypesInfo.Defs[spec.Name].(*types.TypeName)
				ds.forEachDirective(doc, attached, func(d directive) {
					ds.readTypeDirective(pass, d, tn)
				})
			}
		}
	}
	return attached
}

func (ds *directives) forEachDirective(doc *ast.CommentGroup, attached map[*ast.Comment]bool, f func(directive)) {
	if doc == nil {
		return
	}
	for _, c := range doc.List {
		if d, ok := parseDirective(c); ok && d.verb != "ignore" {
			attached[c] = true
			f(d)
		}
	}
}

func (ds *directives) readFuncDirective(pass *analysis.Pass, d directive, fn *types.Func) {
	if fn == nil {
		return // missing type information
	}
	switch d.verb {
	case "constructor":
		fact, err := parseConstructor(d.args)
		if err == nil && fn.Signature().Results().Len() == 0 {
			err = fmt.Errorf("%s returns nothing; a constructor returns the error it builds", fn.Name())
		}
		if err != nil {
			ds.problem(d, err)
			return
		}
		pass.ExportObjectFact(fn, fact)
		ds.declared = true
		start, end := directiveField(d.comment, 0)
		codeStart, codeEnd := directiveField(d.comment, 1)
		ds.ctors = append(ds.ctors, constructorDecl{start, end, codeStart, codeEnd, fact.Status, fact.Code})
	case "writer":
		if d.args != "" {
			ds.problem(d, fmt.Errorf("unexpected %q after errcontract:writer", d.args))
			return
		}
		pass.ExportObjectFact(fn, new(isWriter))
		ds.declared = true
	case "public":
		ds.problem(d, fmt.Errorf("errcontract:public belongs on an error type, not on a function"))
	case "statuses":
		// A per-handler contract, read with the handler's annotations.
	default:
		ds.readLooseDirective(d)
	}
}

// directiveField returns the range of field n in a constructor directive,
// counted from 0 after the verb (0 is the status, 1 the code), however it
// is spaced or written.
func directiveField(c *ast.Comment, n int) (start, end token.Pos) {
	text := c.Text
	i, j := len(directivePrefix+"constructor"), len(directivePrefix+"constructor")
	for range n + 1 {
		for i = j; i < len(text) && (text[i] == ' ' || text[i] == '\t'); i++ {
		}
		for j = i; j < len(text) && text[j] != ' ' && text[j] != '\t'; j++ {
		}
	}
	return c.Slash + token.Pos(i), c.Slash + token.Pos(j)
}

func (ds *directives) readTypeDirective(pass *analysis.Pass, d directive, tn *types.TypeName) {
	if tn == nil {
		return // missing type information
	}
	switch d.verb {
	case "public":
		if d.args != "" {
			ds.problem(d, fmt.Errorf("unexpected %q after errcontract:public", d.args))
			return
		}
		pass.ExportObjectFact(tn, new(isPublic))
		ds.declared = true
	case "constructor", "writer", "statuses":
		ds.problem(d, fmt.Errorf("errcontract:%s belongs on a function, not on a type", d.verb))
	default:
		ds.readLooseDirective(d)
	}
}

// readLooseDirective handles a directive outside a declaration's doc
// comment: only ignores belong there.
func (ds *directives) readLooseDirective(d directive) {
	switch d.verb {
	case "ignore":
		ig, err := parseIgnore(d.args)
		if err != nil {
			ds.problem(d, err)
			return
		}
		ig.pos = d.comment.Slash
		ds.ignores = append(ds.ignores, ig)
	case "constructor", "writer", "statuses":
		ds.problem(d, fmt.Errorf("errcontract:%s must be in the doc comment of a function", d.verb))
	case "public":
		ds.problem(d, fmt.Errorf("errcontract:public must be in the doc comment of a type"))
	default:
		ds.problem(d, fmt.Errorf("unknown directive errcontract:%s (valid: constructor, writer, public, statuses, ignore)", d.verb))
	}
}

func (ds *directives) problem(d directive, err error) {
	ds.problems = append(ds.problems, analysis.Diagnostic{
		Pos:      d.comment.Slash,
		End:      d.comment.End(),
		Category: categoryDirective,
		Message:  "malformed directive: " + err.Error(),
	})
}

var codePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]*$`)

// parseConstructor parses the arguments of //errcontract:constructor:
// an error status and an optional error code.
func parseConstructor(args string) (*isConstructor, error) {
	fields := strings.Fields(args)
	if len(fields) == 0 {
		return nil, fmt.Errorf("errcontract:constructor needs a status, as in //errcontract:constructor 404 NotFoundError")
	}
	if len(fields) > 2 {
		return nil, fmt.Errorf("unexpected %q after the status and code", strings.Join(fields[2:], " "))
	}
	status, err := strconv.Atoi(fields[0])
	if err != nil {
		return nil, fmt.Errorf("constructor status %q is not a number", fields[0])
	}
	if status < 400 || status > 599 {
		return nil, fmt.Errorf("constructor status %d is not an error status (valid: 400 to 599)", status)
	}
	fact := &isConstructor{Status: status}
	if len(fields) == 2 {
		if !codePattern.MatchString(fields[1]) {
			return nil, fmt.Errorf("error code %q is not an identifier", fields[1])
		}
		fact.Code = fields[1]
	}
	return fact, nil
}

// parseIgnore parses the arguments of //errcontract:ignore:
// RULE[,RULE...] -- reason.
func parseIgnore(args string) (*ignore, error) {
	list, reason, found := strings.Cut(args, "--")
	if !found || strings.TrimSpace(reason) == "" {
		return nil, fmt.Errorf("errcontract:ignore needs a reason, as in //errcontract:ignore error-leak -- message is public")
	}
	list = strings.TrimSpace(list)
	if list == "" || strings.ContainsAny(list, " \t") {
		return nil, fmt.Errorf("errcontract:ignore needs one comma-separated list of rules before --")
	}
	ig := new(ignore)
	for name := range strings.SplitSeq(list, ",") {
		if err := checkRule(name); err != nil {
			return nil, err
		}
		ig.rules = append(ig.rules, name)
	}
	return ig, nil
}
