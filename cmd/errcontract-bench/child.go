package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"
)

// command returns the command a user runs for v on c: the tool itself,
// or go vet with the tool, on c's patterns in c's directory, with JSON
// output. nonce is the tool's version under go vet.
func command(self string, c corpus, v variant, nonce string) *exec.Cmd {
	var cmd *exec.Cmd
	if v.vet == "" {
		cmd = exec.Command(self, append([]string{"-json"}, c.patterns...)...)
	} else {
		cmd = exec.Command("go", append([]string{"vet", "-vettool=" + self, "-json"}, c.patterns...)...)
	}
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), toolEnv+"="+v.tool, nonceEnv+"="+nonce)
	return cmd
}

// runChild runs cmd and returns its diagnostics and what it cost: the
// wall time from start to exit, and the CPU time and peak RSS of its
// process tree. A failure of the child, or an error in its JSON, is an
// error that shows its stderr.
func runChild(cmd *exec.Cmd) (measurement, error) {
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err == nil {
		var n int
		if n, err = countDiagnostics(&stdout); err == nil {
			return childUsage(cmd.ProcessState, n, wall)
		}
	}
	return measurement{}, fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, indent(stderr.String()))
}

func childUsage(ps *os.ProcessState, diagnostics int, wall time.Duration) (measurement, error) {
	rss, err := peakRSS(ps)
	if err != nil {
		return measurement{}, err
	}
	return measurement{
		Diagnostics: diagnostics,
		Wall:        wall,
		CPU:         ps.UserTime() + ps.SystemTime(), // of the child and the descendants it waited for
		PeakRSS:     rss,
	}, nil
}

// A jsonTree is the JSON output of singlechecker and of unitchecker under
// go vet (one tree per package): package ID to analyzer name to a list of
// diagnostics or an error.
type jsonTree map[string]map[string]json.RawMessage

// countDiagnostics returns how many distinct diagnostics the JSON trees
// in r hold, or the errors they report. A diagnostic is counted once
// however many packages report it: a package and its test variant report
// the same ones in the package's files, and the drivers do not agree on
// which variants they print.
func countDiagnostics(r io.Reader) (int, error) {
	seen := make(map[string]bool)
	var errs []string
	dec := json.NewDecoder(r)
	for {
		var tree jsonTree
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return 0, fmt.Errorf("reading the JSON output: %v", err)
		}
		for id, results := range tree {
			for name, result := range results {
				if err := addDiagnostics(seen, name, result); err != nil {
					errs = append(errs, fmt.Sprintf("%s: %s: %v", id, name, err))
				}
			}
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return 0, errors.New(strings.Join(errs, "\n"))
	}
	return len(seen), nil
}

// addDiagnostics adds to seen the diagnostics of one analyzer's result,
// or returns the error the result is.
func addDiagnostics(seen map[string]bool, analyzer string, result json.RawMessage) error {
	var diags []struct{ Posn, Category, Message string }
	if err := json.Unmarshal(result, &diags); err == nil {
		for _, d := range diags {
			seen[strings.Join([]string{analyzer, d.Posn, d.Category, d.Message}, "\x00")] = true
		}
		return nil
	}
	var failure struct{ Error string }
	if err := json.Unmarshal(result, &failure); err != nil || failure.Error == "" {
		return fmt.Errorf("neither diagnostics nor an error: %s", result)
	}
	return errors.New(failure.Error)
}

// indent indents each line of the child's stderr under the error.
func indent(s string) string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return "\t(no stderr)"
	}
	return "\t" + strings.ReplaceAll(s, "\n", "\n\t")
}
