package main

import (
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"slices"
	"time"
)

// A plan is the measurements of one run of the benchmark.
type plan struct {
	corpora  []corpus
	variants []variant
	runs     int
	self     string // the executable, which every child runs as its tool
	// warmNonce is the nonce of every warm run under go vet: the first
	// fills go vet's cache of results, the others hit it.
	warmNonce string
}

// A measurement is what one child cost.
type measurement struct {
	Corpus, Variant string
	Packages        int // that the corpus's patterns match
	Diagnostics     int // distinct, in the child's JSON
	Wall            time.Duration
	CPU             time.Duration // user and system, of the child's whole tree
	PeakRSS         int64         // bytes, the largest of any one process
}

func newPlan(corpora, variants string, runs int) (*plan, error) {
	if runs < 1 {
		return nil, fmt.Errorf("-runs=%d: want at least 1", runs)
	}
	p := &plan{runs: runs, warmNonce: "warm" + rand.Text()}
	var err error
	if p.variants, err = parseVariants(variants); err != nil {
		return nil, err
	}
	if p.corpora, err = parseCorpora(corpora); err != nil {
		return nil, err
	}
	if p.self, err = os.Executable(); err != nil {
		return nil, err
	}
	return p, nil
}

// run makes the plan's measurements, corpus by corpus, alternating the
// variants within each run, and logs each one to progress.
func (p *plan) run(progress io.Writer) ([]measurement, error) {
	var all []measurement
	for _, c := range p.corpora {
		ms, err := p.measureCorpus(c, progress)
		if err != nil {
			return nil, err
		}
		all = append(all, ms...)
	}
	return all, nil
}

func (p *plan) measureCorpus(c corpus, progress io.Writer) ([]measurement, error) {
	n, err := countPackages(c)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(progress, "%s: %d packages; warming up\n", c.name, n)
	if err := p.warmUp(c); err != nil {
		return nil, err
	}
	var ms []measurement
	for i := range p.runs {
		for _, v := range p.variants {
			m, err := p.measure(c, v)
			if err != nil {
				return nil, fmt.Errorf("%s on %s, run %d: %v", v.name, c.name, i+1, err)
			}
			m.Packages = n
			fmt.Fprintf(progress, "%s run %d/%d: %-14s wall %8s, CPU %8s, peak RSS %9s, %d diagnostics\n",
				c.name, i+1, p.runs, v.name, formatSeconds(m.Wall), formatSeconds(m.CPU), formatRSS(m.PeakRSS), m.Diagnostics)
			ms = append(ms, m)
		}
	}
	return ms, nil
}

// warmUp runs, unmeasured, what leaves the first measurement of c no
// more work than the next ones: the floor, for which the go command
// compiles the export data of every dependency into the build cache, and
// under go vet each warm variant, which fills go vet's cache of results
// under the warm nonce, or else once the cold vet floor, for what go vet
// compiles besides.
func (p *plan) warmUp(c corpus) error {
	steps := []string{"floor"}
	for _, v := range p.variants {
		if v.vet == warm {
			steps = append(steps, v.name)
		}
	}
	if len(steps) == 1 && slices.ContainsFunc(p.variants, func(v variant) bool { return v.vet == cold }) {
		steps = append(steps, "vet-floor-cold")
	}
	for _, name := range steps {
		v, _ := findVariant(name)
		if _, err := p.measure(c, v); err != nil {
			return fmt.Errorf("warming up %s with %s: %v", c.name, name, err)
		}
	}
	return nil
}

// measure runs v on c in a child process and returns what it cost.
func (p *plan) measure(c corpus, v variant) (measurement, error) {
	nonce := p.warmNonce
	if v.vet == cold {
		nonce = "cold" + rand.Text() // a version go vet has no results for
	}
	m, err := runChild(command(p.self, c, v, nonce))
	m.Corpus, m.Variant = c.name, v.name
	return m, err
}
