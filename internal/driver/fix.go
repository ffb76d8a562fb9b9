package driver

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"log"
	"maps"
	"os"
	"slices"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/ast/astutil"
)

// An edit is a TextEdit as byte offsets into its file.
type edit struct {
	start, end int
	text       string
}

// A fileFixes is what the accepted fixes do to one file.
type fileFixes struct {
	baseline []byte
	pkg      *types.Package // a package the file belongs to
	edits    []edit
}

// A fixResult counts what applyFixes did with the fixes it was given.
type fixResult struct {
	total, applied, conflicts, files int
}

func (r fixResult) String() string {
	return fmt.Sprintf("applied %d of %s; %s updated", r.applied, plural(r.total, "fix", "fixes"), plural(r.files, "file", "files"))
}

// applyFixes applies the first suggested fix of each diagnostic of the
// root actions, as go/analysis' drivers do: a fix that edits a generated
// file is skipped, edits identical to ones already accepted are applied
// once (the same file is analysed in a package and in its test variant;
// fixes add the same import), and a fix that conflicts with an accepted
// one is not applied but counted. Each changed file is then
// gofmt-formatted, without the imports the fixes left unused. With
// printDiff, the files are not written: a unified diff goes to w. The
// error is a failure to read or write a file.
func applyFixes(roots []*checker.Action, printDiff bool, w io.Writer) (fixResult, error) {
	var res fixResult
	files := make(map[string]*fileFixes)
	for _, act := range roots {
		generated := generatedFiles(act)
		for _, diag := range act.Diagnostics {
			for i, fix := range diag.SuggestedFixes {
				if i > 0 {
					log.Printf("%s: ignoring alternative fix %q", act, fix.Message)
					continue
				}
				res.total++
				switch outcome, err := acceptFix(files, act, fix, generated); {
				case err != nil:
					return res, err
				case outcome == fixAccepted:
					res.applied++
				case outcome == fixConflicts:
					res.conflicts++
				}
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		ff := files[name]
		final := fixedSource(ff)
		if printDiff {
			io.WriteString(w, unifiedDiff(name+" (old)", name+" (new)", ff.baseline, final))
			continue
		}
		if err := os.WriteFile(name, final, 0o644); err != nil {
			return res, err
		}
		res.files++
	}
	return res, nil
}

// What acceptFix did with a fix.
const (
	fixAccepted  = iota
	fixConflicts // with a fix accepted before it
	fixGenerated // it edits a generated file
)

// generatedFiles returns the generated files of act's package.
func generatedFiles(act *checker.Action) map[*token.File]bool {
	generated := make(map[*token.File]bool)
	for _, f := range act.Package.Syntax {
		if ast.IsGenerated(f) {
			generated[act.Package.Fset.File(f.FileStart)] = true
		}
	}
	return generated
}

// acceptFix adds the edits of fix to files if it can be applied together
// with those accepted before it, and says what it did.
func acceptFix(files map[string]*fileFixes, act *checker.Action, fix analysis.SuggestedFix, generated map[*token.File]bool) (int, error) {
	byFile := make(map[string][]edit)
	for _, te := range fix.TextEdits {
		tok := act.Package.Fset.File(te.Pos)
		if generated[tok] {
			return fixGenerated, nil
		}
		if err := readBaseline(files, tok, act.Package.Types); err != nil {
			return 0, err
		}
		end := te.End
		if !end.IsValid() {
			end = te.Pos
		}
		byFile[tok.Name()] = append(byFile[tok.Name()], edit{tok.Offset(te.Pos), tok.Offset(end), string(te.NewText)})
	}
	merged := make(map[string][]edit, len(byFile))
	for name, edits := range byFile {
		m, ok := merge(files[name].edits, edits)
		if !ok {
			return fixConflicts, nil
		}
		merged[name] = m
	}
	for name, edits := range merged {
		files[name].edits = edits
	}
	return fixAccepted, nil
}

// readBaseline reads the file tok into files the first time a fix edits
// it, checking that it is the file that was analysed.
func readBaseline(files map[string]*fileFixes, tok *token.File, pkg *types.Package) error {
	if files[tok.Name()] != nil {
		return nil
	}
	content, err := os.ReadFile(tok.Name())
	if err != nil {
		return err
	}
	if len(content) != tok.Size() {
		return fmt.Errorf("concurrent file modification detected in file %s (size changed from %d -> %d bytes); aborting fix", tok.Name(), tok.Size(), len(content))
	}
	files[tok.Name()] = &fileFixes{baseline: content, pkg: pkg}
	return nil
}

// merge returns accepted with the edits of one more fix, sorted, or false
// if one of them conflicts with an accepted edit: it overlaps it, or
// inserts other text at the same place. An edit equal to an accepted one
// is dropped.
func merge(accepted, edits []edit) ([]edit, bool) {
	out := slices.Clone(accepted)
next:
	for _, e := range edits {
		for _, a := range accepted {
			switch {
			case a == e:
				continue next
			case e.start < a.end && a.start < e.end,
				e.start == e.end && a.start == a.end && e.start == a.start,
				e.start == e.end && a.start < e.start && e.start < a.end:
				return nil, false
			}
		}
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(x, y edit) int { return x.start - y.start })
	for i := 1; i < len(out); i++ {
		if out[i].start < out[i-1].end {
			return nil, false // edits of the fix itself overlap
		}
	}
	return out, true
}

// fixedSource applies ff's edits to its baseline and formats the result,
// dropping imports that no longer have a use. Source that does not parse
// after the edits is returned as it is.
func fixedSource(ff *fileFixes) []byte {
	var buf bytes.Buffer
	last := 0
	for _, e := range ff.edits {
		buf.Write(ff.baseline[last:e.start])
		buf.WriteString(e.text)
		last = e.end
	}
	buf.Write(ff.baseline[last:])
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "fixed.go", buf.Bytes(), parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return buf.Bytes()
	}
	ast.SortImports(fset, f)
	removeUnusedImports(fset, f, ff.pkg)
	var out bytes.Buffer
	if err := format.Node(&out, fset, f); err != nil {
		return buf.Bytes()
	}
	return out.Bytes()
}

// removeUnusedImports deletes the imports of f whose name no selector of
// the file uses. Names come from the import or, for imports without one,
// from the package's own imports (so from type information of the file
// before the fixes); imports of packages it did not import yet are new,
// and kept.
func removeUnusedImports(fset *token.FileSet, f *ast.File, pkg *types.Package) {
	used := make(map[string]bool)
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	names := make(map[string]string)
	for _, imp := range pkg.Imports() {
		names[imp.Path()] = imp.Name()
	}
	for _, spec := range slices.Clone(f.Imports) {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil || path == "C" {
			continue
		}
		explicit, name := "", names[path]
		if spec.Name != nil {
			explicit, name = spec.Name.Name, spec.Name.Name
		}
		if name == "" || name == "_" || name == "." || used[name] {
			continue
		}
		astutil.DeleteNamedImport(fset, f, explicit, path)
	}
}

func plural(n int, singular, plural string) string {
	if n == 1 {
		return "1 " + singular
	}
	return fmt.Sprintf("%d %s", n, plural)
}
