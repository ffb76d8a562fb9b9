package analyzer

import (
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/errcontract/errcontract/internal/contract"
	"github.com/errcontract/errcontract/internal/httpmodel"
)

// readOperationContracts reads the per-handler contracts that route
// registrations give in an operation (huma.Register's huma.Operation with
// Errors): the statuses listed, and those the framework documents for
// every such operation. A handler documented next to it keeps that.
func (s *state) readOperationContracts() {
	for _, reg := range s.registrations() {
		if s.handlers[reg.handler] != nil {
			continue
		}
		if hc := s.operationContract(reg); hc != nil {
			s.handlers[reg.handler] = hc
			s.checkAgainstAPI(hc)
		}
	}
}

// operationContract returns the contract of the operation that reg
// registers its handler with, or nil if it lists no statuses that can be
// read: a list of constants in a composite literal of the operation type.
func (s *state) operationContract(reg registration) *handlerContract {
	op := reg.fw.Operation
	i, ok := reg.route.Operation.Index()
	if op == nil || !ok || i >= len(reg.call.Args) {
		return nil
	}
	lit, _ := ast.Unparen(reg.call.Args[i]).(*ast.CompositeLit)
	if lit == nil || !op.Type.Matches(s.pass.TypesInfo.TypeOf(lit)) {
		return nil
	}
	fields := s.literalFields(lit)
	list, _ := ast.Unparen(fields[op.Statuses]).(*ast.CompositeLit)
	if list == nil || len(list.Elts) == 0 {
		return nil // no statuses of its own: the API's contract applies
	}
	hc := &handlerContract{name: s.operationName(reg, fields), notes: make(map[int]ast.Node), source: fromOperation, last: list, written: make(map[int]bool)}
	for _, elt := range list.Elts {
		code, ok := s.constInt(elt)
		if !ok {
			return nil // a status the analysis cannot read: the list is not known
		}
		if _, dup := hc.notes[code]; !dup {
			hc.notes[code] = elt
		}
	}
	documented := append(hc.codes(), op.Always...)
	if op.Validation != 0 && validatesInput(reg.sig, op) {
		documented = append(documented, op.Validation)
	}
	hc.documented = contract.NewSet(documented)
	return hc
}

// literalFields returns the values of the keyed fields of a struct
// literal, by field name.
func (s *state) literalFields(lit *ast.CompositeLit) map[string]ast.Expr {
	fields := make(map[string]ast.Expr)
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				fields[key.Name] = kv.Value
			}
		}
	}
	return fields
}

// operationName names a registered handler in messages: its function's
// name, else the operation's method and path, else its ID.
func (s *state) operationName(reg registration, fields map[string]ast.Expr) string {
	if fd, ok := reg.handler.(*ast.FuncDecl); ok {
		return fd.Name.Name
	}
	op := reg.fw.Operation
	method, okMethod := s.constString(fields[op.Method])
	path, okPath := s.constString(fields[op.Path])
	if okMethod && okPath {
		return method + " " + path
	}
	if id, ok := s.constString(fields[op.ID]); ok {
		return id
	}
	return "registered at line " + strconv.Itoa(s.pass.Fset.Position(reg.call.Pos()).Line)
}

// validatesInput reports whether the input of a handler with signature sig
// is a pointer to a struct that the framework validates: it has a field
// named op.InputBody or tagged with one of op.InputTags, here or in an
// embedded struct.
func validatesInput(sig *types.Signature, op *httpmodel.Operation) bool {
	if sig.Params().Len() < 2 {
		return false
	}
	ptr, ok := sig.Params().At(1).Type().Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	st, ok := ptr.Elem().Underlying().(*types.Struct)
	return ok && hasValidatedField(st, op, 0)
}

func hasValidatedField(st *types.Struct, op *httpmodel.Operation, depth int) bool {
	for i := range st.NumFields() {
		f := st.Field(i)
		if f.Name() == op.InputBody {
			return true
		}
		tag := reflect.StructTag(st.Tag(i))
		if slices.ContainsFunc(op.InputTags, func(key string) bool { return tag.Get(key) != "" }) {
			return true
		}
		if inner, ok := f.Type().Underlying().(*types.Struct); ok && f.Embedded() && depth < maxChain && hasValidatedField(inner, op, depth+1) {
			return true
		}
	}
	return false
}

// operationStatusFix adds code to the operation's list of statuses, in
// the style of its last element: http.StatusConflict after
// http.StatusNotFound, else the number.
func (s *state) operationStatusFix(hc *handlerContract, code int) analysis.SuggestedFix {
	list := hc.last.(*ast.CompositeLit)
	text := strconv.Itoa(code)
	if name := s.statusConstName(list.Elts[len(list.Elts)-1], code); name != "" {
		text = name
	}
	end := list.Elts[len(list.Elts)-1].End()
	return analysis.SuggestedFix{
		Message:   "Add " + strconv.Itoa(code) + " to the statuses of the operation of " + hc.name,
		TextEdits: []analysis.TextEdit{{Pos: end, End: end, NewText: []byte(", " + text)}},
	}
}

// statusConstName returns, if elt is a constant of net/http named by a
// qualified identifier, the same qualifier and the name of net/http's
// constant for code: http.StatusConflict. Else it returns "".
func (s *state) statusConstName(elt ast.Expr, code int) string {
	sel, ok := ast.Unparen(elt).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	qual, ok := sel.X.(*ast.Ident)
	if !ok {
		return ""
	}
	pn, ok := s.pass.TypesInfo.Uses[qual].(*types.PkgName)
	if !ok || pn.Imported().Path() != "net/http" {
		return ""
	}
	scope := pn.Imported().Scope()
	for _, name := range scope.Names() { // sorted: the choice is stable
		c, ok := scope.Lookup(name).(*types.Const)
		if !ok || !strings.HasPrefix(name, "Status") {
			continue
		}
		if v, exact := constant.Int64Val(c.Val()); exact && v == int64(code) {
			return qual.Name + "." + name
		}
	}
	return ""
}

// constInt returns the value of e, a constant int.
func (s *state) constInt(e ast.Expr) (int, bool) {
	tv, ok := s.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	v, exact := constant.Int64Val(tv.Value)
	return int(v), exact
}

// constString returns the value of e, a constant string.
func (s *state) constString(e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	tv, ok := s.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
