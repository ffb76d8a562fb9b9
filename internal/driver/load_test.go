package driver

import (
	"go/types"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/packages"
)

// inDir runs the test with the working directory set to dir, as the
// command is run from a module's root.
func inDir(t *testing.T, dir string) {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(abs)
}

// TestLoadSourceSet loads ./api of testdata/app: the pattern's package,
// the main module's other packages it imports and a dependency that
// declares directives come from source; a dependency without directives
// and the standard library come from export data, complete.
func TestLoadSourceSet(t *testing.T) {
	inDir(t, "testdata/app")
	prog, err := load([]string{"./api"}, false, false)
	if err != nil {
		t.Fatal(err)
	}
	roots := prog.roots
	if len(roots) != 1 || roots[0].PkgPath != "example.com/app/api" {
		t.Fatalf("roots = %v, want [example.com/app/api]", roots)
	}
	api := roots[0]
	if len(api.Errors) > 0 || api.IllTyped {
		t.Fatalf("api has errors: %v", api.Errors)
	}
	for path, wantSource := range map[string]bool{
		"example.com/app/internal/httpx": true,  // the main module
		"example.com/canon":              true,  // //errcontract: directives
		"example.com/plain":              false, // serves HTTP, no directives
		"net/http":                       false, // the standard library
	} {
		imp := api.Imports[path]
		if imp == nil {
			t.Errorf("api does not import %s", path)
			continue
		}
		if got := imp.TypesInfo != nil && len(imp.Syntax) > 0; got != wantSource {
			t.Errorf("%s from source = %v, want %v", path, got, wantSource)
		}
		if !imp.Types.Complete() {
			t.Errorf("%s: types are not complete", path)
		}
	}
	// The package read from export data is the one the source package's
	// types refer to: one types.Package per path.
	fail := api.Types.Imports()
	var plainPkg *types.Package
	for _, p := range fail {
		if p.Path() == "example.com/plain" {
			plainPkg = p
		}
	}
	if plainPkg != api.Imports["example.com/plain"].Types {
		t.Errorf("api's types import a different example.com/plain than the loaded one")
	}

	prog.prune()
	for path := range api.Imports {
		if path == "example.com/plain" || path == "net/http" {
			t.Errorf("prune kept %s, which was read from export data", path)
		}
	}
	if api.Imports["example.com/canon"] == nil || api.Imports["example.com/app/internal/httpx"] == nil {
		t.Errorf("prune dropped a source package: %v", api.Imports)
	}
}

// TestLoadAllSource checks that allSource checks every dependency from
// source.
func TestLoadAllSource(t *testing.T) {
	inDir(t, "testdata/app")
	prog, err := load([]string{"./api"}, false, true)
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(prog.roots, nil, func(pkg *packages.Package) {
		if pkg.PkgPath != "unsafe" && pkg.TypesInfo == nil {
			t.Errorf("%s was not checked from source", pkg.PkgPath)
		}
	})
}

// TestLoadNoMatch checks that a pattern matching nothing is reported as
// go/packages reports it, a package with an error and no files, which is
// not counted among the packages that could not be type-checked.
func TestLoadNoMatch(t *testing.T) {
	inDir(t, "testdata/app")
	prog, err := load([]string{"./api/nothing/..."}, false, false)
	if err != nil {
		t.Fatal(err)
	}
	roots := prog.roots
	if len(roots) != 1 || len(roots[0].Errors) == 0 {
		t.Fatalf("load of nothing = %v, want one package with an error", roots)
	}
	if n := countIllTyped(roots); n != 0 {
		t.Errorf("countIllTyped = %d, want 0", n)
	}
}

// TestSourceSet checks the kinds of packages on a graph made by hand: a
// dependency that imports a package checked from source (as a package
// recompiled for another's internal test does) is checked from source
// for consistent types, but not analysed; so is one without export data;
// a plain dependency is neither.
func TestSourceSet(t *testing.T) {
	third := &packages.Module{Path: "example.com/lib"}
	mk := func(path string, imports ...*packages.Package) *packages.Package {
		pkg := &packages.Package{ID: path, PkgPath: path, Module: third, ExportFile: path + ".a", Imports: make(map[string]*packages.Package)}
		for _, imp := range imports {
			pkg.Imports[imp.PkgPath] = imp
		}
		return pkg
	}
	root := mk("example.com/app/web")
	root.Module = &packages.Module{Path: "example.com/app", Main: true}
	plain := mk("example.com/lib/plain")
	recompiled := mk("example.com/lib/uses", root)
	noExport := mk("example.com/lib/broken")
	noExport.ExportFile = ""
	test := mk("example.com/app/web_test", root, recompiled, plain, noExport)
	test.Module = root.Module

	analysed, consistent := sourceSet([]*packages.Package{root, test}, false)
	for _, tc := range []struct {
		pkg                  *packages.Package
		analysed, consistent bool
	}{
		{root, true, false},
		{test, true, false},
		{recompiled, false, true},
		{noExport, false, true},
		{plain, false, false},
	} {
		if analysed[tc.pkg] != tc.analysed || consistent[tc.pkg] != tc.consistent {
			t.Errorf("%s: analysed %v, consistent %v; want %v, %v", tc.pkg.PkgPath, analysed[tc.pkg], consistent[tc.pkg], tc.analysed, tc.consistent)
		}
	}
	all, _ := sourceSet([]*packages.Package{root, test}, true)
	if !all[plain] || !all[recompiled] {
		t.Errorf("with allSource, every dependency is analysed: %v", all)
	}
}
