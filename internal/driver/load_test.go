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
	roots, err := load([]string{"./api"}, false, false)
	if err != nil {
		t.Fatal(err)
	}
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

	prune(roots)
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
	roots, err := load([]string{"./api"}, false, true)
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(roots, nil, func(pkg *packages.Package) {
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
	roots, err := load([]string{"./api/nothing/..."}, false, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(roots) != 1 || len(roots[0].Errors) == 0 {
		t.Fatalf("load of nothing = %v, want one package with an error", roots)
	}
	if n := countIllTyped(roots); n != 0 {
		t.Errorf("countIllTyped = %d, want 0", n)
	}
}
