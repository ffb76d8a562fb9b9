package dataflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// A truth is what a path knows of a boolean expression.
type truth int

const (
	unknown truth = iota
	isTrue
	isFalse
)

func truthOf(b bool) truth {
	if b {
		return isTrue
	}
	return isFalse
}

// eval returns what a path that knows f knows of the boolean e: its
// constant value, or the value of a followed local, through !, && and ||.
func (g *Graph) eval(e ast.Expr, f facts) truth {
	e = ast.Unparen(e)
	if tv, ok := g.info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.Bool {
		return truthOf(constant.BoolVal(tv.Value))
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, _ := g.info.ObjectOf(e).(*types.Var)
		if bit, ok := g.locals[v]; ok && f.known&(1<<bit) != 0 {
			return truthOf(f.value&(1<<bit) != 0)
		}
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			switch g.eval(e.X, f) {
			case isTrue:
				return isFalse
			case isFalse:
				return isTrue
			}
		}
	case *ast.BinaryExpr:
		x, y := g.eval(e.X, f), g.eval(e.Y, f)
		switch e.Op {
		case token.LAND:
			if x == isFalse || y == isFalse {
				return isFalse
			}
			if x == isTrue && y == isTrue {
				return isTrue
			}
		case token.LOR:
			if x == isTrue || y == isTrue {
				return isTrue
			}
			if x == isFalse && y == isFalse {
				return isFalse
			}
		}
	}
	return unknown
}
