package config

import (
	"fmt"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/errcontract/errcontract/internal/contract"
)

// FileName is the name of the configuration file.
const FileName = "errcontract.yaml"

// A File is a parsed errcontract.yaml. Its entries keep their positions, so
// that a problem found later, when the package an entry names is analyzed,
// is reported at the entry.
type File struct {
	Path    string // as given to Parse
	Content []byte

	Contract     *Contract // nil if unset
	Writers      []Name
	Constructors []Constructor
	Public       []Name
	Disable      []string // nil if unset
	Enable       []string // nil if unset
	Tests        *bool    // nil if unset
	Exclude      []Glob
	OpenAPI      string // the OpenAPI spec: a path relative to the file's directory
	openAPIPos   Pos
	// OpenAPIBasePath, if set, replaces the path of the spec's first
	// server as the prefix of the spec's paths in the code's routes.
	OpenAPIBasePath string
}

// SpecPath returns the path of the file's OpenAPI spec, "" if it names none.
func (f *File) SpecPath() string {
	if f == nil || f.OpenAPI == "" {
		return ""
	}
	if filepath.IsAbs(f.OpenAPI) {
		return f.OpenAPI
	}
	return filepath.Join(f.Dir(), f.OpenAPI)
}

// OpenAPIPos returns the position of the openapi entry.
func (f *File) OpenAPIPos() Pos { return f.openAPIPos }

// Dir returns the directory of the file, which its exclude patterns and
// openapi path are relative to.
func (f *File) Dir() string { return filepath.Dir(f.Path) }

// A Pos is a line and a column of the file, both from 1.
type Pos struct{ Line, Col int }

// A Contract is the file's contract: a preset, or the team's own statuses,
// error codes per status, and body format.
type Contract struct {
	Preset   string
	Statuses []int
	Codes    map[int][]string
	Format   string
	Pos      Pos
}

// A Name is a qualified name as the file writes it: pkgpath.Func,
// pkgpath.Type.Method or pkgpath.Type.
type Name struct {
	Path string
	Pos  Pos
}

// In returns what n names in the package with the given import path: "Func",
// "Type" or "Type.Method"; ok is false if n names nothing in it.
func (n Name) In(pkgPath string) (member string, ok bool) {
	member, ok = strings.CutPrefix(n.Path, pkgPath+".")
	if !ok || strings.Contains(member, "/") || strings.Count(member, ".") > 1 {
		return "", false
	}
	for part := range strings.SplitSeq(member, ".") {
		if !token.IsIdentifier(part) {
			return "", false
		}
	}
	return member, true
}

// A Constructor is an entry of constructors: the function, and the status
// and optional error code of the responses it builds.
type Constructor struct {
	Func   Name
	Status int
	Code   string
}

// A Problem is one invalid value of the file.
type Problem struct {
	File string // the file's name as messages show it
	Pos  Pos
	Msg  string
}

func (p *Problem) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Pos.Line, p.Pos.Col, p.Msg)
}

// Problems are the invalid values of a file, one line each, in the order of
// the file.
type Problems []*Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Keys returns the keys of the file, in the order the documentation
// presents them.
func Keys() []string {
	return []string{"contract", "writers", "constructors", "public", "disable", "enable", "tests", "exclude", "openapi", "openapi-base-path"}
}

var contractKeys = []string{"statuses", "codes", "format"}
var constructorKeys = []string{"func", "status", "code"}

// Load reads and parses the file at path, and checks that the paths it
// names exist. name is how problems name the file.
func Load(path, name string) (*File, Problems) {
	content, err := os.ReadFile(path)
	if err != nil {
		return &File{Path: path}, Problems{{File: name, Pos: Pos{1, 1}, Msg: "cannot read: " + err.Error()}}
	}
	f, problems := Parse(path, name, content)
	if f != nil && f.OpenAPI != "" {
		spec := f.OpenAPI
		if !filepath.IsAbs(spec) {
			spec = filepath.Join(f.Dir(), spec)
		}
		if st, err := os.Stat(spec); err != nil || st.IsDir() {
			problems = append(problems, &Problem{name, f.openAPIPos, fmt.Sprintf("openapi file %q does not exist (valid: a path relative to the directory of %s)", f.OpenAPI, FileName)})
		}
	}
	return f, problems
}

// Parse parses the content of an errcontract.yaml at path. name is how
// problems name the file. It returns every problem, and the file with the
// valid values.
func Parse(path, name string, content []byte) (*File, Problems) {
	p := &parser{display: name, f: &File{Path: path, Content: content}}
	var doc yaml.Node
	if err := yaml.Unmarshal(content, &doc); err != nil {
		p.syntaxError(err)
		return p.f, p.problems
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return p.f, nil // an empty file sets nothing
	}
	p.top(doc.Content[0])
	return p.f, p.problems
}

type parser struct {
	display  string
	f        *File
	problems Problems
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.problems = append(p.problems, &Problem{p.display, posOf(n), fmt.Sprintf(format, args...)})
}

func posOf(n *yaml.Node) Pos { return Pos{max(n.Line, 1), max(n.Column, 1)} }

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError records a YAML syntax error: the library gives a line but
// no column.
func (p *parser) syntaxError(err error) {
	msg := strings.SplitN(err.Error(), "\n", 2)[0]
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	p.problems = append(p.problems, &Problem{p.display, Pos{max(line, 1), 1}, "invalid YAML: " + msg})
}

// usable reports whether n is a plain node, not an alias or a merge: the
// file is small, and following aliases would let it grow without bound.
func (p *parser) usable(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode || n.Tag == "!!merge" {
		p.errorf(n, "aliases and merge keys are not supported in %s", FileName)
		return false
	}
	return true
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" }

func (p *parser) top(n *yaml.Node) {
	if !p.usable(n) {
		return
	}
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a mapping of keys (valid: %s)", FileName, strings.Join(Keys(), ", "))
		return
	}
	p.mapping(n, Keys(), func(key string, k, v *yaml.Node) {
		switch key {
		case "contract":
			p.contract(v)
		case "writers":
			p.f.Writers = p.names(v, "writer", "a function")
		case "public":
			p.f.Public = p.names(v, "public type", "a type")
		case "constructors":
			p.constructors(v)
		case "disable":
			p.f.Disable = p.rules(v, "disable")
		case "enable":
			p.f.Enable = p.rules(v, "enable")
		case "tests":
			p.tests(v)
		case "exclude":
			p.exclude(v)
		case "openapi":
			if s, ok := p.str(v, "openapi"); ok {
				p.f.OpenAPI, p.f.openAPIPos = s, posOf(v)
			}
		case "openapi-base-path":
			if s, ok := p.str(v, "openapi-base-path"); ok {
				if !strings.HasPrefix(s, "/") {
					p.errorf(v, "openapi-base-path %q must start with / (valid: /v1, or / for none)", s)
				} else {
					p.f.OpenAPIBasePath = s
				}
			}
		}
	})
}

// mapping calls f for each key of the mapping n that is in valid, and
// reports the others and duplicates.
func (p *parser) mapping(n *yaml.Node, valid []string, f func(key string, k, v *yaml.Node)) {
	seen := make(map[string]bool)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !p.usable(k) || !p.usable(v) {
			continue
		}
		switch {
		case k.Kind != yaml.ScalarNode || !slices.Contains(valid, k.Value):
			p.errorf(k, "unknown key %q (valid: %s)", shortValue(k), strings.Join(valid, ", "))
		case seen[k.Value]:
			p.errorf(k, "duplicate key %q", k.Value)
		default:
			seen[k.Value] = true
			f(k.Value, k, v)
		}
	}
}

// shortValue returns n's text for a message.
func shortValue(n *yaml.Node) string {
	s := n.Value
	if n.Kind != yaml.ScalarNode {
		s = kindName(n)
	}
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "a boolean"
	case "!!null":
		return "null"
	}
	return "a string"
}

// str returns the string scalar n.
func (p *parser) str(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" || n.Value == "" {
		p.errorf(n, "%s must be a non-empty string, not %s", what, kindName(n))
		return "", false
	}
	return n.Value, true
}

// list returns the elements of the sequence n, or of no sequence if n is
// null.
func (p *parser) list(n *yaml.Node, what, want string) []*yaml.Node {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s must be a list of %s, not %s", what, want, kindName(n))
		return nil
	}
	var elems []*yaml.Node
	for _, e := range n.Content {
		if p.usable(e) {
			elems = append(elems, e)
		}
	}
	return elems
}

func (p *parser) contract(n *yaml.Node) {
	c := &Contract{Pos: posOf(n)}
	switch {
	case isNull(n):
		return
	case n.Kind == yaml.ScalarNode:
		if _, err := LookupPreset(n.Value); err != nil {
			p.errorf(n, "unknown contract %q (valid: %s, or a mapping of statuses, codes and format)", n.Value, strings.Join(contract.Names(), ", "))
			return
		}
		c.Preset = n.Value
	case n.Kind == yaml.MappingNode:
		var codes *yaml.Node
		p.mapping(n, contractKeys, func(key string, k, v *yaml.Node) {
			switch key {
			case "statuses":
				c.Statuses = p.statuses(v)
			case "codes":
				codes = v
			case "format":
				if s, ok := p.str(v, "format"); ok {
					if !slices.Contains(contract.Names(), s) {
						p.errorf(v, "unknown format %q (valid: %s)", s, strings.Join(contract.Names(), ", "))
					} else {
						c.Format = s
					}
				}
			}
		})
		if len(c.Statuses) == 0 {
			p.errorf(n, "contract needs statuses, the list the API documents, as in statuses: [400, 404, 500]")
			return
		}
		if codes != nil {
			c.Codes = p.codes(codes, c.Statuses)
		}
	default:
		p.errorf(n, "contract must be a preset (%s) or a mapping of statuses, codes and format, not %s", strings.Join(contract.Names(), ", "), kindName(n))
		return
	}
	p.f.Contract = c
}

func (p *parser) statuses(n *yaml.Node) []int {
	var codes []int
	for _, e := range p.list(n, "statuses", "statuses (100 to 599)") {
		if code, ok := p.status(e, 100); ok {
			codes = append(codes, code)
		}
	}
	return codes
}

// status returns the status n, which must be at least min.
func (p *parser) status(n *yaml.Node, min int) (int, bool) {
	code, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || err != nil {
		p.errorf(n, "status %q is not a number (valid: %d to 599)", shortValue(n), min)
		return 0, false
	}
	if code < min || code > 599 {
		p.errorf(n, "status %d is out of range (valid: %d to 599)", code, min)
		return 0, false
	}
	return code, true
}

// codes parses codes: a mapping from documented statuses to lists of
// error codes.
func (p *parser) codes(n *yaml.Node, statuses []int) map[int][]string {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "codes must be a mapping from statuses to lists of error codes, not %s", kindName(n))
		return nil
	}
	out := make(map[int][]string)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !p.usable(k) || !p.usable(v) {
			continue
		}
		status, ok := p.status(k, 100)
		if !ok {
			continue
		}
		if !slices.Contains(statuses, status) {
			p.errorf(k, "codes of status %d, which statuses does not list (valid: %s)", status, joinInts(statuses))
			continue
		}
		if _, dup := out[status]; dup {
			p.errorf(k, "duplicate key %d", status)
			continue
		}
		var list []string
		for _, e := range p.list(v, "codes of a status", "error codes") {
			if code, ok := p.code(e); ok {
				list = append(list, code)
			}
		}
		out[status] = list
	}
	return out
}

var codePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]*$`)

func (p *parser) code(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" || !codePattern.MatchString(n.Value) {
		p.errorf(n, "error code %q is not an identifier (valid: a letter, then letters, digits, _ . -)", shortValue(n))
		return "", false
	}
	return n.Value, true
}

func joinInts(list []int) string {
	s := make([]string, len(list))
	for i, n := range list {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, " ")
}

// names parses a list of qualified names.
func (p *parser) names(n *yaml.Node, what, kind string) []Name {
	var names []Name
	for _, e := range p.list(n, what+"s", "qualified names") {
		if name, ok := p.name(e, what, kind); ok {
			names = append(names, name)
		}
	}
	return names
}

func (p *parser) name(n *yaml.Node, what, kind string) (Name, bool) {
	s, ok := p.str(n, what)
	if !ok {
		return Name{}, false
	}
	if !wellFormed(s) {
		p.errorf(n, "%s %q is not a qualified name of %s (valid: pkgpath.Func or pkgpath.Type.Method, as in example.com/svc/httpx.Error)", what, s, kind)
		return Name{}, false
	}
	return Name{Path: s, Pos: posOf(n)}, true
}

// wellFormed reports whether s has the shape of pkgpath.Name or
// pkgpath.Type.Method: an import path, then one or two identifiers.
func wellFormed(s string) bool {
	slash := strings.LastIndexByte(s, '/')
	dot := strings.IndexByte(s[slash+1:], '.')
	if dot <= 0 || strings.ContainsAny(s, " \t\n\\") || strings.HasPrefix(s, "/") || strings.Contains(s, "//") {
		return false
	}
	rest := s[slash+1+dot+1:]
	parts := strings.Split(rest, ".")
	// A last path element may itself have dots (gopkg.in/yaml.v3), so
	// only the last one or two parts must be identifiers.
	last := parts[len(parts)-1]
	return token.IsIdentifier(last)
}

func (p *parser) constructors(n *yaml.Node) {
	for _, e := range p.list(n, "constructors", "{func, status, code} mappings") {
		if e.Kind != yaml.MappingNode {
			p.errorf(e, "a constructor must be a mapping of func, status and code, as in {func: example.com/svc/apperr.NotFound, status: 404, code: not_found}, not %s", kindName(e))
			continue
		}
		var c Constructor
		ok := true
		p.mapping(e, constructorKeys, func(key string, k, v *yaml.Node) {
			switch key {
			case "func":
				c.Func, ok = p.name(v, "constructor", "a function")
			case "status":
				// A constructor builds an error response, as the directive's does.
				c.Status, ok = p.status(v, 400)
			case "code":
				c.Code, ok = p.code(v)
			}
		})
		switch {
		case !ok:
		case c.Func.Path == "" || c.Status == 0:
			p.errorf(e, "a constructor needs func and status, as in {func: example.com/svc/apperr.NotFound, status: 404, code: not_found}")
		default:
			p.f.Constructors = append(p.f.Constructors, c)
		}
	}
}

func (p *parser) rules(n *yaml.Node, what string) []string {
	names := []string{} // set, even if empty: it overrides the default
	for _, e := range p.list(n, what, "rules") {
		if e.Kind != yaml.ScalarNode || CheckRule(e.Value) != nil {
			p.errorf(e, "unknown rule %q (valid: %s)", shortValue(e), strings.Join(Rules(), ", "))
			continue
		}
		names = append(names, e.Value)
	}
	return names
}

func (p *parser) tests(n *yaml.Node) {
	b, err := strconv.ParseBool(n.Value)
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" || err != nil {
		p.errorf(n, "tests must be true or false, not %q", shortValue(n))
		return
	}
	p.f.Tests = &b
}

func (p *parser) exclude(n *yaml.Node) {
	for _, e := range p.list(n, "exclude", "glob patterns") {
		s, ok := p.str(e, "an exclude pattern")
		if !ok {
			continue
		}
		g, err := ParseGlob(s)
		if err != nil {
			p.errorf(e, "%v", err)
			continue
		}
		p.f.Exclude = append(p.f.Exclude, g)
	}
}

// A Glob is an exclude pattern: slash-separated path.Match patterns, where
// a "**" element matches any number of directories. A pattern that matches
// a directory matches every file below it.
type Glob struct {
	Pattern string
	elems   []string
}

// ParseGlob parses an exclude pattern.
func ParseGlob(pattern string) (Glob, error) {
	if path.IsAbs(pattern) || filepath.IsAbs(pattern) || strings.Contains(pattern, "\\") {
		return Glob{}, fmt.Errorf("exclude pattern %q must be a slash-separated path relative to the directory of %s", pattern, FileName)
	}
	elems := strings.Split(pattern, "/")
	for _, e := range elems {
		if e == ".." || e == "" {
			return Glob{}, fmt.Errorf("exclude pattern %q must be a slash-separated path relative to the directory of %s, without empty or .. elements", pattern, FileName)
		}
		if _, err := path.Match(e, ""); err != nil {
			return Glob{}, fmt.Errorf("exclude pattern %q is malformed: %v (valid: path.Match patterns, and ** for any directories)", pattern, err)
		}
	}
	return Glob{Pattern: pattern, elems: elems}, nil
}

// Match reports whether the file at rel, a slash-separated path relative to
// the directory of errcontract.yaml, matches g.
func (g Glob) Match(rel string) bool {
	names := strings.Split(rel, "/")
	// matched[j] reports whether the pattern's elements so far match
	// names[:j]: one pass per element keeps "**" linear.
	matched := make([]bool, len(names)+1)
	matched[0] = true
	for _, e := range g.elems {
		next := make([]bool, len(names)+1)
		for j := range matched {
			if !matched[j] {
				continue
			}
			if e == "**" {
				for k := j; k <= len(names); k++ {
					next[k] = true
				}
				continue
			}
			if j < len(names) {
				if ok, _ := path.Match(e, names[j]); ok {
					next[j+1] = true
				}
			}
		}
		matched = next
	}
	return slices.Contains(matched[1:], true)
}

// Find returns the errcontract.yaml that governs the package in dir: the
// first one in dir or a parent, up to the module root (the first directory
// with a go.mod) or the filesystem root. It returns "" if there is none.
func Find(dir string) string {
	for {
		file := filepath.Join(dir, FileName)
		if st, err := os.Stat(file); err == nil && st.Mode().IsRegular() {
			return file
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
