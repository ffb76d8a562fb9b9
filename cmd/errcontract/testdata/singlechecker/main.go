// Command singlechecker is errcontract built with go/analysis' standard
// driver, which checks every dependency from source: the reference that
// the command's own driver is compared with.
package main

import (
	"github.com/errcontract/errcontract/analyzer"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(analyzer.Analyzer) }
