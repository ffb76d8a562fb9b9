package analyzer

import (
	"strings"
	"testing"
)

func TestExtractDoc(t *testing.T) {
	t.Parallel()
	const content = `// Package p is an example.
//
// # Analyzer p
//
// p: check something
//
// More prose.
package p
`
	got, err := extractDoc(content, "p")
	if err != nil {
		t.Fatal(err)
	}
	if want := "p: check something\n\nMore prose."; got != want {
		t.Errorf("extractDoc = %q, want %q", got, want)
	}
	if _, err := extractDoc(content, "q"); err == nil || !strings.Contains(err.Error(), `"# Analyzer q"`) {
		t.Errorf("extractDoc for a missing heading: err = %v", err)
	}
	if _, err := extractDoc("package p\n", "p"); err == nil {
		t.Error("extractDoc without a package comment: no error")
	}
}

// TestAnalyzerDoc checks the documentation embedded from doc.go: its first
// line is the analyzer's one-line summary, and it names every rule.
func TestAnalyzerDoc(t *testing.T) {
	t.Parallel()
	first, _, _ := strings.Cut(Analyzer.Doc, "\n")
	if !strings.HasPrefix(first, "errcontract: ") {
		t.Errorf("Doc starts %q, want the summary line", first)
	}
	for _, rule := range rules {
		if !strings.Contains(Analyzer.Doc, rule+":") {
			t.Errorf("Doc does not describe rule %s", rule)
		}
	}
}
