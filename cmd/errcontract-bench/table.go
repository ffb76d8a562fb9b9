package main

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"time"
)

// A row is one line of the table: the medians of a variant on a corpus.
type row struct {
	corpus, variant string
	packages        int
	wall, cpu       time.Duration
	peakRSS         int64
	floor           *row // of the same corpus, if the floor was measured
}

// machine describes the machine the measurements were made on.
func machine() string {
	return fmt.Sprintf("%s/%s, %d CPUs, %s", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
}

// summarize groups the measurements by corpus and variant, in the order
// they were made, and takes the medians of each group.
func summarize(ms []measurement) ([]*row, error) {
	type key struct{ corpus, variant string }
	var order []key
	groups := make(map[key][]measurement)
	for _, m := range ms {
		k := key{m.Corpus, m.Variant}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], m)
	}
	var rows []*row
	floors := make(map[string]*row)
	for _, k := range order {
		r, err := median(groups[k])
		if err != nil {
			return nil, err
		}
		if f := floors[r.corpus]; f != nil && f.packages != r.packages {
			return nil, fmt.Errorf("%s loaded %d packages of %s, floor %d", r.variant, r.packages, r.corpus, f.packages)
		}
		if r.variant == "floor" {
			floors[r.corpus] = r
		}
		rows = append(rows, r)
	}
	for _, r := range rows {
		r.floor = floors[r.corpus]
	}
	return rows, nil
}

// median returns the row of the medians of ms, measurements of one
// variant on one corpus, which must all have loaded the same packages.
func median(ms []measurement) (*row, error) {
	r := &row{corpus: ms[0].Corpus, variant: ms[0].Variant, packages: ms[0].Packages}
	var walls, cpus, rss []float64
	for _, m := range ms {
		if m.Packages != r.packages {
			return nil, fmt.Errorf("%s loaded %d packages of %s in one run and %d in another", r.variant, r.packages, r.corpus, m.Packages)
		}
		walls = append(walls, float64(m.Wall))
		cpus = append(cpus, float64(m.CPU))
		rss = append(rss, float64(m.PeakRSS))
	}
	r.wall = time.Duration(medianOf(walls))
	r.cpu = time.Duration(medianOf(cpus))
	r.peakRSS = int64(medianOf(rss))
	return r, nil
}

// medianOf returns the median of xs, the mean of the middle two if their
// number is even.
func medianOf(xs []float64) float64 {
	s := slices.Sorted(slices.Values(xs))
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// formatTable returns the rows as a Markdown table, after a line that
// says where and how they were measured.
func formatTable(machine string, runs int, rows []*row) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s; medians of %d runs of each variant, alternating\n\n", machine, runs)
	b.WriteString("| corpus | packages | variant | wall | CPU | peak RSS | wall / floor | CPU / floor | peak RSS / floor |\n")
	b.WriteString("|---|--:|---|--:|--:|--:|--:|--:|--:|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s | %s | %s | %s |\n",
			r.corpus, r.packages, r.variant, formatSeconds(r.wall), formatSeconds(r.cpu), formatRSS(r.peakRSS),
			r.ratio(func(r *row) float64 { return float64(r.wall) }),
			r.ratio(func(r *row) float64 { return float64(r.cpu) }),
			r.ratio(func(r *row) float64 { return float64(r.peakRSS) }))
	}
	return b.String()
}

// ratio formats the ratio of r's value of a quantity to the floor's.
func (r *row) ratio(quantity func(*row) float64) string {
	if r.floor == nil || quantity(r.floor) == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", quantity(r)/quantity(r.floor))
}

func formatSeconds(d time.Duration) string {
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func formatRSS(bytes int64) string {
	return fmt.Sprintf("%d MiB", bytes>>20)
}
