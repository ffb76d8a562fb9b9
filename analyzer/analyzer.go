package analyzer

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/errcontract/errcontract/internal/contract/openapi"
	"github.com/errcontract/errcontract/internal/httpmodel"
)

//go:embed doc.go
var doc string

// Analyzer is errcontract with the default configuration.
var Analyzer = New(DefaultConfig())

// New returns an errcontract analyzer for cfg. Each analyzer owns its
// configuration: its flags update that copy and no other, so analyzers with
// different contracts can run side by side. New does not validate cfg: an
// invalid one makes every run fail, so callers check it with Validate first,
// as the command's flags and the golangci-lint plugin do.
//
// The analyzer runs despite errors: one dependency that does not build
// (a cgo library that is missing, a type error below the handlers) would
// otherwise hide the findings of every package that imports it. Where code
// does not type-check, the rules say nothing about it (see typing).
func New(cfg Config) *analysis.Analyzer { return newAnalyzer(cfg, false) }

// NewSurveyor returns the analyzer of New that also surveys how each
// package writes errors, its result: what errcontract init writes its
// first errcontract.yaml from. The survey is work that no rule needs, so
// the analyzer of New, which runs on every build, does not do it.
func NewSurveyor(cfg Config) *analysis.Analyzer { return newAnalyzer(cfg, true) }

func newAnalyzer(cfg Config, survey bool) *analysis.Analyzer {
	c := &checker{cfg: cfg, survey: survey}
	a := &analysis.Analyzer{
		Name:             "errcontract",
		Doc:              mustExtractDoc(doc, "errcontract"),
		URL:              "https://github.com/errcontract/errcontract",
		Run:              c.run,
		RunDespiteErrors: true,
		FactTypes:        []analysis.Fact{new(isConstructor), new(isWriter), new(isPublic), new(declaresDirectives), new(summary), new(isSentinel), new(writesStatuses), new(noReturn)},
	}
	if survey {
		a.ResultType = reflect.TypeFor[*Survey]()
	}
	c.cfg.BindFlags(&a.Flags)
	return a
}

type checker struct {
	cfg    Config
	files  files // errcontract.yaml files, parsed once per run
	specs  specs // the OpenAPI specs they name, read once per run
	survey bool  // the result is the package's Survey
}

// result returns what run returns for s: nothing, unless the analyzer
// surveys.
func (c *checker) result(s *Survey) any {
	if !c.survey {
		return nil
	}
	return s
}

func (c *checker) run(pass *analysis.Pass) (any, error) {
	file, problems := c.fileFor(pass)
	if problems != nil {
		// With the file invalid, no rule can be trusted to apply the
		// team's contract: report the file, and nothing else.
		reportProblems(pass, file, file.Path, problems)
		return c.result(nil), nil
	}
	cfg, err := resolve(c.cfg, file)
	if err != nil {
		return nil, err
	}
	ds := readDirectives(pass)
	exportFileFacts(pass, cfg.file, ds)
	if ds.declared {
		pass.ExportPackageFact(new(declaresDirectives))
	}
	r := newReporter(pass, cfg, ds.ignores)
	for _, d := range ds.problems {
		r.report(d)
	}
	checkConstructorStatuses(pass, cfg, r, ds)
	typed := newTyping(pass.TypesInfo, pass.TypeErrors)
	for _, v := range findSentinels(typed, pass.Files) {
		pass.ExportObjectFact(v, new(isSentinel))
	}
	s := newState(pass, cfg, r, typed)
	s.spec = c.specFor(pass, cfg.file)
	if c.survey {
		s.result = new(Survey)
	}
	if s.serves || !isStandard(pass.Pkg.Path()) {
		s.findNoReturns()
		s.summarize(s.serves)
	}
	if s.serves {
		s.readHandlerContracts()
		s.readSpecContracts()
		s.checkCalls()
		s.surveyFuncs()
	}
	r.reportUnusedIgnores()
	return c.result(s.result), nil
}

// state is what the rules share while checking one package.
type state struct {
	pass           *analysis.Pass
	cfg            *settings
	r              *reporter
	typed          *typing
	model          *httpmodel.Registry
	calls          map[*types.Func]*httpmodel.Call // memoized model.Call
	varFuncs       map[*types.Var]*types.Func      // memoized varFunc
	closureFuncs   map[*types.Var]*types.Func      // the closures the summaries cover
	impls          map[*types.Func][]*types.Func   // memoized implementations
	renderings     map[*httpmodel.Framework]*rendering
	serves         bool // the package can write responses or build errors
	responseWriter *types.Interface
	flows          map[ast.Node]*flow // by outermost function
	canonicalPkgs  map[*types.Package]bool
	canon          *canonical // memoized canonical()
	files          map[*token.File]*fileInfo
	summaries      map[*types.Func]*summary         // of the package's functions
	imported       map[*types.Func]*summary         // memoized imported facts
	errorWrites    map[*ast.BlockStmt][]errorWrite  // by function body, for missing-return
	writtenAgain   map[*ast.CallExpr]bool           // reported by missing-return
	noReturnDecls  map[*types.Func]*ast.FuncDecl    // functions that may never return
	noReturns      map[*types.Func]bool             // memoized neverReturns
	handlers       map[ast.Node]*handlerContract    // by *ast.FuncDecl or *ast.FuncLit
	registered     *[]registration                  // memoized registrations
	spec           *openapi.Spec                    // the OpenAPI spec of errcontract.yaml, or nil
	handlerWrites  map[*ast.FuncDecl]map[int]string // exported handlers' statuses, where first written
	pkgVars        *packageVars                     // memoized packageVarInits()
	inspect        *inspector.Inspector             // built by root
	result         *Survey                          // if the analyzer surveys
}

// newState returns the state for checking pass.Pkg. The package serves
// HTTP if it imports a package of the model (net/http, a framework) or a
// canonical error package; otherwise the rules have nothing to check in
// it.
func newState(pass *analysis.Pass, cfg *settings, r *reporter, typed *typing) *state {
	s := &state{
		pass:          pass,
		cfg:           cfg,
		r:             r,
		typed:         typed,
		model:         httpmodel.Default(),
		calls:         make(map[*types.Func]*httpmodel.Call),
		varFuncs:      make(map[*types.Var]*types.Func),
		closureFuncs:  make(map[*types.Var]*types.Func),
		impls:         make(map[*types.Func][]*types.Func),
		renderings:    make(map[*httpmodel.Framework]*rendering),
		canonicalPkgs: make(map[*types.Package]bool),
		flows:         make(map[ast.Node]*flow),
		files:         make(map[*token.File]*fileInfo),
		imported:      make(map[*types.Func]*summary),
		errorWrites:   make(map[*ast.BlockStmt][]errorWrite),
		writtenAgain:  make(map[*ast.CallExpr]bool),
		noReturns:     make(map[*types.Func]bool),
	}
	s.serves = s.isCanonicalPkg(pass.Pkg)
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == "net/http" {
			s.responseWriter = responseWriterOf(imp)
			s.serves = true
		}
		if s.isCanonicalPkg(imp) || s.model.Framework(imp.Path()) != nil {
			s.serves = true
		}
	}
	if s.serves && s.responseWriter == nil {
		s.responseWriter = findResponseWriter(pass.Pkg)
	}
	return s
}

// isStandard reports whether path is a standard library package: its first
// element has no dot. The standard library's own helpers matter to the
// rules only where it serves HTTP.
func isStandard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// checkCalls runs the rules on every call of the package.
func (s *state) checkCalls() {
	root := s.root()
	for cur := range root.Preorder((*ast.CallExpr)(nil)) {
		site := s.classify(cur.Node().(*ast.CallExpr))
		if site == nil {
			continue
		}
		if s.r.enabled(ruleRawHTTPError) {
			s.checkRawError(cur, site)
		}
		if s.r.enabled(ruleUndocumentedStatus) {
			s.checkStatus(cur, site)
			s.checkBodyCodes(cur, site)
		}
		if s.r.enabled(ruleErrorLeak) {
			s.checkLeak(cur, site)
		}
		if s.r.enabled(ruleMissingReturn) {
			s.noteErrorWrite(cur, site)
		}
		s.noteHandlerStatus(cur, site)
		s.noteWrittenStatus(cur, site)
		s.survey(cur, site)
	}
	s.exportHandlerWrites()
	s.checkMissingReturns()
	if s.r.enabled(ruleSuperfluousWrite) {
		s.checkSuperfluousWrites(root)
	}
	if s.r.enabled(ruleUnusedDocumentedStatus) {
		s.checkUnusedStatuses()
	}
	if s.r.enabled(ruleErrorLeak) && s.importsRenderer() {
		s.checkReturnedErrors(root)
		s.checkAttachedErrors(root)
	}
}

// root returns the root of the package's syntax for traversals. The
// inspector is built here rather than required: the driver runs
// errcontract on every dependency, for its facts, and most of them serve
// no HTTP and need no traversal of their own.
func (s *state) root() inspector.Cursor {
	if s.inspect == nil {
		s.inspect = inspector.New(s.pass.Files)
	}
	return s.inspect.Root()
}

// importsRenderer reports whether the package imports a framework that
// renders the errors its handlers return.
func (s *state) importsRenderer() bool {
	for _, imp := range s.pass.Pkg.Imports() {
		if fw := s.model.Framework(imp.Path()); fw != nil && fw.Renderer != nil {
			return true
		}
	}
	return false
}

func responseWriterOf(http *types.Package) *types.Interface {
	obj, _ := http.Scope().Lookup("ResponseWriter").(*types.TypeName)
	if obj == nil {
		return nil
	}
	iface, _ := obj.Type().Underlying().(*types.Interface)
	return iface
}

// findResponseWriter finds net/http among the transitive imports of pkg.
func findResponseWriter(pkg *types.Package) *types.Interface {
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package) *types.Interface
	visit = func(p *types.Package) *types.Interface {
		if seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == "net/http" {
			return responseWriterOf(p)
		}
		for _, imp := range p.Imports() {
			if iface := visit(imp); iface != nil {
				return iface
			}
		}
		return nil
	}
	return visit(pkg)
}

// uses returns the object that e, an identifier or a selector such as
// pkg.Name or a method value x.M, refers to; nil for other expressions.
func (s *state) uses(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return s.pass.TypesInfo.Uses[e]
	case *ast.SelectorExpr:
		return s.pass.TypesInfo.Uses[e.Sel]
	}
	return nil
}
