package integration_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// An OpenAPI module serves three routes on a ServeMux: getLink, whose
// operation documents 200 404 500 and which writes 409; a stats route
// that its spec lacks; and getOwner, whose operation documents 200 404 and
// whose handler, in package handlers, writes 403, which its fact carries
// to the registration. Its source is unique, so that no cached result of
// a driver applies.
func newOpenAPIModule(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(work, "openapi", strings.ReplaceAll(t.Name(), "/", "-"))
	src := fmt.Sprintf(`package main

import (
	"net/http"

	"example.com/links/handlers"
)

// %d
func getLink(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Has("taken") {
		w.WriteHeader(http.StatusConflict)
		return
	}
	w.WriteHeader(http.StatusNotFound)
}

func linkStats(w http.ResponseWriter, r *http.Request) {}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /links/{id}", getLink)
	mux.HandleFunc("GET /links/{id}/stats", linkStats)
	mux.HandleFunc("GET /links/{id}/owner", handlers.Owner)
	http.ListenAndServe("localhost:8080", mux)
}
`, time.Now().UnixNano())
	for name, content := range map[string]string{
		"go.mod":            "module example.com/links\n\ngo 1.26.0\n",
		"main.go":           src,
		"errcontract.yaml":  "openapi: api/openapi.yaml\n",
		"api/openapi.yaml":  openAPILinks,
		"handlers/owner.go": ownerSrc,
	} {
		writeFile(t, filepath.Join(dir, name), content)
	}
	return dir
}

const openAPILinks = `openapi: 3.1.0
info: {title: links, version: "1"}
paths:
  /links/{id}:
    get:
      operationId: getLink
      responses:
        "200": {description: the link}
        "404": {$ref: "#/components/responses/Error"}
        "500": {$ref: "#/components/responses/Error"}
    delete:
      operationId: deleteLink
      responses:
        "204": {description: deleted}
  /links/{id}/owner:
    get:
      operationId: getOwner
      responses:
        "200": {description: the owner}
        "404": {$ref: "#/components/responses/Error"}
components:
  responses:
    Error:
      description: an error
      content:
        application/json:
          schema:
            type: object
            properties:
              code: {type: string}
              message: {type: string}
`

const ownerSrc = `package handlers

import "net/http"

func Owner(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusForbidden)
}
`

// openAPIWant are the findings every driver must print for the module:
// the line of main.go, the rule, and a text of the message.
var openAPIWant = []struct {
	line int
	rule string
	text string
}{
	{12, "undocumented-status", "status 409 is not documented by operation getLink (200 404 500)"},
	{23, "openapi-route", "route GET /links/{id}/stats is not in the OpenAPI spec api/openapi.yaml"},
	{24, "undocumented-status", "status 403 is not documented by operation getOwner (200 404): handlers.Owner writes it at owner.go:6:16"},
}

// checkOpenAPIFindings reports each finding of openAPIWant that no line
// of out shows at its line of main.go.
func checkOpenAPIFindings(t *testing.T, driver, out string) {
	t.Helper()
	for _, w := range openAPIWant {
		found := false
		for line := range strings.SplitSeq(out, "\n") {
			if strings.Contains(line, fmt.Sprintf("main.go:%d:", w.line)) && strings.Contains(line, w.text) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s printed no finding at main.go:%d with %q:\n%s", driver, w.line, w.text, out)
		}
	}
}

// TestOpenAPIDrivers checks that every driver reads the spec that
// errcontract.yaml names: the command, go vet -vettool, the golangci-lint
// plugin and gopls report the same two findings.
func TestOpenAPIDrivers(t *testing.T) {
	requireIntegration(t)
	t.Run("command", func(t *testing.T) {
		dir := newOpenAPIModule(t)
		out, stderr, code := runIn(t, dir, errcontractTool.binary(t), "./...")
		if code == 0 {
			t.Errorf("errcontract: exit 0 with findings")
		}
		checkOpenAPIFindings(t, "errcontract", out+stderr)
	})
	t.Run("go vet", func(t *testing.T) {
		dir := newOpenAPIModule(t)
		out, stderr, _ := runIn(t, dir, "go", "vet", "-vettool="+errcontractTool.binary(t), "./...")
		checkOpenAPIFindings(t, "go vet", out+stderr)
	})
	t.Run("golangci-lint", func(t *testing.T) {
		lint := golangciLintTool.binary(t)
		dir := newOpenAPIModule(t)
		config := filepath.Join(t.TempDir(), ".golangci.yml")
		writeFile(t, config, `version: "2"
linters:
  default: none
  enable: [errcontract]
  settings:
    custom:
      errcontract:
        type: module
        settings: {}
`)
		out, stderr, _ := runIn(t, dir, lint, "run", "--config="+config, "./...")
		checkOpenAPIFindings(t, "golangci-lint", out+stderr)
		for _, w := range openAPIWant {
			if !strings.Contains(out, w.rule+": "+w.text) {
				t.Errorf("golangci-lint did not name the rule %s of %q:\n%s", w.rule, w.text, out)
			}
		}
	})
	t.Run("gopls", func(t *testing.T) {
		gopls := goplsTool.binary(t)
		dir := newOpenAPIModule(t)
		out, stderr, code := runIn(t, dir, gopls, "check", "main.go")
		if code != 0 {
			t.Fatalf("gopls check: exit %d\n%s\n%s", code, out, stderr)
		}
		checkOpenAPIFindings(t, "gopls check", out)
	})
}

// TestOpenAPIUnservedDrivers checks where each driver shows an operation
// that no route serves, with unused-documented-status enabled: at the
// operation's method key in the spec, a file of no package. The command
// and go vet print it; golangci-lint and gopls show findings only in Go
// files of the package, and drop it.
func TestOpenAPIUnservedDrivers(t *testing.T) {
	requireIntegration(t)
	const want = "api/openapi.yaml:11:5: operation deleteLink (DELETE /links/{id}) of the OpenAPI spec is served by no route of package example.com/links"
	enable := func(t *testing.T) string {
		dir := newOpenAPIModule(t)
		writeFile(t, filepath.Join(dir, "errcontract.yaml"), "openapi: api/openapi.yaml\nenable: [unused-documented-status]\n")
		return dir
	}
	shows := func(out string) bool {
		for line := range strings.SplitSeq(out, "\n") {
			if strings.Contains(line, want) || strings.Contains(line, strings.Replace(want, ": operation", ": unused-documented-status: operation", 1)) {
				return true
			}
		}
		return false
	}
	t.Run("command", func(t *testing.T) {
		out, stderr, _ := runIn(t, enable(t), errcontractTool.binary(t), "./...")
		if !shows(out + stderr) {
			t.Errorf("errcontract printed no %q:\n%s%s", want, out, stderr)
		}
	})
	t.Run("go vet", func(t *testing.T) {
		out, stderr, _ := runIn(t, enable(t), "go", "vet", "-vettool="+errcontractTool.binary(t), "./...")
		if !shows(out + stderr) {
			t.Errorf("go vet printed no %q:\n%s%s", want, out, stderr)
		}
	})
	t.Run("golangci-lint", func(t *testing.T) {
		lint := golangciLintTool.binary(t)
		dir := enable(t)
		config := filepath.Join(t.TempDir(), ".golangci.yml")
		writeFile(t, config, "version: \"2\"\nlinters:\n  default: none\n  enable: [errcontract]\n  settings:\n    custom:\n      errcontract:\n        type: module\n        settings: {}\n")
		out, stderr, _ := runIn(t, dir, lint, "run", "--config="+config, "./...")
		if shows(out + stderr) {
			t.Errorf("golangci-lint now prints %q: say so in docs/openapi.md", want)
		}
		if !strings.Contains(out, "status 500 documented by operation getLink is never written") {
			t.Errorf("golangci-lint printed no unused-documented-status finding in main.go:\n%s%s", out, stderr)
		}
	})
	t.Run("gopls", func(t *testing.T) {
		gopls := goplsTool.binary(t)
		dir := enable(t)
		out, stderr, _ := runIn(t, dir, gopls, "check", "main.go")
		if shows(out + stderr) {
			t.Errorf("gopls check now prints %q: say so in docs/openapi.md", want)
		}
		if !strings.Contains(out, "status 500 documented by operation getLink is never written") {
			t.Errorf("gopls check printed no unused-documented-status finding in main.go:\n%s%s", out, stderr)
		}
	})
}
