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
	visiting map[*types.Var]bool  // cuts cycles between variables
	params   map[*types.Var]int   // the parameters of the summarized function, by index
	// incomplete is set where the declaration holds syntax errors: the
	// parser dropped what it could not read, assignments included, so no
	// rule can rely on knowing every value of a variable.
	incomplete bool
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
		visiting: make(map[*types.Var]bool),
	}
	ast.Inspect(decl, func(n ast.Node) bool {
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
		return true
	})
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
		for _, lhs := range n.Lhs {
			f.add(lhs, assignment{pos: n.Pos(), kind: assignTuple, rhs: n.Rhs[0]})
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
		for _, name := range n.Names {
			f.add(name, assignment{pos: n.Pos(), kind: assignTuple, rhs: n.Values[0]})
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
