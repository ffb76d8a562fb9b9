package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"

	"golang.org/x/tools/go/packages"
)

// A plan is the measurements of one run of the command.
type plan struct {
	corpora  []corpus
	variants []string
	runs     int
}

// A measurement is what a child process reports to its parent.
type measurement struct {
	Corpus      string        `json:"corpus"`
	Variant     string        `json:"variant"`
	Packages    int           `json:"packages"`    // root packages loaded
	Diagnostics int           `json:"diagnostics"` // reported on the roots
	Wall        time.Duration `json:"wall"`        // loading and analysis
	CPU         time.Duration `json:"cpu"`         // user and system, less go list's
	PeakRSS     int64         `json:"peak_rss"`    // bytes
}

func newPlan(corpora, variants string, runs int) (*plan, error) {
	if runs < 1 {
		return nil, fmt.Errorf("-runs=%d: want at least 1", runs)
	}
	names, err := parseList(corpora, allCorpora, "corpus")
	if err != nil {
		return nil, err
	}
	p := &plan{runs: runs}
	for _, name := range names {
		c, err := findCorpus(name)
		if err != nil {
			return nil, err
		}
		p.corpora = append(p.corpora, c)
	}
	if p.variants, err = parseList(variants, allVariants, "variant"); err != nil {
		return nil, err
	}
	return p, nil
}

// run makes the plan's measurements, each in a child process, alternating
// the variants within each run, and logs each one to progress.
func (p *plan) run(progress io.Writer) ([]measurement, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	var all []measurement
	for _, c := range p.corpora {
		if err := warmUp(c); err != nil {
			return nil, err
		}
		for i := range p.runs {
			for _, v := range p.variants {
				m, err := measureInChild(self, v, c.name)
				if err != nil {
					return nil, fmt.Errorf("%s on %s, run %d: %v", v, c.name, i+1, err)
				}
				fmt.Fprintf(progress, "%s run %d/%d: %-11s %5d packages, wall %8s, CPU %8s, peak RSS %9s, %d diagnostics\n",
					c.name, i+1, p.runs, v, m.Packages, formatSeconds(m.Wall), formatSeconds(m.CPU), formatRSS(m.PeakRSS), m.Diagnostics)
				all = append(all, m)
			}
		}
	}
	return all, nil
}

// warmUp lists the packages of c as the children will, so that the first
// child does not pay alone for a cold build cache (cgo processing of the
// compiled files) and cold source files.
func warmUp(c corpus) error {
	cfg := &packages.Config{
		Mode:  packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports | packages.NeedDeps,
		Dir:   c.dir,
		Tests: true,
	}
	if _, err := packages.Load(cfg, c.patterns...); err != nil {
		return fmt.Errorf("listing %s: %v", c.name, err)
	}
	return nil
}

// measureInChild runs the command itself to measure variant on corpus in
// a process of its own, whose peak RSS is then the variant's alone.
func measureInChild(self, variant, corpus string) (measurement, error) {
	cmd := exec.Command(self, "-"+childFlag, "-variants="+variant, "-corpus="+corpus)
	cmd.Stderr = os.Stderr // load errors, listed by the child
	out, err := cmd.Output()
	if err != nil {
		return measurement{}, err
	}
	var m measurement
	if err := json.Unmarshal(out, &m); err != nil {
		return measurement{}, fmt.Errorf("reading the child's report: %v", err)
	}
	if m.Variant != variant || m.Corpus != corpus {
		return measurement{}, errors.New("the child measured something else")
	}
	return m, nil
}
