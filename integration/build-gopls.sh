#!/usr/bin/env bash
# build-gopls.sh OUT [ANALYZER-FLAG...]
#
# Builds gopls with errcontract among its analyzers and writes the binary to
# OUT. gopls loads no third-party analyzers, so this takes gopls' source
# from the module cache, adds errcontract to its analyzer list, and builds
# it with this checkout as github.com/errcontract/errcontract. Diagnostics
# show their rule as the diagnostic code; suggested fixes are quick fixes.
#
# gopls is built with the golang.org/x/tools it pins (it does not compile
# against other versions), so errcontract is compiled against that version
# too: check-xtools.sh tests that it works there.
#
# ANALYZER-FLAGs, such as -contract=jsonapi or -disable=raw-http-error, are
# errcontract's command-line flags, fixed into the build. An invalid flag
# makes the built gopls fail at start-up, which this script checks.
#
# Environment: GOPLS_VERSION (default v0.23.0).
set -euo pipefail

if [ $# -lt 1 ]; then
	echo "usage: $0 OUT [ANALYZER-FLAG...]" >&2
	exit 2
fi
case $1 in
/*) out=$1 ;;
*) out=$PWD/$1 ;;
esac
shift
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=${GOPLS_VERSION:-v0.23.0}
export GOWORK=off GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod"

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

src=$(go mod download -json "golang.org/x/tools/gopls@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
if [ -z "$src" ]; then
	echo "build-gopls: cannot download golang.org/x/tools/gopls@$version" >&2
	exit 1
fi
cp -R "$src/." "$work/gopls"
chmod -R u+w "$work/gopls" # the module cache is read-only
cd "$work/gopls"

xtools=$(awk '$1 == "golang.org/x/tools" && $2 ~ /^v/ { print $2; exit } $1 == "require" && $2 == "golang.org/x/tools" { print $3; exit }' go.mod)
if [ -z "$xtools" ]; then
	echo "build-gopls: no golang.org/x/tools requirement in gopls $version's go.mod" >&2
	exit 1
fi

# The one edit to gopls' own files: its analyzer list gains errcontract's,
# declared in a file of ours in the same package.
list=internal/settings/analysis.go
anchor='var AllAnalyzers = initAnalyzers()'
if [ "$(grep -cxF "$anchor" "$list")" != 1 ]; then
	echo "build-gopls: $list of gopls $version has no line '$anchor'; the edit needs updating" >&2
	exit 1
fi
sed -i.orig 's/^var AllAnalyzers = initAnalyzers()$/var AllAnalyzers = append(initAnalyzers(), errcontractAnalyzers()...)/' "$list"
rm "$list.orig"

printf '%s\n' "$@" >internal/settings/errcontract.flags
cat >internal/settings/errcontract.go <<'GO'
package settings

import (
	_ "embed"
	"io"
	"log"
	"strings"

	"github.com/errcontract/errcontract/analyzer"
)

// errcontractFlags holds the analyzer flags the build was made with, one
// per line.
//
//go:embed errcontract.flags
var errcontractFlags string

// errcontractAnalyzers returns errcontract for gopls' analyzer list: a
// warning per finding, with the rule as the diagnostic code and each
// suggested fix as a quick fix (gopls' defaults for an analyzer).
func errcontractAnalyzers() []*Analyzer {
	a := analyzer.New(analyzer.DefaultConfig())
	flags := strings.FieldsFunc(errcontractFlags, func(r rune) bool { return r == '\n' })
	a.Flags.SetOutput(io.Discard) // the error says it all; no usage text
	if err := a.Flags.Parse(flags); err != nil {
		log.Fatalf("errcontract: invalid flags in this gopls build: %v", err)
	}
	if a.Flags.NArg() > 0 {
		log.Fatalf("errcontract: %q in this gopls build is not a flag", a.Flags.Arg(0))
	}
	return []*Analyzer{{analyzer: a}}
}
GO

go mod edit \
	-require=github.com/errcontract/errcontract@v0.0.0 \
	-replace="github.com/errcontract/errcontract=$root" \
	-replace="golang.org/x/tools=golang.org/x/tools@$xtools"
echo "build-gopls: building gopls $version with golang.org/x/tools $xtools"
go build -o "$work/gopls.bin" .
# gopls initialises its analyzer list first thing: an invalid flag fails here.
"$work/gopls.bin" version
mkdir -p "$(dirname "$out")"
mv -f "$work/gopls.bin" "$out"
