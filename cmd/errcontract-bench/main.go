// Command errcontract-bench measures what errcontract costs a user against
// the honest floor: a do-nothing analyzer without facts, run the same way
// on the same packages.
//
// Every measurement is a whole command run as a child process in the
// corpus's directory on the corpus's patterns, as a user runs it. The
// benchmark's own executable is the tool, chosen by the environment
// variable ERRCONTRACT_BENCH_TOOL, which go vet passes on to its vet
// tool processes too. The variants:
//
//   - floor: singlechecker with an analyzer that requires nothing,
//     declares no facts and does nothing; what remains is what no analyzer
//     can avoid: loading (the packages from source, their dependencies
//     from export data) and type-checking;
//   - driver-floor: the errcontract command's driver running the floor's
//     analyzer, which tells what the command's loading costs from what its
//     rules cost;
//   - errcontract: the errcontract command;
//   - standard: errcontract under singlechecker, which loads every
//     dependency from source because the analyzer declares facts: what
//     the command cost before it had a driver of its own;
//   - vet-floor-cold and vet-cold: go vet -vettool with the floor and with
//     errcontract, every vet action missing go vet's cache of results
//     while the compiled export data stays cached, as after upgrading the
//     tool;
//   - vet-floor-warm and vet-warm: the same, every vet action hitting
//     that cache, as when nothing changed since the last run.
//
// Wall time is measured by the parent; CPU time is the user and system
// time of the child and of every process under it (go list, and for go vet
// every vet tool process); peak RSS is the child's ru_maxrss, on Linux the
// largest peak of any single process under it, not the sum of processes
// running at once. The variants alternate within each run so that noise
// on the machine hits them alike, and the command prints, as a Markdown
// table, the medians of each variant on each corpus and their ratios to
// the floor's: for go vet, to the vet floor of the same temperature.
//
// Usage:
//
//	go run ./cmd/errcontract-bench [-corpus frameworks,std] [-runs 5] [-variants floor,errcontract,standard]
//
// -variants=all measures every variant.
//
// Corpora: std (in $GOROOT/src), cmd (./... in $GOROOT/src/cmd), deps
// (all, in the module of the current directory), frameworks (./... in
// testdata/frameworks of this module: gin, echo, fiber, chi and more) and
// dir:PATH (./... in PATH, for a module checked out elsewhere). A child
// that fails, or that reports an analysis error, ends the run: a
// benchmark of packages that did not load would measure less than the
// real work.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	if tool := os.Getenv(toolEnv); tool != "" {
		runTool(tool) // a child of the benchmark, or a vet tool under go vet
	}
	os.Exit(benchMain(os.Args[1:], os.Stdout, os.Stderr))
}

// benchMain runs the benchmark with the command-line arguments args,
// prints the table to stdout and progress and errors to stderr, and
// returns the exit code.
func benchMain(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("errcontract-bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	corpora := fs.String("corpus", defaultCorpora, "comma-separated corpora to measure: "+listing(namedCorpora)+", or dir:PATH")
	runs := fs.Int("runs", 5, "measurements of each variant on each corpus")
	variants := fs.String("variants", defaultVariants, "comma-separated variants to measure: "+listing(variantNames())+", or all")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: errcontract-bench [-corpus list] [-runs n] [-variants list]\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	p, err := newPlan(*corpora, *variants, *runs)
	if err != nil {
		fmt.Fprintf(stderr, "errcontract-bench: %v\n", err)
		fs.Usage()
		return 2
	}
	desc := machine() // before the run loads the machine
	results, err := p.run(stderr)
	if err == nil {
		var rows []*row
		if rows, err = summarize(results); err == nil {
			_, err = io.WriteString(stdout, formatTable(desc, *runs, rows))
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "errcontract-bench: %v\n", err)
		return 1
	}
	return 0
}
