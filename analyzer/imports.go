package analyzer

import (
	"bytes"
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A newImport is an import that a fix adds: its path, and the name it is
// imported by, or "" for the package's own name.
type newImport struct{ name, path string }

func (imp newImport) spec() string {
	if imp.name == "" {
		return strconv.Quote(imp.path)
	}
	return imp.name + " " + strconv.Quote(imp.path)
}

// An importFile is a file whose imports a fix edits, with its source.
type importFile struct {
	file    *ast.File
	tok     *token.File
	content []byte
}

// importEdits returns the edits that add the imports and remove the specs
// in file, whose source is content, merged into edits that neither overlap
// nor touch: a fix that adds two imports and drops a third edits the
// import block once, however it is laid out. The result is gofmt-clean if
// the file is. It fails on a layout it cannot edit line by line, such as a
// spec to remove that shares its line with other code.
func importEdits(file *ast.File, tok *token.File, content []byte, add []newImport, remove []*ast.ImportSpec) ([]analysis.TextEdit, bool) {
	f := &importFile{file, tok, content}
	deleted, gone, ok := f.removedLines(remove)
	if !ok {
		return nil, false
	}
	f.tidyBlankLines(deleted)
	edits := f.lineDeletions(deleted)
	if len(add) > 0 {
		edit, ok := f.addition(add, remove, gone)
		if !ok {
			return nil, false
		}
		edits = append(edits, edit)
	}
	return mergeEdits(edits)
}

// mergeEdits sorts edits and joins those that touch, so that no two edits
// start at the same place, where their order would be up to the driver.
// It fails if two edits overlap.
func mergeEdits(edits []analysis.TextEdit) ([]analysis.TextEdit, bool) {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(x, y analysis.TextEdit) int {
		return cmp.Or(cmp.Compare(x.Pos, y.Pos), cmp.Compare(x.End, y.End))
	})
	var merged []analysis.TextEdit
	for _, e := range edits {
		last := len(merged) - 1
		switch {
		case last >= 0 && e.Pos < merged[last].End:
			return nil, false
		case last >= 0 && e.Pos == merged[last].End:
			merged[last].End = e.End
			merged[last].NewText = append(slices.Clip(merged[last].NewText), e.NewText...)
		default:
			merged = append(merged, e)
		}
	}
	return merged, true
}

// importDecls returns the file's import declarations.
func (f *importFile) importDecls() []*ast.GenDecl {
	var decls []*ast.GenDecl
	for _, decl := range f.file.Decls {
		if gen, ok := decl.(*ast.GenDecl); ok && gen.Tok == token.IMPORT {
			decls = append(decls, gen)
		}
	}
	return decls
}

// removedLines returns the lines that removing the specs deletes, and the
// declarations that lose all their specs, which go as a whole with their
// doc comment. A spec to remove goes with its doc and line comments.
func (f *importFile) removedLines(remove []*ast.ImportSpec) (deleted map[int]bool, gone map[*ast.GenDecl]bool, ok bool) {
	deleted, gone = make(map[int]bool), make(map[*ast.GenDecl]bool)
	for _, gen := range f.importDecls() {
		var specs []*ast.ImportSpec
		for _, spec := range gen.Specs {
			if spec := spec.(*ast.ImportSpec); slices.Contains(remove, spec) {
				specs = append(specs, spec)
			}
		}
		switch {
		case len(specs) == 0:
			continue
		case len(specs) == len(gen.Specs):
			first, last, ok := f.ownLines(docStart(gen.Doc, gen.Pos()), commentEnd(specs[0].Comment, gen.End()))
			if !ok {
				return nil, nil, false
			}
			markLines(deleted, first, last)
			gone[gen] = true
		case !gen.Lparen.IsValid():
			return nil, nil, false
		default:
			for _, spec := range specs {
				first, last, ok := f.ownLines(docStart(spec.Doc, spec.Pos()), commentEnd(spec.Comment, spec.End()))
				if !ok || first <= f.tok.Line(gen.Lparen) || last >= f.tok.Line(gen.Rparen) {
					return nil, nil, false
				}
				markLines(deleted, first, last)
			}
		}
	}
	return deleted, gone, true
}

func docStart(doc *ast.CommentGroup, pos token.Pos) token.Pos {
	if doc != nil {
		return doc.Pos()
	}
	return pos
}

// commentEnd returns where a node that ends at end ends together with its
// line comment, if it has one. The comment after a declaration's closing
// parenthesis belongs to no node; ownLines lets it go with the line.
func commentEnd(comment *ast.CommentGroup, end token.Pos) token.Pos {
	if comment != nil && comment.End() > end {
		return comment.End()
	}
	return end
}

func markLines(lines map[int]bool, first, last int) {
	for line := first; line <= last; line++ {
		lines[line] = true
	}
}

// ownLines returns the lines of the source from start to end, if nothing
// else is on them but space and, at the end, a // comment.
func (f *importFile) ownLines(start, end token.Pos) (first, last int, ok bool) {
	if !f.within(start) || !f.within(end) {
		return 0, 0, false // a declaration left open at the end of the file
	}
	first, last = f.tok.Line(start), f.tok.Line(end)
	before := f.content[f.offset(f.tok.LineStart(first)):f.offset(start)]
	return first, last, len(bytes.TrimSpace(before)) == 0 && f.restIsComment(end)
}

// restIsComment reports whether the line of pos holds, after pos, nothing
// but space and a // comment.
func (f *importFile) restIsComment(pos token.Pos) bool {
	rest := bytes.TrimSpace(f.content[f.offset(pos):f.lineEnd(f.tok.Line(pos))])
	return len(rest) == 0 || bytes.HasPrefix(rest, []byte("//"))
}

func (f *importFile) offset(pos token.Pos) int { return f.tok.Offset(pos) }

// within reports whether pos is in the file or at its end: the parser
// ends a declaration left open at the end of the file one past it.
func (f *importFile) within(pos token.Pos) bool {
	return f.tok.Base() <= int(pos) && int(pos) <= f.tok.Base()+f.tok.Size()
}

// lineEnd returns the offset of the end of a line, before its newline.
func (f *importFile) lineEnd(line int) int {
	end := f.offset(f.lineStart(line + 1))
	if end > f.offset(f.tok.LineStart(line)) && f.content[end-1] == '\n' {
		end--
	}
	return end
}

// lineStart returns the position of the start of a line, or of the end of
// the file after its last line.
func (f *importFile) lineStart(line int) token.Pos {
	if line > f.tok.LineCount() {
		return token.Pos(f.tok.Base() + f.tok.Size())
	}
	return f.tok.LineStart(line)
}

func (f *importFile) blank(line int) bool {
	start := f.offset(f.tok.LineStart(line))
	return len(bytes.TrimSpace(f.content[start:f.lineEnd(line)])) == 0
}

// lineDeletions returns one edit for each run of deleted lines.
func (f *importFile) lineDeletions(deleted map[int]bool) []analysis.TextEdit {
	var edits []analysis.TextEdit
	for line := 1; line <= f.tok.LineCount(); line++ {
		if !deleted[line] || deleted[line-1] {
			continue
		}
		last := line
		for deleted[last+1] {
			last++
		}
		edits = append(edits, analysis.TextEdit{Pos: f.tok.LineStart(line), End: f.lineStart(last + 1)})
	}
	return edits
}

// tidyBlankLines deletes the blank lines that the deleted lines leave in
// excess, the way gofmt would: a run of blank lines next to a deletion
// keeps one line between declarations or groups of specs, and none at the
// edge of a parenthesized group or at the end of the file. Blank lines no
// deletion touches are left as they are.
func (f *importFile) tidyBlankLines(deleted map[int]bool) {
	if len(deleted) == 0 {
		return
	}
	opens, closes := make(map[int]bool), make(map[int]bool)
	for _, gen := range f.importDecls() {
		if gen.Lparen.IsValid() {
			opens[f.tok.Line(gen.Lparen)] = true
			closes[f.tok.Line(gen.Rparen)] = true
		}
	}
	var run, touched []int // the blank lines of the current run; those next to a deletion
	prev := 0              // the last kept line that is not blank
	for line := 1; line <= f.tok.LineCount()+1; line++ {
		switch {
		case deleted[line]:
			continue
		case line <= f.tok.LineCount() && f.blank(line):
			run = append(run, line)
			if deleted[line-1] || deleted[line+1] {
				touched = append(touched, line)
			}
			continue
		}
		keep := 1
		if opens[prev] || closes[line] || line > f.tok.LineCount() {
			keep = 0
		}
		for _, blank := range touched[:min(len(touched), max(len(run)-keep, 0))] {
			deleted[blank] = true
		}
		run, touched, prev = run[:0], touched[:0], line
	}
}

// addition returns the edit that adds the imports: a group of their own at
// the end of the first import declaration that stays and is not cgo's
// `import "C"` (whose doc comment is the cgo preamble), which becomes
// parenthesized if it is not; else a declaration of their own after the
// package clause or the declarations that stay.
func (f *importFile) addition(add []newImport, remove []*ast.ImportSpec, gone map[*ast.GenDecl]bool) (analysis.TextEdit, bool) {
	add = slices.SortedFunc(slices.Values(add), func(x, y newImport) int { return strings.Compare(x.path, y.path) })
	var specs []string
	for _, imp := range add {
		specs = append(specs, imp.spec())
	}
	group := "\t" + strings.Join(specs, "\n\t") + "\n"
	anchor := f.file.Name.End()
	for _, gen := range f.importDecls() {
		switch {
		case gone[gen]:
			continue
		case importsC(gen):
			anchor = gen.End()
			continue
		case gen.Lparen.IsValid():
			return f.addToGroup(gen, group, remove), true
		case len(gen.Specs) != 1:
			return analysis.TextEdit{}, false // not a declaration the parser makes
		}
		spec := gen.Specs[0].(*ast.ImportSpec)
		end := commentEnd(spec.Comment, spec.End())
		text := "(\n\t" + string(f.content[f.offset(spec.Pos()):f.offset(end)]) + "\n\n" + group + ")"
		return analysis.TextEdit{Pos: spec.Pos(), End: end, NewText: []byte(text)}, true
	}
	if !f.within(anchor) || !f.restIsComment(anchor) {
		return analysis.TextEdit{}, false // code follows on the line
	}
	decl := "import " + specs[0]
	if len(specs) > 1 {
		decl = "import (\n" + group + ")"
	}
	pos := token.Pos(f.tok.Base() + f.lineEnd(f.tok.Line(anchor)))
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte("\n\n" + decl)}, true
}

// addToGroup returns the edit that adds the group of specs before the
// closing parenthesis of gen, after a blank line if specs stay above.
func (f *importFile) addToGroup(gen *ast.GenDecl, group string, remove []*ast.ImportSpec) analysis.TextEdit {
	staying := slices.ContainsFunc(gen.Specs, func(spec ast.Spec) bool {
		return !slices.Contains(remove, spec.(*ast.ImportSpec))
	})
	text := group
	if staying {
		text = "\n" + text
	}
	line := f.tok.Line(gen.Rparen)
	pos := f.tok.LineStart(line)
	if line == f.tok.Line(gen.Lparen) || len(bytes.TrimSpace(f.content[f.offset(pos):f.offset(gen.Rparen)])) > 0 {
		pos, text = gen.Rparen, "\n"+text // the parenthesis shares its line
	}
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}
}

// importsC reports whether gen imports cgo's "C": new imports never go
// there, where they would come between the preamble and the import.
func importsC(gen *ast.GenDecl) bool {
	return slices.ContainsFunc(gen.Specs, func(spec ast.Spec) bool {
		return importPath(spec.(*ast.ImportSpec)) == "C"
	})
}

// importPath returns the path an import spec imports.
func importPath(spec *ast.ImportSpec) string {
	path, _ := strconv.Unquote(spec.Path.Value)
	return path
}

// fixImports are the packages that one fix's text refers to: through
// imports the file has, or through imports the fix adds, each under a name
// that is free where the text goes.
type fixImports struct {
	s     *state
	fi    *fileInfo
	pos   token.Pos               // where the text goes
	used  map[*types.PkgName]bool // imports of the file that the text uses
	added []newImport
	names map[string]bool // the names of the added imports
}

func (s *state) newFixImports(fi *fileInfo, pos token.Pos) *fixImports {
	return &fixImports{s: s, fi: fi, pos: pos, used: make(map[*types.PkgName]bool), names: make(map[string]bool)}
}

// qualifier returns the prefix by which the text refers to the members of
// the package path, whose name is name: none inside the package itself or
// through a dot import that makes them visible, else the name of an import
// visible at the text and a dot. If the file has no such import, it adds
// one, under name or, if something in scope is called that, under the
// first of name2, name3, ... that is free. It fails if the members are
// shadowed in the package itself.
func (im *fixImports) qualifier(path, name string, members ...string) (string, bool) {
	if path == im.s.pass.Pkg.Path() {
		return "", im.visible(path, members)
	}
	for _, imp := range im.added {
		if imp.path == path {
			return cmp.Or(imp.name, name) + ".", true
		}
	}
	for _, spec := range im.fi.file.Imports {
		if importPath(spec) != path {
			continue
		}
		pn := im.s.pass.TypesInfo.PkgNameOf(spec)
		switch {
		case pn == nil || pn.Name() == "_":
		case pn.Name() == ".":
			if im.visible(path, members) {
				im.used[pn] = true
				return "", true
			}
		case im.s.lookup(pn.Name(), im.pos) == pn:
			im.used[pn] = true
			return pn.Name() + ".", true
		}
	}
	local, ok := im.freeName(name)
	if !ok {
		return "", false
	}
	imp := newImport{path: path}
	if local != name {
		imp.name = local
	}
	im.added = append(im.added, imp)
	im.names[local] = true
	return local + ".", true
}

// visible reports whether each member, unqualified, denotes the
// package-level object of that name of the package path at the text.
func (im *fixImports) visible(path string, members []string) bool {
	for _, member := range members {
		obj := im.s.lookup(member, im.pos)
		if obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != path || obj.Parent() != obj.Pkg().Scope() {
			return false
		}
	}
	return true
}

// freeName returns name, or name with the first number from 2 on, that
// denotes nothing at the text, so that an import under it shadows and
// redeclares nothing: the file and package scopes and the universe are
// all in scope there.
func (im *fixImports) freeName(name string) (string, bool) {
	for n := 1; n < 100; n++ {
		local := name
		if n > 1 {
			local += strconv.Itoa(n)
		}
		if !im.names[local] && local != "_" && im.s.lookup(local, im.pos) == nil {
			return local, true
		}
	}
	return "", false
}
