// Command errcontract checks that HTTP handlers write errors as their API's
// documented error contract says. Run it on packages (errcontract ./...)
// or through go vet (go vet -vettool=$(which errcontract) ./...).
package main

import (
	"github.com/errcontract/errcontract/analyzer"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(analyzer.Analyzer) }
