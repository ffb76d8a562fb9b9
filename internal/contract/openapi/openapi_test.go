package openapi

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadSpecYAML(t *testing.T) {
	spec, err := LoadSpec(filepath.Join("testdata", "links.yaml"), "")
	if err != nil {
		t.Fatal(err)
	}
	if spec.BasePath != "/v1" {
		t.Errorf("base path = %q, want /v1", spec.BasePath)
	}
	var got []string
	for _, op := range spec.Operations {
		got = append(got, op.Method+" "+op.Path+" "+op.Name()+" ("+op.Listing()+")")
	}
	want := []string{
		"POST /links createLink (201 default)",
		"DELETE /links/{id} DELETE /links/{id} (204 4XX)",
		"GET /links/{id} getLink (200 404 500)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("operations:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	ops := spec.Lookup("GET", "/v1/links/:id")
	if len(ops) != 1 || ops[0].ID != "getLink" {
		t.Fatalf("Lookup(GET /v1/links/:id) = %v", ops)
	}
	get := ops[0]
	for status, documented := range map[int]bool{200: true, 404: true, 500: true, 409: false, 302: false} {
		if get.Documents(status) != documented {
			t.Errorf("getLink documents %d = %v, want %v", status, !documented, documented)
		}
	}
	del := spec.Lookup("DELETE", "/v1/links/{linkID}")[0]
	if !del.Documents(409) || del.Documents(500) {
		t.Errorf("4XX: documents 409 = %v, 500 = %v; want true, false", del.Documents(409), del.Documents(500))
	}
	create := spec.Lookup("POST", "/v1/links/")[0]
	if !create.Documents(503) {
		t.Error("default does not document 503")
	}
	if n := len(spec.Lookup("", "/v1/links/{id}")); n != 2 {
		t.Errorf("Lookup without a method found %d operations, want 2", n)
	}
	if ops := spec.Lookup("GET", "/links/{id}"); len(ops) != 0 {
		t.Errorf("Lookup without the base path found %v", ops)
	}
}

func TestLoadSpecBasePathAndJSON(t *testing.T) {
	spec, err := LoadSpec(filepath.Join("testdata", "links31.json"), "/api")
	if err != nil {
		t.Fatal(err)
	}
	ops := spec.Lookup("GET", "/api/links/{id...}")
	if len(ops) != 1 || ops[0].Listing() != "200 404" {
		t.Fatalf("Lookup(GET /api/links/{id...}) = %v", ops)
	}
	spec, err = LoadSpec(filepath.Join("testdata", "links31.json"), "/")
	if err != nil {
		t.Fatal(err)
	}
	if len(spec.Lookup("GET", "/links/{id:[0-9]+}")) != 1 {
		t.Error("base path / does not mean none")
	}
}

func TestLoadSpecErrors(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"missing.yaml", "openapi: testdata/missing.yaml: no such file"},
		{"badstatus.yaml", `openapi: testdata/badstatus.yaml:7:9: operation GET /a: response "2000" is not a status, a range such as 4XX, or default`},
		{"syntax.yaml", "openapi: testdata/syntax.yaml:3: did not find expected ',' or '}'"},
		{"badref.yaml", `openapi: testdata/badref.yaml:7:23: $ref "#/components/responses/Missing" resolves to nothing`},
		{"badref.json", `openapi: testdata/badref.json:6:23: $ref "#/components/responses/Gone" resolves to nothing`},
		{"swagger2.yaml", "openapi: testdata/swagger2.yaml:1:1: the document has no openapi version: it is not OpenAPI 3.0 or 3.1"},
		{"version2.yaml", `openapi: testdata/version2.yaml:1:1: version "2.0" is not OpenAPI 3.0 or 3.1`},
		{"noresponses.yaml", "openapi: testdata/noresponses.yaml:5:5: operation listA has no responses"},
		{"empty.yaml", "openapi: testdata/empty.yaml: the document has no openapi version"},
	} {
		_, err := LoadSpec(filepath.Join("testdata", tc.file), "")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.file, err, tc.want)
		}
	}
}

func TestTemplate(t *testing.T) {
	for in, want := range map[string]string{
		"/links/{id}": "/links/{}", "/links/:id": "/links/{}", "/links/{id:[0-9]+}": "/links/{}",
		"/files/*path": "/files/{}", "/": "/", "/{$}": "/", "/links/": "/links",
	} {
		if got := Template(in); got != want {
			t.Errorf("Template(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOperationPositions checks that each operation knows the line and
// column of its method key, where findings about it are reported.
func TestOperationPositions(t *testing.T) {
	spec, err := LoadSpec(filepath.Join("testdata", "links.yaml"), "")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(spec.Content), "\n")
	for _, op := range spec.Operations {
		if op.Line < 1 || op.Line > len(lines) {
			t.Errorf("%s: line %d is not in the document", op.Name(), op.Line)
			continue
		}
		line := lines[op.Line-1]
		if op.Col < 1 || !strings.HasPrefix(line[op.Col-1:], strings.ToLower(op.Method)+":") {
			t.Errorf("%s: %d:%d is %q, not its method key", op.Name(), op.Line, op.Col, line)
		}
	}
}
