package driver

import (
	"go/token"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// A sarifConverter turns positions into SARIF locations. It reads each
// file once, to count columns in UTF-16 code units as SARIF does by
// default, where go/token counts bytes.
type sarifConverter struct {
	root  string
	files map[string][]byte
}

func (c *sarifConverter) result(fset *token.FileSet, d analysis.Diagnostic, rule int) sarifResult {
	r := sarifResult{
		RuleIndex: rule,
		Level:     sarifLevel,
		Message:   sarifText{d.Message},
		Locations: []sarifLocation{{PhysicalLocation: c.physical(fset, d.Pos, d.End, false)}},
		url:       d.URL,
	}
	for i, rel := range d.Related {
		r.RelatedLocations = append(r.RelatedLocations, sarifLocation{
			ID:               i + 1,
			PhysicalLocation: c.physical(fset, rel.Pos, rel.End, false),
			Message:          &sarifText{rel.Message},
		})
	}
	for _, fix := range d.SuggestedFixes {
		r.Fixes = append(r.Fixes, c.fix(fset, fix))
	}
	return r
}

// fix groups the edits of fix by file, in the order they come.
func (c *sarifConverter) fix(fset *token.FileSet, fix analysis.SuggestedFix) sarifFix {
	f := sarifFix{Description: sarifText{fix.Message}, ArtifactChanges: []sarifArtifactChange{}}
	byURI := make(map[string]int)
	for _, e := range fix.TextEdits {
		loc := c.physical(fset, e.Pos, e.End, true)
		i, ok := byURI[loc.ArtifactLocation.URI]
		if !ok {
			i = len(f.ArtifactChanges)
			byURI[loc.ArtifactLocation.URI] = i
			f.ArtifactChanges = append(f.ArtifactChanges, sarifArtifactChange{ArtifactLocation: loc.ArtifactLocation})
		}
		ch := &f.ArtifactChanges[i]
		ch.Replacements = append(ch.Replacements, sarifReplacement{DeletedRegion: loc.Region, InsertedContent: sarifText{string(e.NewText)}})
	}
	return f
}

// physical returns the location of [pos, end), an empty range at pos if
// end is not valid. With bytes, the region carries its byte offset and
// length too, which is what a fix needs to replace exactly.
func (c *sarifConverter) physical(fset *token.FileSet, pos, end token.Pos, bytes bool) sarifPhysicalLocation {
	if !end.IsValid() || end < pos {
		end = pos
	}
	start, stop := fset.Position(pos), fset.Position(end)
	region := sarifRegion{
		StartLine: max(start.Line, 1), StartColumn: c.column(fset, pos, start),
		EndLine: max(stop.Line, 1), EndColumn: c.column(fset, end, stop),
	}
	if bytes {
		off, n := start.Offset, stop.Offset-start.Offset
		region.ByteOffset, region.ByteLength = &off, &n
	}
	return sarifPhysicalLocation{ArtifactLocation: c.artifact(start.Filename), Region: region}
}

// column converts the byte column of p to UTF-16 code units. Where a
// //line directive moves p to another file, or the file cannot be read,
// the byte column is the best there is.
func (c *sarifConverter) column(fset *token.FileSet, pos token.Pos, p token.Position) int {
	raw := fset.PositionFor(pos, false)
	if raw != p || p.Column < 1 {
		return max(p.Column, 1)
	}
	content, ok := c.files[p.Filename]
	if !ok {
		content, _ = os.ReadFile(p.Filename)
		c.files[p.Filename] = content
	}
	lineStart := p.Offset - (p.Column - 1)
	if lineStart < 0 || p.Offset > len(content) {
		return p.Column
	}
	return 1 + len(utf16.Encode([]rune(string(content[lineStart:p.Offset]))))
}

// artifact returns the location of file relative to the source root, or
// as an absolute file URI if it lies outside (a dependency's file).
func (c *sarifConverter) artifact(file string) sarifArtifactLocation {
	rel, err := filepath.Rel(c.root, file)
	if err != nil || !filepath.IsLocal(rel) {
		return sarifArtifactLocation{URI: fileURI(file)}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).EscapedPath(), URIBaseID: srcRoot}
}

func fileURI(path string) string {
	path = filepath.ToSlash(path)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // a Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: path}).String()
}

// dirURI is the file URI of directory dir, which SARIF requires to end in
// a slash.
func dirURI(dir string) string {
	return strings.TrimSuffix(fileURI(dir), "/") + "/"
}

// sourceRoot returns the directory artifact URIs are relative to: the
// root of the repository that holds the main module (the nearest directory
// with a .git entry), which is what code scanning resolves them against,
// else the main module's directory, else the working directory.
func sourceRoot(roots []*checker.Action) string {
	for _, act := range roots {
		if m := act.Package.Module; m != nil && m.Main && m.Dir != "" {
			return repositoryRoot(m.Dir)
		}
	}
	dir, _ := os.Getwd()
	return repositoryRoot(dir)
}

func repositoryRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}
