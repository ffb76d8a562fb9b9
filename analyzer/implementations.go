package analyzer

import (
	"go/types"
	"slices"
)

// Calls of an interface's method are followed to the module's own
// implementations of it, as class-hierarchy analysis would: a Responder
// interface with two implementations writes what either writes. An
// analysis pass sees the types of its package and of the packages it
// imports, so the implementations followed are those declared in the
// package of the call and in the module's packages it imports directly;
// only interfaces declared in the module are followed, so that an
// io.Writer is never taken for a response because a type of the module
// writes one.

// isInterfaceMethod reports whether fn is the abstract method of an
// interface.
func isInterfaceMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// interfaceSummary returns the summary of the calls of the interface
// method m: what any of its implementations does with text and statuses,
// and WritesError where all of them write an error; nil if none of them
// has a summary. It is made afresh at each call from the implementations'
// summaries, which grow while the package's are computed.
func (s *state) interfaceSummary(m *types.Func) *summary {
	var merged *summary
	all := true
	for _, impl := range s.implementations(m) {
		sum := s.summaryOf(impl)
		if sum == nil {
			all = false
			continue
		}
		if merged == nil {
			merged = &summary{StatusResult: -1}
		}
		mergeSummary(merged, sum)
		all = all && sum.WritesError
	}
	if merged != nil {
		merged.WritesError = all
	}
	return merged
}

// mergeSummary adds to dst what src's function may do. The JSON bodies and
// the statuses its result always is are left out: they hold of one
// implementation, not of the call.
func mergeSummary(dst, src *summary) {
	for k, i := range src.BodyParams {
		if !slices.Contains(dst.BodyParams, i) && i != recvParam {
			dst.BodyParams = append(dst.BodyParams, i)
			dst.BodySinks = append(dst.BodySinks, src.BodySinks[k])
		}
	}
	dst.StatusParams = union(dst.StatusParams, src.StatusParams)
	dst.Statuses = union(dst.Statuses, src.Statuses)
	dst.ResultParams = union(dst.ResultParams, src.ResultParams)
	dst.ResultText = dst.ResultText || src.ResultText
	dst.Partial = dst.Partial || src.Partial
}

func union(a, b []int) []int {
	for _, n := range b {
		if !slices.Contains(a, n) {
			a = append(a, n)
		}
	}
	slices.Sort(a)
	return a
}

// implementations returns the methods that implement the interface method
// m in the module's packages that the pass sees, in a fixed order; none
// if m's interface is not the module's. The list depends on types only,
// so it is memoized.
func (s *state) implementations(m *types.Func) []*types.Func {
	if list, ok := s.impls[m]; ok {
		return list
	}
	var list []*types.Func
	iface, _ := m.Signature().Recv().Type().Underlying().(*types.Interface)
	if iface != nil && m.Pkg() != nil && s.inModule(m.Pkg()) {
		pkgs := []*types.Package{s.pass.Pkg}
		for _, imp := range s.pass.Pkg.Imports() {
			if s.inModule(imp) {
				pkgs = append(pkgs, imp)
			}
		}
		for _, pkg := range pkgs {
			list = append(list, implementationsIn(pkg, iface, m)...)
		}
	}
	s.impls[m] = list
	return list
}

// implementationsIn returns the methods of pkg's named types that
// implement m of iface, by value or by pointer.
func implementationsIn(pkg *types.Package, iface *types.Interface, m *types.Func) []*types.Func {
	var list []*types.Func
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		if named, ok := tn.Type().(*types.Named); !ok || named.TypeParams().Len() > 0 {
			continue // a generic type implements nothing until instantiated
		}
		ptr := types.NewPointer(tn.Type())
		if !types.Implements(ptr, iface) {
			continue
		}
		obj, _, _ := types.LookupFieldOrMethod(ptr, false, m.Pkg(), m.Name())
		if fn, ok := obj.(*types.Func); ok && !isInterfaceMethod(fn) {
			list = append(list, fn)
		}
	}
	return list
}
