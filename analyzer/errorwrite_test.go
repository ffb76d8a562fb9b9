package analyzer

import (
	"go/ast"
	"testing"

	"github.com/errcontract/errcontract/internal/httpmodel"
)

// TestIsErrorWrite checks the one definition of an error write on sites
// of each kind, with the statuses their status argument resolves to.
func TestIsErrorWrite(t *testing.T) {
	t.Parallel()
	status := &ast.Ident{Name: "status"}
	body := &httpmodel.Call{Effect: httpmodel.WritesBody}
	setStatus := &httpmodel.Call{Effect: httpmodel.SetsStatus}
	endStatus := &httpmodel.Call{Effect: httpmodel.SetsStatus, Ends: true}
	builds := &httpmodel.Call{Effect: httpmodel.BuildsError}
	resolve := func(codes []int, known bool) func(ast.Expr) ([]statusValue, bool) {
		return func(ast.Expr) ([]statusValue, bool) {
			var list []statusValue
			for _, c := range codes {
				list = append(list, statusValue{code: c})
			}
			return list, known
		}
	}
	for _, tt := range []struct {
		name  string
		site  *site
		codes []int
		known bool
		want  errorWriteOf
	}{
		{"http.Error", &site{kind: siteHTTPError}, nil, false, errorWriteOf{true, true, true}},
		{"http.NotFound", &site{kind: siteNotFound}, nil, false, errorWriteOf{true, true, true}},
		{"a canonical writer", &site{kind: siteWriter}, nil, false, errorWriteOf{true, true, true}},
		{"a helper that always writes an error", &site{kind: siteHelper, helperWritesError: true}, nil, false, errorWriteOf{true, true, true}},
		{"a helper that may not", &site{kind: siteHelper}, nil, false, errorWriteOf{}},
		{"respondJSON(w, 500, v)", &site{kind: siteHelper, statusArgs: []ast.Expr{status}, payload: []payload{{expr: status}}}, []int{500}, true, errorWriteOf{true, true, true}},
		{"respondJSON(w, 200, v)", &site{kind: siteHelper, statusArgs: []ast.Expr{status}, payload: []payload{{expr: status}}}, []int{200}, true, errorWriteOf{}},
		{"setStatus(w, 500)", &site{kind: siteHelper, statusArgs: []ast.Expr{status}}, []int{500}, true, errorWriteOf{May: true, Always: true}},
		{"WriteHeader(500)", &site{kind: siteWriteHeader, status: status}, []int{500}, true, errorWriteOf{May: true, Always: true}},
		{"WriteHeader(200 or 500)", &site{kind: siteWriteHeader, status: status}, []int{200, 500}, true, errorWriteOf{May: true}},
		{"WriteHeader(200)", &site{kind: siteWriteHeader, status: status}, []int{200}, true, errorWriteOf{}},
		{"WriteHeader(unknown)", &site{kind: siteWriteHeader, status: status}, nil, false, errorWriteOf{}},
		{"WriteHeader(500 and unknown)", &site{kind: siteWriteHeader, status: status}, []int{500}, false, errorWriteOf{May: true}},
		{"c.JSON(500, v)", &site{kind: siteFramework, row: body, status: status}, []int{500}, true, errorWriteOf{true, true, true}},
		{"c.JSON(200, v)", &site{kind: siteFramework, row: body, status: status}, []int{200}, true, errorWriteOf{}},
		{"c.Status(500); c.SendString(s)", &site{kind: siteFramework, row: body, statusSetBefore: status}, []int{500}, true, errorWriteOf{true, true, true}},
		{"a body write without a status", &site{kind: siteFramework, row: body}, []int{500}, true, errorWriteOf{}},
		{"c.Status(500)", &site{kind: siteFramework, row: setStatus, status: status}, []int{500}, true, errorWriteOf{}},
		{"c.AbortWithStatus(500)", &site{kind: siteFramework, row: endStatus, status: status}, []int{500}, true, errorWriteOf{true, true, true}},
		{"echo.NewHTTPError(500)", &site{kind: siteFramework, row: builds, status: status}, []int{500}, true, errorWriteOf{}},
		{"a constructor", &site{kind: siteConstructor, fixed: 500}, nil, false, errorWriteOf{}},
		{"w.Write(b)", &site{kind: siteBody}, nil, false, errorWriteOf{}},
	} {
		s := new(state)
		if got := s.isErrorWrite(tt.site, resolve(tt.codes, tt.known)); got != tt.want {
			t.Errorf("%s: isErrorWrite = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}
