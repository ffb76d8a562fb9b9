package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/types/typeutil"
)

// A flow is what one top-level declaration does with its local variables:
// every value assigned to each of them. Rules use it to follow statuses and
// error text through locals, flow-insensitively but for one refinement: at
// a call outside any loop, only assignments written before the call count.
type flow struct {
	s        *state
	assigns  map[*types.Var][]assignment
	taints   map[*types.Var]taint // memoized varTaint, without a position bound
	tainting tainting             // the variables varTaint is computing
	visiting map[*types.Var]bool  // cuts cycles between variables
	params   map[*types.Var]int   // the parameters of the summarized function, by index
	stack    []ast.Node           // while recording: the nodes enclosing the current one
	exiting  map[ast.Node]bool    // while recording: whether a block ends the function
	// incomplete is set where the declaration holds syntax errors: the
	// parser dropped what it could not read, assignments included, so no
	// rule can rely on knowing every value of a variable.
	incomplete bool
}

// tainting is the state of varTaint's walk over variables: those it is
// computing, by depth; the lowest depth a cycle reached back to; and the
// variables of unfinished cycles, whose memoized taint is partial.
type tainting struct {
	depth   map[*types.Var]int
	low     int
	partial map[*types.Var]int // the depth each one's cycle reached back to
	members []*types.Var
}

// An assignKind says how a variable got a value.
type assignKind int

const (
	assignValue     assignKind = iota // v = rhs, v := rhs, var v = rhs
	assignTuple                       // v, w := rhs: one of rhs's results
	assignUpdate                      // v += rhs, range, or a write into part of v
	assignFormatted                   // fmt.Fprint(&v, rhs): rhs rendered by fmt
	assignUnknown                     // v++, &v: a value the analysis does not follow
)

type assignment struct {
	pos  token.Pos
	kind assignKind
	rhs  ast.Expr // nil for assignUnknown
	src  *source  // set when the assignment itself creates error text
	// index is, for assignTuple, which of rhs's results the variable gets.
	index int
	// exits is the outermost block around the assignment that ends its
	// function (it ends in a return) and that no jump leaves: the value
	// reaches no code after it. Nil if there is none.
	exits ast.Node
}

// flowAt returns the flow of the top-level declaration containing pos.
func (s *state) flowAt(pos token.Pos) *flow {
	decl := s.declAt(pos)
	if decl == nil {
		return nil
	}
	f := s.flows[decl]
	if f == nil {
		f = s.newFlow(decl)
		s.flows[decl] = f
	}
	return f
}

func (s *state) declAt(pos token.Pos) ast.Decl {
	for _, file := range s.pass.Files {
		if pos < file.FileStart || pos >= file.FileEnd {
			continue
		}
		i := sort.Search(len(file.Decls), func(i int) bool { return file.Decls[i].End() > pos })
		if i < len(file.Decls) && file.Decls[i].Pos() <= pos {
			return file.Decls[i]
		}
		return nil
	}
	return nil
}

func (s *state) newFlow(decl ast.Decl) *flow {
	f := &flow{
		s:        s,
		assigns:  make(map[*types.Var][]assignment),
		taints:   make(map[*types.Var]taint),
		tainting: tainting{depth: make(map[*types.Var]int), partial: make(map[*types.Var]int)},
		visiting: make(map[*types.Var]bool),
	}
	ast.Inspect(decl, func(n ast.Node) bool {
		if n == nil {
			f.stack = f.stack[:len(f.stack)-1]
			return true
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			f.recordAssign(n)
		case *ast.ValueSpec:
			f.recordSpec(n)
		case *ast.IncDecStmt:
			f.add(n.X, assignment{pos: n.Pos(), kind: assignUnknown})
		case *ast.RangeStmt:
			for _, x := range []ast.Expr{n.Key, n.Value} {
				if x != nil {
					f.add(x, assignment{pos: n.Pos(), kind: assignUpdate, rhs: n.X})
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				f.add(n.X, assignment{pos: n.Pos(), kind: assignUnknown})
			}
		case *ast.CallExpr:
			f.recordCallWrite(n)
		case *ast.BadExpr, *ast.BadStmt, *ast.BadDecl:
			f.incomplete = true
		}
		f.stack = append(f.stack, n)
		return true
	})
	f.stack, f.exiting = nil, nil
	return f
}

func (f *flow) recordAssign(n *ast.AssignStmt) {
	switch {
	case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
		f.add(n.Lhs[0], assignment{pos: n.Pos(), kind: assignUpdate, rhs: n.Rhs[0]})
	case len(n.Lhs) == len(n.Rhs):
		for i, lhs := range n.Lhs {
			f.add(lhs, assignment{pos: n.Pos(), kind: assignValue, rhs: n.Rhs[i]})
		}
	case len(n.Rhs) == 1:
		for i, lhs := range n.Lhs {
			f.add(lhs, assignment{pos: n.Pos(), kind: assignTuple, rhs: n.Rhs[0], index: i})
		}
	}
}

func (f *flow) recordSpec(n *ast.ValueSpec) {
	switch {
	case len(n.Values) == len(n.Names):
		for i, name := range n.Names {
			f.add(name, assignment{pos: n.Pos(), kind: assignValue, rhs: n.Values[i]})
		}
	case len(n.Values) == 1:
		for i, name := range n.Names {
			f.add(name, assignment{pos: n.Pos(), kind: assignTuple, rhs: n.Values[0], index: i})
		}
	}
}

// recordCallWrite records calls that write into a variable they are
// given: copy, runtime.Stack, fmt.Fprint into a buffer, and the Write
// methods of strings.Builder and bytes.Buffer.
func (f *flow) recordCallWrite(call *ast.CallExpr) {
	info := f.s.pass.TypesInfo
	switch fn := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		if fn.Name() == "copy" && len(call.Args) == 2 {
			f.add(call.Args[0], assignment{pos: call.Pos(), kind: assignUpdate, rhs: call.Args[1]})
		}
	case *types.Func:
		if fn.Pkg() == nil || len(call.Args) == 0 {
			return
		}
		if f.recordRecvWrite(call, fn) {
			return
		}
		switch path := fn.Pkg().Path(); {
		case path == "runtime" && fn.Name() == "Stack":
			f.add(call.Args[0], assignment{pos: call.Pos(), kind: assignUpdate, src: &source{call}})
		case path == "fmt" && (fn.Name() == "Fprint" || fn.Name() == "Fprintf" || fn.Name() == "Fprintln"):
			if f.s.isResponseWriter(call.Args[0]) {
				return // a sink, not a variable
			}
			for _, op := range f.s.formattedOperands(call, fn.Name() == "Fprintf", 1) {
				f.add(call.Args[0], assignment{pos: call.Pos(), kind: assignFormatted, rhs: op.expr})
			}
		case (path == "strings" || path == "bytes") && fn.Signature().Recv() != nil:
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isWriteMethod(fn.Name()) {
				f.add(sel.X, assignment{pos: call.Pos(), kind: assignUpdate, rhs: call.Args[0]})
			}
		}
	}
}

// recordRecvWrite records the arguments that a method keeps in its
// receiver, by its summary, as written into the receiver's variable:
// b.WithBody(msg) of a response builder b.
func (f *flow) recordRecvWrite(call *ast.CallExpr, fn *types.Func) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || fn.Signature().Recv() == nil {
		return false
	}
	sum := f.s.summaryOf(fn)
	if sum == nil || len(sum.RecvParams) == 0 {
		return false
	}
	for _, i := range sum.RecvParams {
		for _, arg := range argsAt(call, fn.Signature(), i) {
			f.add(sel.X, assignment{pos: call.Pos(), kind: assignUpdate, rhs: arg})
		}
	}
	return true
}

func isWriteMethod(name string) bool {
	switch name {
	case "Write", "WriteString", "WriteByte", "WriteRune", "ReadFrom":
		return true
	}
	return false
}

// add records a for the local variable at the root of lhs. A write into
// part of the variable (a field, an element, through a pointer) updates it.
func (f *flow) add(lhs ast.Expr, a assignment) {
	v, whole := f.rootVar(lhs)
	if v == nil {
		return
	}
	if !whole && (a.kind == assignValue || a.kind == assignTuple) {
		a.kind = assignUpdate
	}
	a.exits = f.exitingBlock()
	f.assigns[v] = append(f.assigns[v], a)
}

// rootVar returns the local variable that e denotes or is part of, and
// whether e is the whole variable.
func (f *flow) rootVar(e ast.Expr) (*types.Var, bool) {
	whole := true
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
			continue
		case *ast.SelectorExpr:
			if sel := f.s.pass.TypesInfo.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
				return nil, false // a qualified identifier or a method
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.SliceExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return nil, false
			}
			e = x.X
		case *ast.Ident:
			return f.localVar(x), whole
		default:
			return nil, false
		}
		whole = false
	}
}

// localVar returns the variable id denotes if it is local to a function of
// the package being checked.
func (f *flow) localVar(id *ast.Ident) *types.Var {
	v, _ := f.s.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if v == nil || v.IsField() || v.Pkg() != f.s.pass.Pkg || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// reaches reports whether the value of assignment a may be the one that a
// use at position use sees: a is written before it, and not in a block
// that returns before it is reached.
func (f *flow) reaches(a assignment, use token.Pos) bool {
	if a.pos > use {
		return false
	}
	return a.exits == nil || (a.exits.Pos() <= use && use < a.exits.End())
}

// exitingBlock returns the outermost of the blocks enclosing the node
// being recorded that lies inside its function, ends in a return or a
// panic, and holds no jump out of it.
func (f *flow) exitingBlock() ast.Node {
	var exits ast.Node
	for i := len(f.stack) - 1; i > 0; i-- {
		switch n := f.stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return exits
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			switch f.stack[i-1].(type) {
			case *ast.FuncLit, *ast.FuncDecl:
				return exits // the function's body: its returns are the end
			}
			if f.exits(n) {
				exits = n
			}
		}
	}
	return exits
}

// exits reports whether block (a block, or a clause of a switch or a
// select) ends its function, memoized.
func (f *flow) exits(block ast.Node) bool {
	if f.exiting == nil {
		f.exiting = make(map[ast.Node]bool)
	}
	ends, ok := f.exiting[block]
	if !ok {
		var list []ast.Stmt
		switch n := block.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		}
		ends = len(list) > 0 && f.endsFunction(list[len(list)-1]) && !jumpsOut(block)
		f.exiting[block] = ends
	}
	return ends
}

// endsFunction reports whether st leaves its function: a return, or a
// call of panic.
func (f *flow) endsFunction(st ast.Stmt) bool {
	switch st := st.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(st.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn, ok := typeutil.Callee(f.s.pass.TypesInfo, call).(*types.Builtin)
		return ok && fn.Name() == "panic"
	}
	return false
}

// jumpsOut reports whether a statement inside block may jump out of it
// other than by returning: a goto, a labeled break or continue, or a
// break or continue whose loop, switch or select is outside the block.
func jumpsOut(block ast.Node) bool {
	jumps := false
	var visit func(n ast.Node, inLoop, inBreakable bool) bool
	visit = func(n ast.Node, inLoop, inBreakable bool) bool {
		ast.Inspect(n, func(m ast.Node) bool {
			if jumps || m == nil || m == n {
				return !jumps
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false // its jumps are its own
			case *ast.ForStmt, *ast.RangeStmt:
				visit(m, true, true)
				return false
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				visit(m, inLoop, true)
				return false
			case *ast.BranchStmt:
				switch {
				case m.Label != nil, m.Tok == token.GOTO, m.Tok == token.FALLTHROUGH:
					jumps = true
				case m.Tok == token.BREAK && !inBreakable, m.Tok == token.CONTINUE && !inLoop:
					jumps = true
				}
			}
			return !jumps
		})
		return jumps
	}
	return visit(block, false, false)
}
