package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
)

// fileInfo is what fixes need to know of one file, computed on demand.
type fileInfo struct {
	file      *ast.File
	tok       *token.File
	content   []byte // nil if the file cannot be read
	generated bool
	pkgUses   map[*types.PkgName]int // uses of each import in the file
}

// fileOf returns the file that contains pos.
func (s *state) fileOf(pos token.Pos) *fileInfo {
	tok := s.pass.Fset.File(pos)
	if fi, ok := s.files[tok]; ok {
		return fi
	}
	fi := &fileInfo{tok: tok}
	for _, f := range s.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			fi.file = f
			fi.generated = ast.IsGenerated(f)
			break
		}
	}
	if content, err := s.pass.ReadFile(tok.Name()); err == nil && len(content) == tok.Size() {
		fi.content = content
	}
	s.files[tok] = fi
	return fi
}

// text returns the source text of n, sliced from the file.
func (fi *fileInfo) text(n ast.Node) string {
	return string(fi.content[fi.tok.Offset(n.Pos()):fi.tok.Offset(n.End())])
}

// usesOf returns how many times the file refers to the import pkg.
func (s *state) usesOf(fi *fileInfo, pkg *types.PkgName) int {
	if fi.pkgUses == nil {
		fi.pkgUses = pkgNameUses(s.pass.TypesInfo, fi.file)
	}
	return fi.pkgUses[pkg]
}

// pkgNameUses counts the references to each imported package name in n.
func pkgNameUses(info *types.Info, n ast.Node) map[*types.PkgName]int {
	uses := make(map[*types.PkgName]int)
	ast.Inspect(n, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				if pn, ok := info.Uses[id].(*types.PkgName); ok {
					uses[pn]++
				}
			}
		}
		return true
	})
	return uses
}

// lookup returns the object that name denotes at pos.
func (s *state) lookup(name string, pos token.Pos) types.Object {
	scope := s.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return nil
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}
