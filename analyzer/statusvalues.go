package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
)

// This file follows statuses beyond locals: the result of a function that
// returns a constant status per case (statusOf(err)), the values of a map
// of statuses (statusFor[err]), and a field of a struct value built in the
// function or held by a package-level variable (errMaintenance.Status).

// resultStatuses returns the statuses that result i of call can be, from
// the callee's summary.
func (f *flow) resultStatuses(call *ast.CallExpr, i int) ([]statusValue, bool) {
	fn := typeutil.StaticCallee(f.s.pass.TypesInfo, call)
	if fn == nil {
		return nil, false // a dynamic call, or a conversion
	}
	sum := f.s.summaryOf(fn)
	if sum == nil || len(sum.ResultStatuses) == 0 || sum.StatusResult != i || sum.Partial {
		return nil, false
	}
	values := make([]statusValue, len(sum.ResultStatuses))
	for k, code := range sum.ResultStatuses {
		values[k] = statusValue{code: code, from: call}
	}
	return values, true
}

// tupleStatuses returns the statuses that result i of a multi-valued
// expression can be: a call's, or the value of a comma-ok map lookup.
func (f *flow) tupleStatuses(rhs ast.Expr, i int) ([]statusValue, bool) {
	switch x := ast.Unparen(rhs).(type) {
	case *ast.CallExpr:
		return f.resultStatuses(x, i)
	case *ast.IndexExpr:
		if i == 0 {
			return f.mapStatuses(x)
		}
	}
	return nil, false
}

// mapStatuses returns the statuses that a lookup in a map of statuses can
// give: the values of the composite literal a package-level variable of
// the package holds, if nothing else writes to it. A missing key gives 0,
// which no contract documents or forbids.
func (f *flow) mapStatuses(index *ast.IndexExpr) ([]statusValue, bool) {
	if _, ok := f.s.pass.TypesInfo.TypeOf(index.X).Underlying().(*types.Map); !ok {
		return nil, false // a slice, an array, or a generic instantiation
	}
	lit := f.s.packageVarLiteral(index.X)
	if lit == nil {
		return nil, false
	}
	var values []statusValue
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, false
		}
		vs, ok := f.s.constStatus(kv.Value)
		if !ok {
			return nil, false
		}
		values = append(values, vs)
	}
	return values, len(values) > 0
}

// fieldStatuses returns the statuses that a field of a struct value can
// be: set by the composite literal that a local variable, assigned only
// that, or a package-level variable of the package, written nowhere else,
// holds.
func (f *flow) fieldStatuses(sel *ast.SelectorExpr, before token.Pos, depth int) ([]statusValue, bool) {
	selection := f.s.pass.TypesInfo.Selections[sel]
	if selection == nil || selection.Kind() != types.FieldVal || len(selection.Index()) != 1 {
		return nil, false // a method, a qualified name, or an embedded field
	}
	field := selection.Obj().(*types.Var)
	var lits []*ast.CompositeLit
	if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && f.localVar(id) != nil {
		v := f.localVar(id)
		if f.incomplete || f.visiting[v] {
			return nil, false
		}
		for _, a := range f.assigns[v] {
			if before != token.NoPos && !f.reaches(a, before) {
				continue
			}
			lit := compositeOf(a.rhs)
			if a.kind != assignValue || lit == nil {
				return nil, false // updated, or a value not built here
			}
			lits = append(lits, lit)
		}
	} else if lit := f.s.packageVarLiteral(sel.X); lit != nil {
		lits = append(lits, lit)
	}
	if len(lits) == 0 {
		return nil, false
	}
	var values []statusValue
	for _, lit := range lits {
		value := fieldValue(f.s.pass.TypesInfo, lit, field)
		if value == nil {
			return nil, false // the zero value, or a literal without keys
		}
		vs, ok := f.statuses(value, token.NoPos, depth+1)
		if !ok {
			return nil, false
		}
		values = append(values, vs...)
	}
	return values, true
}

// constStatus returns the status e is if it is an integer constant.
func (s *state) constStatus(e ast.Expr) (statusValue, bool) {
	tv, ok := s.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || !s.typed.isStatusExpr(e) {
		return statusValue{}, false
	}
	code, exact := constantInt(tv)
	if !exact {
		return statusValue{}, false
	}
	return statusValue{code: code, from: e}, true
}

// compositeOf returns the composite literal e is, or takes the address of.
func compositeOf(e ast.Expr) *ast.CompositeLit {
	if e == nil {
		return nil
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit
}

// fieldValue returns the expression that lit gives field, or nil if it
// gives it none (or gives values by position).
func fieldValue(info *types.Info, lit *ast.CompositeLit, field *types.Var) ast.Expr {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil
		}
		if id, ok := kv.Key.(*ast.Ident); ok && info.ObjectOf(id) == field {
			return kv.Value
		}
	}
	return nil
}

// packageVarLiteral returns the composite literal that the package-level
// variable e names is initialized with, if the package writes to the
// variable nowhere else; nil otherwise.
func (s *state) packageVarLiteral(e ast.Expr) *ast.CompositeLit {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := s.pass.TypesInfo.Uses[id].(*types.Var)
	if v == nil || v.Pkg() != s.pass.Pkg || v.Parent() != s.pass.Pkg.Scope() {
		return nil // not a package-level variable of this package
	}
	inits := s.packageVarInits()
	if inits.written[v] {
		return nil
	}
	return inits.lits[v]
}

// packageVars is what the package does with its package-level variables:
// the composite literal each is initialized with, and those written to
// after their declaration (assigned, or in part, or addressed).
type packageVars struct {
	lits    map[*types.Var]*ast.CompositeLit
	written map[*types.Var]bool
}

func (s *state) packageVarInits() *packageVars {
	if s.pkgVars != nil {
		return s.pkgVars
	}
	pv := &packageVars{lits: make(map[*types.Var]*ast.CompositeLit), written: make(map[*types.Var]bool)}
	info := s.pass.TypesInfo
	root := func(e ast.Expr) *types.Var {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.SelectorExpr:
				if sel := info.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
					v, _ := info.Uses[x.Sel].(*types.Var)
					return v
				}
				e = x.X
			case *ast.IndexExpr:
				e = x.X
			case *ast.StarExpr:
				e = x.X
			case *ast.Ident:
				v, _ := info.Uses[x].(*types.Var)
				return v
			default:
				return nil
			}
		}
	}
	for _, file := range s.pass.Files {
		for _, decl := range file.Decls {
			if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					if len(vs.Values) != len(vs.Names) {
						continue
					}
					for i, name := range vs.Names {
						if v, ok := info.Defs[name].(*types.Var); ok {
							if lit := compositeOf(vs.Values[i]); lit != nil {
								pv.lits[v] = lit
							}
						}
					}
				}
			}
		}
		ast.Inspect(file, func(n ast.Node) bool {
			var targets []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				targets = n.Lhs
			case *ast.IncDecStmt:
				targets = []ast.Expr{n.X}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					targets = []ast.Expr{n.X}
				}
			case *ast.RangeStmt:
				targets = []ast.Expr{n.Key, n.Value}
			case *ast.CallExpr:
				// delete(m, k) and clear(m) write to a map variable.
				if fn, ok := typeutil.Callee(info, n).(*types.Builtin); ok && len(n.Args) > 0 && slices.Contains([]string{"delete", "clear"}, fn.Name()) {
					targets = n.Args[:1]
				}
			}
			for _, t := range targets {
				if t == nil {
					continue
				}
				if v := root(t); v != nil && v.Parent() == s.pass.Pkg.Scope() {
					pv.written[v] = true
				}
			}
			return true
		})
	}
	s.pkgVars = pv
	return pv
}

// constantInt returns the integer value of a constant, and whether it is
// exactly an integer that fits.
func constantInt(tv types.TypeAndValue) (int, bool) {
	code, exact := constant.Int64Val(constant.ToInt(tv.Value))
	return int(code), exact && int64(int(code)) == code
}

// statusResult returns the index of the one integer result of fd, or -1 if
// it has none or several: func statusOf(err error) int, func classify(err
// error) (int, string).
func statusResult(info *types.Info, fd *ast.FuncDecl) int {
	fn, ok := info.Defs[fd.Name].(*types.Func)
	if !ok {
		return -1
	}
	at := -1
	results := fn.Signature().Results()
	for i := range results.Len() {
		if b, ok := results.At(i).Type().Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
			if at >= 0 {
				return -1
			}
			at = i
		}
	}
	return at
}

// resultStatusesOf returns the constant statuses that result i of the
// function always is, sorted: every return statement gives it a status the
// analysis resolves. Nil if one does not.
func (s *state) resultStatusesOf(f *flow, decl *ast.FuncDecl, i int) []int {
	results := 0
	if fn, ok := s.pass.TypesInfo.Defs[decl.Name].(*types.Func); ok {
		results = fn.Signature().Results().Len()
	}
	var codes []int
	ok := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			var values []statusValue
			switch {
			case len(n.Results) == 0:
				ok = false // a bare return of a named result
			case len(n.Results) == 1 && results > 1: // return classify(err)
				values, ok = f.tupleStatuses(n.Results[0], i)
			case i < len(n.Results):
				values, ok = f.statuses(n.Results[i], n.Pos(), 0)
			default:
				ok = false
			}
			for _, v := range values {
				codes = append(codes, v.code)
			}
		}
		return ok
	})
	if !ok || len(codes) == 0 {
		return nil
	}
	slices.Sort(codes)
	return slices.Compact(codes)
}
