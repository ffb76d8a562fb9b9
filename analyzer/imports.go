package analyzer

import (
	"bytes"
	"go/ast"
	"go/token"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// addImport returns an edit that imports path into file, whose source is
// content. The path goes into a group of its own at the end of the first
// import declaration, which becomes a grouped one if it is not: that keeps
// the file gofmt-clean whatever the existing groups hold.
func addImport(file *ast.File, tok *token.File, content []byte, path string) analysis.TextEdit {
	quoted := strconv.Quote(path)
	for _, decl := range file.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != token.IMPORT {
			continue
		}
		if gen.Lparen.IsValid() {
			return analysis.TextEdit{Pos: gen.Rparen, End: gen.Rparen, NewText: []byte("\n\t" + quoted + "\n")}
		}
		spec := gen.Specs[0]
		existing := string(content[tok.Offset(spec.Pos()):tok.Offset(spec.End())])
		grouped := "import (\n\t" + existing + "\n\n\t" + quoted + "\n)"
		return analysis.TextEdit{Pos: gen.Pos(), End: gen.End(), NewText: []byte(grouped)}
	}
	return analysis.TextEdit{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + quoted)}
}

// removeImport returns an edit that deletes the import spec from file, whose
// source is content: its lines, or the whole declaration if it is the only
// spec there, with one blank line next to them so that no group is left
// with a blank line at its edge.
func removeImport(file *ast.File, tok *token.File, content []byte, spec *ast.ImportSpec) analysis.TextEdit {
	var node ast.Node = spec
	for _, decl := range file.Decls {
		if gen, ok := decl.(*ast.GenDecl); ok && gen.Tok == token.IMPORT && len(gen.Specs) == 1 && gen.Specs[0] == spec {
			node = gen
		}
	}
	first, last := tok.Line(node.Pos()), tok.Line(node.End())
	switch {
	case blankLine(tok, content, first-1):
		first--
	case blankLine(tok, content, last+1):
		last++
	}
	end := token.Pos(tok.Base() + tok.Size())
	if last < tok.LineCount() {
		end = tok.LineStart(last + 1)
	}
	return analysis.TextEdit{Pos: tok.LineStart(first), End: end}
}

// blankLine reports whether line of the file is empty.
func blankLine(tok *token.File, content []byte, line int) bool {
	if line < 1 || line >= tok.LineCount() {
		return false
	}
	start, end := tok.Offset(tok.LineStart(line)), tok.Offset(tok.LineStart(line+1))
	return len(bytes.TrimSpace(content[start:end])) == 0
}

// importPath returns the path an import spec imports.
func importPath(spec *ast.ImportSpec) string {
	path, _ := strconv.Unquote(spec.Path.Value)
	return path
}
