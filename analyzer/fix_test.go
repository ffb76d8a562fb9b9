package analyzer

import (
	"cmp"
	"errors"
	"go/ast"
	"go/parser"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"
)

// TestFixes applies every fix to the packages of the fixes module and
// compares the results with their golden files: fixes through apierror,
// imported or not yet, and through a team's own package, which wins; the
// import layouts they edit; the names they import under when apierror's
// or errors' is taken. oneline is the crash of a fix that added two
// imports to a one-line import with two edits of that line.
func TestFixes(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(testdata(t), "fixes")
	analysistest.RunWithSuggestedFixes(t, dir, Analyzer, "./withimport", "./noimport", "./teamfix", "./teamnoimport", "./generated", "./perhandlerfix",
		"./oneline", "./layouts", "./taken")
}

// TestFixesCompile applies every fix of the fixes module on its own, as
// go vet -fix or an editor does, without the formatting and the removal of
// unused imports that RunWithSuggestedFixes does before it compares, and
// requires a gofmt-clean file in a package that type-checks.
func TestFixesCompile(t *testing.T) {
	t.Parallel()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		Dir:  filepath.Join(testdata(t), "fixes"),
		Env:  append(os.Environ(), "GOWORK=off"),
	}
	// apierror and errors are loaded for the files whose fixes import them.
	pkgs, err := packages.Load(cfg, "./...", DefaultConstructors, "errors")
	if err != nil {
		t.Fatal(err)
	}
	requireNoErrors(t, pkgs)
	imports := make(map[string]*types.Package)
	for pkg := range packages.Postorder(pkgs) {
		imports[pkg.PkgPath] = pkg.Types
	}
	fixes := 0
	for _, act := range analyze(t, Analyzer, pkgs).Roots {
		for _, d := range act.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				checkFixCompiles(t, act.Package, imports, fix)
				fixes++
			}
		}
	}
	t.Logf("%d fixes checked", fixes)
	if fixes < 20 {
		t.Errorf("%d fixes checked, want the fixes module's 20 or more", fixes)
	}
}

// checkFixCompiles applies fix to its file in pkg and requires the file
// to be gofmt-clean and the package to type-check with it.
func checkFixCompiles(t *testing.T, pkg *packages.Package, imports map[string]*types.Package, fix analysis.SuggestedFix) {
	t.Helper()
	tok := pkg.Fset.File(fix.TextEdits[0].Pos)
	src, err := os.ReadFile(tok.Name())
	if err != nil {
		t.Fatal(err)
	}
	edits := slices.SortedFunc(slices.Values(fix.TextEdits), func(x, y analysis.TextEdit) int { return cmp.Compare(x.Pos, y.Pos) })
	fixed := apply(tok, string(src), edits...)
	name := filepath.Base(tok.Name())
	if !gofmtClean(fixed) {
		t.Errorf("%s: fix %q leaves a file that is not gofmt-clean:\n%s", name, fix.Message, fixed)
	}
	file, err := parser.ParseFile(pkg.Fset, tok.Name(), fixed, parser.ParseComments)
	if err != nil {
		t.Fatalf("%s: fix %q leaves a file that does not parse: %v", name, fix.Message, err)
	}
	files := []*ast.File{file}
	for _, f := range pkg.Syntax {
		if pkg.Fset.File(f.Pos()) != tok {
			files = append(files, f)
		}
	}
	var errs []string
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if pkg := imports[path]; pkg != nil {
				return pkg, nil
			}
			return nil, errors.New("package " + path + " is not loaded")
		}),
		Error: func(err error) { errs = append(errs, err.Error()) },
	}
	conf.Check(pkg.PkgPath, pkg.Fset, files, nil)
	if len(errs) > 0 {
		t.Errorf("%s: fix %q leaves a package that does not type-check:\n%s\n%s", name, fix.Message, strings.Join(errs, "\n"), fixed)
	}
}

// TestFixesImportable checks, in a module that does not require
// errcontract, that fixes import only a canonical package the package
// imports already, in another file: one declared by errcontract.yaml, one
// by directives. A package with none, or with one only through another
// package, has no fix and says why. (TestFixes' noimport is the module
// that requires errcontract: its fixes import apierror.)
func TestFixesImportable(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(testdata(t), "nofixes")
	analysistest.RunWithSuggestedFixes(t, dir, Analyzer, "./plain", "./transitive", "./direct", "./files/handlers")
}
