package analyzer

import (
	"go/types"

	"github.com/errcontract/errcontract/internal/config"
)

// What a team declares, by directive or in errcontract.yaml: a function is
// a writer or a constructor, a type is public. These functions are the one
// definition of it; every rule asks them.
//
// A declaration is known two ways. Its fact, exported where the declaring
// package is analyzed: the package's directives, or the entries of the file
// that package finds. And the entries of the file that the package being
// analyzed finds, matched by the object's qualified name: the declaring
// package may be of another module, which finds another file or none, or
// a package the command reads from export data without analyzing it.

// isWriterFunc reports whether fn is a declared writer.
func (s *state) isWriterFunc(fn *types.Func) bool {
	fn = fn.Origin()
	return s.pass.ImportObjectFact(fn, new(isWriter)) || s.cfg.entries.writers[qualifiedName(fn)]
}

// constructorOf returns what fn builds if it is a declared constructor.
func (s *state) constructorOf(fn *types.Func) (isConstructor, bool) {
	fn = fn.Origin()
	var ctor isConstructor
	if s.pass.ImportObjectFact(fn, &ctor) {
		return ctor, true
	}
	ctor, ok := s.cfg.entries.ctors[qualifiedName(fn)]
	return ctor, ok
}

func (s *state) isConstructorFunc(fn *types.Func) bool {
	_, ok := s.constructorOf(fn)
	return ok
}

// isCanonicalFunc reports whether fn is a declared writer or constructor,
// whose body writes error responses by design.
func (s *state) isCanonicalFunc(fn *types.Func) bool {
	return s.isConstructorFunc(fn) || s.isWriterFunc(fn)
}

// isPublicTypeName reports whether the error type tn is declared public.
func (s *state) isPublicTypeName(tn *types.TypeName) bool {
	return s.pass.ImportObjectFact(tn, new(isPublic)) || s.cfg.entries.public[qualifiedName(tn)]
}

// isCanonicalPkg reports whether pkg declares writers, constructors or
// public types: by its facts, or in the file's entries.
func (s *state) isCanonicalPkg(pkg *types.Package) bool {
	is, ok := s.canonicalPkgs[pkg]
	if !ok {
		is = s.pass.ImportPackageFact(pkg, new(declaresDirectives)) || s.cfg.entries.names(pkg.Path())
		s.canonicalPkgs[pkg] = is
	}
	return is
}

// qualifiedName returns the name that errcontract.yaml gives obj, a
// package-level function or type or a method: pkgpath.Func, pkgpath.Type
// or pkgpath.Type.Method. It returns "" for other objects.
func qualifiedName(obj types.Object) string {
	if obj.Pkg() == nil {
		return ""
	}
	if fn, ok := obj.(*types.Func); ok && fn.Signature().Recv() != nil {
		tn := typeNameOf(fn.Signature().Recv().Type())
		if tn == nil {
			return "" // an interface method
		}
		return obj.Pkg().Path() + "." + tn.Name() + "." + fn.Name()
	}
	if obj.Parent() != obj.Pkg().Scope() {
		return "" // a local
	}
	return obj.Pkg().Path() + "." + obj.Name()
}

// entries are the writers, constructors and public types of a file, by
// qualified name. The zero value declares nothing.
type entries struct {
	writers map[string]bool
	ctors   map[string]isConstructor
	public  map[string]bool
	all     []config.Name
}

func newEntries(f *config.File) entries {
	var e entries
	if f == nil {
		return e
	}
	e.writers, e.ctors, e.public = make(map[string]bool), make(map[string]isConstructor), make(map[string]bool)
	for _, n := range f.Writers {
		e.writers[n.Path] = true
		e.all = append(e.all, n)
	}
	for _, c := range f.Constructors {
		e.ctors[c.Func.Path] = isConstructor{Status: c.Status, Code: c.Code}
		e.all = append(e.all, c.Func)
	}
	for _, n := range f.Public {
		e.public[n.Path] = true
		e.all = append(e.all, n)
	}
	return e
}

// names reports whether an entry names an object of the package with the
// given import path.
func (e entries) names(pkgPath string) bool {
	for _, n := range e.all {
		if _, ok := n.In(pkgPath); ok {
			return true
		}
	}
	return false
}
