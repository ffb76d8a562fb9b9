package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// isSentinel is the fact that a package-level error variable is a sentinel
// with a constant message: var ErrNotFound = errors.New("not found"). Its
// text is a message the module wrote, so showing it leaks nothing. A
// variable whose value does not type-check is one too: what its text holds
// cannot be known, and the rules say nothing about what they cannot know.
type isSentinel struct{}

func (*isSentinel) AFact()         {}
func (*isSentinel) String() string { return "sentinel" }

// findSentinels returns the package-level variables declared as sentinels.
func findSentinels(typed *typing, files []*ast.File) []*types.Var {
	info := typed.info
	var vars []*types.Var
	for _, file := range files {
		for _, decl := range file.Decls {
			gen, ok := decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.VAR {
				continue
			}
			for _, spec := range gen.Specs {
				spec := spec.(*ast.ValueSpec)
				if len(spec.Values) != len(spec.Names) {
					continue
				}
				for i, name := range spec.Names {
					if v, ok := info.Defs[name].(*types.Var); ok && (isConstantError(info, spec.Values[i]) || !typed.wellTyped(spec.Values[i])) {
						vars = append(vars, v)
					}
				}
			}
		}
	}
	return vars
}

// isConstantError reports whether e is errors.New or fmt.Errorf of a
// constant string alone.
func isConstantError(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "errors.New", "fmt.Errorf":
		tv := info.Types[call.Args[0]]
		return tv.Value != nil && tv.Value.Kind() == constant.String && !strings.Contains(constant.StringVal(tv.Value), "%")
	}
	return false
}

// isModuleSentinel reports whether e denotes a sentinel error of the
// module being checked (of the package itself, where the driver tells no
// module).
func (s *state) isModuleSentinel(e ast.Expr) bool {
	v, ok := s.uses(e).(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() || !s.inModule(v.Pkg()) {
		return false
	}
	return s.pass.ImportObjectFact(v, new(isSentinel))
}

// inModule reports whether pkg belongs to the module being checked.
func (s *state) inModule(pkg *types.Package) bool {
	if pkg == s.pass.Pkg {
		return true
	}
	mod := s.pass.Module
	if mod == nil || mod.Path == "" {
		return false
	}
	return pkg.Path() == mod.Path || strings.HasPrefix(pkg.Path(), mod.Path+"/")
}
