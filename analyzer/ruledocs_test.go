package analyzer

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

var update = flag.Bool("update", false, "rewrite the generated sections of docs/rules")

// docCategories are the categories that have a page in docs/rules: every
// rule, and the findings about directives.
var docCategories = append(slices.Clone(rules), categoryDirective)

// TestRuleDocs keeps docs/rules in step with its two sources. Each page's
// generated sections are the rule's paragraph of doc.go (the text -help
// prints), and its Before and After examples, which are the packages
// testdata/docexamples/RULE/{before,after}, with what errcontract reports
// on the Before. The test requires that the Before reports the rule and
// the After does not, and that the committed pages equal what it
// generates; -update rewrites them.
func TestRuleDocs(t *testing.T) {
	t.Parallel()
	paragraphs, err := ruleParagraphs(Analyzer.Doc)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(testdata(t), "docexamples")
	var patterns []string
	for _, category := range docCategories {
		for _, variant := range []string{"before", "after"} {
			patterns = append(patterns, "./"+exampleDir(category)+"/"+variant)
		}
	}
	// One load for every example; the examples are correct Go, so the only
	// errors analysistest reports are the diagnostics, which carry no
	// // want comments and are checked here instead.
	var ignored discard
	a := New(Config{Enable: []string{ruleUnusedDocumentedStatus}})
	reports := make(map[string][]string) // package directory → findings
	for _, res := range analysistest.Run(&ignored, dir, a, patterns...) {
		if res.Err != nil {
			t.Fatalf("%s: %v", res.Action.Package, res.Err)
		}
		pkg := res.Action.Package
		rel, err := filepath.Rel(dir, filepath.Dir(pkg.GoFiles[0]))
		if err != nil {
			t.Fatal(err)
		}
		rel = filepath.ToSlash(rel)
		category, _, _ := strings.Cut(rel, "/")
		for _, d := range res.Diagnostics {
			if exampleDir(d.Category) != category {
				continue // another rule's finding, which its own page shows
			}
			posn := pkg.Fset.Position(d.Pos)
			reports[rel] = append(reports[rel], fmt.Sprintf("%s:%d:%d: %s", filepath.Base(posn.Filename), posn.Line, posn.Column, d.Message))
			for _, r := range d.Related {
				rp := pkg.Fset.Position(r.Pos)
				reports[rel] = append(reports[rel], fmt.Sprintf("%s:%d:%d: \t%s", filepath.Base(rp.Filename), rp.Line, rp.Column, r.Message))
			}
		}
	}
	for _, category := range docCategories {
		t.Run(category, func(t *testing.T) {
			base := exampleDir(category)
			if len(reports[base+"/before"]) == 0 {
				t.Errorf("the Before example %s/before reports no %s finding", base, category)
			}
			if got := reports[base+"/after"]; len(got) > 0 {
				t.Errorf("the After example %s/after reports %s:\n%s", base, category, strings.Join(got, "\n"))
			}
			para, ok := paragraphs[category]
			if !ok {
				t.Fatalf("doc.go has no paragraph starting %q", category+":")
			}
			sections := map[string]string{
				"doc":     para + "\n",
				"before":  "```go\n" + readExample(t, dir, base+"/before") + "```\n",
				"reports": "```\n" + strings.Join(reports[base+"/before"], "\n") + "\n```\n",
				"after":   "```go\n" + readExample(t, dir, base+"/after") + "```\n",
			}
			page := filepath.Join("..", "docs", "rules", category+".md")
			old, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			regenerated, err := fillSections(string(old), sections)
			if err != nil {
				t.Fatalf("%s: %v", page, err)
			}
			if regenerated == string(old) {
				return
			}
			if *update {
				if err := os.WriteFile(page, []byte(regenerated), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			t.Errorf("%s is not what doc.go and testdata/docexamples/%s generate; run go test ./analyzer -run RuleDocs -update", page, base)
		})
	}
}

// discard is an analysistest.Testing that ignores the errors analysistest
// reports: here, the diagnostics that no // want comment expects.
type discard struct{}

func (*discard) Errorf(string, ...any) {}

// exampleDir is the directory of a category's examples under
// testdata/docexamples: the category without its hyphens.
func exampleDir(category string) string { return strings.ReplaceAll(category, "-", "") }

// readExample returns the one Go file of an example package.
func readExample(t *testing.T, dir, pkg string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, pkg, "*.go"))
	if err != nil || len(files) != 1 {
		t.Fatalf("%s: want one Go file, have %v (%v)", pkg, files, err)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// ruleParagraphs returns the paragraphs of doc that describe a category,
// each starting "CATEGORY: ", by category.
func ruleParagraphs(doc string) (map[string]string, error) {
	paragraphs := make(map[string]string)
	for _, p := range strings.Split(doc, "\n\n") {
		name, _, ok := strings.Cut(p, ": ")
		if !ok || !slices.Contains(docCategories, name) {
			continue
		}
		if _, dup := paragraphs[name]; dup {
			return nil, fmt.Errorf("doc.go describes %s twice", name)
		}
		paragraphs[name] = strings.TrimSpace(p)
	}
	return paragraphs, nil
}

// fillSections replaces the text between each "<!-- generated: NAME -->"
// line and the following "<!-- end NAME -->" line of page with
// sections[NAME]. Every section must appear exactly once.
func fillSections(page string, sections map[string]string) (string, error) {
	for name, text := range sections {
		begin := "<!-- generated: " + name + " -->\n"
		end := "<!-- end " + name + " -->\n"
		if strings.Count(page, begin) != 1 || strings.Count(page, end) != 1 {
			return "", fmt.Errorf("want one %q and one %q line", strings.TrimSpace(begin), strings.TrimSpace(end))
		}
		before, rest, _ := strings.Cut(page, begin)
		_, after, found := strings.Cut(rest, end)
		if !found {
			return "", fmt.Errorf("%q comes before %q", strings.TrimSpace(end), strings.TrimSpace(begin))
		}
		page = before + begin + text + end + after
	}
	return page, nil
}

func TestFillSections(t *testing.T) {
	t.Parallel()
	const page = "# x\n<!-- generated: doc -->\nold\n<!-- end doc -->\ntail\n"
	got, err := fillSections(page, map[string]string{"doc": "new\n"})
	if want := "# x\n<!-- generated: doc -->\nnew\n<!-- end doc -->\ntail\n"; err != nil || got != want {
		t.Errorf("fillSections = %q, %v; want %q", got, err, want)
	}
	if _, err := fillSections(page, map[string]string{"before": "x\n"}); err == nil {
		t.Error("fillSections with a missing section: no error")
	}
	if _, err := fillSections("<!-- end doc -->\n<!-- generated: doc -->\n", map[string]string{"doc": ""}); err == nil {
		t.Error("fillSections with the end first: no error")
	}
}

func TestRuleParagraphs(t *testing.T) {
	t.Parallel()
	got, err := ruleParagraphs(Analyzer.Doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, category := range docCategories {
		if !strings.HasPrefix(got[category], category+": ") {
			t.Errorf("doc.go has no paragraph for %s", category)
		}
	}
	if _, err := ruleParagraphs("error-leak: a\n\nerror-leak: b"); err == nil {
		t.Error("a rule described twice: no error")
	}
}
