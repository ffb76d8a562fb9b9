package dataflow

import (
	"go/ast"
	"go/token"
	"slices"
)

// StmtList returns the statements of a block, case clause or select
// clause, and whether n is one.
func StmtList(n ast.Node) ([]ast.Stmt, bool) {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List, true
	case *ast.CaseClause:
		return n.Body, true
	case *ast.CommClause:
		return n.Body, true
	}
	return nil, false
}

// EnclosingList returns the innermost block, case or select clause of
// body whose statements include stmt, and those statements; body and its
// statements where none does. Function literals are not entered: their
// statements belong to another body.
func EnclosingList(body *ast.BlockStmt, stmt ast.Stmt) (ast.Node, []ast.Stmt) {
	var list ast.Node = body
	stmts := body.List
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil || n.Pos() > stmt.Pos() || n.End() < stmt.End() {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if ss, _ := StmtList(n); slices.Contains(ss, stmt) {
			list, stmts = n, ss
		}
		return true
	})
	return list, stmts
}

// JumpsAfter reports whether a continue or goto statement follows stmt
// in list, the statements around it: the function moves on to another
// iteration or label on purpose.
func JumpsAfter(list []ast.Stmt, stmt ast.Stmt) bool {
	i := slices.Index(list, stmt)
	if i < 0 {
		return false
	}
	for _, st := range list[i+1:] {
		if br, ok := st.(*ast.BranchStmt); ok && (br.Tok == token.CONTINUE || br.Tok == token.GOTO) {
			return true
		}
	}
	return false
}

// Within reports whether n lies inside outer, or is it.
func Within(n, outer ast.Node) bool {
	return outer.Pos() <= n.Pos() && n.End() <= outer.End()
}
