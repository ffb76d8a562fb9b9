package analyzer

import (
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/errcontract/errcontract/internal/config"
)

// files memoizes the parsed errcontract.yaml files of one analyzer, by path,
// so that a run parses each once and not once per package. An entry is
// used while the file's size and modification time are unchanged: gopls
// keeps one analyzer for its whole session.
type files struct {
	mu     sync.Mutex
	byPath map[string]*parsedFile
}

type parsedFile struct {
	size     int64
	mod      time.Time
	file     *config.File
	problems config.Problems
}

// load returns the file at path, parsed, and its problems.
func (fs *files) load(path string) (*config.File, config.Problems) {
	st, err := os.Stat(path)
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if p := fs.byPath[path]; p != nil && err == nil && p.size == st.Size() && p.mod.Equal(st.ModTime()) {
		return p.file, p.problems
	}
	f, problems := config.Load(path, path)
	if err == nil {
		if fs.byPath == nil {
			fs.byPath = make(map[string]*parsedFile)
		}
		fs.byPath[path] = &parsedFile{st.Size(), st.ModTime(), f, problems}
	}
	return f, problems
}

// fileFor returns the errcontract.yaml of the package: the configured one,
// else the one found upward from the package's directory; nil if none.
func (c *checker) fileFor(pass *analysis.Pass) (*config.File, config.Problems) {
	path := c.cfg.File
	if path != "" {
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
	} else {
		dir := packageDir(pass)
		if dir == "" {
			return nil, nil // no files, or files of no directory
		}
		if path = config.Find(dir); path == "" {
			return nil, nil
		}
	}
	return c.files.load(path)
}

// packageDir returns the directory of the package's Go files.
func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.FileStart); tf != nil && strings.HasSuffix(tf.Name(), ".go") && filepath.IsAbs(tf.Name()) {
			return filepath.Dir(tf.Name())
		}
	}
	return ""
}

// A yamlFile maps positions of errcontract.yaml into the pass's file set,
// so that its problems are diagnostics like any other: the checker prints
// each once however many packages report it. The file is added to the file
// set only when there is something to report.
type yamlFile struct {
	pass *analysis.Pass
	f    *config.File
	path string
	tf   *token.File
}

func (y *yamlFile) pos(p config.Pos) token.Pos {
	if y.tf == nil {
		var content []byte
		if y.f != nil {
			content = y.f.Content
		}
		y.tf = y.pass.Fset.AddFile(y.path, -1, len(content))
		y.tf.SetLinesForContent(content)
	}
	if p.Line > y.tf.LineCount() {
		return token.Pos(y.tf.Base() + y.tf.Size())
	}
	off := y.tf.Offset(y.tf.LineStart(p.Line)) + p.Col - 1
	return token.Pos(y.tf.Base() + min(off, y.tf.Size()))
}

func (y *yamlFile) report(p config.Pos, msg string) {
	y.pass.Report(analysis.Diagnostic{Pos: y.pos(p), Category: categoryConfig, URL: "#configuration", Message: msg})
}

// reportProblems reports the problems of the file at path.
func reportProblems(pass *analysis.Pass, f *config.File, path string, problems config.Problems) {
	y := &yamlFile{pass: pass, f: f, path: path}
	for _, p := range problems {
		y.report(p.Pos, p.Msg)
	}
}

// exportFileFacts exports the facts that the file's writers, constructors
// and public entries declare for objects of the package, as the directives
// would, and reports the entries that name nothing in it.
func exportFileFacts(pass *analysis.Pass, f *config.File, ds *directives) {
	if f == nil {
		return
	}
	y := &yamlFile{pass: pass, f: f, path: f.Path}
	for _, n := range f.Writers {
		if fn := lookupFunc(pass, y, n, "writer"); fn != nil {
			pass.ExportObjectFact(fn, new(isWriter))
			ds.declared = true
		}
	}
	for _, c := range f.Constructors {
		fn := lookupFunc(pass, y, c.Func, "constructor")
		if fn == nil {
			continue
		}
		if fn.Signature().Results().Len() == 0 {
			y.report(c.Func.Pos, fmt.Sprintf("constructor %s returns nothing; a constructor returns the error it builds", c.Func.Path))
			continue
		}
		pass.ExportObjectFact(fn, &isConstructor{Status: c.Status, Code: c.Code})
		ds.declared = true
		// Reported at the function, which every driver can show.
		end := fn.Pos() + token.Pos(len(fn.Name()))
		ds.ctors = append(ds.ctors, constructorDecl{fn.Pos(), end, fn.Pos(), end, c.Status, c.Code})
	}
	for _, n := range f.Public {
		member, ok := n.In(pass.Pkg.Path())
		if !ok {
			continue
		}
		tn, _ := pass.Pkg.Scope().Lookup(member).(*types.TypeName)
		if tn == nil {
			y.report(n.Pos, fmt.Sprintf("public type %s is not a type of package %s", n.Path, pass.Pkg.Path()))
			continue
		}
		pass.ExportObjectFact(tn, new(isPublic))
		ds.declared = true
	}
}

// lookupFunc returns the function or method that n names in the package,
// or nil: if n is of another package, or, reported, if it names nothing
// or something else.
func lookupFunc(pass *analysis.Pass, y *yamlFile, n config.Name, what string) *types.Func {
	member, ok := n.In(pass.Pkg.Path())
	if !ok {
		return nil
	}
	typeName, method, isMethod := strings.Cut(member, ".")
	obj := pass.Pkg.Scope().Lookup(typeName)
	if isMethod {
		if tn, ok := obj.(*types.TypeName); ok {
			obj, _, _ = types.LookupFieldOrMethod(types.NewPointer(tn.Type()), false, pass.Pkg, method)
		} else {
			obj = nil
		}
	}
	switch obj := obj.(type) {
	case *types.Func:
		if obj.Pkg() != pass.Pkg {
			y.report(n.Pos, fmt.Sprintf("%s %s is promoted from package %s (valid: the method where it is declared)", what, n.Path, obj.Pkg().Path()))
			return nil
		}
		return obj
	case nil:
		y.report(n.Pos, fmt.Sprintf("%s %s does not exist in package %s", what, n.Path, pass.Pkg.Path()))
	default:
		y.report(n.Pos, fmt.Sprintf("%s %s is not a function (valid: pkgpath.Func or pkgpath.Type.Method)", what, n.Path))
	}
	return nil
}
