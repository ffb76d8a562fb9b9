#!/usr/bin/env bash
# build-golangci-lint.sh OUT
#
# Builds golangci-lint with the errcontract module plugin compiled in and
# writes the binary to OUT. Unlike `golangci-lint custom`, which clones
# golangci-lint's repository, it needs only the Go module proxy: it
# generates a scratch module whose main runs golangci-lint's commands, as
# golangci-lint's own cmd/golangci-lint does, with errcontract imported for
# its plugin registration and replaced by this checkout.
#
# Environment: GOLANGCI_LINT_VERSION (default v2.15.0, whose
# golang.org/x/tools is errcontract's).
set -euo pipefail

if [ $# -ne 1 ]; then
	echo "usage: $0 OUT" >&2
	exit 2
fi
case $1 in
/*) out=$1 ;;
*) out=$PWD/$1 ;;
esac
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=${GOLANGCI_LINT_VERSION:-v2.15.0}
export GOWORK=off GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

cat >go.mod <<GOMOD
module errcontract.local/golangci-lint

go 1.26.0

require (
	github.com/errcontract/errcontract v0.0.0
	github.com/golangci/golangci-lint/v2 $version
)

replace github.com/errcontract/errcontract => $root
GOMOD

cat >main.go <<'GO'
// Command golangci-lint is golangci-lint with the errcontract module plugin
// compiled in.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/errcontract/errcontract" // registers the errcontract plugin
)

func main() {
	if err := commands.Execute(buildInfo()); err != nil {
		fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

// buildInfo is what `golangci-lint version` shows: golangci-lint's module
// version, and errcontract's where the commit would be.
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{Version: "unknown", GoVersion: "unknown", Commit: "errcontract plugin build", Date: "(unknown)"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	info.GoVersion = bi.GoVersion
	for _, dep := range bi.Deps {
		switch dep.Path {
		case "github.com/golangci/golangci-lint/v2":
			info.Version = strings.TrimPrefix(dep.Version, "v")
		case "github.com/errcontract/errcontract":
			if dep.Replace != nil {
				dep = dep.Replace
			}
			info.Commit = "errcontract plugin build (" + dep.Path + " " + dep.Version + ")"
		}
	}
	return info
}
GO

# -mod=mod (above) lets the build complete go.mod and go.sum with just the
# modules it compiles, which is quicker than go mod tidy.
go build -o "$work/golangci-lint.bin" .

# A plugin that needs a newer golang.org/x/tools than golangci-lint's
# upgrades every bundled linter: say so.
selected=$(go list -m -f '{{.Version}}' golang.org/x/tools)
pinned=$(go mod graph | awk -v lint="github.com/golangci/golangci-lint/v2@$version" '$1 == lint && $2 ~ /^golang.org\/x\/tools@/ { sub(/.*@/, "", $2); print $2 }')
if [ "$selected" != "$pinned" ]; then
	echo "build-golangci-lint: warning: golang.org/x/tools $selected is selected, golangci-lint $version pins $pinned" >&2
fi
"$work/golangci-lint.bin" version
mkdir -p "$(dirname "$out")"
mv -f "$work/golangci-lint.bin" "$out"
