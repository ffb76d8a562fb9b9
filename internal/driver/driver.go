// Package driver is errcontract's command-line driver. It keeps the
// command line, output and exit codes of go/analysis' singlechecker, to
// which it leaves go vet's invocations, but it loads packages differently: only the main
// modules' packages, and dependencies that declare errcontract
// directives, are parsed and type-checked from source; every other
// package comes from the export data the go command compiled, as for an
// analyzer without facts. The standard driver type-checks every
// dependency from source as soon as an analyzer declares a fact type,
// which on modules with a large third-party graph costs many times the
// work of checking the module itself.
package driver

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/singlechecker"
	"golang.org/x/tools/go/packages"
)

// options are the driver's own flags.
type options struct {
	json, sarif, fix, diff, tests, sourceDeps bool
	context                                   int
	debug, cpuProfile, memProfile             string
	traceFile                                 string
}

// Main is the main function of the command for analyzer a. It does not
// return.
func Main(a *analysis.Analyzer) {
	log.SetFlags(0)
	log.SetPrefix(a.Name + ": ")
	if err := analysis.Validate([]*analysis.Analyzer{a}); err != nil {
		log.Fatal(err)
	}
	if invokedByVet(os.Args[1:]) {
		singlechecker.Main(a)
		panic("unreachable")
	}
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	opts := registerFlags(fs, a)
	fs.SetOutput(io.Discard) // a bad flag is one line, below, not the usage
	switch err := fs.Parse(os.Args[1:]); {
	case err == flag.ErrHelp:
		usage(os.Stdout, a, fs)
		os.Exit(0)
	case err != nil:
		log.Printf("%v\nrun '%s -h' for usage", err, a.Name)
		os.Exit(2)
	case fs.NArg() == 0:
		usage(os.Stderr, a, fs)
		os.Exit(1)
	}
	os.Exit(run(a, fs.Args(), opts))
}

// invokedByVet reports whether args are go vet's: -flags, to learn which
// flags the tool takes, or flags and one .cfg file describing a package.
// That protocol is singlechecker's, which hands the file to unitchecker
// together with the flags it parsed (go vet passes -json and reads JSON).
func invokedByVet(args []string) bool {
	return slices.Contains(args, "-flags") || slices.Contains(args, "--flags") ||
		len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// registerFlags binds a's flags and the driver's, with singlechecker's
// names and defaults, to fs.
func registerFlags(fs *flag.FlagSet, a *analysis.Analyzer) *options {
	opts := &options{context: -1, tests: true}
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	fs.Bool("flags", false, "print analyzer flags in JSON")
	fs.Var(versionFlag{}, "V", "print version and exit")
	fs.BoolVar(&opts.json, "json", false, "emit JSON output")
	fs.BoolVar(&opts.sarif, "sarif", false, "emit SARIF 2.1.0 output on stdout, for code scanning; like -json, findings do not change the exit code")
	fs.IntVar(&opts.context, "c", -1, "display offending line with this many lines of context")
	fs.BoolVar(&opts.fix, "fix", false, "apply all suggested fixes")
	fs.BoolVar(&opts.diff, "diff", false, "with -fix, don't update the files, but print a unified diff")
	fs.BoolVar(&opts.tests, "test", true, "indicates whether test files should be analyzed, too")
	fs.BoolVar(&opts.sourceDeps, "source-deps", false, "check every dependency from source, so that helpers and canonical packages of other modules are followed (slower)")
	fs.StringVar(&opts.debug, "debug", "", `debug flags, any subset of "fps" (facts, sequential, sanity check)`)
	fs.StringVar(&opts.cpuProfile, "cpuprofile", "", "write CPU profile to this file")
	fs.StringVar(&opts.memProfile, "memprofile", "", "write memory profile to this file")
	fs.StringVar(&opts.traceFile, "trace", "", "write trace log to this file")
	// Flags of vet's past that scripts still pass.
	for _, name := range []string{"source", "v", "all"} {
		fs.Bool(name, false, "no effect (deprecated)")
	}
	fs.String("tags", "", "no effect (deprecated)")
	return opts
}

// usage prints the analyzer's documentation, whose first paragraph is
// its "name: summary" line, then the flags.
func usage(w io.Writer, a *analysis.Analyzer, fs *flag.FlagSet) {
	paras := strings.Split(a.Doc, "\n\n")
	summary := paras[0]
	if !strings.HasPrefix(summary, a.Name+": ") {
		summary = a.Name + ": " + summary
	}
	fmt.Fprintf(w, "%s\n\nUsage: %s [-flag] [package]\n\n", summary, a.Name)
	if len(paras) > 1 {
		fmt.Fprintln(w, strings.Join(paras[1:], "\n\n"))
	}
	fmt.Fprintln(w, "\nFlags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// maxFixRounds bounds how many times -fix analyses the packages again to
// apply the fixes that conflicted with others in the round before.
const maxFixRounds = 5

// run loads, analyses and reports, and returns the exit code:
// singlechecker's 1 for errors, 3 for findings (in text mode), else 0.
// -json and -sarif report findings on stdout and exit 0: the consumer of
// the report decides what a finding means.
func run(a *analysis.Analyzer, args []string, opts *options) int {
	stop, err := startProfiles(opts)
	if err != nil {
		log.Print(err)
		return 1
	}
	defer stop()

	exit := 0
	graph, err := analyze(a, args, opts, func(roots []*packages.Package) {
		if packages.PrintErrors(roots) > 0 {
			exit = 1
		}
		if n := countIllTyped(roots); n > 0 {
			log.Printf("%s could not be type-checked completely (errors in them or their dependencies): findings there may be incomplete", plural(n, "package", "packages"))
		}
	})
	if err != nil {
		log.Print(err)
		return 1
	}
	switch {
	case opts.fix:
		return max(exit, fix(a, args, opts, graph))
	case opts.sarif:
		if err := printSARIF(os.Stdout, a, graph.Roots, sourceRoot(graph.Roots)); err != nil {
			log.Print(err)
			return 1
		}
		return exit
	case opts.json:
		if err := graph.PrintJSON(os.Stdout); err != nil {
			return 1
		}
		return exit
	}
	if err := graph.PrintText(os.Stderr, opts.context); err != nil {
		return 1
	}
	return max(exit, textExitCode(graph))
}

// analyze loads the packages args name, lets loaded see them, and runs a
// on them.
func analyze(a *analysis.Analyzer, args []string, opts *options, loaded func([]*packages.Package)) (*checker.Graph, error) {
	prog, err := load(args, opts.tests, opts.sourceDeps)
	if err != nil {
		return nil, err
	}
	loaded(prog.roots)
	prog.prune()
	dbg := func(b byte) bool { return strings.IndexByte(opts.debug, b) >= 0 }
	checkerOpts := &checker.Options{Sequential: dbg('p'), SanityCheck: dbg('s')}
	if dbg('f') {
		checkerOpts.FactLog = os.Stderr
	}
	return checker.Analyze([]*analysis.Analyzer{a}, prog.roots, checkerOpts)
}

// fix applies the fixes of graph and returns the exit code. Fixes that
// conflict with others (two fixes adding different imports to one file)
// are applied in further rounds, each on the packages analysed anew,
// rather than left for the user to re-run the command; -diff shows one
// round.
func fix(a *analysis.Analyzer, args []string, opts *options, graph *checker.Graph) int {
	for round := 1; ; round++ {
		res, err := applyFixes(graph.Roots, opts.diff, os.Stdout)
		if err != nil {
			log.Print(err)
			return 1
		}
		if res.conflicts == 0 {
			return 0 // diagnostics whose fixes applied are not failures
		}
		if opts.diff || res.applied == 0 || round == maxFixRounds {
			log.Printf("%s; %d conflicted with others", res, res.conflicts)
			return 1
		}
		if graph, err = analyze(a, args, opts, func([]*packages.Package) {}); err != nil {
			log.Print(err)
			return 1
		}
	}
}

// countIllTyped returns how many of the roots have Go files and errors of
// their own or in a dependency. A pattern that matches nothing is a root
// with an error and no files: go/packages has printed its error.
func countIllTyped(roots []*packages.Package) int {
	n := 0
	for _, pkg := range roots {
		if pkg.IllTyped && len(pkg.GoFiles) > 0 {
			n++
		}
	}
	return n
}

// textExitCode is 1 if an analysis failed, 3 if a root has diagnostics.
func textExitCode(graph *checker.Graph) int {
	failed, found := false, false
	for act := range graph.All() {
		if act.Err != nil {
			failed = true
		} else if act.IsRoot && len(act.Diagnostics) > 0 {
			found = true
		}
	}
	switch {
	case failed:
		return 1
	case found:
		return 3
	}
	return 0
}

// startProfiles starts what -cpuprofile, -memprofile and -trace ask for
// and returns the function that writes them.
func startProfiles(opts *options) (func(), error) {
	var stops []func()
	stop := func() {
		for _, f := range stops {
			f()
		}
	}
	if opts.cpuProfile != "" {
		f, err := os.Create(opts.cpuProfile)
		if err != nil {
			return stop, err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return stop, err
		}
		stops = append(stops, pprof.StopCPUProfile)
	}
	if opts.traceFile != "" {
		f, err := os.Create(opts.traceFile)
		if err != nil {
			return stop, err
		}
		if err := trace.Start(f); err != nil {
			return stop, err
		}
		stops = append(stops, trace.Stop)
	}
	if opts.memProfile != "" {
		f, err := os.Create(opts.memProfile)
		if err != nil {
			return stop, err
		}
		stops = append(stops, func() {
			runtime.GC()
			if err := pprof.WriteHeapProfile(f); err != nil {
				log.Print(err)
			}
			f.Close()
		})
	}
	return stop, nil
}

// versionFlag is the -V flag of go vet's protocol: -V=full prints a line
// whose build ID changes with the executable, so that go vet's cache
// of results is keyed by it.
type versionFlag struct{}

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) Get() any         { return nil }
func (versionFlag) String() string   { return "" }
func (versionFlag) Set(s string) error {
	if s != "full" {
		return fmt.Errorf("unsupported flag value: -V=%s (use -V=full)", s)
	}
	progname, err := os.Executable()
	if err != nil {
		return err
	}
	content, err := os.ReadFile(progname)
	if err != nil {
		return err
	}
	fmt.Printf("%s version devel %s buildID=%x\n", progname, moduleVersion(), sha256.Sum256(content))
	os.Exit(0)
	return nil
}

// moduleVersion returns the version of the module the command was built
// from, as the build info records it: a tag for go install of a release,
// (devel) for a build in a checkout.
func moduleVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" {
		return "(devel)"
	}
	return info.Main.Version
}
