// Package dataflow answers questions about the paths of one function
// body: which of its statements can run, and what runs after a
// statement, on the control-flow graph of golang.org/x/tools/go/cfg.
//
// The graph knows the calls that never return from the caller's
// mayReturn, as cfg does, and it drops the branches that cannot be
// taken: those of a condition that is constant, or that what a path has
// learnt of its variables decides (see [Graph]). A statement no path
// reaches is dead code, which rules do not report.
package dataflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/cfg"
)

// A Graph is the control-flow graph of one function body, with what its
// paths learn of the body's variables.
//
// A path learns of a variable, and of the fields of one, from the
// assignments of constants it runs (failed = true; code := 404) and from
// the conditions it takes (if !ok, if code >= 400): a bool's value and an
// integer's range, until the next assignment of anything else. A
// variable is followed where it is a local or a parameter of the
// function, never has its address taken, is not assigned by a range
// clause, and no function literal of the body refers to it: then only
// the body's own statements change it. A field of one may change at any
// call that is passed the variable or has it as its receiver.
type Graph struct {
	body      *ast.BlockStmt
	info      *types.Info
	mayReturn func(*ast.CallExpr) bool
	cfg       *cfg.CFG
	excluded  map[*types.Var]bool // variables not followed
	conds     map[ast.Expr]bool   // conditions of if and for statements and of tagless switches' cases
	arrived   map[*cfg.Block][]facts
}

// maxArrivals bounds the facts a graph keeps per block; past it a path
// knows nothing, which is sound: both branches of every condition on it
// are followed.
const maxArrivals = 16

// New builds the graph of body. info holds the types of body (constant
// conditions, the variables to follow); mayReturn reports whether a call
// may return, as for cfg.New: the paths through a call it says does not
// return end at that call.
func New(body *ast.BlockStmt, info *types.Info, mayReturn func(*ast.CallExpr) bool) *Graph {
	g := &Graph{
		body:      body,
		info:      info,
		mayReturn: mayReturn,
		cfg:       cfg.New(body, mayReturn),
		excluded:  make(map[*types.Var]bool),
		conds:     make(map[ast.Expr]bool),
		arrived:   make(map[*cfg.Block][]facts),
	}
	g.findConds()
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
// order and what the path knows there; where visit returns false the
// path is not followed past that node. A node shared by several paths is
// visited at least once, and again only where a path arrives there
// knowing something different; the return statement cfg adds where the
// body falls off its end is not visited. After reports whether some path
// visited to its end falls off the end of the function: it ends neither
// at a return statement nor at a call that does not return.
//
// Where no path reaches stmt, After visits nothing and reports false.
func (g *Graph) After(stmt ast.Node, visit func(ast.Node, Path) bool) (fallsOff bool) {
	start, index := g.Block(stmt)
	if start == nil {
		return false
	}
	seen := make(map[*cfg.Block][]string)
	var walk func(b *cfg.Block, from int, f facts)
	walk = func(b *cfg.Block, from int, f facts) {
		for _, n := range b.Nodes[from:] {
			if !g.implicitReturn(n) && !visit(n, Path{f}) {
				return
			}
			f = g.transfer(n, f)
		}
		succs := g.succs(b, f)
		if len(succs) == 0 && !g.ends(b) {
			fallsOff = true
		}
		for _, s := range succs {
			next := s.facts
			id := next.id()
			if len(seen[s.b]) >= maxArrivals {
				next, id = nil, ""
			}
			if !slices.Contains(seen[s.b], id) {
				seen[s.b] = append(seen[s.b], id)
				walk(s.b, 0, next)
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

// A Path is what a path knows at a node.
type Path struct{ f facts }

// Int returns the range [lo, hi] a path knows the integer variable v to
// be in, and whether it knows one.
func (p Path) Int(v *types.Var) (lo, hi int64, known bool) {
	x, ok := p.f[key{v: v}]
	if !ok || x.isBool {
		return 0, 0, false
	}
	return x.lo, x.hi, true
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
	ids := make(map[*cfg.Block][]string)
	var walk func(b *cfg.Block, f facts)
	walk = func(b *cfg.Block, f facts) {
		id := f.id()
		if len(g.arrived[b]) >= maxArrivals {
			f, id = nil, "" // knowing nothing covers every path
		}
		if slices.Contains(ids[b], id) {
			return
		}
		ids[b] = append(ids[b], id)
		g.arrived[b] = append(g.arrived[b], f)
		for _, n := range b.Nodes {
			f = g.transfer(n, f)
		}
		for _, s := range g.succs(b, f) {
			walk(s.b, s.facts)
		}
	}
	walk(g.cfg.Blocks[0], nil)
}

// A succ is a successor of a block and what a path knows on arriving
// there.
type succ struct {
	b     *cfg.Block
	facts facts
}

// succs returns the successors of b that a path arriving at its end with
// f can go on to, with what it learns on the way: both branches of a
// condition, unless f or the constants decide it.
func (g *Graph) succs(b *cfg.Block, f facts) []succ {
	var cond ast.Expr
	if len(b.Succs) == 2 && len(b.Nodes) > 0 {
		cond, _ = b.Nodes[len(b.Nodes)-1].(ast.Expr)
	}
	if cond != nil && !g.conds[cond] {
		cond = nil // a case of a switch compares with its tag
	}
	var out []succ
	for i, s := range b.Succs {
		next := f
		if cond != nil {
			// Succs[0] is where cond holds, Succs[1] where not.
			var ok bool
			if next, ok = g.learn(f, cond, i == 0); !ok {
				continue
			}
		}
		out = append(out, succ{s, next})
	}
	return out
}

// findConds finds the conditions of the body's if and for statements
// and of its tagless switches' cases, and the variables not to follow.
func (g *Graph) findConds() {
	exclude := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := g.info.ObjectOf(id).(*types.Var); ok {
				g.excluded[v] = true
			}
		}
	}
	ast.Inspect(g.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			ast.Inspect(n.Body, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					exclude(id) // a closure may change it at any call
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
		case *ast.SwitchStmt:
			if n.Tag == nil {
				for _, c := range n.Body.List {
					for _, e := range c.(*ast.CaseClause).List {
						g.conds[e] = true
					}
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				exclude(n.X)
			}
		case *ast.RangeStmt:
			if n.Key != nil {
				exclude(n.Key)
			}
			if n.Value != nil {
				exclude(n.Value)
			}
		}
		return true
	})
}

// followed returns the variable id names where the graph follows it: a
// local or a parameter, not excluded; nil otherwise.
func (g *Graph) followed(id *ast.Ident) *types.Var {
	v, ok := g.info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || g.excluded[v] {
		return nil
	}
	return v
}
