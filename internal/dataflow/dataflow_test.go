package dataflow_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"testing"

	"github.com/errcontract/errcontract/internal/dataflow"
)

// prelude declares what the test functions call: s marks a statement by
// name, fatal never returns, work may.
const prelude = `package p

func s(name string) {}
func fatal()        { for {} }
func work() bool    { return true }
`

// build parses and type-checks src, a function f after the prelude, and
// returns the graph of f, its statements s("name") by name, and its body.
func build(t *testing.T, src string) (*dataflow.Graph, map[string]ast.Stmt, *ast.BlockStmt) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", prelude+src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: make(map[ast.Expr]types.TypeAndValue),
		Defs:  make(map[*ast.Ident]types.Object),
		Uses:  make(map[*ast.Ident]types.Object),
	}
	if _, err := new(types.Config).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	var body *ast.BlockStmt
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "f" {
			body = fd.Body
		}
	}
	if body == nil {
		t.Fatal("no function f")
	}
	marks := make(map[string]ast.Stmt)
	ast.Inspect(body, func(n ast.Node) bool {
		if st, ok := n.(*ast.ExprStmt); ok {
			if name, ok := markName(st); ok {
				marks[name] = st
			}
		}
		return true
	})
	mayReturn := func(call *ast.CallExpr) bool {
		id, ok := call.Fun.(*ast.Ident)
		return !ok || (id.Name != "fatal" && id.Name != "panic")
	}
	return dataflow.New(body, info, mayReturn), marks, body
}

// markName returns the name of the statement s("name").
func markName(n ast.Node) (string, bool) {
	st, ok := n.(*ast.ExprStmt)
	if !ok {
		return "", false
	}
	call, ok := st.X.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return "", false
	}
	if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "s" {
		return "", false
	}
	lit, ok := call.Args[0].(*ast.BasicLit)
	if !ok {
		return "", false
	}
	name, err := strconv.Unquote(lit.Value)
	return name, err == nil
}

func TestReachable(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		live      []string
		dead      []string
		unchanged bool
	}{
		{
			name: "after return",
			src: `func f() {
				s("a")
				return
				s("b")
			}`,
			live: []string{"a"},
			dead: []string{"b"},
		},
		{
			name: "if false",
			src: `func f() {
				if false {
					s("then")
				} else {
					s("else")
				}
				const debug = false
				if debug && work() {
					s("debug")
				}
				if !debug || work() {
					s("always")
				}
			}`,
			live: []string{"else", "always"},
			dead: []string{"then", "debug"},
		},
		{
			name: "after a call that does not return",
			src: `func f() {
				if work() {
					fatal()
					s("after fatal")
				}
				panic("no")
				s("after panic")
			}`,
			dead: []string{"after fatal", "after panic"},
		},
		{
			name: "boolean local",
			src: `func f() {
				verbose := false
				if verbose {
					s("verbose")
				}
				var quiet bool
				for quiet {
					s("quiet")
				}
				s("end")
			}`,
			live: []string{"end"},
			dead: []string{"verbose", "quiet"},
		},
		{
			name: "boolean local changed by a closure",
			src: `func f() {
				verbose := false
				set := func() { verbose = true }
				set()
				if verbose {
					s("verbose")
				}
			}`,
			live: []string{"verbose"},
		},
		{
			name: "boolean local whose address is taken",
			src: `func f() {
				verbose := false
				p := &verbose
				*p = true
				if verbose {
					s("verbose")
				}
			}`,
			live: []string{"verbose"},
		},
		{
			name: "boolean local assigned a value not known",
			src: `func f() {
				verbose := false
				if work() {
					verbose = work()
				}
				if verbose {
					s("verbose")
				}
			}`,
			live: []string{"verbose"},
		},
		{
			name: "switch on a boolean local compares with the tag",
			src: `func f() {
				verbose := false
				switch verbose {
				case true:
					s("true")
				case false:
					s("false")
				}
			}`,
			live: []string{"false"},
		},
		{
			name: "loop that sets its own condition",
			src: `func f() {
				done := false
				for !done {
					s("body")
					done = true
				}
				s("after")
			}`,
			live: []string{"body", "after"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, marks, _ := build(t, tt.src)
			for _, name := range tt.live {
				if !g.Reachable(marks[name]) {
					t.Errorf("Reachable(%s) = false, want true", name)
				}
			}
			for _, name := range tt.dead {
				if g.Reachable(marks[name]) {
					t.Errorf("Reachable(%s) = true, want false", name)
				}
			}
		})
	}
}

func TestAfter(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		from     string
		stopAt   string   // a mark after which the path is not followed
		visits   []string // the marks visited, sorted
		fallsOff bool
	}{
		{
			name: "return ends the path",
			src: `func f() {
				if work() {
					s("write")
					s("log")
					return
				}
				s("work")
			}`,
			from:   "write",
			visits: []string{"log"},
		},
		{
			name: "falls out of the branch",
			src: `func f() {
				if work() {
					s("write")
				}
				s("work")
			}`,
			from:     "write",
			visits:   []string{"work"},
			fallsOff: true,
		},
		{
			name: "call that does not return",
			src: `func f() {
				if work() {
					s("write")
					fatal()
				}
				s("work")
			}`,
			from: "write",
		},
		{
			name: "cleanup after a loop",
			src: `func f(items []int) {
				failed := false
			loop:
				for _, it := range items {
					if it < 0 {
						s("write")
						failed = true
						break loop
					}
					s("next")
				}
				if failed {
					s("cleanup")
					return
				}
				s("work")
			}`,
			from:   "write",
			visits: []string{"cleanup"},
		},
		{
			name: "cleanup after a loop, flag declared without a value",
			src: `func f(items []int) {
				var failed bool
				for _, it := range items {
					if it < 0 {
						s("write")
						failed = true
						break
					}
				}
				if !failed {
					s("work")
				}
				s("end")
			}`,
			from:     "write",
			visits:   []string{"end"},
			fallsOff: true,
		},
		{
			name: "flag that may be false on the path",
			src: `func f(items []int) {
				failed := false
				for _, it := range items {
					if it < 0 {
						s("write")
						failed = it < -1
						break
					}
				}
				if failed {
					s("cleanup")
					return
				}
				s("work")
			}`,
			from:     "write",
			visits:   []string{"cleanup", "work"},
			fallsOff: true,
		},
		{
			name: "flag set before the statement",
			src: `func f() {
				strict := true
				if work() {
					s("write")
				}
				if strict {
					return
				}
				s("work")
			}`,
			from: "write",
		},
		{
			name: "loop back edge",
			src: `func f(items []int) {
				for range items {
					if work() {
						s("write")
					}
					s("work")
				}
			}`,
			from:     "write",
			visits:   []string{"work", "write"},
			fallsOff: true,
		},
		{
			name: "visitor stops a path",
			src: `func f() {
				s("write")
				s("stop")
				s("work")
			}`,
			from:   "write",
			stopAt: "stop",
			visits: []string{"stop"},
		},
		{
			name: "a test the path took decides a later one",
			src: `func f(ok bool) {
				if !ok {
					s("write")
				}
				if ok {
					s("work")
				}
				s("end")
			}`,
			from:     "write",
			visits:   []string{"end"},
			fallsOff: true,
		},
		{
			name: "an integer range rules out a branch",
			src: `func f(code int) {
				if code >= 400 {
					s("write")
				}
				if code < 300 {
					s("ok")
				}
				if code == 404 {
					s("notfound")
				}
			}`,
			from:     "write",
			visits:   []string{"notfound"},
			fallsOff: true,
		},
		{
			name: "a constant assigned to an integer",
			src: `func f() {
				code := 500
				s("write")
				if code < 400 {
					s("ok")
				}
			}`,
			from:     "write",
			fallsOff: true,
		},
		{
			name: "a field of a local, until a call is passed the local",
			src: `type rw struct{ sent bool }
			func (r *rw) reset() { r.sent = false }
			func f(r *rw) {
				r.sent = true
				s("write")
				if !r.sent {
					s("unsent")
				}
				r.reset()
				if !r.sent {
					s("after reset")
				}
			}`,
			from:     "write",
			visits:   []string{"after reset"},
			fallsOff: true,
		},
		{
			name: "a flag a closure refers to is not followed",
			src: `func f() {
				done := true
				set := func() { done = false }
				set()
				s("write")
				if !done {
					s("undone")
				}
			}`,
			from:     "write",
			visits:   []string{"undone"},
			fallsOff: true,
		},
		{
			name: "a flag whose address is taken is not followed",
			src: `func f() {
				done := true
				p := &done
				*p = false
				s("write")
				if !done {
					s("undone")
				}
			}`,
			from:     "write",
			visits:   []string{"undone"},
			fallsOff: true,
		},
		{
			name: "a tagless switch's case decides",
			src: `func f() {
				code := 200
				s("write")
				switch {
				case code >= 400:
					s("error")
				default:
					s("fine")
				}
			}`,
			from:     "write",
			visits:   []string{"fine"},
			fallsOff: true,
		},
		{
			name: "from dead code",
			src: `func f() {
				return
				s("write")
				s("work")
			}`,
			from: "write",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, marks, _ := build(t, tt.src)
			var visits []string
			fallsOff := g.After(marks[tt.from], func(n ast.Node, _ dataflow.Path) bool {
				name, ok := markName(n)
				if ok && !slices.Contains(visits, name) {
					visits = append(visits, name)
				}
				return !ok || name != tt.stopAt
			})
			slices.Sort(visits)
			if !slices.Equal(visits, tt.visits) {
				t.Errorf("After(%s) visits %v, want %v", tt.from, visits, tt.visits)
			}
			if fallsOff != tt.fallsOff {
				t.Errorf("After(%s) falls off the end = %t, want %t", tt.from, fallsOff, tt.fallsOff)
			}
		})
	}
}

func TestEnclosingList(t *testing.T) {
	_, marks, body := build(t, `func f(x int) {
		s("top")
		switch x {
		case 1:
			s("case")
			g()
		}
		for {
			s("loop")
			continue
		}
	}
	func g() {}`)
	tests := []struct {
		mark  string
		node  string
		jumps bool
	}{
		{"top", "*ast.BlockStmt", false},
		{"case", "*ast.CaseClause", false},
		{"loop", "*ast.BlockStmt", true},
	}
	for _, tt := range tests {
		list, stmts := dataflow.EnclosingList(body, marks[tt.mark])
		if got := fmt.Sprintf("%T", list); got != tt.node {
			t.Errorf("EnclosingList(%s) is a %s, want %s", tt.mark, got, tt.node)
		}
		if tt.mark == "top" && list != body {
			t.Errorf("EnclosingList(%s) is not the body", tt.mark)
		}
		if !slices.Contains(stmts, marks[tt.mark]) {
			t.Errorf("EnclosingList(%s) does not hold it", tt.mark)
		}
		if got := dataflow.JumpsAfter(stmts, marks[tt.mark]); got != tt.jumps {
			t.Errorf("JumpsAfter(%s) = %t, want %t", tt.mark, got, tt.jumps)
		}
	}
}
