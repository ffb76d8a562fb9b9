package dataflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
)

// facts are what a path has learnt since it began of the followed
// variables and of their fields (rw.wroteHeader): a bool's value, set to
// a constant or tested, and the range of an integer, set to a constant or
// compared with one. A call between is taken not to change a variable,
// only the fields its receiver or arguments point to. A facts value is
// never changed once made: each step returns a new one.
type facts map[key]fact

// A key is a followed variable, or a field of one: v is then the field.
type key struct{ base, v *types.Var }

// A fact is a bool's value, or an integer's range [lo, hi].
type fact struct {
	isBool bool
	b      bool
	lo, hi int64
}

// keyOf returns the key of e: a followed variable, or a field of one.
func (g *Graph) keyOf(e ast.Expr) (key, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v := g.followed(e); v != nil {
			return key{v: v}, true
		}
	case *ast.SelectorExpr:
		id, ok := ast.Unparen(e.X).(*ast.Ident)
		if !ok {
			return key{}, false
		}
		f, _ := g.info.ObjectOf(e.Sel).(*types.Var)
		if base := g.followed(id); base != nil && f != nil && f.IsField() {
			return key{base, f}, true
		}
	}
	return key{}, false
}

// without returns f less what is known of k, and of k's fields.
func (f facts) without(k key) facts {
	out, copied := f, false
	for kk := range f {
		if kk == k || (k.base == nil && kk.base == k.v) {
			if !copied {
				out, copied = maps.Clone(f), true
			}
			delete(out, kk)
		}
	}
	return out
}

// with returns f with k's fact set to x.
func (f facts) with(k key, x fact) facts {
	out := maps.Clone(f)
	if out == nil {
		out = make(facts)
	}
	out[k] = x
	return out
}

// id returns f as a string, the same for the same facts.
func (f facts) id() string {
	var parts []string
	for k, x := range f {
		part := strconv.Itoa(int(k.v.Pos()))
		if k.base != nil {
			part = strconv.Itoa(int(k.base.Pos())) + "." + part
		}
		if x.isBool {
			part += "=" + strconv.FormatBool(x.b)
		} else {
			part += "=" + strconv.FormatInt(x.lo, 10) + ".." + strconv.FormatInt(x.hi, 10)
		}
		parts = append(parts, part)
	}
	slices.Sort(parts)
	return strings.Join(parts, ",")
}

// called returns f less the fields of the variables that a call in n may
// change: its receiver (rw.init()) or an argument (reset(rw), f(&x)).
func (g *Graph) called(f facts, n ast.Node) facts {
	out := f
	drop := func(e ast.Expr) {
		addr := false
		if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
			e, addr = u.X, true
		}
		k, ok := g.keyOf(e)
		switch {
		case !ok:
		case addr:
			out = out.without(k) // f(&x.done)
		case k.base == nil:
			// A variable passed by value keeps its value; the fields
			// it points to may change.
			for kk := range out {
				if kk.base == k.v {
					out = out.without(kk)
				}
			}
		}
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // runs later, if at all
		case *ast.CallExpr:
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				drop(sel.X)
			}
			for _, arg := range n.Args {
				drop(arg)
			}
		}
		return true
	})
	return out
}

// transfer returns what a path knows after n, knowing f before it: a
// variable or field assigned a constant bool or integer, or a bool whose
// value the path knows, takes it; one assigned anything else, or
// incremented, is no longer known, and neither are the fields of a
// variable assigned or passed to a call. A declaration without a value
// makes a bool false and an integer 0.
func (g *Graph) transfer(n ast.Node, f facts) facts {
	if inc, ok := n.(*ast.IncDecStmt); ok {
		if k, ok := g.keyOf(inc.X); ok {
			return f.without(k)
		}
		return f
	}
	f = g.called(f, n)
	var lhs, rhs []ast.Expr
	zero := false
	switch n := n.(type) {
	case *ast.AssignStmt:
		lhs = n.Lhs
		if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
			rhs = n.Rhs
		}
	case *ast.ValueSpec:
		for _, name := range n.Names {
			lhs = append(lhs, name)
		}
		if len(n.Values) == len(n.Names) {
			rhs = n.Values
		}
		zero = len(n.Values) == 0
	default:
		return f
	}
	out := f
	for i, e := range lhs {
		k, ok := g.keyOf(e)
		if !ok {
			continue
		}
		out = out.without(k)
		t := g.info.TypeOf(e)
		switch {
		case zero && t != nil && isBool(t):
			out = out.with(k, fact{isBool: true})
		case zero && isInteger(t):
			out = out.with(k, fact{})
		case rhs != nil:
			if x, ok := g.valueOf(rhs[i], f); ok {
				out = out.with(k, x)
			}
		}
	}
	return out
}

// valueOf returns what a path that knows f knows of the value of e: a
// constant bool or integer, or a bool its facts decide.
func (g *Graph) valueOf(e ast.Expr, f facts) (fact, bool) {
	if value := g.info.Types[e].Value; value != nil {
		switch value.Kind() {
		case constant.Bool:
			return fact{isBool: true, b: constant.BoolVal(value)}, true
		case constant.Int:
			if x, exact := constant.Int64Val(value); exact {
				return fact{lo: x, hi: x}, true
			}
		}
		return fact{}, false
	}
	if t := g.info.TypeOf(e); t == nil || !isBool(t) {
		return fact{}, false
	}
	_, canTrue := g.learn(f, e, true)
	_, canFalse := g.learn(f, e, false)
	if canTrue != canFalse {
		return fact{isBool: true, b: canTrue}, true
	}
	return fact{}, false
}

// learn returns f on the paths where cond is value, and false where f
// shows that no path can take it: a constant of the other value, a flag
// of the other value, or a range that the comparison leaves empty. What
// a condition says of variables it does not name only by a comparison
// with a constant, a flag, a negation, && or ||, is not learnt.
func (g *Graph) learn(f facts, cond ast.Expr, value bool) (facts, bool) {
	cond = ast.Unparen(cond)
	if v := g.info.Types[cond].Value; v != nil && v.Kind() == constant.Bool {
		return f, constant.BoolVal(v) == value
	}
	switch e := cond.(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return g.learn(f, e.X, !value)
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND, token.LOR:
			// a && b holds where both do, fails where either
			// fails; a || b the other way round.
			if (e.Op == token.LAND) == value {
				out, ok := g.learn(f, e.X, value)
				if !ok {
					return f, false
				}
				return g.learn(out, e.Y, value)
			}
			_, okX := g.learn(f, e.X, value)
			_, okY := g.learn(f, e.Y, value)
			return f, okX || okY
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
			return g.compare(f, e, value)
		}
	}
	k, ok := g.keyOf(cond)
	if !ok {
		return f, true
	}
	if t := g.info.TypeOf(cond); t == nil || !isBool(t) {
		return f, true
	}
	if x, ok := f[k]; ok && x.isBool {
		return f, x.b == value
	}
	return f.with(k, fact{isBool: true, b: value}), true
}

// compare is learn of x op c or c op x, where x is a variable or field of
// an integer type and c an integer constant.
func (g *Graph) compare(f facts, e *ast.BinaryExpr, value bool) (facts, bool) {
	op, x, c := e.Op, e.X, e.Y
	if _, ok := g.keyOf(x); !ok {
		op, x, c = mirror(op), e.Y, e.X
	}
	k, ok := g.keyOf(x)
	cv := g.info.Types[c].Value
	if !ok || cv == nil || cv.Kind() != constant.Int || !isInteger(g.info.TypeOf(x)) {
		return f, true
	}
	n, exact := constant.Int64Val(cv)
	if !exact || n == math.MinInt64 || n == math.MaxInt64 {
		return f, true
	}
	if !value {
		op = negate(op)
	}
	lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
	if x, ok := f[k]; ok && !x.isBool {
		lo, hi = x.lo, x.hi
	}
	switch op {
	case token.LSS:
		hi = min(hi, n-1)
	case token.LEQ:
		hi = min(hi, n)
	case token.GTR:
		lo = max(lo, n+1)
	case token.GEQ:
		lo = max(lo, n)
	case token.EQL:
		lo, hi = max(lo, n), min(hi, n)
	case token.NEQ:
		if lo == n && hi == n {
			return f, false
		}
		return f, true // not a range
	}
	if lo > hi {
		return f, false
	}
	return f.with(k, fact{lo: lo, hi: hi}), true
}

// mirror returns op with its operands swapped: c < x is x > c.
func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.LEQ:
		return token.GEQ
	case token.GTR:
		return token.LSS
	case token.GEQ:
		return token.LEQ
	}
	return op
}

// negate returns the comparison that holds where op does not.
func negate(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GEQ
	case token.LEQ:
		return token.GTR
	case token.GTR:
		return token.LEQ
	case token.GEQ:
		return token.LSS
	case token.EQL:
		return token.NEQ
	case token.NEQ:
		return token.EQL
	}
	return op
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

func isInteger(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}
