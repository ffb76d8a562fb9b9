package analyzer

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBuiltinAPIError checks the description that fixes use for packages
// that do not import apierror yet against apierror's own source: every
// constructor directive, in declaration order, with its parameters, and the
// package-level writer.
func TestBuiltinAPIError(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "apierror")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var decls []*ast.FuncDecl
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, e.Name()), nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok {
				decls = append(decls, fn)
			}
		}
	}
	slices.SortFunc(decls, func(a, b *ast.FuncDecl) int { return int(a.Pos() - b.Pos()) })

	got := &canonical{ctors: make(map[int][]*canonicalFunc)}
	withCause := false
	for _, fn := range decls {
		if fn.Recv != nil {
			withCause = withCause || fn.Name.Name == "WithCause"
			continue
		}
		for _, c := range directiveComments(fn.Doc) {
			d, _ := parseDirective(c)
			switch d.verb {
			case "constructor":
				fact, err := parseConstructor(d.args)
				if err != nil {
					t.Fatalf("%s: %v", fn.Name.Name, err)
				}
				got.ctors[fact.Status] = append(got.ctors[fact.Status], &canonicalFunc{name: fn.Name.Name, roles: rolesOf(t, fn)})
			case "writer":
				got.writer = &canonicalFunc{name: fn.Name.Name, roles: rolesOf(t, fn)}
			}
		}
	}
	if !withCause {
		t.Fatal("apierror.Error has no WithCause method")
	}
	want := builtinAPIError
	if got.writer == nil || got.writer.name != want.writer.name || !slices.Equal(got.writer.roles, want.writer.roles) {
		t.Errorf("writer = %+v, want %+v", got.writer, want.writer)
	}
	if len(got.ctors) != len(want.ctors) {
		t.Errorf("constructors for %d statuses, want %d", len(got.ctors), len(want.ctors))
	}
	for status, ctors := range got.ctors {
		if len(ctors) != len(want.ctors[status]) {
			t.Errorf("status %d: %d constructors, want %d", status, len(ctors), len(want.ctors[status]))
			continue
		}
		for i, c := range ctors {
			w := want.ctors[status][i]
			if c.name != w.name || !slices.Equal(c.roles, w.roles) || w.withCause != w.has(roleMessage) {
				t.Errorf("status %d constructor %d = %s%v, want %s%v", status, i, c.name, c.roles, w.name, w.roles)
			}
		}
	}
}

func directiveComments(doc *ast.CommentGroup) []*ast.Comment {
	if doc == nil {
		return nil
	}
	var list []*ast.Comment
	for _, c := range doc.List {
		if strings.HasPrefix(c.Text, directivePrefix) {
			list = append(list, c)
		}
	}
	return list
}

// rolesOf returns the parameter roles of a declaration from its syntax.
func rolesOf(t *testing.T, fn *ast.FuncDecl) []paramRole {
	var roles []paramRole
	for _, field := range fn.Type.Params.List {
		var role paramRole
		switch typ := typeText(field.Type); typ {
		case "string":
			role = roleMessage
		case "error":
			role = roleCause
		case "http.ResponseWriter":
			role = roleWriter
		case "*http.Request":
			role = roleRequest
		default:
			t.Fatalf("%s: parameter of type %s", fn.Name.Name, typ)
		}
		for range max(1, len(field.Names)) {
			roles = append(roles, role)
		}
	}
	return roles
}

func typeText(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.StarExpr:
		return "*" + typeText(e.X)
	case *ast.SelectorExpr:
		return typeText(e.X) + "." + e.Sel.Name
	}
	return "?"
}
