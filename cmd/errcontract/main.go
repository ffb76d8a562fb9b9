// Command errcontract checks that HTTP handlers write errors as their API's
// documented error contract says. Run it on packages (errcontract ./...)
// or through go vet (go vet -vettool=$(which errcontract) ./...).
package main

import (
	"github.com/errcontract/errcontract/analyzer"
	"github.com/errcontract/errcontract/internal/driver"
)

func main() { driver.Main(analyzer.Analyzer) }
