package analyzer

import (
	"go/ast"
	"go/format"
	"go/token"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// keepFormatted returns the edits of a rewrite in decl, or, if they leave
// decl in need of gofmt where it was gofmt-clean, one edit that also makes
// the changes gofmt would: a longer call can outgrow a one-line function
// body, or the column of the trailing comments of the lines around it.
// That edit spans only the text that changes.
func keepFormatted(fi *fileInfo, decl ast.Node, edits []analysis.TextEdit) ([]analysis.TextEdit, bool) {
	start := decl.Pos()
	for _, e := range edits {
		if e.Pos < start || e.End > decl.End() {
			return edits, true // not only the declaration's
		}
	}
	text := fi.text(decl)
	if formatted, err := formatDecl(text); err != nil || formatted != text {
		return edits, true // gofmt would change it anyway
	}
	edited := applyEdits(text, start, edits)
	formatted, err := formatDecl(edited)
	switch {
	case err != nil:
		return nil, false // the edits break the declaration
	case formatted == edited:
		return edits, true
	}
	prefix := commonPrefix(text, formatted)
	suffix := commonPrefix(reverse(text[prefix:]), reverse(formatted[prefix:]))
	// An edit starts and ends between characters, which editors count.
	for prefix > 0 && !utf8.RuneStart(text[prefix]) {
		prefix--
	}
	for suffix > 0 && !utf8.RuneStart(text[len(text)-suffix]) {
		suffix--
	}
	return []analysis.TextEdit{{
		Pos:     start + token.Pos(prefix),
		End:     decl.End() - token.Pos(suffix),
		NewText: []byte(formatted[prefix : len(formatted)-suffix]),
	}}, true
}

// formatDecl returns the text of a top-level declaration as gofmt prints
// it in a file.
func formatDecl(text string) (string, error) {
	const header = "package p\n\n"
	out, err := format.Source([]byte(header + text + "\n"))
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(strings.TrimPrefix(string(out), header), "\n"), nil
}

// applyEdits applies edits, none of which overlap, to text, which starts
// at start.
func applyEdits(text string, start token.Pos, edits []analysis.TextEdit) string {
	edits = slices.SortedFunc(slices.Values(edits), func(x, y analysis.TextEdit) int { return int(y.Pos - x.Pos) })
	for _, e := range edits {
		text = text[:e.Pos-start] + string(e.NewText) + text[e.End-start:]
	}
	return text
}

func commonPrefix(x, y string) int {
	n := 0
	for n < len(x) && n < len(y) && x[n] == y[n] {
		n++
	}
	return n
}

func reverse(s string) string {
	b := []byte(s)
	slices.Reverse(b)
	return string(b)
}
