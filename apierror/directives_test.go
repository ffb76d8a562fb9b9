package apierror

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/errcontract/errcontract/internal/contract"
)

// A directive is an errcontract directive of a declaration in this package.
type directive struct {
	decl string // Name, or Recv.Name for a method
	text string // the comment line, "//errcontract:..."
}

// packageDecls returns the top-level declarations of the package, without
// its tests.
func packageDecls(t *testing.T) []ast.Decl {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var decls []ast.Decl
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		decls = append(decls, file.Decls...)
	}
	return decls
}

// packageDirectives returns the errcontract directives in the doc comments
// of the package's declarations, as the linter would read them.
func packageDirectives(t *testing.T) []directive {
	t.Helper()
	var directives []directive
	for _, decl := range packageDecls(t) {
		name, doc := declDoc(decl)
		for _, c := range docLines(doc) {
			if strings.HasPrefix(c.Text, "//errcontract:") {
				directives = append(directives, directive{decl: name, text: c.Text})
			}
		}
	}
	return directives
}

// TestEveryConstructorIsKnown checks that the test knows every exported
// function that makes an *Error, so that none escapes the directive checks.
func TestEveryConstructorIsKnown(t *testing.T) {
	for _, decl := range packageDecls(t) {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Recv != nil || !fn.Name.IsExported() || fn.Type.Results == nil {
			continue
		}
		result, ok := fn.Type.Results.List[0].Type.(*ast.StarExpr)
		if !ok || result.X.(*ast.Ident).Name != "Error" {
			continue
		}
		if _, ok := messageConstructors[fn.Name.Name]; !ok && fn.Name.Name != "Internal" {
			t.Errorf("constructor %s is missing from messageConstructors", fn.Name.Name)
		}
	}
}

func declDoc(decl ast.Decl) (string, *ast.CommentGroup) {
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil {
			recv := d.Recv.List[0].Type
			if star, ok := recv.(*ast.StarExpr); ok {
				recv = star.X
			}
			return recv.(*ast.Ident).Name + "." + d.Name.Name, d.Doc
		}
		return d.Name.Name, d.Doc
	case *ast.GenDecl:
		if spec, ok := d.Specs[0].(*ast.TypeSpec); ok && len(d.Specs) == 1 {
			return spec.Name.Name, d.Doc
		}
	}
	return "", nil
}

func docLines(doc *ast.CommentGroup) []*ast.Comment {
	if doc == nil {
		return nil
	}
	return doc.List
}

var constructorDirective = regexp.MustCompile(`^//errcontract:constructor ([1-5][0-9][0-9]) ([A-Za-z]+)$`)

// TestConstructorDirectives checks every constructor against its directive:
// it makes an error of the directive's status, which the contentful format
// renders with the directive's code; and every documented error status of
// every preset has a constructor.
func TestConstructorDirectives(t *testing.T) {
	constructors := make(map[string]func(string) *Error)
	for name, c := range messageConstructors {
		constructors[name] = c
	}
	constructors["Internal"] = func(string) *Error { return Internal(errSecret) }

	statuses := make(map[int]bool)
	for _, d := range packageDirectives(t) {
		if !strings.HasPrefix(d.text, "//errcontract:constructor") {
			continue
		}
		m := constructorDirective.FindStringSubmatch(d.text)
		if m == nil {
			t.Errorf("%s: malformed directive %q", d.decl, d.text)
			continue
		}
		status, _ := strconv.Atoi(m[1])
		code := m[2]
		construct, ok := constructors[d.decl]
		if !ok {
			t.Errorf("%s: directive on a function the test does not know", d.decl)
			continue
		}
		delete(constructors, d.decl)
		statuses[status] = true

		e := construct("message")
		if e.Status() != status {
			t.Errorf("%s: status %d, but its directive says %d", d.decl, e.Status(), status)
		}
		body := decodeBody(t, record(testWriter(Contentful), nil, e))
		if got := body["sys"].(map[string]any)["id"]; got != code {
			t.Errorf("%s: contentful code %v, but its directive says %s", d.decl, got, code)
		}
	}
	for name := range constructors {
		t.Errorf("%s has no constructor directive", name)
	}

	for _, f := range Formats() {
		preset, _ := contract.Lookup(string(f))
		for _, status := range preset.Codes() {
			if status >= 400 && !statuses[status] {
				t.Errorf("%s documents %d, which no constructor makes", f, status)
			}
		}
	}
}

func TestWriterAndPublicDirectives(t *testing.T) {
	var got []string
	for _, d := range packageDirectives(t) {
		if !strings.HasPrefix(d.text, "//errcontract:constructor") {
			got = append(got, d.decl+" "+d.text)
		}
	}
	want := []string{
		"Error //errcontract:public",
		"Write //errcontract:writer",
		"Writer.Write //errcontract:writer",
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("directives:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
