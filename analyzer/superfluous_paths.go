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
// ends where code does not type-check, and dead code is not followed. A
// path that set a local bool to a constant (failed = true) follows only
// the branch of a later if or for on that flag that can run.
func (p *responsePaths) after(from *responseEvent, f func(*responseEvent)) {
	node := p.at[from]
	if node == nil {
		return
	}
	start, index := p.blockOfNode(node)
	if start == nil || !start.Live {
		return // dead code is not reported
	}
	for _, e := range p.byNode[node] {
		if e.call.Pos() >= from.call.End() {
			f(e)
		}
	}
	seen := make(map[*cfg.Block][]string)
	var visit func(b *cfg.Block, from int, flags pathFlags)
	visit = func(b *cfg.Block, from int, flags pathFlags) {
		for _, n := range b.Nodes[from:] {
			if !p.s.wellTyped(n) {
				return // what code that does not type-check does is not known
			}
			for _, e := range p.byNode[n] {
				f(e)
			}
			flags = flags.assign(p.s.pass.TypesInfo, n)
		}
		succs := b.Succs
		if len(succs) == 2 && len(b.Nodes) > 0 {
			if cond, ok := b.Nodes[len(b.Nodes)-1].(ast.Expr); ok {
				if v, known := flags.eval(p.s.pass.TypesInfo, cond); known {
					succs = succs[1:]
					if v {
						succs = b.Succs[:1]
					}
				}
			}
		}
		for _, succ := range succs {
			next := flags
			key := next.key()
			if len(seen[succ]) >= maxPathStates {
				next, key = nil, ""
			}
			if slices.Contains(seen[succ], key) {
				continue
			}
			seen[succ] = append(seen[succ], key)
			visit(succ, 0, next)
		}
	}
	visit(start, index+1, p.flagsAt(node))
}

// flagsAt returns what the node of an event itself sets: nothing, unless it
// is an assignment.
func (p *responsePaths) flagsAt(n ast.Node) pathFlags {
	return pathFlags(nil).assign(p.s.pass.TypesInfo, n)
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

// pathFlags are the local bool variables a path has set to a constant
// since it began, and their values.
type pathFlags map[*types.Var]bool

// assign returns flags after n: a variable assigned a constant bool takes
// it; one assigned anything else is no longer known.
func (flags pathFlags) assign(info *types.Info, n ast.Node) pathFlags {
	as, ok := n.(*ast.AssignStmt)
	if !ok || (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) {
		return flags
	}
	out, copied := flags, false
	for i, lhs := range as.Lhs {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			continue
		}
		v, _ := info.ObjectOf(id).(*types.Var)
		if v == nil || v.IsField() {
			continue
		}
		if !copied {
			out, copied = maps.Clone(flags), true
		}
		var value constant.Value
		if len(as.Lhs) == len(as.Rhs) {
			value = info.Types[as.Rhs[i]].Value
		}
		if value != nil && value.Kind() == constant.Bool {
			if out == nil {
				out = make(pathFlags)
			}
			out[v] = constant.BoolVal(value)
		} else {
			delete(out, v)
		}
	}
	return out
}

// eval returns the value of cond, and whether flags tell it: a flag, or
// its negation.
func (flags pathFlags) eval(info *types.Info, cond ast.Expr) (bool, bool) {
	switch e := ast.Unparen(cond).(type) {
	case *ast.Ident:
		v, _ := info.Uses[e].(*types.Var)
		b, ok := flags[v]
		return b, ok && v != nil
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			b, ok := flags.eval(info, e.X)
			return !b, ok
		}
	}
	return false, false
}

// key returns flags as a string, the same for the same flags.
func (flags pathFlags) key() string {
	var parts []string
	for v, b := range flags {
		parts = append(parts, strconv.Itoa(int(v.Pos()))+"="+strconv.FormatBool(b))
	}
	slices.Sort(parts)
	return strings.Join(parts, ",")
}
