#!/usr/bin/env bash
# check-xtools.sh [XTOOLS_VERSION]
#
# Builds errcontract and runs the analyzer's tests against another
# golang.org/x/tools version, by default the one gopls pins (see
# build-gopls.sh: gopls is built with the x/tools it pins, so errcontract
# must compile and behave the same against it). The checkout is copied to a
# temporary directory and left untouched.
#
# Environment: GOPLS_VERSION (default v0.23.0) chooses the gopls whose
# x/tools is checked when no version is given.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
gopls_version=${GOPLS_VERSION:-v0.23.0}
export GOWORK=off GOFLAGS="${GOFLAGS:+$GOFLAGS }-mod=mod"

# module_dir MODULE@VERSION prints the module's directory in the module cache,
# downloading it first.
module_dir() {
	go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p'
}

# required_version GOMOD MODULE prints the version of MODULE that GOMOD requires.
required_version() {
	awk -v mod="$2" '$1 == mod && $2 ~ /^v/ { print $2; exit } $1 == "require" && $2 == mod { print $3; exit }' "$1"
}

xtools=${1:-}
if [ -z "$xtools" ]; then
	gopls_dir=$(module_dir "golang.org/x/tools/gopls@$gopls_version")
	xtools=$(required_version "$gopls_dir/go.mod" golang.org/x/tools)
	if [ -z "$xtools" ]; then
		echo "check-xtools: no golang.org/x/tools requirement in gopls $gopls_version's go.mod" >&2
		exit 1
	fi
	echo "check-xtools: gopls $gopls_version pins golang.org/x/tools $xtools"
fi

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
tar -C "$root" --exclude=./.git -cf - . | tar -C "$work" -xf -
chmod -R u+w "$work" # a checkout in the module cache is read-only
cd "$work"

go mod edit -replace "golang.org/x/tools=golang.org/x/tools@$xtools"
go mod tidy
echo "check-xtools: building and testing against golang.org/x/tools $xtools"
go build ./...
go test ./analyzer/...
