package driver

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// metadataMode is what the loader asks of the go command: the package
// graph, the files of every package and the export data the go command
// compiled, but no syntax or types, which the loader builds itself for the
// packages that need them.
const metadataMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule |
	packages.NeedExportFile | packages.NeedTypesSizes

// directiveMark is the text whose presence in a dependency's source makes
// the loader check that dependency from source: it declares canonical
// constructors or writers, whose facts the analyzer exports only from
// syntax.
var directiveMark = []byte("//errcontract:")

// A loader type-checks from source the packages whose facts or findings
// matter (see sourceSet) and reads every other package the go command
// compiled from its export data, as a driver without facts would.
type loader struct {
	fset    *token.FileSet
	nodes   map[*packages.Package]*node
	exports sync.Mutex    // gcexportdata may fill in any package of a view
	cpu     chan struct{} // limits parsing and type-checking to GOMAXPROCS
	parsed  sync.Map      // file name to *parsedFile
}

// A parsedFile is a file parsed once for every package it belongs to: a
// package and its test variant share most of their files.
type parsedFile struct {
	once sync.Once
	file *ast.File
	err  error
}

// A node is one package of the graph and the state of its loading.
type node struct {
	pkg      *packages.Package
	source   bool // type-checked from source, with syntax
	analysed bool // the analyzer runs on it: function bodies are checked
	read     bool // read from export data: a source package imports it
	once     sync.Once
}

// A program is the loaded packages: the roots, and which packages the
// analyzer is to run on.
type program struct {
	roots    []*packages.Package
	analysed map[*packages.Package]bool
}

// load returns the packages matching patterns, each checked from source,
// and their dependencies: from source where sourceSet says so, otherwise
// from export data.
func load(patterns []string, tests, allSource bool) (*program, error) {
	cfg := &packages.Config{Mode: metadataMode, Tests: tests}
	roots, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(roots) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	ld := &loader{
		fset:  token.NewFileSet(),
		nodes: make(map[*packages.Package]*node),
		cpu:   make(chan struct{}, runtime.GOMAXPROCS(0)),
	}
	analysed, consistent := sourceSet(roots, allSource)
	for pkg := range analysed {
		ld.nodes[pkg] = &node{pkg: pkg, source: true, analysed: true}
	}
	for pkg := range consistent {
		ld.nodes[pkg] = &node{pkg: pkg, source: true}
	}
	packages.Visit(roots, nil, func(pkg *packages.Package) {
		if ld.nodes[pkg] == nil {
			ld.nodes[pkg] = &node{pkg: pkg}
		}
		pkg.Fset = ld.fset
		pkg.Types = types.NewPackage(pkg.PkgPath, pkg.Name)
	})
	for _, n := range ld.nodes {
		if n.source {
			for _, imp := range n.pkg.Imports {
				ld.nodes[imp].read = !ld.nodes[imp].source
			}
		}
	}
	var wg sync.WaitGroup
	for _, root := range roots {
		wg.Go(func() { ld.ensure(ld.nodes[root]) })
	}
	wg.Wait()
	return &program{roots: roots, analysed: analysed}, nil
}

// sourceSet returns the packages to check from source. The analysed ones
// are those whose findings or facts matter: the roots, the packages of the
// main modules (a go.work workspace's among them) that they depend on,
// since their helpers are summarised as facts, and the dependencies whose
// source declares errcontract directives; with allSource, every package.
// The consistent ones are the other packages that import one of those
// (a package recompiled for another's internal test, say): their types
// must refer to the source-checked packages, not to export data, but
// their function bodies matter to no one, as go/packages also treats
// them. A dependency without export data is among them too.
func sourceSet(roots []*packages.Package, allSource bool) (analysed, consistent map[*packages.Package]bool) {
	analysed = make(map[*packages.Package]bool)
	consistent = make(map[*packages.Package]bool)
	for _, root := range roots {
		analysed[root] = true
	}
	var visit func(pkg *packages.Package) bool
	done := make(map[*packages.Package]bool)
	visit = func(pkg *packages.Package) bool {
		if done[pkg] {
			return analysed[pkg] || consistent[pkg]
		}
		done[pkg] = true
		importsSource := false
		for _, imp := range pkg.Imports {
			importsSource = visit(imp) || importsSource
		}
		switch {
		case pkg.PkgPath == "unsafe":
			return false
		case allSource || inMainModule(pkg) || declaresDirectives(pkg):
			analysed[pkg] = true
		case !analysed[pkg] && (importsSource || pkg.ExportFile == ""):
			consistent[pkg] = true
		}
		return analysed[pkg] || consistent[pkg]
	}
	for _, root := range roots {
		visit(root)
	}
	return analysed, consistent
}

func inMainModule(pkg *packages.Package) bool {
	return pkg.Module != nil && pkg.Module.Main
}

// declaresDirectives reports whether a dependency outside the standard
// library that serves HTTP has errcontract directives in its source.
// Reading its files costs far less than type-checking them, and only
// packages importing net/http are read.
func declaresDirectives(pkg *packages.Package) bool {
	if pkg.Module == nil || pkg.Imports["net/http"] == nil {
		return false // the standard library, or no HTTP
	}
	for _, name := range pkg.GoFiles {
		content, err := os.ReadFile(name)
		if err == nil && bytes.Contains(content, directiveMark) {
			return true
		}
	}
	return false
}

// prune drops from the Imports of every package to analyse those it does
// not analyse, so that an analysis driver runs on the former only: the
// others have no syntax, or no function bodies, to analyse.
func (prog *program) prune() {
	packages.Visit(prog.roots, func(pkg *packages.Package) bool {
		for path, imp := range pkg.Imports {
			if !prog.analysed[imp] {
				delete(pkg.Imports, path)
			}
		}
		return true
	}, nil)
}

// ensure loads n once its imports are loaded: a source package is parsed
// and type-checked; a package that a source package imports is read from
// its export data; any other needs nothing but its (empty) types.Package,
// which the export data of its importers fills in. Dependencies come
// first, as in go/packages, so that a package's own export data is read
// before that of its importers.
func (ld *loader) ensure(n *node) {
	n.once.Do(func() {
		var wg sync.WaitGroup
		for _, imp := range n.pkg.Imports {
			wg.Go(func() { ld.ensure(ld.nodes[imp]) })
		}
		wg.Wait()
		switch {
		case n.pkg.PkgPath == "unsafe":
			n.pkg.Types = types.Unsafe
		case n.source:
			ld.check(n.pkg, !n.analysed)
		case n.read:
			ld.readExportData(n.pkg)
		}
	})
}

// readExportData fills in pkg.Types from the export data the go command
// compiled.
func (ld *loader) readExportData(pkg *packages.Package) {
	ld.exports.Lock()
	defer ld.exports.Unlock()
	if pkg.Types.Complete() {
		return // read already, or filled in completely by an importer's data
	}
	f, err := os.Open(pkg.ExportFile)
	if err != nil {
		pkg.Errors = append(pkg.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		pkg.IllTyped = true
		return
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err == nil {
		pkg.Types, err = gcexportdata.Read(r, ld.fset, exportView(pkg), pkg.PkgPath)
	}
	if err != nil {
		pkg.Errors = append(pkg.Errors, packages.Error{Pos: "-", Msg: fmt.Sprintf("reading %s: %v", pkg.ExportFile, err), Kind: packages.UnknownError})
		pkg.IllTyped = true
	}
}

// exportView returns the packages that the export data of pkg may refer
// to, by path: its transitive imports, whose types.Package it fills in
// rather than creating new ones.
func exportView(pkg *packages.Package) map[string]*types.Package {
	view := make(map[string]*types.Package)
	var visit func(p *packages.Package)
	visit = func(p *packages.Package) {
		for _, imp := range p.Imports {
			if view[imp.PkgPath] == nil {
				view[imp.PkgPath] = imp.Types
				visit(imp)
			}
		}
	}
	visit(pkg)
	return view
}

// check parses and type-checks pkg from source, without its function
// bodies if ignoreBodies. Its errors are recorded as go/packages records
// them, and it is ill-typed if it or any of its imports has errors.
func (ld *loader) check(pkg *packages.Package, ignoreBodies bool) {
	ld.cpu <- struct{}{}
	defer func() { <-ld.cpu }()
	files := pkg.CompiledGoFiles
	fakeC := false
	if len(files) == 0 && len(pkg.GoFiles) > 0 {
		files, fakeC = pkg.GoFiles, true // cgo processing failed
	}
	for _, name := range files {
		f, err := ld.parse(name)
		if f != nil {
			pkg.Syntax = append(pkg.Syntax, f)
		}
		if err != nil {
			addError(pkg, err)
		}
	}
	pkg.TypesInfo = &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	tc := &types.Config{
		Importer:         importerOf(pkg),
		Sizes:            pkg.TypesSizes,
		FakeImportC:      fakeC,
		IgnoreFuncBodies: ignoreBodies,
		Error:            func(err error) { addError(pkg, err) },
	}
	if pkg.Module != nil && pkg.Module.GoVersion != "" {
		tc.GoVersion = "go" + pkg.Module.GoVersion
	}
	listed := len(pkg.Errors)
	err := types.NewChecker(tc, ld.fset, pkg.Types, pkg.TypesInfo).Files(pkg.Syntax)
	if err != nil && len(pkg.Errors) == 0 {
		addError(pkg, err)
	}
	if len(pkg.Errors) > listed {
		dropBuildErrors(pkg)
	}
	// Under FakeImportC, references to C are not errors, but nothing
	// about them is known.
	pkg.IllTyped = len(pkg.Errors) > 0 || fakeC
	for _, imp := range pkg.Imports {
		pkg.IllTyped = pkg.IllTyped || imp.IllTyped
	}
}

// dropBuildErrors drops the go command's report of its failure to compile
// pkg, "# path" and the compiler's errors, which repeats the errors that
// type-checking pkg found.
func dropBuildErrors(pkg *packages.Package) {
	pkg.Errors = slices.DeleteFunc(pkg.Errors, func(e packages.Error) bool {
		return e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ")
	})
}

// parse returns the syntax of the file name, parsing it the first time.
func (ld *loader) parse(name string) (*ast.File, error) {
	v, _ := ld.parsed.LoadOrStore(name, new(parsedFile))
	pf := v.(*parsedFile)
	pf.once.Do(func() {
		pf.file, pf.err = parser.ParseFile(ld.fset, name, nil, parser.AllErrors|parser.ParseComments)
	})
	return pf.file, pf.err
}

// importerOf resolves the imports of pkg's files through pkg.Imports,
// which the go command keyed by the path as written.
func importerOf(pkg *packages.Package) types.Importer {
	return importerFunc(func(path string) (*types.Package, error) {
		if path == "unsafe" {
			return types.Unsafe, nil
		}
		imp := pkg.Imports[path]
		if imp == nil {
			return nil, fmt.Errorf("no metadata for %s", path)
		}
		if !imp.Types.Complete() {
			return nil, fmt.Errorf("could not import %s (no export data or type information)", path)
		}
		return imp.Types, nil
	})
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// addError records err among pkg's errors, in go/packages' form.
func addError(pkg *packages.Package, err error) {
	switch err := err.(type) {
	case types.Error:
		pkg.TypeErrors = append(pkg.TypeErrors, err)
		pkg.Errors = append(pkg.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
	case scanner.ErrorList:
		for _, e := range err {
			pkg.Errors = append(pkg.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
		}
	default:
		pkg.Errors = append(pkg.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
	}
}
