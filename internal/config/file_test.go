package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestParseFull checks every key of the example.
func TestParseFull(t *testing.T) {
	src := `contract:
  statuses: [400, 401, 404, 409, 422, 500, 503]
  codes: {404: [not_found], 409: [conflict, duplicate_name]}
  format: problem
writers:
  - example.com/svc/internal/httpx.Error
constructors:
  - {func: example.com/svc/apperr.NotFound, status: 404, code: not_found}
public: [example.com/svc/apperr.ValidationError]
disable: [missing-return]
enable: [unused-documented-status]
tests: true
exclude: ["internal/legacy/**"]
openapi: api/openapi.yaml
`
	f, problems := Parse("errcontract.yaml", "errcontract.yaml", []byte(src))
	if problems != nil {
		t.Fatalf("Parse: %v", problems)
	}
	want := &Contract{
		Statuses: []int{400, 401, 404, 409, 422, 500, 503},
		Codes:    map[int][]string{404: {"not_found"}, 409: {"conflict", "duplicate_name"}},
		Format:   "problem",
		Pos:      Pos{2, 3},
	}
	if !reflect.DeepEqual(f.Contract, want) {
		t.Errorf("contract = %+v, want %+v", f.Contract, want)
	}
	if len(f.Writers) != 1 || f.Writers[0] != (Name{"example.com/svc/internal/httpx.Error", Pos{6, 5}}) {
		t.Errorf("writers = %+v", f.Writers)
	}
	wantCtor := Constructor{Func: Name{"example.com/svc/apperr.NotFound", Pos{8, 12}}, Status: 404, Code: "not_found"}
	if len(f.Constructors) != 1 || f.Constructors[0] != wantCtor {
		t.Errorf("constructors = %+v, want %+v", f.Constructors, wantCtor)
	}
	if len(f.Public) != 1 || f.Public[0].Path != "example.com/svc/apperr.ValidationError" {
		t.Errorf("public = %+v", f.Public)
	}
	if !reflect.DeepEqual(f.Disable, []string{"missing-return"}) || !reflect.DeepEqual(f.Enable, []string{"unused-documented-status"}) {
		t.Errorf("disable, enable = %v, %v", f.Disable, f.Enable)
	}
	if f.Tests == nil || !*f.Tests {
		t.Errorf("tests = %v, want true", f.Tests)
	}
	if len(f.Exclude) != 1 || f.Exclude[0].Pattern != "internal/legacy/**" || f.OpenAPI != "api/openapi.yaml" {
		t.Errorf("exclude, openapi = %+v, %q", f.Exclude, f.OpenAPI)
	}
}

// TestParseProblems checks that each bad value is one line at its
// position, naming the valid values.
func TestParseProblems(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      string // all the problems, one a line
	}{
		{"unknown key", "contract: contentful\nwriter: [a.B]\n",
			`errcontract.yaml:2:1: unknown key "writer" (valid: contract, writers, constructors, public, disable, enable, tests, exclude, openapi, openapi-base-path)`},
		{"duplicate key", "tests: false\ntests: true\n", `errcontract.yaml:2:1: duplicate key "tests"`},
		{"not a mapping", "- contract\n", "errcontract.yaml:1:1: errcontract.yaml must be a mapping of keys (valid: contract, writers, constructors, public, disable, enable, tests, exclude, openapi, openapi-base-path)"},
		{"unknown preset", "contract: graphql\n",
			`errcontract.yaml:1:11: unknown contract "graphql" (valid: contensis, contentful, jsonapi, management, problem, or a mapping of statuses, codes and format)`},
		{"contract list", "contract: [400]\n",
			"errcontract.yaml:1:11: contract must be a preset (contensis, contentful, jsonapi, management, problem) or a mapping of statuses, codes and format, not a list"},
		{"unknown contract key", "contract:\n  statuses: [400]\n  status: [404]\n",
			`errcontract.yaml:3:3: unknown key "status" (valid: statuses, codes, format)`},
		{"no statuses", "contract: {format: problem}\n",
			"errcontract.yaml:1:11: contract needs statuses, the list the API documents, as in statuses: [400, 404, 500]"},
		{"bad status", "contract: {statuses: [404, 600, abc]}\n",
			"errcontract.yaml:1:28: status 600 is out of range (valid: 100 to 599)\n" +
				`errcontract.yaml:1:33: status "abc" is not a number (valid: 100 to 599)`},
		{"statuses not a list", "contract: {statuses: 404}\n",
			"errcontract.yaml:1:22: statuses must be a list of statuses (100 to 599), not a number\n" +
				"errcontract.yaml:1:11: contract needs statuses, the list the API documents, as in statuses: [400, 404, 500]"},
		{"unknown format", "contract: {statuses: [404], format: xml}\n",
			`errcontract.yaml:1:37: unknown format "xml" (valid: contensis, contentful, jsonapi, management, problem)`},
		{"codes of an unlisted status", "contract: {statuses: [404], codes: {409: [conflict]}}\n",
			"errcontract.yaml:1:37: codes of status 409, which statuses does not list (valid: 404)"},
		{"bad code", "contract: {statuses: [404], codes: {404: [\"not found\"]}}\n",
			`errcontract.yaml:1:43: error code "not found" is not an identifier (valid: a letter, then letters, digits, _ . -)`},
		{"writers not a list", "writers: example.com/x.Write\n",
			"errcontract.yaml:1:10: writers must be a list of qualified names, not a string"},
		{"malformed writer", "writers: [httpx, example.com/x., 42]\n",
			`errcontract.yaml:1:11: writer "httpx" is not a qualified name of a function (valid: pkgpath.Func or pkgpath.Type.Method, as in example.com/svc/httpx.Error)` + "\n" +
				`errcontract.yaml:1:18: writer "example.com/x." is not a qualified name of a function (valid: pkgpath.Func or pkgpath.Type.Method, as in example.com/svc/httpx.Error)` + "\n" +
				"errcontract.yaml:1:34: writer must be a non-empty string, not a number"},
		{"malformed public", "public: [example.com/x]\n",
			`errcontract.yaml:1:10: public type "example.com/x" is not a qualified name of a type (valid: pkgpath.Func or pkgpath.Type.Method, as in example.com/svc/httpx.Error)`},
		{"constructor not a mapping", "constructors: [example.com/x.NotFound]\n",
			"errcontract.yaml:1:16: a constructor must be a mapping of func, status and code, as in {func: example.com/svc/apperr.NotFound, status: 404, code: not_found}, not a string"},
		{"constructor without status", "constructors:\n  - func: example.com/x.NotFound\n",
			"errcontract.yaml:2:5: a constructor needs func and status, as in {func: example.com/svc/apperr.NotFound, status: 404, code: not_found}"},
		{"constructor bad status", "constructors: [{func: example.com/x.OK, status: 200}]\n",
			"errcontract.yaml:1:49: status 200 is out of range (valid: 400 to 599)"},
		{"constructor unknown field", "constructors: [{func: example.com/x.NotFound, status: 404, message: x}]\n",
			`errcontract.yaml:1:60: unknown key "message" (valid: func, status, code)`},
		{"unknown rule", "disable: [missing-return, leaks]\n",
			`errcontract.yaml:1:27: unknown rule "leaks" (valid: raw-http-error, undocumented-status, error-leak, missing-return, superfluous-write, unused-documented-status, openapi-route)`},
		{"enable not a list", "enable: unused-documented-status\n",
			"errcontract.yaml:1:9: enable must be a list of rules, not a string"},
		{"tests not a boolean", "tests: yes\n", `errcontract.yaml:1:8: tests must be true or false, not "yes"`},
		{"bad glob", "exclude: [\"internal/[\", /abs, a/../b]\n",
			`errcontract.yaml:1:11: exclude pattern "internal/[" is malformed: syntax error in pattern (valid: path.Match patterns, and ** for any directories)` + "\n" +
				`errcontract.yaml:1:25: exclude pattern "/abs" must be a slash-separated path relative to the directory of errcontract.yaml` + "\n" +
				`errcontract.yaml:1:31: exclude pattern "a/../b" must be a slash-separated path relative to the directory of errcontract.yaml, without empty or .. elements`},
		{"openapi not a string", "openapi: [a]\n", "errcontract.yaml:1:10: openapi must be a non-empty string, not a list"},
		{"openapi base path relative", "openapi-base-path: v1\n", `errcontract.yaml:1:20: openapi-base-path "v1" must start with / (valid: /v1, or / for none)`},
		{"alias", "disable: &d [error-leak]\nenable: *d\n", "errcontract.yaml:2:9: aliases and merge keys are not supported in errcontract.yaml"},
		{"syntax error", "contract: contentful\nwriters: [a.B\n", "errcontract.yaml:1:1: invalid YAML: did not find expected ',' or ']'"},
		{"tab", "contract:\n\tstatuses: [400]\n", "errcontract.yaml:2:1: invalid YAML: found character that cannot start any token"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := Parse("dir/errcontract.yaml", "errcontract.yaml", []byte(tc.src))
			if got := problemsText(problems); got != tc.want {
				t.Errorf("Parse(%q) problems:\n%s\nwant:\n%s", tc.src, got, tc.want)
			}
		})
	}
}

func problemsText(ps Problems) string {
	if ps == nil {
		return ""
	}
	return ps.Error()
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "# nothing\n", "---\n", "~\n"} {
		f, problems := Parse("errcontract.yaml", "errcontract.yaml", []byte(src))
		if problems != nil || f.Contract != nil || f.Tests != nil || f.Disable != nil {
			t.Errorf("Parse(%q) = %+v, %v; want an empty file", src, f, problems)
		}
	}
}

func TestLoadOpenAPI(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "api", "openapi.yaml"), "openapi: 3.1.0\n")
	path := filepath.Join(dir, FileName)
	write(t, path, "openapi: api/openapi.yaml\n")
	if _, problems := Load(path, FileName); problems != nil {
		t.Errorf("Load with an existing spec: %v", problems)
	}
	write(t, path, "openapi: api/missing.yaml\n")
	_, problems := Load(path, FileName)
	want := `errcontract.yaml:1:10: openapi file "api/missing.yaml" does not exist (valid: a path relative to the directory of errcontract.yaml)`
	if got := problemsText(problems); got != want {
		t.Errorf("Load with a missing spec: %s, want %s", got, want)
	}
}

func TestGlob(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		match   []string
		nomatch []string
	}{
		{"internal/legacy/**", []string{"internal/legacy/a.go", "internal/legacy/x/y/b.go"}, []string{"internal/a.go", "internal/legacyx/a.go", "legacy/a.go"}},
		{"internal/legacy", []string{"internal/legacy/a.go"}, []string{"internal/legacy.go"}},
		{"**/*_gen.go", []string{"a_gen.go", "x/y/a_gen.go"}, []string{"x/gen.go"}},
		{"*.go", []string{"main.go"}, []string{"api/main.go"}},
		{"api/**/mock/*.go", []string{"api/mock/a.go", "api/v1/v2/mock/a.go"}, []string{"api/mock.go", "mock/a.go"}},
		{"**", []string{"a.go", "x/a.go"}, nil},
	} {
		g, err := ParseGlob(tc.pattern)
		if err != nil {
			t.Fatalf("ParseGlob(%q): %v", tc.pattern, err)
		}
		for _, rel := range tc.match {
			if !g.Match(rel) {
				t.Errorf("%q does not match %q", tc.pattern, rel)
			}
		}
		for _, rel := range tc.nomatch {
			if g.Match(rel) {
				t.Errorf("%q matches %q", tc.pattern, rel)
			}
		}
	}
}

// TestFind checks the upward search: the nearest file wins, and the search
// stops at the module root.
func TestFind(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "errcontract.yaml"), "") // outside the module: never found
	mod := filepath.Join(root, "mod")
	write(t, filepath.Join(mod, "go.mod"), "module example.com/mod\n")
	pkg := filepath.Join(mod, "internal", "api")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Find(pkg); got != "" {
		t.Errorf("Find with no file in the module = %q, want none", got)
	}
	write(t, filepath.Join(mod, FileName), "")
	if got, want := Find(pkg), filepath.Join(mod, FileName); got != want {
		t.Errorf("Find = %q, want the module root's %q", got, want)
	}
	write(t, filepath.Join(mod, "internal", FileName), "")
	if got, want := Find(pkg), filepath.Join(mod, "internal", FileName); got != want {
		t.Errorf("Find = %q, want the nearest %q", got, want)
	}
}

func TestNameIn(t *testing.T) {
	for _, tc := range []struct {
		name, pkg, want string
		ok              bool
	}{
		{"example.com/svc/httpx.Error", "example.com/svc/httpx", "Error", true},
		{"example.com/svc/httpx.Writer.Error", "example.com/svc/httpx", "Writer.Error", true},
		{"example.com/svc/httpx.Error", "example.com/svc", "", false},
		{"gopkg.in/yaml.v3.Marshal", "gopkg.in/yaml.v3", "Marshal", true},
		{"gopkg.in/yaml.v3.Marshal", "gopkg.in/yaml", "", false}, // v3 is not an exported type here: it is, syntactically
	} {
		got, ok := Name{Path: tc.name}.In(tc.pkg)
		if tc.name == "gopkg.in/yaml.v3.Marshal" && tc.pkg == "gopkg.in/yaml" {
			// "v3.Marshal" is a type and method syntactically; the
			// analyzer finds no type v3 and reports the entry.
			tc.want, tc.ok = "v3.Marshal", true
		}
		if got != tc.want || ok != tc.ok {
			t.Errorf("Name(%q).In(%q) = %q, %v; want %q, %v", tc.name, tc.pkg, got, ok, tc.want, tc.ok)
		}
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

// FuzzParse checks that no input makes Parse panic, and that every problem
// is one line that starts with the file's name and a position in it.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"contract: contentful\n",
		"contract: {statuses: [400, 404], codes: {404: [not_found]}, format: problem}\n",
		"writers: [example.com/a.W]\nconstructors: [{func: example.com/a.N, status: 404, code: x}]\npublic: [example.com/a.E]\n",
		"disable: [error-leak]\nenable: [unused-documented-status]\ntests: true\nexclude: ['**/mock/**']\n",
		"a: &x [1]\nb: *x\n", "[", "{", ": :", "contract:\n  statuses:\n    - !!int 12345678901234567890\n",
		"constructors: [{}, [], ~]\n", "codes: {a: b}\n", "\t", "\xff\xfe",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, problems := Parse("errcontract.yaml", "errcontract.yaml", []byte(src))
		for _, p := range problems {
			line := p.Error()
			if strings.Contains(line, "\n") || !strings.HasPrefix(line, "errcontract.yaml:") || p.Pos.Line < 1 || p.Pos.Col < 1 {
				t.Errorf("problem %q is not one line at a position of the file", line)
			}
		}
	})
}
