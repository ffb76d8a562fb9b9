package analyzer

// The reachability queries of superfluous-write. They belong with the path
// logic of missing-return (dataflow.BlockOf, dataflow.Within, mayReturn), whose control-flow
// graphs they walk in the same way.

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

	"golang.org/x/tools/go/cfg"

	"github.com/errcontract/errcontract/internal/dataflow"
)

// responsePaths answers, for one function, which events a path from an
// event reaches.
type responsePaths struct {
	s      *state
	g      *cfg.CFG
	byNode map[ast.Node][]*responseEvent // by the innermost node holding each
	at     map[*responseEvent]ast.Node
}

func (s *state) newResponsePaths(body *ast.BlockStmt, events []*responseEvent) *responsePaths {
	p := &responsePaths{s: s, g: cfg.New(body, s.mayReturn), byNode: make(map[ast.Node][]*responseEvent), at: make(map[*responseEvent]ast.Node)}
	for _, e := range events {
		var best ast.Node
		for _, b := range p.g.Blocks {
			for _, n := range b.Nodes {
				if dataflow.Within(e.call, n) && (best == nil || dataflow.Within(n, best)) {
					best = n
				}
			}
		}
		if best != nil {
			p.byNode[best] = append(p.byNode[best], e)
			p.at[e] = best
		}
	}
	return p
}

// maxPathStates bounds the path states kept per block. Past it, a path
// goes on knowing nothing of its flags: more paths, never fewer.
const maxPathStates = 8

// after calls f with each event that a runnable path from the event from
// reaches: later in from's node, or in the nodes that follow it. A path
// ends where code does not type-check, and dead code is not followed.
// Paths are walked from the function's entry, so that what a path learns
// before from, of local bool flags and integers (failed = true; if code
// >= 400), rules out the branches after it that cannot run.
func (p *responsePaths) after(from *responseEvent, f func(*responseEvent)) {
	node := p.at[from]
	if node == nil {
		return
	}
	start, _ := p.blockOfNode(node)
	if start == nil || !start.Live || len(p.g.Blocks) == 0 {
		return // dead code is not reported
	}
	seen := make(map[*cfg.Block][]string)
	var visit func(b *cfg.Block, flags pathFlags, armed bool)
	visit = func(b *cfg.Block, flags pathFlags, armed bool) {
		for _, n := range b.Nodes {
			if !p.s.wellTyped(n) {
				return // what code that does not type-check does is not known
			}
			switch {
			case armed:
				for _, e := range p.byNode[n] {
					f(e)
				}
			case n == node:
				for _, e := range p.byNode[n] {
					if e.call.Pos() >= from.call.End() {
						f(e)
					}
				}
				armed = true
			}
			flags = flags.assign(p.s.pass.TypesInfo, n)
		}
		succs := b.Succs
		var cond ast.Expr
		if len(succs) == 2 && len(b.Nodes) > 0 {
			cond, _ = b.Nodes[len(b.Nodes)-1].(ast.Expr)
		}
		for i, succ := range succs {
			next := flags
			if cond != nil {
				// succs[0] is where cond holds, succs[1] where not.
				var ok bool
				if next, ok = flags.learn(p.s.pass.TypesInfo, cond, i == 0); !ok {
					continue // the path's flags rule this branch out
				}
			}
			key := next.key()
			if len(seen[succ]) >= maxPathStates {
				next, key = nil, ""
			}
			key = strconv.FormatBool(armed) + ":" + key
			if slices.Contains(seen[succ], key) {
				continue
			}
			seen[succ] = append(seen[succ], key)
			visit(succ, next, armed)
		}
	}
	visit(p.g.Blocks[0], nil, false)
}

// blockOfNode is blockOf for any node of the graph.
func (p *responsePaths) blockOfNode(n ast.Node) (*cfg.Block, int) {
	for _, b := range p.g.Blocks {
		if i := slices.Index(b.Nodes, n); i >= 0 {
			return b, i
		}
	}
	return nil, 0
}

// pathFlags are what a path has learnt since it began of local variables
// and of their fields (rw.wroteHeader): a bool's value, set to a constant
// or tested, and the range of an integer, set to a constant or compared
// with one. A call between is taken not to change them.
type pathFlags map[flagKey]flagFact

// A flagKey is a local variable, or a field of one: v is then the field.
type flagKey struct{ base, v *types.Var }

// A flagFact is a bool's value, or an integer's range [lo, hi].
type flagFact struct {
	isBool bool
	b      bool
	lo, hi int64
}

// flagOf returns the key of e: a local variable, or a field of one.
func flagOf(info *types.Info, e ast.Expr) (flagKey, bool) {
	local := func(id *ast.Ident) *types.Var {
		v, _ := info.ObjectOf(id).(*types.Var)
		if v == nil || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			return nil // not a variable, a field, or a package's variable
		}
		return v
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v := local(e); v != nil {
			return flagKey{v: v}, true
		}
	case *ast.SelectorExpr:
		id, ok := ast.Unparen(e.X).(*ast.Ident)
		if !ok {
			return flagKey{}, false
		}
		f, _ := info.ObjectOf(e.Sel).(*types.Var)
		if base := local(id); base != nil && f != nil && f.IsField() {
			return flagKey{base, f}, true
		}
	}
	return flagKey{}, false
}

// without returns flags less what is known of k, and of k's fields.
func (flags pathFlags) without(k flagKey) pathFlags {
	out, copied := flags, false
	for key := range flags {
		if key == k || (k.base == nil && key.base == k.v) {
			if !copied {
				out, copied = maps.Clone(flags), true
			}
			delete(out, key)
		}
	}
	return out
}

// called returns flags less the fields of the variables that a call in n
// may change: its receiver (rw.init()) or an argument (reset(rw), f(&x)).
func (flags pathFlags) called(info *types.Info, n ast.Node) pathFlags {
	out := flags
	drop := func(e ast.Expr) {
		addr := false
		if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
			e, addr = u.X, true
		}
		k, ok := flagOf(info, e)
		switch {
		case !ok:
		case addr:
			out = out.without(k) // f(&x), f(&x.done)
		case k.base == nil:
			// A variable passed by value keeps its value; the fields
			// it points to may change.
			for key := range out {
				if key.base == k.v {
					out = out.without(key)
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

// with returns flags with k's fact set to f.
func (flags pathFlags) with(k flagKey, f flagFact) pathFlags {
	out := maps.Clone(flags)
	if out == nil {
		out = make(pathFlags)
	}
	out[k] = f
	return out
}

// assign returns flags after n: a variable or field assigned a constant
// bool or integer takes it; one assigned anything else, or incremented, is
// no longer known, and neither are the fields of a variable assigned or
// passed to a call.
func (flags pathFlags) assign(info *types.Info, n ast.Node) pathFlags {
	if inc, ok := n.(*ast.IncDecStmt); ok {
		if k, ok := flagOf(info, inc.X); ok {
			return flags.without(k)
		}
		return flags
	}
	flags = flags.called(info, n)
	as, ok := n.(*ast.AssignStmt)
	if !ok {
		return flags
	}
	out := flags
	for i, lhs := range as.Lhs {
		k, ok := flagOf(info, lhs)
		if !ok {
			continue
		}
		out = out.without(k)
		var value constant.Value
		if len(as.Lhs) == len(as.Rhs) && (as.Tok == token.ASSIGN || as.Tok == token.DEFINE) {
			value = info.Types[as.Rhs[i]].Value
		}
		switch {
		case value == nil:
		case value.Kind() == constant.Bool:
			out = out.with(k, flagFact{isBool: true, b: constant.BoolVal(value)})
		case value.Kind() == constant.Int:
			if x, exact := constant.Int64Val(value); exact {
				out = out.with(k, flagFact{lo: x, hi: x})
			}
		}
	}
	return out
}

// learn returns flags on the paths where cond is value, and false where
// flags show that no path can take it: a flag of the other value, or a
// range that the comparison leaves empty. What a condition says of
// variables it does not name only by a comparison with a constant, a
// flag, a negation, && or ||, is not learnt.
func (flags pathFlags) learn(info *types.Info, cond ast.Expr, value bool) (pathFlags, bool) {
	switch e := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return flags.learn(info, e.X, !value)
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND, token.LOR:
			// a && b holds where both do, fails where either
			// fails; a || b the other way round.
			if (e.Op == token.LAND) == value {
				out, ok := flags.learn(info, e.X, value)
				if !ok {
					return flags, false
				}
				return out.learn(info, e.Y, value)
			}
			_, okX := flags.learn(info, e.X, value)
			_, okY := flags.learn(info, e.Y, value)
			return flags, okX || okY
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
			return flags.compare(info, e, value)
		}
	}
	k, ok := flagOf(info, cond)
	if !ok {
		return flags, true
	}
	if tv, ok := info.Types[cond]; !ok || tv.Type == nil || !isBool(tv.Type) {
		return flags, true
	}
	if f, ok := flags[k]; ok && f.isBool {
		return flags, f.b == value
	}
	return flags.with(k, flagFact{isBool: true, b: value}), true
}

// compare is learn of x op c or c op x, where x is a variable or field of
// an integer type and c an integer constant.
func (flags pathFlags) compare(info *types.Info, e *ast.BinaryExpr, value bool) (pathFlags, bool) {
	op, x, c := e.Op, e.X, e.Y
	if _, ok := flagOf(info, x); !ok {
		op, x, c = mirror(op), e.Y, e.X
	}
	k, ok := flagOf(info, x)
	cv := info.Types[c].Value
	if !ok || cv == nil || cv.Kind() != constant.Int || !isInteger(info.TypeOf(x)) {
		return flags, true
	}
	n, exact := constant.Int64Val(cv)
	if !exact || n == math.MinInt64 || n == math.MaxInt64 {
		return flags, true
	}
	if !value {
		op = negate(op)
	}
	lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
	if f, ok := flags[k]; ok && !f.isBool {
		lo, hi = f.lo, f.hi
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
			return flags, false
		}
		return flags, true // not a range
	}
	if lo > hi {
		return flags, false
	}
	return flags.with(k, flagFact{lo: lo, hi: hi}), true
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

// key returns flags as a string, the same for the same flags.
func (flags pathFlags) key() string {
	var parts []string
	for k, f := range flags {
		part := strconv.Itoa(int(k.v.Pos()))
		if k.base != nil {
			part = strconv.Itoa(int(k.base.Pos())) + "." + part
		}
		if f.isBool {
			part += "=" + strconv.FormatBool(f.b)
		} else {
			part += "=" + strconv.FormatInt(f.lo, 10) + ".." + strconv.FormatInt(f.hi, 10)
		}
		parts = append(parts, part)
	}
	slices.Sort(parts)
	return strings.Join(parts, ",")
}
