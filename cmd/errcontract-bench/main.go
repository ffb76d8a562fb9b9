// Command errcontract-bench measures what errcontract costs on top of
// loading and type-checking the packages it lints.
//
// It runs three analyzers on the same packages with the same driver
// (go/packages and go/analysis/checker, loading as errcontract ./... does:
// full syntax of every package, tests included):
//
//   - floor, which requires only the inspector and does nothing: the cost
//     of loading, type-checking and building the inspector;
//   - errcontract, the analyzer with its default configuration;
//   - ssa, which requires only buildssa: the cost of building SSA for
//     every function, for comparison.
//
// On request (-variants), a fourth:
//
//   - facts, which requires only the inspector but declares a fact type,
//     so that, like errcontract, it runs on every dependency of the
//     packages and not only on them: the floor of an analyzer with facts.
//     With tests included, a corpus's dependencies hold many packages
//     recompiled for a test that are not among its packages.
//
// Each measurement is a child process of its own, so that its peak
// resident set size is its own. The variants alternate (floor,
// errcontract, ssa, floor, ...) so that noise on the machine hits them
// alike, and the command prints, as a Markdown table, the median wall
// time, CPU time and peak RSS of each variant on each corpus and their
// ratios to the floor's. The CPU time (user and system, of the process
// itself: the go list it starts is not counted) is the steadier number on
// a busy machine; the wall time is what a user waits for.
//
// Usage:
//
//	go run ./cmd/errcontract-bench [-corpus std,cmd,deps] [-runs 5] [-variants floor,errcontract,ssa,facts]
//
// The corpora are the standard library (std), the go command and the other
// tools of the Go distribution (./... in $GOROOT/src/cmd), and the
// dependency graph of the module in the current directory (all). A
// package that fails to load ends the run: a benchmark of packages that
// did not type-check would measure less than the real work.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
)

// childFlag is the hidden flag with which the command runs itself to
// measure one variant on one corpus.
const childFlag = "child"

func main() {
	log.SetFlags(0)
	log.SetPrefix("errcontract-bench: ")
	corpora := flag.String("corpus", allCorpora, "comma-separated corpora to measure: "+listing(allCorpora))
	runs := flag.Int("runs", 5, "measurements of each variant on each corpus")
	variants := flag.String("variants", defaultVariants, "comma-separated variants to measure: "+listing(allVariants))
	child := flag.Bool(childFlag, false, "measure one variant on one corpus and print the result as JSON")
	flag.Usage = usage
	flag.Parse()
	if flag.NArg() > 0 {
		usage()
		os.Exit(2)
	}

	if *child {
		if err := runChild(*variants, *corpora, os.Stdout); err != nil {
			log.Fatal(err)
		}
		return
	}
	p, err := newPlan(*corpora, *variants, *runs)
	if err != nil {
		log.Print(err)
		usage()
		os.Exit(2)
	}
	results, err := p.run(os.Stderr)
	if err != nil {
		log.Fatal(err)
	}
	rows, err := summarize(results)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := io.WriteString(os.Stdout, formatTable(machine(), *runs, rows)); err != nil {
		log.Fatal(err)
	}
}

// usage prints the flags, less the hidden one.
func usage() {
	out := flag.CommandLine.Output()
	fmt.Fprintf(out, "usage: errcontract-bench [-corpus list] [-runs n] [-variants list]\n\n")
	visible := flag.NewFlagSet("errcontract-bench", flag.ContinueOnError)
	visible.SetOutput(out)
	flag.VisitAll(func(f *flag.Flag) {
		if f.Name != childFlag {
			visible.Var(f.Value, f.Name, f.Usage)
			visible.Lookup(f.Name).DefValue = f.DefValue
		}
	})
	visible.PrintDefaults()
}
