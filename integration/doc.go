// Package integration holds errcontract's end-to-end tests across drivers
// and the scripts that build those drivers.
//
// The tests replay one corpus, the demo service (testdata/demo) and the
// packages of testdata/integration, through the errcontract command,
// go vet -vettool, golangci-lint built with the module plugin, and gopls
// built with the analyzer, and require the same findings from all four.
// They build golangci-lint and gopls, which takes minutes, so they run only
// with ERRCONTRACT_INTEGRATION=1:
//
//	ERRCONTRACT_INTEGRATION=1 go test -timeout 30m -v ./integration
//
// The scripts work on their own:
//
//	integration/build-golangci-lint.sh OUT   golangci-lint with the plugin, from the Go module proxy alone
//	integration/build-gopls.sh OUT [FLAG...] gopls with errcontract among its analyzers
//	integration/check-xtools.sh [VERSION]   errcontract's build and tests against gopls' golang.org/x/tools
package integration
