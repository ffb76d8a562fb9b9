// Command errcontract checks that HTTP handlers write errors as their API's
// documented error contract says. Run it on packages (errcontract ./...)
// or through go vet (go vet -vettool=$(which errcontract) ./...).
package main

import (
	"os"

	"github.com/errcontract/errcontract/analyzer"
	"github.com/errcontract/errcontract/internal/driver"
	"github.com/errcontract/errcontract/internal/initcmd"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "init" {
		os.Exit(initcmd.Run(os.Args[2:], os.Stdout, os.Stderr))
	}
	driver.Main(analyzer.Analyzer)
}
