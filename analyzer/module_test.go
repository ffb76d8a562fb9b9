package analyzer

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestParseGoMod(t *testing.T) {
	t.Parallel()
	module, requires := parseGoMod([]byte(`// a comment
module "example.com/svc" // quoted

go 1.26.0

require github.com/errcontract/errcontract v0.1.0
require (
	golang.org/x/tools v0.52.0 // indirect
	"example.com/quoted" v1.0.0
)
require(
	example.com/tight v1.0.0
)
replace example.com/replaced => ../replaced
`))
	if module != "example.com/svc" {
		t.Errorf("module = %q, want example.com/svc", module)
	}
	want := []string{"github.com/errcontract/errcontract", "golang.org/x/tools", "example.com/quoted", "example.com/tight"}
	if !slices.Equal(requires, want) {
		t.Errorf("requires = %q, want %q", requires, want)
	}
}

// TestModuleProvides checks which modules can import apierror: the
// module that is errcontract, one that requires it, and one that vendors
// it, but not one that does not require it or vendors without it.
func TestModuleProvides(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, gomod string
		vendored    []string
		want        bool
	}{
		{"self", "module github.com/errcontract/errcontract\n", nil, true},
		{"requires", "module example.com/a\nrequire github.com/errcontract/errcontract v0.1.0\n", nil, true},
		{"other", "module example.com/a\nrequire github.com/errcontract/errcontractx v0.1.0\n", nil, false},
		{"none", "module example.com/a\n", nil, false},
		{"vendored", "module example.com/a\nrequire github.com/errcontract/errcontract v0.1.0\n", []string{"modules.txt", "github.com/errcontract/errcontract/apierror/apierror.go"}, true},
		{"not vendored", "module example.com/a\nrequire github.com/errcontract/errcontract v0.1.0\n", []string{"modules.txt"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			write(t, filepath.Join(root, "go.mod"), tc.gomod)
			for _, f := range tc.vendored {
				write(t, filepath.Join(root, "vendor", filepath.FromSlash(f)), "")
			}
			dir := filepath.Join(root, "web", "api")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if got := moduleProvides(dir, DefaultConstructors); got != tc.want {
				t.Errorf("moduleProvides = %v, want %v", got, tc.want)
			}
		})
	}
	if moduleProvides("", DefaultConstructors) {
		t.Error("moduleProvides of no directory = true, want false")
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
