// Package dataflow answers questions about the paths of one function
// body: which of its statements can run, and what runs after a
// statement, on the control-flow graph of golang.org/x/tools/go/cfg.
//
// The graph knows the calls that never return from the caller's
// mayReturn, as cfg does, and it drops the branches that cannot be
// taken: those of a condition that is constant, or that a path has made
// constant by assigning true or false to a boolean local (see [Graph]).
// A statement no path reaches is dead code, which rules do not report.
package dataflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/cfg"
)

// A Graph is the control-flow graph of one function body, with the
// boolean locals whose constant values its paths follow.
//
// A boolean local is followed where the function declares it, never
// takes its address, never ranges into it, and no function literal of
// the body refers to it: then only the body's own assignments change it,
// and each path knows its value after an assignment of a constant (or a
// declaration without a value, which makes it false) until the next
// assignment of anything else.
type Graph struct {
	body      *ast.BlockStmt
	info      *types.Info
	mayReturn func(*ast.CallExpr) bool
	cfg       *cfg.CFG
	locals    map[*types.Var]uint // followed boolean locals, by bit
	conds     map[ast.Expr]bool   // conditions of if and for statements
	arrived   map[*cfg.Block][]facts
}

// facts is what a path knows of the followed locals: bit i of known is
// set where local i has a known value, which is bit i of value.
type facts struct{ known, value uint64 }

// maxLocals bounds the locals a graph follows, and maxArrivals the facts
// it keeps per block; past them a path knows nothing, which is sound:
// both branches of every condition on it are followed.
const (
	maxLocals   = 64
	maxArrivals = 32
)

// New builds the graph of body. info holds the types of body (constant
// conditions, boolean locals); mayReturn reports whether a call may
// return, as for cfg.New: the paths through a call it says does not
// return end at that call.
func New(body *ast.BlockStmt, info *types.Info, mayReturn func(*ast.CallExpr) bool) *Graph {
	g := &Graph{
		body:      body,
		info:      info,
		mayReturn: mayReturn,
		cfg:       cfg.New(body, mayReturn),
		locals:    make(map[*types.Var]uint),
		conds:     make(map[ast.Expr]bool),
		arrived:   make(map[*cfg.Block][]facts),
	}
	g.findLocals()
	g.explore()
	return g
}

// CFG returns the control-flow graph of the body.
func (g *Graph) CFG() *cfg.CFG { return g.cfg }

// Block returns the block holding n as one of its nodes, and n's index
// there, as [BlockOf].
func (g *Graph) Block(n ast.Node) (*cfg.Block, int) {
	return BlockOf(g.cfg, n)
}

// BlockOf returns the block of g holding n as one of its nodes (a simple
// statement, a condition, a ValueSpec), and n's index there; nil where
// no block holds n.
func BlockOf(g *cfg.CFG, n ast.Node) (*cfg.Block, int) {
	for _, b := range g.Blocks {
		if i := slices.Index(b.Nodes, n); i >= 0 {
			return b, i
		}
	}
	return nil, 0
}

// Reachable reports whether some path from the function's entry runs n:
// a node of a block, or a statement that holds one (a compound
// statement is reachable where one of its parts is), or a node inside
// one. Code after a return or a call that does not return, in a branch
// of a condition that is never so, or in no block at all is not.
func (g *Graph) Reachable(n ast.Node) bool {
	for _, b := range g.cfg.Blocks {
		if len(g.arrived[b]) == 0 {
			continue
		}
		for _, m := range b.Nodes {
			if Within(m, n) || Within(n, m) {
				return true
			}
		}
	}
	return false
}

// After follows every path that can run from just after stmt, a node of
// one of the graph's blocks, and calls visit with each node on it in
// order; where visit returns false the path is not followed past that
// node. A node shared by several paths is visited at least once, and
// again only where a path arrives there knowing something different of
// the followed locals; the return statement cfg adds where the body
// falls off its end is not visited. After reports whether some path visited to its
// end falls off the end of the function: it ends neither at a return
// statement nor at a call that does not return.
//
// Where no path reaches stmt, After visits nothing and reports false.
func (g *Graph) After(stmt ast.Node, visit func(ast.Node) bool) (fallsOff bool) {
	start, index := g.Block(stmt)
	if start == nil {
		return false
	}
	type key struct {
		b *cfg.Block
		f facts
	}
	seen := make(map[key]bool)
	var walk func(b *cfg.Block, from int, f facts)
	walk = func(b *cfg.Block, from int, f facts) {
		for _, n := range b.Nodes[from:] {
			if !g.implicitReturn(n) && !visit(n) {
				return
			}
			f = g.transfer(n, f)
		}
		succs := g.succs(b, f)
		if len(succs) == 0 && !g.ends(b) {
			fallsOff = true
		}
		for _, s := range succs {
			if k := (key{s, f}); !seen[k] {
				seen[k] = true
				walk(s, 0, f)
			}
		}
	}
	for _, f := range g.arrived[start] {
		for _, n := range start.Nodes[:index+1] {
			f = g.transfer(n, f)
		}
		walk(start, index+1, f)
	}
	return fallsOff
}

// implicitReturn reports whether n is the return statement cfg adds at
// the closing brace of the body, where the function falls off its end.
func (g *Graph) implicitReturn(n ast.Node) bool {
	ret, ok := n.(*ast.ReturnStmt)
	return ok && ret.Return == g.body.Rbrace
}

// ends reports whether a block without successors ends at a return
// statement or a call that does not return, rather than at the end of
// the function.
func (g *Graph) ends(b *cfg.Block) bool {
	if len(b.Nodes) == 0 {
		return false
	}
	switch n := b.Nodes[len(b.Nodes)-1].(type) {
	case *ast.ReturnStmt:
		return !g.implicitReturn(n)
	case *ast.ExprStmt:
		call, ok := ast.Unparen(n.X).(*ast.CallExpr)
		return ok && !g.mayReturn(call)
	}
	return false
}

// explore records the facts with which paths from the entry arrive at
// each block.
func (g *Graph) explore() {
	if len(g.cfg.Blocks) == 0 {
		return
	}
	var walk func(b *cfg.Block, f facts)
	walk = func(b *cfg.Block, f facts) {
		if slices.Contains(g.arrived[b], f) {
			return
		}
		if len(g.arrived[b]) >= maxArrivals {
			f = facts{} // knowing nothing covers every path
			if slices.Contains(g.arrived[b], f) {
				return
			}
		}
		g.arrived[b] = append(g.arrived[b], f)
		for _, n := range b.Nodes {
			f = g.transfer(n, f)
		}
		for _, s := range g.succs(b, f) {
			walk(s, f)
		}
	}
	walk(g.cfg.Blocks[0], facts{})
}

// succs returns the successors of b that a path arriving at its end
// with f can go on to: both branches of a condition, unless f or the
// constants decide it.
func (g *Graph) succs(b *cfg.Block, f facts) []*cfg.Block {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return b.Succs
	}
	cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr)
	if !ok || !g.conds[cond] {
		return b.Succs // a case of a switch compares with its tag
	}
	switch g.eval(cond, f) {
	case isTrue:
		return b.Succs[:1]
	case isFalse:
		return b.Succs[1:]
	}
	return b.Succs
}

// findLocals finds the conditions of the body's if and for statements
// and the boolean locals to follow.
func (g *Graph) findLocals() {
	excluded := make(map[*types.Var]bool)
	ast.Inspect(g.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			ast.Inspect(n.Body, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					if v := g.boolVar(id); v != nil {
						excluded[v] = true // a closure may change it at any call
					}
				}
				return true
			})
			return false
		case *ast.IfStmt:
			g.conds[n.Cond] = true
		case *ast.ForStmt:
			if n.Cond != nil {
				g.conds[n.Cond] = true
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
				if v := g.boolVar(id); v != nil {
					excluded[v] = true
				}
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, ok := e.(*ast.Ident); ok {
					if v := g.boolVar(id); v != nil {
						excluded[v] = true
					}
				}
			}
		case *ast.Ident:
			v := g.boolVar(n)
			if v != nil && g.info.Defs[n] == v && !excluded[v] && len(g.locals) < maxLocals {
				if _, ok := g.locals[v]; !ok {
					g.locals[v] = uint(len(g.locals))
				}
			}
		}
		return true
	})
	for v := range excluded {
		delete(g.locals, v)
	}
}

// boolVar returns the local variable of type bool that id names,
// declared in the body, or nil.
func (g *Graph) boolVar(id *ast.Ident) *types.Var {
	v, ok := g.info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || !types.Identical(v.Type(), types.Typ[types.Bool]) {
		return nil
	}
	if v.Pos() < g.body.Pos() || v.Pos() >= g.body.End() {
		return nil // a parameter, result or package variable
	}
	return v
}

// transfer returns what a path knows after n, knowing f before it.
func (g *Graph) transfer(n ast.Node, f facts) facts {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for i, lhs := range n.Lhs {
			var rhs ast.Expr
			if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
				rhs = n.Rhs[i]
			}
			f = g.assign(lhs, rhs, f)
		}
	case *ast.ValueSpec:
		for i, name := range n.Names {
			var rhs ast.Expr
			switch {
			case len(n.Values) == len(n.Names):
				rhs = n.Values[i]
			case len(n.Values) == 0:
				f = g.set(name, false, f) // the zero value
				continue
			}
			f = g.assign(name, rhs, f)
		}
	}
	return f
}

// assign returns f after lhs = rhs; rhs is nil where its value is not
// one expression of its own.
func (g *Graph) assign(lhs, rhs ast.Expr, f facts) facts {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return f
	}
	v, _ := g.info.ObjectOf(id).(*types.Var)
	bit, ok := g.locals[v]
	if !ok {
		return f
	}
	if rhs != nil {
		switch g.eval(rhs, f) {
		case isTrue:
			return g.setBit(bit, true, f)
		case isFalse:
			return g.setBit(bit, false, f)
		}
	}
	f.known &^= 1 << bit
	f.value &^= 1 << bit
	return f
}

func (g *Graph) set(id *ast.Ident, value bool, f facts) facts {
	v, _ := g.info.ObjectOf(id).(*types.Var)
	if bit, ok := g.locals[v]; ok {
		return g.setBit(bit, value, f)
	}
	return f
}

func (g *Graph) setBit(bit uint, value bool, f facts) facts {
	f.known |= 1 << bit
	if value {
		f.value |= 1 << bit
	} else {
		f.value &^= 1 << bit
	}
	return f
}
