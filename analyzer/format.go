package analyzer

import (
	"go/ast"
	"go/constant"
	"strconv"
)

// formattedOperands returns the arguments of a fmt call that reach its
// output: the operands of a Print-style call from index first; or the
// format at index first of a Printf-style call, as text, and the operands
// after it, less the ones a constant format shows only as a type (%T), a
// pointer (%p) or a width or precision (*). fmt renders extra operands too,
// so they are included.
func (s *state) formattedOperands(call *ast.CallExpr, hasFormat bool, first int) []payload {
	if len(call.Args) <= first {
		return nil
	}
	ops := call.Args[first:]
	var hidden map[int]bool
	if hasFormat {
		if tv, ok := s.pass.TypesInfo.Types[call.Args[first]]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
			hidden = hiddenOperands(constant.StringVal(tv.Value))
		}
		ops = ops[1:]
	}
	var out []payload
	if hasFormat {
		out = append(out, payload{expr: call.Args[first]})
	}
	for i, op := range ops {
		if !hidden[i] {
			out = append(out, payload{expr: op, formatted: true})
		}
	}
	return out
}

// hiddenOperands returns the indexes of the operands that format uses only
// for %T, %p, or a * width or precision, and never renders as text.
func hiddenOperands(format string) map[int]bool {
	hidden := make(map[int]bool)
	shown := make(map[int]bool)
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) {
			c := format[i]
			switch {
			case c == '[':
				// An explicit argument index: %[2]v.
				end := i + 1
				for end < len(format) && format[end] != ']' {
					end++
				}
				if n, err := strconv.Atoi(format[i+1 : min(end, len(format))]); err == nil && n > 0 {
					arg = n - 1
				}
				i = end + 1
				continue
			case c == '*':
				hidden[arg] = true
				arg++
				i++
				continue
			case c == '+' || c == '-' || c == '#' || c == ' ' || c == '.' || ('0' <= c && c <= '9'):
				i++
				continue
			}
			break
		}
		if i >= len(format) || format[i] == '%' {
			continue
		}
		if verb := format[i]; verb == 'T' || verb == 'p' {
			hidden[arg] = true
		} else {
			shown[arg] = true
		}
		arg++
	}
	for i := range shown {
		delete(hidden, i) // an operand shown once is shown
	}
	return hidden
}
