package httpmodel

import (
	"go/importer"
	"go/token"
	"go/types"
	"testing"
)

// Stand-ins for fiber v3, huma and connect, declaring what the rows and
// shapes below match.
func init() {
	fakes["github.com/gofiber/fiber/v3"] = `package fiber
type Ctx interface {
	Status(status int) Ctx
	SendString(body string) error
	Next() error
}
type Res interface{ Status(status int) Ctx }
func NewError(code int, message ...string) *Error { return nil }
type Error struct{ Code int; Message string }
func (e *Error) Error() string { return e.Message }
`
	fakes["github.com/danielgtaylor/huma/v2"] = `package huma
type StatusError interface{ GetStatus() int; Error() string }
func Error404NotFound(msg string, errs ...error) StatusError { return nil }
var NewError = func(status int, msg string, errs ...error) StatusError { return nil }
type Operation struct{ Method, Path string; Errors []int }
type API interface{}
`
	fakes["connectrpc.com/connect"] = `package connect
type Code uint32
const (
	CodeNotFound Code = 5
	CodeUnimplemented Code = 12
)
type Error struct{}
func (e *Error) Error() string { return "" }
func NewError(c Code, underlying error) *Error { return nil }
type Request[T any] struct{ Msg *T }
type Response[T any] struct{ Msg *T }
`
}

func TestRPCCalls(t *testing.T) {
	pkgs := loadFakes(t)
	r := Default()
	fiber, huma, connect := pkgs["github.com/gofiber/fiber/v3"], pkgs["github.com/danielgtaylor/huma/v2"], pkgs["connectrpc.com/connect"]
	for _, tt := range []struct {
		fn        *types.Func
		want      *Framework
		effect    Effect
		fixed     int
		canonical bool
	}{
		{lookupFunc(t, fiber, "Ctx", "SendString"), FiberV3, WritesBody, 0, false},
		{lookupFunc(t, fiber, "Ctx", "Status"), FiberV3, SetsStatus, 0, false},
		{lookupFunc(t, fiber, "Res", "Status"), FiberV3, SetsStatus, 0, false},
		{lookupFunc(t, fiber, "", "NewError"), FiberV3, BuildsError, 0, false},
		{lookupFunc(t, huma, "", "Error404NotFound"), Huma, BuildsError, 404, true},
		{lookupFunc(t, connect, "", "NewError"), Connect, BuildsError, 0, true},
		// A variable is called as the function it holds.
		{types.NewFunc(token.NoPos, huma, "NewError", huma.Scope().Lookup("NewError").Type().(*types.Signature)), Huma, BuildsError, 0, true},
	} {
		row := r.Call(tt.fn)
		if row == nil {
			t.Errorf("Call(%v) = nil, want a row of %s", tt.fn, tt.want.Name)
			continue
		}
		if got := r.Owner(row); got != tt.want || row.Effect != tt.effect || row.Fixed != tt.fixed || row.Canonical != tt.canonical {
			t.Errorf("Call(%v) = %s row %+v, want %s effect %d fixed %d canonical %v", tt.fn, got.Name, row, tt.want.Name, tt.effect, tt.fixed, tt.canonical)
		}
	}
}

func TestCodes(t *testing.T) {
	pkgs := loadFakes(t)
	r := Default()
	code := pkgs["connectrpc.com/connect"].Scope().Lookup("Code").Type()
	for _, tt := range []struct {
		t          types.Type
		code, want int
		isCode     bool
	}{
		{code, 5, 404, true},
		{code, 12, 501, true},
		{code, 99, 500, true}, // an unknown code is CodeUnknown's
		{types.Typ[types.Int], 404, 0, false},
	} {
		got, isCode := r.Status(tt.t, tt.code)
		if got != tt.want || isCode != tt.isCode {
			t.Errorf("Status(%v, %d) = %d, %v; want %d, %v", tt.t, tt.code, got, isCode, tt.want, tt.isCode)
		}
	}
}

func TestRegisteredHandler(t *testing.T) {
	pkgs := loadFakes(t)
	r := Default()
	connect := pkgs["connectrpc.com/connect"]
	ctx := types.NewInterfaceType(nil, nil) // not context.Context
	ctxType := loadContext(t)
	param := func(t types.Type) *types.Var { return types.NewParam(token.NoPos, nil, "", t) }
	errType := types.Universe.Lookup("error").Type()
	in := types.NewPointer(types.NewStruct(nil, nil))
	humaSig := types.NewSignatureType(nil, nil, nil, types.NewTuple(param(ctxType), param(in)), types.NewTuple(param(in), param(errType)), false)
	if fw, _ := r.Handler(humaSig); fw != nil {
		t.Errorf("Handler(%v) = %s, want none: only a registration makes it a handler", humaSig, fw.Name)
	}
	if h := Huma.Handler(humaSig); h == nil || !h.Registered || !h.ReturnsError() {
		t.Errorf("Huma.Handler(%v) = %+v, want the registered shape", humaSig, h)
	}
	notCtx := types.NewSignatureType(nil, nil, nil, types.NewTuple(param(ctx), param(in)), types.NewTuple(param(in), param(errType)), false)
	if h := Huma.Handler(notCtx); h != nil {
		t.Errorf("Huma.Handler(%v) = %+v, want nil", notCtx, h)
	}
	inst := func(name string) types.Type {
		generic := connect.Scope().Lookup(name).Type().(*types.Named)
		named, err := types.Instantiate(nil, generic, []types.Type{types.NewStruct(nil, nil)}, true)
		if err != nil {
			t.Fatal(err)
		}
		return types.NewPointer(named)
	}
	unary := types.NewSignatureType(nil, nil, nil, types.NewTuple(param(ctxType), param(inst("Request"))), types.NewTuple(param(inst("Response")), param(errType)), false)
	if fw, h := r.Handler(unary); fw != Connect || !h.ReturnsError() {
		t.Errorf("Handler(%v) = %v, want connect's unary handler", unary, fw)
	}
}

// loadContext returns context.Context.
func loadContext(t *testing.T) types.Type {
	t.Helper()
	ctx, err := importer.Default().Import("context")
	if err != nil {
		t.Fatal(err)
	}
	return ctx.Scope().Lookup("Context").Type()
}
