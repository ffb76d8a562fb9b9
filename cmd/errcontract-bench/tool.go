package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"log"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/errcontract/errcontract/analyzer"
	"github.com/errcontract/errcontract/internal/driver"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

// toolEnv names the tool that the benchmark's executable runs as instead
// of the benchmark. The parent sets it for each child, and go vet passes
// it on to every vet tool process it starts.
const toolEnv = "ERRCONTRACT_BENCH_TOOL"

// nonceEnv is part of the tool's version under go vet, which keys its
// cache of vet results by that version: a new nonce misses the cache.
const nonceEnv = "ERRCONTRACT_BENCH_NONCE"

// tools are the commands the executable runs as, by the value of toolEnv.
// None returns.
var tools = map[string]func(){
	"floor":        func() { singlechecker.Main(floor) },
	"driver-floor": func() { driver.Main(floor) },
	"errcontract":  func() { driver.Main(analyzer.Analyzer) },
	"standard":     func() { singlechecker.Main(analyzer.Analyzer) },
}

// floor requires nothing, declares no facts and does nothing, so that a
// driver does for it only what it must do for any analyzer: load the
// packages (from source, their dependencies from export data) and
// type-check them. It needs no inspector: building one is work of
// errcontract's, which builds one only in packages that serve HTTP.
var floor = &analysis.Analyzer{
	Name: "floor",
	Doc:  "floor does nothing: what remains is loading and type-checking",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

// runTool runs the executable as the tool called name. It does not return.
func runTool(name string) {
	log.SetFlags(0)
	log.SetPrefix("errcontract-bench: ")
	tool, ok := tools[name]
	if !ok {
		log.Fatalf("%s=%s: unknown tool (valid: %s)", toolEnv, name, strings.Join(slices.Sorted(maps.Keys(tools)), ", "))
	}
	if isVersionQuery(os.Args[1:]) {
		if err := printVersion(os.Stdout, name, os.Getenv(nonceEnv)); err != nil {
			log.Fatal(err)
		}
		os.Exit(0)
	}
	tool()
	panic("unreachable")
}

// isVersionQuery reports whether args are go vet's question for the
// tool's version, by which it keys its cache of vet results.
func isVersionQuery(args []string) bool {
	return len(args) == 1 && (args[0] == "-V=full" || args[0] == "--V=full")
}

// printVersion answers go vet's -V=full in its format for a development
// build, whose build ID is all that go vet keeps: it hashes the
// executable's content with the tool and the nonce, so that each tool has
// results of its own and a new nonce misses them all.
func printVersion(w io.Writer, tool, nonce string) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	content, err := os.ReadFile(exe)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(w, versionLine(content, tool, nonce))
	return err
}

func versionLine(content []byte, tool, nonce string) string {
	h := sha256.New()
	h.Write(content)
	fmt.Fprintf(h, "\x00%s\x00%s", tool, nonce)
	return fmt.Sprintf("errcontract-bench version devel bench-%s-%s buildID=%x", tool, nonce, h.Sum(nil))
}
