package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
)

// typing tells which code of a package the type-checker understood. The
// analyzer runs on packages with errors, and on packages whose
// dependencies have them, and there it must never claim what an ill-typed
// expression does: a claim first asks typing whether the expressions it
// rests on are well-typed, and where they are not it says nothing.
type typing struct {
	info   *types.Info
	errors []token.Pos // the positions of the hard type errors, sorted
}

func newTyping(info *types.Info, errs []types.Error) *typing {
	ty := &typing{info: info}
	for _, err := range errs {
		// A soft error, such as an unused variable, leaves every
		// expression typed.
		if !err.Soft && err.Pos.IsValid() {
			ty.errors = append(ty.errors, err.Pos)
		}
	}
	slices.Sort(ty.errors)
	return ty
}

// wellTyped reports whether n and everything in it type-checked: no syntax
// error left a Bad node in it, the type-checker reported no error inside
// it, and each of its expressions has a type, with nothing invalid in it.
// A function literal in n is checked whole, its body included.
func (ty *typing) wellTyped(n ast.Node) bool {
	if n == nil || ty.errorWithin(n) {
		return false
	}
	ok := true
	ast.Inspect(n, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.BadExpr, *ast.BadStmt, *ast.BadDecl:
			ok = false
		case *ast.Ident:
			ok = ty.identTyped(n)
		case *ast.Field:
			// Its tag is a literal with no type of its own.
			for _, name := range n.Names {
				ok = ok && ty.identTyped(name)
			}
			ok = ok && ty.wellTyped(n.Type)
			return false
		case *ast.SelectorExpr:
			// A builtin's type is recorded as invalid where its call is
			// constant: unsafe.Sizeof(x).
			if _, builtin := ty.info.Uses[n.Sel].(*types.Builtin); !builtin {
				ok = ty.exprTyped(n)
			}
		case *ast.KeyValueExpr, *ast.Ellipsis:
			// No type of their own: their parts have one.
		case *ast.TypeAssertExpr:
			if n.Type != nil { // x.(type) in a type switch has none
				ok = ty.exprTyped(n)
			}
		case *ast.ArrayType:
			if _, open := n.Len.(*ast.Ellipsis); !open { // [...]T of a literal has none
				ok = ty.exprTyped(n)
			}
		case *ast.FuncType:
			// A function declaration's type is recorded on its name; a
			// literal's is recorded.
			if _, recorded := ty.info.Types[n]; recorded {
				ok = ty.exprTyped(n)
			}
		case ast.Expr:
			ok = ty.exprTyped(n)
		}
		return ok
	})
	return ok
}

// errorWithin reports whether the type-checker reported an error inside n.
func (ty *typing) errorWithin(n ast.Node) bool {
	i := sort.Search(len(ty.errors), func(i int) bool { return ty.errors[i] >= n.Pos() })
	return i < len(ty.errors) && ty.errors[i] < n.End()
}

func (ty *typing) exprTyped(e ast.Expr) bool {
	tv, ok := ty.info.Types[e]
	return ok && validType(tv.Type)
}

// identTyped reports whether id denotes something with a valid type, or
// something that has none: a package, a label, a builtin, nil, or a name
// that declares nothing (_, the symbol of a type switch).
func (ty *typing) identTyped(id *ast.Ident) bool {
	obj := ty.info.ObjectOf(id)
	if tv, ok := ty.info.Types[id]; ok {
		// A builtin's type is recorded as invalid where its call is
		// constant: len(array).
		_, builtin := obj.(*types.Builtin)
		return builtin || validType(tv.Type)
	}
	switch obj := obj.(type) {
	case nil:
		_, declares := ty.info.Defs[id]
		return declares || id.Name == "_"
	case *types.PkgName, *types.Label, *types.Builtin, *types.Nil:
		return true
	default:
		return validType(obj.Type())
	}
}

// validType reports whether t is a type with nothing invalid in it. A
// named type counts as valid unless it is invalid itself: what its fields
// hold matters where they are selected, and then the selection's own type
// tells.
func validType(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case nil:
		return false
	case *types.Basic:
		return t.Kind() != types.Invalid
	case *types.Named:
		// Only its own underlying type: a recursive type refers to itself.
		if t.Underlying() == types.Typ[types.Invalid] {
			return false
		}
		for arg := range t.TypeArgs().Types() {
			if !validType(arg) {
				return false
			}
		}
		return true
	case *types.Pointer:
		return validType(t.Elem())
	case *types.Slice:
		return validType(t.Elem())
	case *types.Array:
		return validType(t.Elem())
	case *types.Chan:
		return validType(t.Elem())
	case *types.Map:
		return validType(t.Key()) && validType(t.Elem())
	case *types.Tuple:
		for v := range t.Variables() {
			if !validType(v.Type()) {
				return false
			}
		}
		return true
	case *types.Signature:
		return validType(t.Params()) && validType(t.Results())
	case *types.Struct:
		for field := range t.Fields() {
			if !validType(field.Type()) {
				return false
			}
		}
		return true
	case *types.Interface:
		for m := range t.ExplicitMethods() {
			if !validType(m.Type()) {
				return false
			}
		}
		for e := range t.EmbeddedTypes() {
			if !validType(e) {
				return false
			}
		}
		return true
	case *types.Union:
		for i := range t.Len() {
			if !validType(t.Term(i).Type()) {
				return false
			}
		}
		return true
	}
	return true // a type parameter
}

// isStatusExpr reports whether e can be read as a status: well-typed, and
// of an integer type.
func (ty *typing) isStatusExpr(e ast.Expr) bool {
	t := ty.info.TypeOf(e)
	if t == nil {
		return false // missing type information
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0 && ty.wellTyped(e)
}

func (s *state) wellTyped(n ast.Node) bool { return s.typed.wellTyped(n) }
