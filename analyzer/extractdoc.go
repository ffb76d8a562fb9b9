package analyzer

import (
	"fmt"
	"go/parser"
	"go/token"
	"strings"
)

// mustExtractDoc returns the documentation of the analyzer called name from
// the package comment of a doc.go file: the text after the heading
// "# Analyzer name". It panics if the heading is missing, which a test
// catches before any release.
func mustExtractDoc(content, name string) string {
	doc, err := extractDoc(content, name)
	if err != nil {
		panic(err)
	}
	return doc
}

func extractDoc(content, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("doc.go has no package comment")
	}
	text := f.Doc.Text()
	heading := "# Analyzer " + name + "\n"
	_, after, found := strings.Cut(text, heading)
	if !found {
		return "", fmt.Errorf("package comment has no %q heading", strings.TrimSpace(heading))
	}
	return strings.TrimSpace(after), nil
}
