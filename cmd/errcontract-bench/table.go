package main

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"
)

// A row is one line of the table: the medians of a variant on a corpus.
type row struct {
	corpus, variant       string
	packages, diagnostics int
	wall, cpu             time.Duration
	peakRSS               int64
	floor                 *row // the variant's floor on the same corpus, if measured
}

// machine describes the machine the measurements are made on, and how
// busy it is when they start.
func machine() string {
	desc := fmt.Sprintf("%s/%s, %d CPUs", runtime.GOOS, runtime.GOARCH, runtime.NumCPU())
	if model := cpuModel(); model != "" {
		desc += " (" + model + ")"
	}
	desc += ", " + runtime.Version()
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		desc += ", load average " + strings.Fields(string(load))[0] + " at start"
	}
	return desc
}

// cpuModel returns the processor's name where the system says it, as on
// Linux.
func cpuModel() string {
	info, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	for line := range strings.Lines(string(info)) {
		if key, value, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(key) == "model name" {
			return strings.Join(strings.Fields(value), " ")
		}
	}
	return ""
}

// summarize groups the measurements by corpus and variant, in the order
// they were made, takes the medians of each group, and gives each row the
// row of its variant's floor.
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
	byKey := make(map[key]*row)
	for _, k := range order {
		r, err := median(groups[k])
		if err != nil {
			return nil, err
		}
		rows = append(rows, r)
		byKey[k] = r
	}
	for _, r := range rows {
		v, ok := findVariant(r.variant)
		if !ok {
			return nil, fmt.Errorf("unknown variant %q", r.variant)
		}
		r.floor = byKey[key{r.corpus, v.floor}]
	}
	return rows, nil
}

// median returns the row of the medians of ms, measurements of one
// variant on one corpus, which must all have reported the same number of
// diagnostics: the tools are deterministic, and a cached result is the
// result it replays.
func median(ms []measurement) (*row, error) {
	r := &row{corpus: ms[0].Corpus, variant: ms[0].Variant, packages: ms[0].Packages, diagnostics: ms[0].Diagnostics}
	var walls, cpus, rss []float64
	for _, m := range ms {
		if m.Diagnostics != r.diagnostics {
			return nil, fmt.Errorf("%s reported %d diagnostics on %s in one run and %d in another", r.variant, r.diagnostics, r.corpus, m.Diagnostics)
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
	if runs == 1 {
		fmt.Fprintf(&b, "%s; one run of each variant\n\n", machine)
	} else {
		fmt.Fprintf(&b, "%s; medians of %d runs of each variant, alternating\n\n", machine, runs)
	}
	b.WriteString("| corpus | packages | variant | diagnostics | wall | CPU | peak RSS | floor | wall / floor | CPU / floor | peak RSS / floor |\n")
	b.WriteString("|---|--:|---|--:|--:|--:|--:|---|--:|--:|--:|\n")
	for _, r := range rows {
		floor := "n/a"
		if r.floor != nil {
			floor = r.floor.variant
		}
		fmt.Fprintf(&b, "| %s | %d | %s | %d | %s | %s | %s | %s | %s | %s | %s |\n",
			r.corpus, r.packages, r.variant, r.diagnostics, formatSeconds(r.wall), formatSeconds(r.cpu), formatRSS(r.peakRSS), floor,
			r.ratio(func(r *row) float64 { return float64(r.wall) }),
			r.ratio(func(r *row) float64 { return float64(r.cpu) }),
			r.ratio(func(r *row) float64 { return float64(r.peakRSS) }))
	}
	return b.String()
}

// ratio formats the ratio of r's value of a quantity to its floor's.
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
