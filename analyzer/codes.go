package analyzer

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/errcontract/errcontract/internal/httpmodel"
)

// codeFields are where each body format holds the error code: JSON
// members separated by dots, "[]" standing for every element of an array.
// A format that is not here holds no code: a contensis body's "type" is
// always "error", and a problem (RFC 9457) is identified by its type URI.
var codeFields = map[string][]string{
	"contentful": {"sys.id"},
	// The document names its codes but shows no body: apierror renders
	// {"error": {"code": ...}}; a body may hold the code at its top too.
	"management": {"error.code", "code"},
	// The JSON:API document names no codes, so its preset has none; a
	// team's contract in this format may document the code member of
	// its error objects.
	"jsonapi": {"errors.[].code"},
}

// codePrefixes are the paths to a code field of any format and to what
// holds it, the whole body ("") first: where a helper may encode one of
// its parameters for its callers to give the code. Summaries record them
// whatever the format, as a caller may be checked against another.
var codePrefixes = func() []string {
	prefixes := []string{""}
	for _, fields := range codeFields {
		for _, field := range fields {
			elems := strings.Split(field, ".")
			for i := range elems {
				if p := strings.Join(elems[:i+1], "."); !slices.Contains(prefixes, p) {
					prefixes = append(prefixes, p)
				}
			}
		}
	}
	slices.Sort(prefixes)
	return prefixes
}()

// membersBelow returns the members of path below prefix, and whether path is
// prefix or below it.
func membersBelow(path, prefix string) ([]string, bool) {
	switch {
	case path == prefix:
		return nil, true
	case prefix == "":
		return strings.Split(path, "."), true
	}
	rest, ok := strings.CutPrefix(path, prefix+".")
	if !ok {
		return nil, false
	}
	return strings.Split(rest, "."), true
}

// A bodyWrite is a value that call encodes into the JSON body of a
// response, at path (a prefix of a code field, "" for the whole body),
// and the status written with it: the expression status, or else the
// constant fixed.
type bodyWrite struct {
	call   *ast.CallExpr
	value  ast.Expr
	path   string
	status ast.Expr
	fixed  int
}

// bodyWrites returns the JSON bodies that the call of site writes with a
// status: the body written after WriteHeader, the body of a framework's
// JSON writer, and the bodies of a helper or writer known from its
// summary. cur, the cursor of the call, is needed for WriteHeader only.
func (s *state) bodyWrites(cur inspector.Cursor, site *site) []bodyWrite {
	switch site.kind {
	case siteWriteHeader:
		call, ok := s.nextBodyWrite(cur, site.writer).(*ast.CallExpr)
		if !ok {
			return nil // no body follows
		}
		if body := s.classify(call); body != nil {
			return jsonPayloads(body, site.status)
		}
	case siteFramework:
		status := site.status
		if status == nil {
			status = site.statusSetBefore
		}
		if site.row.Effect == httpmodel.WritesBody && status != nil {
			return jsonPayloads(site, status)
		}
	case siteHelper, siteWriter:
		return s.helperBodyWrites(site)
	}
	return nil
}

// jsonPayloads returns the payloads of site that it encodes as JSON, each
// written with status.
func jsonPayloads(site *site, status ast.Expr) []bodyWrite {
	var out []bodyWrite
	for _, p := range site.payload {
		if p.json {
			out = append(out, bodyWrite{call: site.call, value: p.expr, status: status})
		}
	}
	return out
}

// helperBodyWrites returns the arguments of a helper's call that its
// summary says it encodes into a JSON body, with their statuses.
func (s *state) helperBodyWrites(site *site) []bodyWrite {
	sum := s.summaryOf(site.callee)
	if sum == nil {
		return nil
	}
	sig := site.callee.Signature()
	var out []bodyWrite
	for _, b := range sum.JSONBodies {
		bw := bodyWrite{call: site.call, value: soleArg(site.call, sig, b.Param), path: b.Path, fixed: b.Status}
		if b.StatusParam >= 0 {
			bw.status = soleArg(site.call, sig, b.StatusParam)
			if bw.status == nil {
				continue
			}
		}
		if bw.value != nil {
			out = append(out, bw)
		}
	}
	return out
}

// soleArg returns the argument of call that binds parameter i of sig, or
// nil if there is not one: the parameter is variadic, or the summary is of
// another signature.
func soleArg(call *ast.CallExpr, sig *types.Signature, i int) ast.Expr {
	if i >= sig.Params().Len() || (sig.Variadic() && i == sig.Params().Len()-1) {
		return nil
	}
	if args := argsAt(call, sig, i); len(args) == 1 {
		return args[0]
	}
	return nil
}

// checkBodyCodes reports the constant error codes of hand-written JSON
// bodies that the contract does not document for the status written with
// them. Both must be constants the analysis resolved.
func (s *state) checkBodyCodes(cur inspector.Cursor, site *site) {
	fields := codeFields[s.cfg.format]
	switch {
	case len(fields) == 0 || len(s.cfg.codes) == 0:
		return // the body format holds no code, or the contract documents none
	case s.pass.Pkg.Path() == s.cfg.constructors:
		return // the canonical package serves every contract
	case !s.wellTyped(site.call):
		return // a claim on the call rests on all of it
	}
	for _, bw := range s.bodyWrites(cur, site) {
		values, ok := s.bodyStatuses(cur, bw)
		if !ok {
			continue // a status the analysis cannot resolve is not checked
		}
		for _, code := range s.codesIn(bw, fields) {
			seen := make(map[int]bool)
			for _, v := range values {
				if !seen[v.code] {
					seen[v.code] = true
					s.reportBodyCode(bw, code, v)
				}
			}
		}
	}
}

// bodyStatuses returns the constant statuses written with bw, and whether
// every value its status can have is one of them.
func (s *state) bodyStatuses(cur inspector.Cursor, bw bodyWrite) ([]statusValue, bool) {
	if bw.status == nil {
		return []statusValue{{code: bw.fixed}}, bw.fixed != 0
	}
	return s.statusValues(cur, bw.status)
}

// reportBodyCode reports code if the contract documents codes for the
// status v and code is not one of them. The status is related where it is
// set outside the call that writes the body.
func (s *state) reportBodyCode(bw bodyWrite, code ast.Expr, v statusValue) {
	text, _ := s.constString(code)
	d, ok := s.cfg.codeFinding(code.Pos(), code.End(), v.code, text)
	if !ok {
		return
	}
	if v.from != nil && (v.from.Pos() < bw.call.Pos() || v.from.End() > bw.call.End()) {
		d.Related = []analysis.RelatedInformation{{Pos: v.from.Pos(), End: v.from.End(), Message: "status " + strconv.Itoa(v.code) + " is set here"}}
	}
	s.r.report(d)
}

// codesIn returns the constant strings that bw writes at the given code
// fields.
func (s *state) codesIn(bw bodyWrite, fields []string) []ast.Expr {
	var codes []ast.Expr
	for _, field := range fields {
		members, ok := membersBelow(field, bw.path)
		if !ok {
			continue
		}
		for _, e := range s.membersAt(bw.value, members) {
			if _, ok := s.constString(e); ok && !encodesItself(s.pass.TypesInfo.TypeOf(e)) {
				codes = append(codes, e)
			}
		}
	}
	return codes
}

// codeFinding returns the finding of code, at [pos, end), if the contract
// documents codes for status and code is not one of them.
func (cfg *settings) codeFinding(pos, end token.Pos, status int, code string) (analysis.Diagnostic, bool) {
	codes := cfg.codes[status]
	if len(codes) == 0 || slices.Contains(codes, code) {
		return analysis.Diagnostic{}, false
	}
	return analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: ruleUndocumentedStatus,
		Message:  fmt.Sprintf("code %s is not documented for %d by %s (%s)", showCode(code), status, cfg.contract, strings.Join(codes, " ")),
	}, true
}

// codeLike matches the codes a message shows unquoted, as directives and
// errcontract.yaml write them.
var codeLike = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_.-]*$`)

// showCode returns code as a message shows it: quoted, unless it is an
// identifier-like code.
func showCode(code string) string {
	if codeLike.MatchString(code) {
		return code
	}
	return strconv.Quote(code)
}

// membersAt returns the expressions that JSON encodes at members of the
// value e: through map, struct and slice literals, their addresses, and
// local variables assigned one value once. It returns none where the value
// is not a literal the analysis can see, or encodes itself.
func (s *state) membersAt(e ast.Expr, members []string) []ast.Expr {
	e = s.literalValue(e)
	if e == nil || !s.wellTyped(e) {
		return nil // a value not followed, or not known
	}
	if len(members) == 0 {
		return []ast.Expr{e}
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return nil
	}
	t := s.litType(lit)
	if t == nil || encodesItself(t) {
		return nil
	}
	var out []ast.Expr
	switch u := t.Underlying().(type) {
	case *types.Map:
		if !isString(u.Key()) {
			return nil // keys that encode other than as themselves
		}
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := s.constString(kv.Key); ok && key == members[0] {
					out = append(out, s.membersAt(kv.Value, members[1:])...)
				}
			}
		}
	case *types.Struct:
		if index, ok := jsonField(u, members[0]); ok {
			if v := s.fieldValue(lit, index); v != nil {
				out = s.membersAt(v, members[1:])
			}
		}
	case *types.Slice, *types.Array:
		if members[0] != "[]" {
			return nil
		}
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			out = append(out, s.membersAt(elt, members[1:])...)
		}
	}
	return out
}

// litType returns the type of a composite literal: for one whose type is
// elided in a literal of pointers ([]*T{{...}}), T.
func (s *state) litType(lit *ast.CompositeLit) types.Type {
	t := s.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return nil
	}
	return deref(t)
}

// literalValue returns what e stands for: e without parentheses and
// address operators, and for a local variable assigned one value once,
// that value; nil after maxChain variables.
func (s *state) literalValue(e ast.Expr) ast.Expr {
	for range maxChain {
		switch x := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return x
			}
			e = x.X
		case *ast.Ident:
			v, _ := s.pass.TypesInfo.Uses[x].(*types.Var)
			if v == nil {
				return x
			}
			rhs := s.singleAssignment(x, v)
			if rhs == nil {
				return x // a parameter, or a variable assigned otherwise
			}
			e = rhs
		default:
			return x
		}
	}
	return nil
}

// fieldValue returns the value that a struct literal gives the field at
// index, a path through embedded structs as reflect's FieldByIndex takes,
// or nil if the literal leaves it unset.
func (s *state) fieldValue(lit *ast.CompositeLit, index []int) ast.Expr {
	t := s.litType(lit)
	if t == nil {
		return nil
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	field := st.Field(index[0])
	for i, elt := range lit.Elts {
		value := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			id, _ := kv.Key.(*ast.Ident)
			if id == nil || s.pass.TypesInfo.ObjectOf(id) != field {
				continue
			}
			value = kv.Value
		} else if i != index[0] {
			continue
		}
		if len(index) == 1 {
			return value
		}
		inner, ok := s.literalValue(value).(*ast.CompositeLit)
		if !ok || !s.wellTyped(inner) {
			return nil
		}
		return s.fieldValue(inner, index[1:])
	}
	return nil
}

// jsonField returns the index of the struct field that encoding/json
// encodes as the member name, through embedded structs: the shallowest
// field of that name, a tagged one over an untagged one of its depth, and
// none where that leaves several.
func jsonField(st *types.Struct, name string) ([]int, bool) {
	type candidate struct {
		index  []int
		st     *types.Struct
		tagged bool
	}
	level := []candidate{{st: st}}
	seen := map[*types.Struct]bool{st: true}
	for len(level) > 0 {
		var found []candidate
		var next []candidate
		for _, c := range level {
			for i := range c.st.NumFields() {
				index := append(slices.Clip(c.index), i)
				member, tagged, inline, encoded := jsonMember(c.st.Field(i), c.st.Tag(i))
				switch {
				case !encoded:
				case inline != nil:
					if !seen[inline] {
						seen[inline] = true
						next = append(next, candidate{index: index, st: inline})
					}
				case member == name:
					found = append(found, candidate{index: index, tagged: tagged})
				}
			}
		}
		if len(found) > 0 {
			tagged := slices.DeleteFunc(slices.Clone(found), func(c candidate) bool { return !c.tagged })
			switch {
			case len(found) == 1:
				return found[0].index, true
			case len(tagged) == 1:
				return tagged[0].index, true
			}
			return nil, false // several fields of the name: encoding/json drops them all
		}
		level = next
	}
	return nil, false
}

// jsonMember returns the member name that encoding/json gives a struct
// field with tag, and whether the tag names it; or, for an embedded struct
// it inlines, that struct. encoded is false for a field it leaves out, and
// for a ",string" field, whose value it quotes once more.
func jsonMember(field *types.Var, tag string) (name string, tagged bool, inline *types.Struct, encoded bool) {
	value := reflect.StructTag(tag).Get("json")
	if value == "-" {
		return "", false, nil, false
	}
	name, opts, _ := strings.Cut(value, ",")
	if slices.Contains(strings.Split(opts, ","), "string") {
		return "", false, nil, false
	}
	if field.Embedded() && name == "" {
		if st, ok := deref(field.Type()).Underlying().(*types.Struct); ok {
			return "", false, st, true
		}
	}
	if !field.Exported() {
		return "", false, nil, false
	}
	if name == "" {
		return field.Name(), false, nil, true
	}
	return name, true, nil, true
}

// marshalers are the interfaces of the values that encoding/json encodes
// by their own methods: json.Marshaler and encoding.TextMarshaler.
var marshalers = []*types.Interface{marshaler("MarshalJSON"), marshaler("MarshalText")}

// marshaler returns interface{ name() ([]byte, error) }.
func marshaler(name string) *types.Interface {
	results := types.NewTuple(
		types.NewParam(token.NoPos, nil, "", types.NewSlice(types.Typ[types.Byte])),
		types.NewParam(token.NoPos, nil, "", universeError))
	method := types.NewFunc(token.NoPos, nil, name, types.NewSignatureType(nil, nil, nil, nil, results, false))
	return types.NewInterfaceType([]*types.Func{method}, nil).Complete()
}

// encodesItself reports whether JSON encodes values of t by a method of
// t's, so that their fields say nothing of what it writes.
func encodesItself(t types.Type) bool {
	if t == nil {
		return true // not known
	}
	for _, m := range marshalers {
		if types.Implements(t, m) || types.Implements(types.NewPointer(t), m) {
			return true
		}
	}
	return false
}

// summarizeBodies adds to sum the parameters that the call of site
// encodes into a JSON body written with a status: a parameter too, or an
// error status.
func (s *state) summarizeBodies(f *flow, sum *summary, site *site) {
	var cur inspector.Cursor
	if site.kind == siteWriteHeader {
		var ok bool
		if cur, ok = s.cursorOf(site.call); !ok {
			return
		}
	}
	for _, bw := range s.bodyWrites(cur, site) {
		b, ok := bodyStatusParam(f, bw)
		if !ok {
			continue
		}
		for _, path := range codePrefixes {
			members, ok := membersBelow(path, bw.path)
			if !ok {
				continue
			}
			for _, e := range s.membersAt(bw.value, members) {
				if i, ok := f.paramOf(e); ok {
					b.Param, b.Path = i, path
					if !slices.Contains(sum.JSONBodies, b) {
						sum.JSONBodies = append(sum.JSONBodies, b)
					}
				}
			}
		}
	}
	slices.SortFunc(sum.JSONBodies, func(a, b bodyParam) int {
		return cmp.Or(cmp.Compare(a.Param, b.Param), strings.Compare(a.Path, b.Path), cmp.Compare(a.StatusParam, b.StatusParam), cmp.Compare(a.Status, b.Status))
	})
}

// bodyStatusParam returns the status of a summary's bodyParam for bw: the
// one parameter its status is, or its one constant error status.
func bodyStatusParam(f *flow, bw bodyWrite) (bodyParam, bool) {
	b := bodyParam{StatusParam: -1, Status: bw.fixed}
	if bw.status != nil {
		if params := f.statusParams(bw.status, 0).indexes(); len(params) == 1 {
			b.StatusParam = params[0]
			return b, true
		}
		values, ok := f.statuses(bw.status, token.NoPos, 0)
		if !ok || len(values) != 1 {
			return b, false
		}
		b.Status = values[0].code
	}
	return b, b.Status >= 400
}

// paramOf returns the index of the parameter that e is, unassigned.
func (f *flow) paramOf(e ast.Expr) (int, bool) {
	id, ok := e.(*ast.Ident)
	if !ok {
		return 0, false
	}
	v := f.localVar(id)
	if v == nil {
		return 0, false
	}
	i, ok := f.params[v]
	return i, ok && len(f.assigns[v]) == 0
}

// cursorOf returns the cursor of n, a node in a declaration of the
// package's files.
func (s *state) cursorOf(n ast.Node) (inspector.Cursor, bool) {
	decl := s.declAt(n.Pos())
	if decl == nil {
		return inspector.Cursor{}, false
	}
	d, ok := s.root().FindNode(decl)
	if !ok {
		return inspector.Cursor{}, false
	}
	return d.FindNode(n)
}
