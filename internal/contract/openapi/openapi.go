package openapi

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v3"
)

// A Spec is what errcontract reads of an OpenAPI document: its operations,
// each with the statuses its responses document.
type Spec struct {
	Path       string // as given to LoadSpec
	BasePath   string // the path of servers[0].url, or the configured base path; "" for none
	Operations []*Operation
	// Content is the document as read, which positions are lines of.
	Content []byte
}

// An Operation is one method of one path of the spec.
type Operation struct {
	Method string // upper case
	Path   string // the spec's path template, without the base path
	ID     string // operationId, or ""
	// Statuses are the statuses its responses list one by one, sorted.
	Statuses []int
	// Ranges are the classes its responses document as a whole: 4XX.
	Ranges [6]bool
	// Default is set when it has a default response, which documents
	// every status.
	Default bool
	// Line and Col are where the operation's method key is in the
	// document, 1-based; 0 if unknown.
	Line, Col int
}

// Name names the operation in messages: its operationId, else its method
// and path template.
func (op *Operation) Name() string {
	if op.ID != "" {
		return op.ID
	}
	return op.Method + " " + op.Path
}

// Documents reports whether the operation's responses document status.
func (op *Operation) Documents(status int) bool {
	if op.Default {
		return true
	}
	if class := status / 100; class >= 1 && class <= 5 && op.Ranges[class] {
		return true
	}
	_, found := slices.BinarySearch(op.Statuses, status)
	return found
}

// Listing lists the responses of the operation as messages show them:
// "200 404 5XX default".
func (op *Operation) Listing() string {
	var parts []string
	for _, c := range op.Statuses {
		parts = append(parts, strconv.Itoa(c))
	}
	for class, ok := range op.Ranges {
		if ok {
			parts = append(parts, strconv.Itoa(class)+"XX")
		}
	}
	if op.Default {
		parts = append(parts, "default")
	}
	return strings.Join(parts, " ")
}

// yamlLine finds the line of a syntax error in the loader's message.
var yamlLine = regexp.MustCompile(`yaml: line (\d+): (.*)$`)

// refError finds the reference of the loader's message about a $ref that
// resolves to nothing.
var refError = regexp.MustCompile(`fragment in URI: "([^"]+)"`)

// LoadSpec reads the OpenAPI 3.0 or 3.1 document at path, YAML or JSON,
// with its $refs resolved. basePath, if not "", replaces the path of the
// document's first server; "/" means none. An error names the file, and
// the line and column of what is wrong where they can be found.
func LoadSpec(path, basePath string) (spec *Spec, err error) {
	content, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("openapi: %s: no such file", path)
		}
		return nil, fmt.Errorf("openapi: %w", err)
	}
	nodes := parseNodes(content)
	defer func() {
		// The loader is a dependency: a document it cannot handle is
		// an error of the spec, not a crash of every driver.
		if r := recover(); r != nil {
			spec, err = nil, fmt.Errorf("openapi: %s: the document cannot be read: %v", path, r)
		}
	}()
	loader := openapi3.NewLoader()
	loader.IncludeOrigin = true
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			return nil, fmt.Errorf("openapi: %s:%s: %s", path, m[1], m[2])
		}
		if m := refError.FindStringSubmatch(err.Error()); m != nil {
			at := locate(path, nodes, func(parent string, key, value *yaml.Node) *yaml.Node {
				if key.Value == "$ref" && value.Value == m[1] {
					return value
				}
				return nil
			})
			return nil, fmt.Errorf("openapi: %s: $ref %q resolves to nothing", at, m[1])
		}
		return nil, fmt.Errorf("openapi: %s: %v", path, err)
	}
	if doc.OpenAPI == "" || !strings.HasPrefix(doc.OpenAPI, "3.") {
		at := locate(path, nodes, func(parent string, key, value *yaml.Node) *yaml.Node {
			if parent == "" && (key.Value == "openapi" || key.Value == "swagger") {
				return key
			}
			return nil
		})
		if doc.OpenAPI == "" {
			return nil, fmt.Errorf("openapi: %s: the document has no openapi version: it is not OpenAPI 3.0 or 3.1 (a Swagger 2.0 document must be converted)", at)
		}
		return nil, fmt.Errorf("openapi: %s: version %q is not OpenAPI 3.0 or 3.1", at, doc.OpenAPI)
	}
	if doc.Paths == nil || doc.Paths.Len() == 0 {
		return nil, fmt.Errorf("openapi: %s: the document has no paths", path)
	}
	spec = &Spec{Path: path, BasePath: serverBase(doc), Content: content}
	if basePath != "" {
		spec.BasePath = basePath
	}
	spec.BasePath = strings.TrimSuffix(spec.BasePath, "/")
	var problems []error
	for p, item := range doc.Paths.Map() {
		if item == nil {
			continue
		}
		for method, o := range item.Operations() {
			op := &Operation{Method: strings.ToUpper(method), Path: p, ID: o.OperationID}
			if o.Origin != nil && o.Origin.Key != nil {
				op.Line, op.Col = o.Origin.Key.Line, o.Origin.Key.Column
			}
			at := path
			if op.Line > 0 {
				at = fmt.Sprintf("%s:%d:%d", path, op.Line, op.Col)
			}
			if o.Responses == nil || o.Responses.Len() == 0 {
				problems = append(problems, fmt.Errorf("openapi: %s: operation %s has no responses", at, op.Name()))
				continue
			}
			for key, r := range o.Responses.Map() {
				if err := op.addResponse(key); err != nil {
					if r != nil && r.Origin != nil && r.Origin.Key != nil {
						at = fmt.Sprintf("%s:%d:%d", path, r.Origin.Key.Line, r.Origin.Key.Column)
					} else {
						at = locate(path, nodes, func(parent string, k, _ *yaml.Node) *yaml.Node {
							if parent == "responses" && k.Value == key {
								return k
							}
							return nil
						})
					}
					problems = append(problems, fmt.Errorf("openapi: %s: operation %s: %v", at, op.Name(), err))
				}
			}
			slices.Sort(op.Statuses)
			spec.Operations = append(spec.Operations, op)
		}
	}
	if len(problems) > 0 {
		slices.SortFunc(problems, func(a, b error) int { return cmp.Compare(a.Error(), b.Error()) })
		return nil, errors.Join(problems...)
	}
	slices.SortFunc(spec.Operations, func(a, b *Operation) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Method, b.Method))
	})
	return spec, nil
}

// parseNodes parses the document as YAML, of which JSON is a subset, for
// the positions of what the loader's messages name; nil if it does not
// parse.
func parseNodes(content []byte) *yaml.Node {
	var doc yaml.Node
	if yaml.Unmarshal(content, &doc) != nil {
		return nil
	}
	return &doc
}

// locate returns "path:line:col" of the first node that match returns,
// called with each key of each mapping of the document, its value, and
// the key of the mapping ("" at the top); path alone if none.
func locate(path string, doc *yaml.Node, match func(parent string, key, value *yaml.Node) *yaml.Node) string {
	var walk func(n *yaml.Node, parent string, depth int) *yaml.Node
	walk = func(n *yaml.Node, parent string, depth int) *yaml.Node {
		if n == nil || depth > 64 {
			return nil
		}
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				if found := walk(c, parent, depth+1); found != nil {
					return found
				}
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				key, value := n.Content[i], n.Content[i+1]
				if found := match(parent, key, value); found != nil {
					return found
				}
				if found := walk(value, key.Value, depth+1); found != nil {
					return found
				}
			}
		}
		return nil
	}
	if found := walk(doc, "", 0); found != nil {
		return fmt.Sprintf("%s:%d:%d", path, found.Line, found.Column)
	}
	return path
}

// addResponse adds the response key of the operation's responses: a
// status, a range such as 4XX, or default.
func (op *Operation) addResponse(key string) error {
	switch {
	case key == "default":
		op.Default = true
		return nil
	case len(key) == 3 && strings.EqualFold(key[1:], "XX") && key[0] >= '1' && key[0] <= '5':
		op.Ranges[key[0]-'0'] = true
		return nil
	}
	n, err := strconv.Atoi(key)
	if err != nil || n < 100 || n > 599 {
		return fmt.Errorf("response %q is not a status, a range such as 4XX, or default", key)
	}
	op.Statuses = append(op.Statuses, n)
	return nil
}

// serverBase returns the path of the document's first server's URL.
func serverBase(doc *openapi3.T) string {
	if len(doc.Servers) == 0 || doc.Servers[0] == nil {
		return ""
	}
	u, err := url.Parse(doc.Servers[0].URL)
	if err != nil {
		return ""
	}
	return u.Path
}

// Lookup returns the operations of the spec that serve path, a route's
// path as the code registers it, with method; any method if method is "".
// path's parameters may be written {id}, {id:[0-9]+}, {id...} or :id.
func (s *Spec) Lookup(method, path string) []*Operation {
	want := Template(path)
	var ops []*Operation
	for _, op := range s.Operations {
		if Template(s.BasePath+op.Path) != want {
			continue
		}
		if method == "" || op.Method == method {
			ops = append(ops, op)
		}
	}
	return ops
}

// Template returns path with each parameter written {}, and no trailing
// slash: /links/{} for /links/{id}, /links/:id and /links/{id:[0-9]+}. A
// ServeMux's {$} matches only the path itself, and is dropped.
func Template(path string) string {
	segs := strings.Split(path, "/")
	for i, seg := range segs {
		switch {
		case seg == "{$}":
			segs[i] = ""
		case strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}"),
			strings.HasPrefix(seg, ":") && len(seg) > 1,
			strings.HasPrefix(seg, "*") && len(seg) > 1:
			segs[i] = "{}"
		}
	}
	t := strings.TrimRight(strings.Join(segs, "/"), "/")
	if t == "" {
		return "/"
	}
	return t
}
