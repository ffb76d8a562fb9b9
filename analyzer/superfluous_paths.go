package analyzer

// The reachability queries of superfluous-write, on the paths of
// internal/dataflow that missing-return walks too.

import (
	"go/ast"

	"github.com/errcontract/errcontract/internal/dataflow"
)

// responsePaths answers, for one function, which events a path from an
// event reaches.
type responsePaths struct {
	s      *state
	g      *dataflow.Graph
	byNode map[ast.Node][]*responseEvent // by the innermost node holding each
	at     map[*responseEvent]ast.Node
}

func (s *state) newResponsePaths(body *ast.BlockStmt, events []*responseEvent) *responsePaths {
	p := &responsePaths{s: s, g: dataflow.New(body, s.pass.TypesInfo, s.mayReturn), byNode: make(map[ast.Node][]*responseEvent), at: make(map[*responseEvent]ast.Node)}
	for _, e := range events {
		var best ast.Node
		for _, b := range p.g.CFG().Blocks {
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

// after calls f with each event that a runnable path from the event from
// reaches: later in from's node, or in the nodes that follow it. A path
// ends where code does not type-check, and dead code is not followed.
// What a path learns before from, of local bool flags and integers
// (failed = true; if code >= 400), rules out the branches after it that
// cannot run (dataflow.Graph). Where from is a body write whose count of
// bytes a path finds to be 0 (n, err := io.Copy(w, r); if n == 0), it
// wrote nothing: the path is no longer after it.
func (p *responsePaths) after(from *responseEvent, f func(*responseEvent)) {
	node := p.at[from]
	if node == nil || !p.s.wellTyped(node) || !p.g.Reachable(node) {
		return // dead code is not reported
	}
	for _, e := range p.byNode[node] {
		if e.call.Pos() >= from.call.End() {
			f(e)
		}
	}
	p.g.After(node, func(n ast.Node, path dataflow.Path) bool {
		if !p.s.wellTyped(n) {
			return false // what code that does not type-check does is not known
		}
		if from.count != nil {
			if _, hi, known := path.Int(from.count); known && hi <= 0 {
				return false // the write wrote no byte on this path
			}
		}
		for _, e := range p.byNode[n] {
			f(e)
		}
		return true
	})
}
