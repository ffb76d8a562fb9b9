package analyzer

import (
	"go/types"
	"slices"
	"sort"
)

// A canonical is the canonical error package that fixes call: its writer
// and its constructors by status. It is a team's own package when the
// checked package declares or imports one, else the configured package.
type canonical struct {
	path   string
	name   string
	writer *canonicalFunc
	ctors  map[int][]*canonicalFunc // in declaration order: the first is the default
	noFix  string                   // with no writer, why there are no fixes: "the package imports ..."
}

// A canonicalFunc is the shape of a writer or a constructor: the role of
// each of its parameters.
type canonicalFunc struct {
	name      string
	roles     []paramRole
	result    types.Type // a constructor's result; nil when described without types
	errParam  types.Type // a writer's error parameter; nil when described without types
	withCause bool       // the result has a WithCause(error) method that keeps a cause
}

// A paramRole says what a canonical function's parameter takes.
type paramRole int

const (
	roleWriter  paramRole = iota // the http.ResponseWriter
	roleRequest                  // the *http.Request
	roleMessage                  // a client-safe message (a string)
	roleCause                    // an error: a writer's error, a constructor's hidden cause
)

func (f *canonicalFunc) has(role paramRole) bool { return slices.Contains(f.roles, role) }

// builtinAPIError describes package apierror for packages that do not import
// it yet: facts exist only for imported packages. A test checks it against
// apierror's own directives.
var builtinAPIError = &canonical{
	path:   DefaultConstructors,
	name:   "apierror",
	writer: &canonicalFunc{name: "Write", roles: []paramRole{roleWriter, roleRequest, roleCause}},
	ctors: map[int][]*canonicalFunc{
		400: {messageCtor("BadRequest"), messageCtor("InvalidQuery")},
		401: {messageCtor("Unauthorized")},
		403: {messageCtor("Forbidden")},
		404: {messageCtor("NotFound")},
		405: {messageCtor("MethodNotAllowed")},
		409: {messageCtor("Conflict")},
		415: {messageCtor("UnsupportedMediaType")},
		422: {messageCtor("ValidationFailed"), messageCtor("InvalidEntry")},
		429: {messageCtor("RateLimited")},
		500: {{name: "Internal", roles: []paramRole{roleCause}}},
		502: {messageCtor("BadGateway")},
		503: {messageCtor("Unavailable")},
	},
}

func messageCtor(name string) *canonicalFunc {
	return &canonicalFunc{name: name, roles: []paramRole{roleMessage}, withCause: true}
}

// canonical returns the canonical package for fixes in the package being
// checked. Its writer is nil if there is none the package can import; then
// noFix says why, for the messages of the findings it leaves unfixed.
func (s *state) canonical() *canonical {
	if s.canon == nil {
		s.canon = s.findCanonical()
	}
	return s.canon
}

func (s *state) findCanonical() *canonical {
	candidates := s.canonicalCandidates()
	// A team's own package wins over the configured one.
	slices.SortStableFunc(candidates, func(a, b *types.Package) int {
		return boolInt(a.Path() == s.cfg.constructors) - boolInt(b.Path() == s.cfg.constructors)
	})
	for _, pkg := range candidates {
		if c := s.describeCanonical(pkg); c.writer != nil {
			return c
		}
	}
	if s.cfg.constructors != DefaultConstructors {
		return &canonical{noFix: "the package imports no canonical error package with a writer"}
	}
	if moduleProvides(packageDir(s.pass), DefaultConstructors) {
		return builtinAPIError
	}
	return &canonical{noFix: "the package imports no canonical error package and go.mod does not require errcontract"}
}

// canonicalCandidates returns the canonical packages that fixes in the
// package being checked may import (see moduleProvides): the package
// itself and its imports, in order of path. Packages it imports only
// through others are not among them: their object facts are not
// visible to every driver, so what they declare is not known.
func (s *state) canonicalCandidates() []*types.Package {
	var candidates []*types.Package
	if s.isCanonicalPkg(s.pass.Pkg) {
		candidates = append(candidates, s.pass.Pkg)
	}
	for _, imp := range sortedByPath(s.pass.Pkg.Imports()) {
		if s.isCanonicalPkg(imp) {
			candidates = append(candidates, imp)
		}
	}
	return candidates
}

func sortedByPath(pkgs []*types.Package) []*types.Package {
	pkgs = slices.Clone(pkgs)
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Path() < pkgs[j].Path() })
	return pkgs
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// describeCanonical describes the canonical functions that pkg declares,
// known from their facts.
func (s *state) describeCanonical(pkg *types.Package) *canonical {
	c := &canonical{path: pkg.Path(), name: pkg.Name(), ctors: make(map[int][]*canonicalFunc)}
	var funcs []*types.Func
	for _, name := range pkg.Scope().Names() {
		if fn, ok := pkg.Scope().Lookup(name).(*types.Func); ok && (pkg == s.pass.Pkg || fn.Exported()) {
			funcs = append(funcs, fn)
		}
	}
	sort.Slice(funcs, func(i, j int) bool { return funcs[i].Pos() < funcs[j].Pos() })
	for _, fn := range funcs {
		ctor, isCtor := s.constructorOf(fn)
		switch {
		case isCtor:
			if shape := s.constructorShape(fn); shape != nil {
				c.ctors[ctor.Status] = append(c.ctors[ctor.Status], shape)
			}
		case c.writer == nil && s.isWriterFunc(fn):
			c.writer = s.writerShape(fn)
		}
	}
	return c
}

// constructorShape returns the shape of a constructor whose parameters are
// all messages or causes, or nil.
func (s *state) constructorShape(fn *types.Func) *canonicalFunc {
	sig := fn.Signature()
	if sig.Results().Len() != 1 || sig.Variadic() || !validType(sig) {
		return nil
	}
	shape := &canonicalFunc{name: fn.Name(), result: sig.Results().At(0).Type()}
	for param := range sig.Params().Variables() {
		switch t := param.Type(); {
		case isString(t):
			shape.roles = append(shape.roles, roleMessage)
		case types.Identical(t, universeError):
			shape.roles = append(shape.roles, roleCause)
		default:
			return nil
		}
	}
	shape.withCause = hasWithCause(shape.result)
	return shape
}

// hasWithCause reports whether t has a method WithCause(error) returning
// one value, the way apierror keeps a cause.
func hasWithCause(t types.Type) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "WithCause")
	fn, ok := obj.(*types.Func)
	if !ok || !fn.Exported() {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() == 1 && types.Identical(sig.Params().At(0).Type(), universeError) && sig.Results().Len() == 1
}

// writerShape returns the shape of a writer that takes a response writer,
// an error, and optionally the request, or nil.
func (s *state) writerShape(fn *types.Func) *canonicalFunc {
	sig := fn.Signature()
	if !validType(sig) {
		return nil // a signature that does not type-check
	}
	shape := &canonicalFunc{name: fn.Name()}
	for param := range sig.Params().Variables() {
		switch t := param.Type(); {
		case s.responseWriter != nil && types.Identical(t.Underlying(), s.responseWriter):
			shape.roles = append(shape.roles, roleWriter)
		case isHTTPRequest(t):
			shape.roles = append(shape.roles, roleRequest)
		case shape.errParam == nil:
			shape.roles = append(shape.roles, roleCause)
			shape.errParam = t
		default:
			return nil
		}
	}
	if !shape.has(roleWriter) || !shape.has(roleCause) || sig.Variadic() {
		return nil
	}
	return shape
}

// isHTTPRequest reports whether t is *http.Request.
func isHTTPRequest(t types.Type) bool {
	_, isPointer := t.(*types.Pointer)
	return isPointer && isNamed(t, "net/http", "Request")
}
