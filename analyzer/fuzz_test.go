package analyzer

import (
	"cmp"
	"errors"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/errcontract/errcontract/internal/contract"
	"golang.org/x/tools/go/analysis"
	driver "golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// The fuzz targets' seed corpora run as ordinary tests; go test -fuzz=NAME
// mutates them. Every target checks properties, not only the absence of a
// panic.

func FuzzParseDirective(f *testing.F) {
	for _, seed := range []string{
		"//errcontract:constructor 404 NotFoundError",
		"//errcontract:writer",
		"//errcontract:public // the type's text is safe",
		"//errcontract:ignore raw-http-error -- legacy endpoint",
		"//errcontract:",
		"//errcontract: 404",
		"//errcontract:ignore\terror-leak -- tab",
		"// errcontract:writer",
		"/*errcontract:writer*/",
		"//nolint:errcontract",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		c := &ast.Comment{Slash: 1, Text: text}
		d, ok := parseDirective(c)
		if ok != strings.HasPrefix(text, directivePrefix) {
			t.Fatalf("parseDirective(%q) ok = %v", text, ok)
		}
		if !ok {
			return
		}
		if d.comment != c {
			t.Errorf("parseDirective(%q) lost its comment", text)
		}
		if strings.Contains(d.verb, " ") {
			t.Errorf("parseDirective(%q): verb %q has a space", text, d.verb)
		}
		if d.args != strings.TrimSpace(d.args) {
			t.Errorf("parseDirective(%q): args %q are not trimmed", text, d.args)
		}
		// A trailing " //" comment is never part of a directive.
		if strings.Contains(d.verb+" "+d.args, " //") {
			t.Errorf("parseDirective(%q) = verb %q, args %q: a trailing comment leaked in", text, d.verb, d.args)
		}
		if !strings.HasPrefix(text, directivePrefix+d.verb) || !strings.Contains(text, d.args) {
			t.Errorf("parseDirective(%q) = verb %q, args %q: not the comment's own words", text, d.verb, d.args)
		}
	})
}

func FuzzParseConstructor(f *testing.F) {
	for _, seed := range []string{
		"404 NotFoundError", "500", "422 validation_failed", "  409   Conflict  ",
		"", "abc", "200 OK", "404 Not Found", "404 {code}", "+404", "0404 x.y-z",
		"99999999999999999999", "-500",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, args string) {
		fact, err := parseConstructor(args)
		if (fact == nil) == (err == nil) {
			t.Fatalf("parseConstructor(%q) = %v, %v: want exactly one", args, fact, err)
		}
		if err != nil {
			checkMessage(t, err)
			return
		}
		checkConstructor(t, args, fact)
		// The canonical spelling of an accepted directive parses back to
		// the same fact.
		canonical := strconv.Itoa(fact.Status) + " " + fact.Code
		again, err := parseConstructor(canonical)
		if err != nil || *again != *fact {
			t.Errorf("parseConstructor(%q) = %v, but its canonical form %q parses to %v, %v", args, fact, canonical, again, err)
		}
	})
}

// FuzzConstructorRoundTrip builds a directive from a status and a code and
// requires it to parse back to them exactly when both are valid.
func FuzzConstructorRoundTrip(f *testing.F) {
	f.Add(404, "NotFoundError")
	f.Add(500, "")
	f.Add(429, "rate_limit_exceeded")
	f.Add(399, "BadRequest")
	f.Add(600, "X")
	f.Add(503, "not a code")
	f.Add(400, "9lives")
	f.Fuzz(func(t *testing.T, status int, code string) {
		args := strconv.Itoa(status) + " " + code
		fact, err := parseConstructor(args)
		statusOK := 400 <= status && status <= 599
		switch {
		case !statusOK && err == nil:
			t.Errorf("parseConstructor(%q) accepted status %d", args, status)
		case statusOK && codePattern.MatchString(code) && err != nil:
			t.Errorf("parseConstructor(%q): %v", args, err)
		case statusOK && codePattern.MatchString(code) && (fact.Status != status || fact.Code != code):
			t.Errorf("parseConstructor(%q) = %v, want status %d and code %q", args, fact, status, code)
		case err == nil:
			checkConstructor(t, args, fact)
		}
	})
}

func checkConstructor(t *testing.T, args string, fact *isConstructor) {
	t.Helper()
	if fact.Status < 400 || fact.Status > 599 {
		t.Errorf("parseConstructor(%q) accepted status %d, not an error status", args, fact.Status)
	}
	if fact.Code != "" && !codePattern.MatchString(fact.Code) {
		t.Errorf("parseConstructor(%q) accepted code %q", args, fact.Code)
	}
}

func FuzzParseIgnore(f *testing.F) {
	for _, seed := range []string{
		"raw-http-error -- legacy endpoint",
		"raw-http-error,error-leak -- both",
		"error-leak--no spaces",
		"raw-http-error",
		"raw-http-error --   ",
		"raw-http-error error-leak -- two lists",
		"raw-http-error,,error-leak -- empty name",
		"-- no rules",
		"directive -- not a rule",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, args string) {
		ig, err := parseIgnore(args)
		if (ig == nil) == (err == nil) {
			t.Fatalf("parseIgnore(%q) = %v, %v: want exactly one", args, ig, err)
		}
		if err != nil {
			checkMessage(t, err)
			return
		}
		if len(ig.rules) == 0 {
			t.Fatalf("parseIgnore(%q) accepted no rules", args)
		}
		for _, rule := range ig.rules {
			if !slices.Contains(rules, rule) {
				t.Errorf("parseIgnore(%q) accepted rule %q", args, rule)
			}
		}
		if _, reason, _ := strings.Cut(args, "--"); strings.TrimSpace(reason) == "" {
			t.Errorf("parseIgnore(%q) accepted no reason", args)
		}
		again, err := parseIgnore(strings.Join(ig.rules, ",") + " -- reason")
		if err != nil || !slices.Equal(again.rules, ig.rules) {
			t.Errorf("parseIgnore(%q) = %v, but its canonical form parses to %v, %v", args, ig.rules, again, err)
		}
	})
}

// FuzzConfigValidate requires Validate to accept exactly the configurations
// whose every value is valid, and New to accept any configuration.
func FuzzConfigValidate(f *testing.F) {
	f.Add("", 0, 0, "", "")
	f.Add("jsonapi", 200, 404, "error-leak", "example.com/errs")
	f.Add("graphql", 0, 0, "", "")
	f.Add("problem", 99, 0, "", "")
	f.Add("contentful", 404, 600, "raw-http-error,typo", "")
	f.Add("management", 0, 0, ",", "")
	f.Fuzz(func(t *testing.T, name string, status1, status2 int, disable, constructors string) {
		cfg := Config{Contract: name, Constructors: constructors}
		for _, s := range []int{status1, status2} {
			if s != 0 {
				cfg.Statuses = append(cfg.Statuses, s)
			}
		}
		if disable != "" {
			cfg.Disable = strings.Split(disable, ",")
		}
		valid := name == "" || slices.Contains(contract.Names(), name)
		for _, s := range cfg.Statuses {
			valid = valid && 100 <= s && s <= 599
		}
		for _, rule := range cfg.Disable {
			valid = valid && slices.Contains(rules, rule)
		}
		err := cfg.Validate()
		if (err == nil) != valid {
			t.Fatalf("%+v: Validate() = %v, want valid = %v", cfg, err, valid)
		}
		if err != nil {
			checkMessage(t, err)
		}
		if a := New(cfg); a.Name != "errcontract" {
			t.Errorf("New(%+v).Name = %q", cfg, a.Name)
		}
	})
}

// checkMessage requires err to be a one-line message naming what is valid
// or what is expected.
func checkMessage(t *testing.T, err error) {
	t.Helper()
	msg := err.Error()
	if strings.Contains(msg, "\n") {
		t.Errorf("error %q spans lines", msg)
	}
	if !strings.Contains(msg, "valid") && !strings.Contains(msg, "want") && !strings.Contains(msg, "needs") &&
		!strings.Contains(msg, "not a number") && !strings.Contains(msg, "unexpected") && !strings.Contains(msg, "is not an identifier") {
		t.Errorf("error %q says neither what is valid nor what is expected", msg)
	}
}

// FuzzAnalyzer runs the analyzer on a handler file, as the package
// fuzz/handler that may import the canonical error packages teamerr
// (../testdata/src/teamerr) and apierror, and requires it never to panic,
// never to fail, to report only well-formed diagnostics, and never to
// claim what code that does not type-check does. Files that do not parse
// or type-check are analyzed too: the analyzer runs despite errors.
func FuzzAnalyzer(f *testing.F) {
	for _, seed := range slices.Concat(handlerSeeds, superfluousSeeds) {
		f.Add(seed)
	}
	env := newHandlerEnv(f)
	a := New(Config{Enable: []string{ruleUnusedDocumentedStatus}})
	if !a.RunDespiteErrors {
		f.Fatal("the analyzer does not run despite errors: ill-typed inputs would go unanalyzed")
	}
	env.requireEveryCategory(f, a, handlerSeeds)
	f.Fuzz(func(t *testing.T, src string) {
		pkg := env.typeCheck(src)
		if pkg == nil {
			return // not a Go file: no package to analyze
		}
		graph, err := driver.Analyze([]*analysis.Analyzer{a}, []*packages.Package{pkg}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for act := range graph.All() {
			if act.Err != nil {
				t.Fatalf("%s: %v", act, act.Err)
			}
		}
		for _, d := range graph.Roots[0].Diagnostics {
			checkDiagnostic(t, pkg, d)
			checkClaims(t, pkg, d)
		}
	})
}

// FuzzFixes runs the analyzer on a handler file, as FuzzAnalyzer does,
// and applies each suggested fix on its own, every alternative: its edits
// must be in the file and must neither overlap nor start at one place,
// and the file they leave must parse if the handler did, type-check if it
// did, and be gofmt-clean if it was.
func FuzzFixes(f *testing.F) {
	for _, seed := range slices.Concat(fixSeeds, brokenFixSeeds, handlerSeeds) {
		f.Add(seed)
	}
	env := newHandlerEnv(f)
	a := New(Config{Enable: []string{ruleUnusedDocumentedStatus}})
	a.RunDespiteErrors = true
	env.requireFixes(f, a, fixSeeds)
	f.Fuzz(func(t *testing.T, src string) {
		env.checkFixes(t, a, src)
		// Mutations are seldom gofmt-clean: gofmt's layout of the same
		// file checks that its fixes keep it so.
		if formatted, err := format.Source([]byte(src)); err == nil && string(formatted) != src {
			env.checkFixes(t, a, string(formatted))
		}
	})
}

// checkFixes analyzes src as a handler file and checks each of its fixes.
func (env *handlerEnv) checkFixes(t *testing.T, a *analysis.Analyzer, src string) {
	t.Helper()
	// The pass reads the file from disk to slice the fixes' text.
	filename := filepath.Join(handlerDir(t), "handler.go")
	if err := os.WriteFile(filename, []byte(src), 0o666); err != nil {
		t.Fatal(err)
	}
	pkg := env.typeCheckFile(filename, src)
	if pkg == nil {
		return
	}
	for _, d := range env.analyze(t, a, pkg) {
		for _, fix := range d.SuggestedFixes {
			env.checkFix(t, pkg, src, fix)
		}
	}
}

// analyze runs a on pkg, which the driver panics on if a fix has edits
// that overlap, and returns its diagnostics.
func (env *handlerEnv) analyze(tb testing.TB, a *analysis.Analyzer, pkg *packages.Package) []analysis.Diagnostic {
	tb.Helper()
	graph, err := driver.Analyze([]*analysis.Analyzer{a}, []*packages.Package{pkg}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	for act := range graph.All() {
		if act.Err != nil {
			tb.Fatalf("%s: %v", act, act.Err)
		}
	}
	return graph.Roots[0].Diagnostics
}

// checkFix applies fix to src, the source of pkg's file, and checks the
// result.
func (env *handlerEnv) checkFix(t *testing.T, pkg *packages.Package, src string, fix analysis.SuggestedFix) {
	t.Helper()
	file := pkg.Syntax[0]
	edits := slices.Clone(fix.TextEdits)
	slices.SortStableFunc(edits, func(x, y analysis.TextEdit) int { return cmp.Or(cmp.Compare(x.Pos, y.Pos), cmp.Compare(x.End, y.End)) })
	for i, e := range edits {
		switch {
		case e.Pos < file.FileStart || e.End > file.FileEnd || e.End < e.Pos:
			t.Fatalf("fix %q: edit [%d, %d) is not within its file [%d, %d]", fix.Message, e.Pos, e.End, file.FileStart, file.FileEnd)
		case i > 0 && (e.Pos < edits[i-1].End || e.Pos == edits[i-1].Pos):
			t.Fatalf("fix %q: edits [%d, %d) and [%d, %d) overlap or start at one place", fix.Message, edits[i-1].Pos, edits[i-1].End, e.Pos, e.End)
		}
	}
	fixed := apply(env.fset.File(file.FileStart), src, edits...)
	after := env.typeCheck(fixed)
	parsed := !slices.ContainsFunc(pkg.Errors, isParseError)
	switch {
	case after == nil:
		t.Fatalf("fix %q leaves no package clause:\n%s", fix.Message, fixed)
	case parsed && slices.ContainsFunc(after.Errors, isParseError):
		t.Fatalf("fix %q leaves a file that does not parse: %v\n%s", fix.Message, after.Errors, fixed)
	case len(pkg.Errors) == 0 && len(after.Errors) > 0:
		t.Fatalf("fix %q leaves a file that does not type-check: %v\n%s", fix.Message, after.Errors, fixed)
	}
	if gofmtClean(src) && !gofmtClean(fixed) {
		formatted, _ := format.Source([]byte(fixed))
		t.Fatalf("fix %q leaves a file that is not gofmt-clean:\n%s\ngofmt:\n%s", fix.Message, fixed, formatted)
	}
}

func gofmtClean(src string) bool {
	formatted, err := format.Source([]byte(src))
	return err == nil && string(formatted) == src
}

// requireFixes requires each seed to type-check, gofmt-clean, and to be
// offered a fix, so that the fuzzer starts from every import layout.
func (env *handlerEnv) requireFixes(f *testing.F, a *analysis.Analyzer, seeds []string) {
	f.Helper()
	dir := handlerDir(f)
	for i, src := range seeds {
		filename := filepath.Join(dir, strconv.Itoa(i)+".go")
		if err := os.WriteFile(filename, []byte(src), 0o666); err != nil {
			f.Fatal(err)
		}
		pkg := env.typeCheckFile(filename, src)
		if pkg == nil || len(pkg.Errors) > 0 || !gofmtClean(src) {
			f.Fatalf("fix seed %d does not type-check or is not gofmt-clean", i)
		}
		fixes := 0
		for _, d := range env.analyze(f, a, pkg) {
			fixes += len(d.SuggestedFixes)
		}
		if fixes == 0 {
			f.Errorf("fix seed %d is offered no fix", i)
		}
	}
}

// handlerDir returns a directory for handler files, in a module that
// requires errcontract, so that fixes may import apierror.
func handlerDir(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	gomod := "module example.com/handler\n\nrequire github.com/errcontract/errcontract v0.0.0\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(gomod), 0o666); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// handlerEnv type-checks handler files against the packages they may
// import, loaded once.
type handlerEnv struct {
	fset      *token.FileSet
	sizes     types.Sizes
	types     map[string]*types.Package    // every loaded package, by path
	canonical map[string]*packages.Package // the canonical packages, by path
}

// handlerImports are the packages a handler file may import: teamerr
// (../testdata/src/teamerr), apierror, which fixes import, and some of the
// standard library.
var handlerImports = []string{
	"teamerr", DefaultConstructors,
	"bytes", "context", "encoding/json", "encoding/xml", "errors", "fmt", "html/template", "io",
	"log", "log/slog", "net/http", "net/http/httptest", "os", "runtime", "runtime/debug", "strconv", "strings", "text/template",
}

// handlerEnvs holds the handlerEnv that the fuzz targets share when their
// seeds run as tests in one process.
var handlerEnvs struct {
	sync.Mutex
	env *handlerEnv
}

func newHandlerEnv(tb testing.TB) *handlerEnv {
	handlerEnvs.Lock()
	defer handlerEnvs.Unlock()
	if handlerEnvs.env == nil {
		handlerEnvs.env = loadHandlerEnv(tb)
	}
	return handlerEnvs.env
}

func loadHandlerEnv(tb testing.TB) *handlerEnv {
	pkgs := load(tb, moduleConfig(), handlerImports[1:]...) // all but teamerr, checked below
	requireNoErrors(tb, pkgs)
	env := &handlerEnv{
		fset:      pkgs[0].Fset,
		sizes:     pkgs[0].TypesSizes,
		types:     make(map[string]*types.Package),
		canonical: make(map[string]*packages.Package),
	}
	for pkg := range packages.Postorder(pkgs) {
		env.types[pkg.PkgPath] = pkg.Types
	}
	// The handler's package imports only the canonical packages as far as
	// the checker knows: the standard library declares no errcontract
	// facts, and analyzing it for every input would slow the fuzzer a
	// hundredfold. For the same reason the canonical packages' own
	// imports are left out.
	for _, pkg := range pkgs {
		if pkg.PkgPath == DefaultConstructors {
			apierror := *pkg
			apierror.Imports = nil
			env.canonical[pkg.PkgPath] = &apierror
		}
	}
	teamerr := env.checkDir(tb, "teamerr", filepath.Join("..", "testdata", "src", "teamerr"))
	env.types["teamerr"] = teamerr.Types
	env.canonical["teamerr"] = teamerr
	return env
}

// checkDir parses and type-checks the package path from the Go files in
// dir: teamerr is a GOPATH package, which a module-mode load cannot load
// together with apierror.
func (env *handlerEnv) checkDir(tb testing.TB, path, dir string) *packages.Package {
	tb.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(names) == 0 {
		tb.Fatalf("%s: no Go files (%v)", dir, err)
	}
	var files []*ast.File
	for _, name := range names {
		file, err := parser.ParseFile(env.fset, name, nil, parser.ParseComments)
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, file)
	}
	pkg := env.check(path, files, nil)
	if len(pkg.Errors) > 0 {
		tb.Fatalf("%s: %v", path, pkg.Errors)
	}
	return pkg
}

// typeCheck parses and type-checks src as the package fuzz/handler, or
// returns nil if src has no package clause.
func (env *handlerEnv) typeCheck(src string) *packages.Package {
	return env.typeCheckFile("handler.go", src)
}

// typeCheckFile is typeCheck of src as the file filename, which a pass
// reads only if it is on disk.
func (env *handlerEnv) typeCheckFile(filename, src string) *packages.Package {
	file, parseErr := parser.ParseFile(env.fset, filename, src, parser.ParseComments|parser.SkipObjectResolution)
	if file == nil {
		return nil
	}
	return env.check("fuzz/handler", []*ast.File{file}, parseErr)
}

// check type-checks files as the package path. As go/packages does, it
// records the errors on the package, which tells the checker that it may
// be incomplete. A file that imports "C" is checked as a driver that does
// not run cgo would.
func (env *handlerEnv) check(path string, files []*ast.File, parseErr error) *packages.Package {
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	var errs []packages.Error
	if parseErr != nil {
		errs = append(errs, packages.Error{Msg: parseErr.Error(), Kind: packages.ParseError})
	}
	var typeErrors []types.Error
	conf := types.Config{
		Importer:    importerFunc(env.importPackage),
		Sizes:       env.sizes,
		FakeImportC: true,
		Error: func(err error) {
			var te types.Error
			if errors.As(err, &te) {
				typeErrors = append(typeErrors, te)
				errs = append(errs, packages.Error{Msg: te.Msg, Kind: packages.TypeError})
			}
		},
	}
	tpkg, _ := conf.Check(path, env.fset, files, info)
	imports := make(map[string]*packages.Package)
	for _, imp := range tpkg.Imports() {
		if pkg := env.canonical[imp.Path()]; pkg != nil {
			imports[imp.Path()] = pkg
		}
	}
	return &packages.Package{
		ID:         tpkg.Path(),
		Name:       tpkg.Name(),
		PkgPath:    tpkg.Path(),
		Fset:       env.fset,
		Syntax:     files,
		Types:      tpkg,
		TypesInfo:  info,
		TypesSizes: env.sizes,
		Errors:     errs,
		TypeErrors: typeErrors,
		Imports:    imports,
		IllTyped:   len(errs) > 0,
	}
}

func (env *handlerEnv) importPackage(path string) (*types.Package, error) {
	if pkg := env.types[path]; pkg != nil {
		return pkg, nil
	}
	return nil, errors.New("package " + path + " is not available to handler files")
}

func isParseError(err packages.Error) bool { return err.Kind == packages.ParseError }

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// requireEveryCategory requires the seeds to be analyzed without error
// and, together, to be reported under every rule and directive category,
// so that the fuzzer starts from code that reaches every rule. The seeds
// that do not type-check must be reported, together, under every rule
// that the mutations of well-typed code into ill-typed code put to the
// test.
func (env *handlerEnv) requireEveryCategory(tb testing.TB, a *analysis.Analyzer, seeds []string) {
	tb.Helper()
	seen := make(map[string]bool)
	seenIllTyped := make(map[string]bool)
	for i, src := range seeds {
		pkg := env.typeCheck(src)
		if pkg == nil {
			tb.Fatalf("seed %d has no package clause", i)
		}
		graph, err := driver.Analyze([]*analysis.Analyzer{a}, []*packages.Package{pkg}, nil)
		if err != nil {
			tb.Fatal(err)
		}
		for _, d := range graph.Roots[0].Diagnostics {
			seen[d.Category] = true
			seenIllTyped[d.Category] = seenIllTyped[d.Category] || len(pkg.TypeErrors) > 0
		}
	}
	for _, category := range append(slices.Clone(rules), categoryDirective) {
		if category == ruleOpenAPIRoute {
			continue // it needs an OpenAPI spec, which the fuzzed package has none of: TestOpenAPI* cover it
		}
		if !seen[category] {
			tb.Errorf("no seed is reported under %s", category)
		}
	}
	for _, category := range []string{ruleRawHTTPError, ruleUndocumentedStatus, ruleErrorLeak, ruleMissingReturn} {
		if !seenIllTyped[category] {
			tb.Errorf("no seed that does not type-check is reported under %s", category)
		}
	}
}

// checkClaims requires an error-leak or undocumented-status diagnostic to
// claim nothing about code that does not type-check.
func checkClaims(t *testing.T, pkg *packages.Package, d analysis.Diagnostic) {
	t.Helper()
	if what := illTypedClaim(pkg, d); what != "" {
		t.Errorf("%s diagnostic %q rests on %s", d.Category, d.Message, what)
	}
}

// illTypedClaim describes what an error-leak or undocumented-status
// diagnostic claims of code that does not type-check, or returns "": an
// expression in its range or in a related range that lacks a type or has
// an invalid one, or a type error reported inside them. It is written
// apart from the analyzer's own check, so that a mistake in one shows in
// the other.
func illTypedClaim(pkg *packages.Package, d analysis.Diagnostic) string {
	if d.Category != ruleErrorLeak && d.Category != ruleUndocumentedStatus {
		return "" // raw-http-error is about the call, whatever its arguments
	}
	ranges := [][2]token.Pos{{d.Pos, d.End}}
	for _, rel := range d.Related {
		if rel.End.IsValid() { // a position alone, such as a helper's, holds no expression
			ranges = append(ranges, [2]token.Pos{rel.Pos, rel.End})
		}
	}
	for _, r := range ranges {
		if what := illTypedWithin(pkg, r[0], r[1]); what != "" {
			return what
		}
	}
	return ""
}

// illTypedWithin describes the first expression within [start, end) of
// the package's file that does not type-check, or returns "".
func illTypedWithin(pkg *packages.Package, start, end token.Pos) string {
	for _, err := range pkg.TypeErrors {
		if !err.Soft && start <= err.Pos && err.Pos < end {
			return "code with a type error: " + err.Msg
		}
	}
	info := pkg.TypesInfo
	tags := make(map[ast.Expr]bool)
	var what string
	ast.Inspect(pkg.Syntax[0], func(n ast.Node) bool {
		if n == nil || what != "" || n.End() <= start || n.Pos() >= end {
			return false
		}
		if field, ok := n.(*ast.Field); ok && field.Tag != nil {
			tags[field.Tag] = true
		}
		e, ok := n.(ast.Expr)
		if !ok || n.Pos() < start || n.End() > end {
			return true // a node around the range: look inside
		}
		if !typeKnown(info, e) && !tags[e] {
			what = "the expression " + types.ExprString(e) + ", whose type is missing or invalid"
		}
		return true
	})
	return what
}

// typeKnown reports whether the type-checker gave e a valid type, or e is
// syntax that has none of its own.
func typeKnown(info *types.Info, e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BadExpr:
		return false
	case *ast.KeyValueExpr, *ast.Ellipsis, *ast.FuncType, *ast.ArrayType:
		return true // syntax around expressions, which are checked
	case *ast.TypeAssertExpr:
		if e.Type == nil {
			return true // x.(type)
		}
	case *ast.SelectorExpr:
		if _, ok := info.Uses[e.Sel].(*types.Builtin); ok {
			return true // unsafe.Sizeof, typed only where called
		}
	case *ast.Ident:
		switch info.ObjectOf(e).(type) {
		case *types.PkgName, *types.Label, *types.Builtin, *types.Nil:
			return true
		case nil:
			_, declares := info.Defs[e]
			return declares || e.Name == "_"
		}
	}
	t := info.TypeOf(e)
	return t != nil && !strings.Contains(types.TypeString(t, nil), "invalid type")
}

// checkDiagnostic requires d to be within the handler file, in a known
// category, with a one-line message. The end of a range is checked only in
// a file that parsed: the parser gives a call left open at the end of the
// file an end one past it.
func checkDiagnostic(t *testing.T, pkg *packages.Package, d analysis.Diagnostic) {
	t.Helper()
	file := pkg.Syntax[0]
	within := func(pos token.Pos) bool { return file.FileStart <= pos && pos <= file.FileEnd }
	if !within(d.Pos) {
		t.Errorf("diagnostic %q starts at %d, outside its file [%d, %d]", d.Message, d.Pos, file.FileStart, file.FileEnd)
	}
	if parsed := !slices.ContainsFunc(pkg.Errors, isParseError); parsed && d.End.IsValid() && (d.End < d.Pos || !within(d.End)) {
		t.Errorf("diagnostic %q ends at %d, outside [%d, %d]", d.Message, d.End, d.Pos, file.FileEnd)
	}
	if !slices.Contains(rules, d.Category) && d.Category != categoryDirective {
		t.Errorf("diagnostic %q has category %q", d.Message, d.Category)
	}
	if d.Message == "" || strings.Contains(d.Message, "\n") || strings.HasSuffix(d.Message, ".") {
		t.Errorf("diagnostic message %q is not one line without a final period", d.Message)
	}
	for _, rel := range d.Related {
		if !within(rel.Pos) {
			t.Errorf("diagnostic %q has a related position outside its file", d.Message)
		}
	}
}

// handlerSeeds are handler files that, together, reach every rule: raw
// error writes, statuses documented and not, error text through every
// kind of flow, a canonical package's constructors, writer and public
// type, directives, generics, and code that does not type-check.
var handlerSeeds = []string{
	`package handler

import "net/http"

// getItem documents its statuses as swag does.
//
// @Success 200 {object} string
// @Failure 404,409 {object} string
// @Failure 418 {object} string
// @Failure abc {object} string
func getItem(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/gone" {
		w.WriteHeader(http.StatusGone)
		return
	}
	http.NotFound(w, r)
}
`,
	`package handler

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

const statusConflict = 409

func raw(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		http.Error(w, "missing id", http.StatusBadRequest)
		return
	}
	if r.Method == http.MethodDelete {
		http.NotFound(w, r)
		return
	}
	status := statusConflict
	if r.ContentLength == 0 {
		status = http.StatusUnprocessableEntity
	}
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": "conflict"})
	fmt.Fprintf(w, "%d", status)
	io.WriteString(w, "done")
}
`,
	`package handler

import "net/http"

const teapot = 418

func statuses(w http.ResponseWriter, r *http.Request, gone bool) {
	code := http.StatusOK
	if gone {
		code = http.StatusGone
	}
	for i := 0; i < 3; i++ {
		code = teapot
	}
	w.WriteHeader(code)
	w.WriteHeader(teapot)
	http.Redirect(w, r, "/", http.StatusTemporaryRedirect)
	http.Error(w, "gone", http.StatusGone)
}
`,
	`package handler

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
)

var page = template.Must(template.New("p").Parse("{{.}}"))

func load() error { return errors.New("db down") }

func leaks(w http.ResponseWriter, r *http.Request) {
	err := load()
	http.Error(w, err.Error(), http.StatusInternalServerError)
	fmt.Fprintf(w, "failed: %v (%T) %[1]s %*d", err, 3, 4)
	msg := fmt.Sprintf("lookup: %w", errors.Join(err, load()))
	w.Write([]byte(strings.ToUpper(msg)))
	var b strings.Builder
	b.WriteString(err.Error())
	io.WriteString(w, b.String())
	var buf bytes.Buffer
	fmt.Fprint(&buf, err)
	io.Copy(w, &buf)
	json.NewEncoder(w).Encode(struct{ Message string }{err.Error()})
	page.Execute(w, err)
	stack := make([]byte, 1024)
	stack = stack[:runtime.Stack(stack, false)]
	w.Write(append([]byte("stack: "), stack...))
	w.Write(debug.Stack())
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintln(w, "panic:", v)
		}
	}()
}
`,
	`package handler

import (
	"errors"
	"fmt"
	"net/http"

	"teamerr"
)

func find() error { return errors.New("missing") }

func canonical(w http.ResponseWriter, r *http.Request) {
	err := find()
	var inv *teamerr.Invalid
	switch {
	case errors.As(err, &inv):
		teamerr.Write(w, teamerr.NotFound(inv.Error()))
	case err != nil:
		teamerr.Write(w, teamerr.NotFound(fmt.Sprint("no item: ", err)))
	default:
		teamerr.Write(w, teamerr.Unavailable("maintenance"))
		teamerr.Write(w, teamerr.Internal(err))
	}
	notFound := teamerr.NotFound
	teamerr.Write(w, notFound(err.Error()))
}
`,
	`package handler

import (
	"errors"
	"net/http"
)

// Error is this package's own error response.
//
//errcontract:public
type Error struct{ Status int }

func (e *Error) Error() string { return http.StatusText(e.Status) }

// Gone is a constructor for a status the contract does not document.
//
//errcontract:constructor 410 Gone
func Gone() *Error { return &Error{http.StatusGone} }

//errcontract:writer
func Write(w http.ResponseWriter, err error) {
	var e *Error
	if errors.As(err, &e) {
		http.Error(w, e.Error(), e.Status)
	}
}

func directives(w http.ResponseWriter) {
	//errcontract:ignore raw-http-error -- plain text for the legacy client
	http.Error(w, "legacy", http.StatusBadRequest)
	//errcontract:ignore error-leak -- suppresses nothing
	http.Error(w, "plain", http.StatusBadRequest)
	//errcontract:ignore raw-http-error
	//errcontract:constructor 200
	//errcontract:frobnicate
	Write(w, Gone())
}
`,
	`package handler

import (
	"fmt"
	"net/http"
)

type Responder[W http.ResponseWriter] struct{ w W }

func (r Responder[W]) Fail(err error) {
	http.Error(r.w, err.Error(), http.StatusTeapot)
}

type Result[T any] struct {
	Value T
	Err   error
}

func (r Result[T]) Error() string { return fmt.Sprint(r.Err) }

func Handle[W http.ResponseWriter, T any](w W, res Result[T]) {
	if res.Err != nil {
		w.WriteHeader(418)
		fmt.Fprintf(w, "%v", res)
		return
	}
	Responder[W]{w}.Fail(res)
}
`,
	`package handler

import "net/http"

func broken(w http.ResponseWriter, r *http.Request) {
	http.Error(w, undefined.Error(), http.StatusNotAStatus)
	w.WriteHeader("418")
	w.WriteHeader(1e3)
	w.WriteHeader(4.5)
	w.Write(err)
	http.Error(w)
	http.NotFound(w)
	var x int = "s"
	fmt.Fprintf(w, "%v", x)
}
`,
	`package handler

import (
	"errors"
	"fmt"
	"net/http"

	"teamerr"
)

func load() error { return errors.New("db down") }

func process(r *http.Request) {}

func mixed(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "get only", http.StatusBadRequest)
	}
	process(r)
	err := load()
	if r.URL.Path == "/teapot" {
		w.WriteHeader(http.StatusTeapot)
		w.WriteHeader(undefinedStatus)
		return
	}
	if err != nil {
		http.Error(w, undefined.Text(), 500)
		http.Error(w, err.Error()+undefinedSuffix, 418)
	}
	fmt.Fprint(w, err, undefinedValue)
	http.Error(undefinedWriter, err.Error(), 500)
	var msg string = fmt.Sprint(err, undefined)
	w.Write([]byte(msg))
	w.Write([]byte(fmt.Sprintf("%v: %v", err, undefined)))
	teamerr.Write(w, teamerr.Unavailable(undefinedReason))
	process(r)
}
`,
	`package handler

import "net/http"

func truncated(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "half", http.StatusBadRequest
	w.WriteHeader(
`,
}

// fixSeeds are handler files whose fixes edit every import layout: none
// but the one-line import of the crash, grouped, several groups
// and declarations, doc and line comments, cgo's "C", dot, blank and
// named imports, names that the new imports cannot take, imports that the
// fix leaves unused, and code around the call that gofmt lays out anew
// when the call grows. brokenFixSeeds are layouts that gofmt or the
// parser would not accept.
var fixSeeds = []string{
	`package handler

import "net/http"

func internal(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "Internal Server Error", http.StatusInternalServerError)
}
`,
	`// Package handler serves items.
package handler

import (
	"errors"
	// fmt formats the error text.
	"fmt" // only for the leak
	"net/http"

	"strings"
)

func find(id string) error { return errors.New(strings.TrimSpace(id)) }

func item(w http.ResponseWriter, r *http.Request) {
	if err := find(r.URL.Path); err != nil {
		http.Error(w, fmt.Sprint(err), http.StatusNotFound)
	}
}
`,
	`package handler

import (
	"net/http"
	"net/http/httptest"
)

func probe() *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	http.Error(w, "Internal Server Error", http.StatusInternalServerError)
	return w
}
`,
	`package handler

import "net/http"
import "net/http/httptest"

func probe() *httptest.ResponseRecorder {
	w, r := httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil)
	http.NotFound(w, r)
	return w
}
`,
	`package handler

import . "net/http"

func bad(w ResponseWriter, r *Request) {
	Error(w, "missing id", StatusBadRequest)
}
`,
	`package handler

import (
	. "net/http"
	"net/http/httptest"
)

func probe() *httptest.ResponseRecorder {
	w, r := httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil)
	NotFound(w, r)
	return w
}
`,
	`package handler

import (
	"errors"
	. "fmt"
	"net/http"
)

func item(w http.ResponseWriter, r *http.Request) {
	if err := errors.New("no item"); err != nil {
		http.Error(w, Sprint(err), http.StatusNotFound)
	}
}
`,
	`package handler

import (
	_ "errors"
	h "net/http"
)

func internal(w h.ResponseWriter, r *h.Request) {
	h.Error(w, "the store is down", h.StatusInternalServerError)
}
`,
	`package handler

import "net/http"

var apierror = "the name is taken"

type errors struct{}

func internal(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "Internal Server Error", http.StatusInternalServerError)
}
`,
	`package handler

import (
	apierror "encoding/json"
	"errors"
	"net/http"
)

var errDown = errors.New("down")

func internal(w http.ResponseWriter, r *http.Request) {
	errors := apierror.Valid(nil)
	if !errors {
		http.Error(w, "Internal Server Error", http.StatusInternalServerError)
	}
}
`,
	`package handler

// #include <stdlib.h>
import "C"

import "net/http"

func internal(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "Internal Server Error", http.StatusInternalServerError)
}
`,
	`package handler

import (
	// #include <stdlib.h>
	"C"
)

import (
	"net/http"
	"net/http/httptest"
)

func probe() *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	http.Error(w, "Internal Server Error", http.StatusInternalServerError)
	return w
}
`,
	`package handler

/*
#include <stdlib.h>
*/
import "C"

import (
	"net/http"
	"net/http/httptest"
)

func probe() *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	http.Error(w, "forbidden", http.StatusForbidden)
	return w
}
`,
	`package handler

import (
	"net/http"

	"github.com/errcontract/errcontract/apierror"
)

var errGone = apierror.NotFound("gone")

func notFound(w http.ResponseWriter, r *http.Request) {
	apierror := r.URL.Path
	if apierror == "" {
		http.NotFound(w, r)
	}
}
`,
	`package handler

import (
	"errors"
	"net/http"

	. "github.com/errcontract/errcontract/apierror"
)

var errGone = NotFound("gone")

func find() error { return errors.New("missing") }

func item(w http.ResponseWriter, r *http.Request) {
	if err := find(); err != nil {
		Write(w, r, NotFound(err.Error()))
		return
	}
	http.Error(w, "slow down", http.StatusTooManyRequests)
}
`,
	`package handler

import "net/http"

func gone(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }

func changed(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "changed", http.StatusConflict) // the fix moves
	w.Header().Set("X-Changed", "1")              // this comment
}
`,
	`package handler

import (
	"net/http"

	"teamerr"
)

func notFound(w http.ResponseWriter, r *http.Request) {
	teamerr.Write(w, teamerr.NotFound("no item"))
	http.Error(w, "no such item", http.StatusNotFound)
}
`,
}

var brokenFixSeeds = []string{
	`package handler

import ("net/http"; "net/http/httptest")

func probe() *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	http.Error(w, "Internal Server Error", http.StatusInternalServerError)
	return w
}
`,
	`package handler; import "net/http"
func internal(w http.ResponseWriter, r *http.Request) { http.Error(w, "Internal Server Error", 500) }`,
	`package handler

import "net/http"

func internal(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "Internal Server Error", http.StatusInternalServerError)
}

import (
	"net/http/httptest"
`,
}

// TestIllTypedClaim checks the fuzzer's property on diagnostics made up
// for the purpose: it holds of claims about well-typed code and fails for
// claims about code that does not type-check, so that a fuzzed input on
// which the analyzer makes one fails.
func TestIllTypedClaim(t *testing.T) {
	t.Parallel()
	env := newHandlerEnv(t)
	pkg := env.typeCheck(`package handler

import "net/http"

func h(w http.ResponseWriter, err error) {
	http.Error(w, undefined.Error(), 418)
	http.Error(w, err.Error(), undefinedStatus)
	w.WriteHeader("418")
}
`)
	var calls []*ast.CallExpr
	ast.Inspect(pkg.Syntax[0], func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) > 0 {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "Error" && len(call.Args) == 3 || sel.Sel.Name == "WriteHeader") {
				calls = append(calls, call)
			}
		}
		return true
	})
	if len(calls) != 3 {
		t.Fatalf("found %d calls, want 3", len(calls))
	}
	claim := func(category string, e ast.Node, related ...ast.Node) analysis.Diagnostic {
		d := analysis.Diagnostic{Pos: e.Pos(), End: e.End(), Category: category, Message: "made up"}
		for _, r := range related {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: r.Pos(), End: r.End()})
		}
		return d
	}
	for _, tc := range []struct {
		name string
		d    analysis.Diagnostic
		bad  bool
	}{
		{"status of a call with an undefined message", claim(ruleUndocumentedStatus, calls[0].Args[2]), false},
		{"raw error of an ill-typed call", claim(ruleRawHTTPError, calls[0]), false},
		{"leak of an undefined error", claim(ruleErrorLeak, calls[0].Args[1]), true},
		{"leak with an undefined source", claim(ruleErrorLeak, calls[1].Args[1], calls[0].Args[1]), true},
		{"leak of a defined error", claim(ruleErrorLeak, calls[1].Args[1]), false},
		{"undefined status", claim(ruleUndocumentedStatus, calls[1].Args[2]), true},
		{"status of the wrong type", claim(ruleUndocumentedStatus, calls[2].Args[0]), true},
		{"status on an ill-typed call", claim(ruleUndocumentedStatus, calls[1]), true},
	} {
		if what := illTypedClaim(pkg, tc.d); (what != "") != tc.bad {
			t.Errorf("%s: illTypedClaim = %q, want a complaint: %v", tc.name, what, tc.bad)
		}
	}
}
