package main

import (
	"strings"
	"testing"
	"time"
)

func TestMedianOf(t *testing.T) {
	for _, tc := range []struct {
		xs   []float64
		want float64
	}{
		{[]float64{3}, 3},
		{[]float64{5, 1, 3}, 3},
		{[]float64{4, 1, 3, 2}, 2.5},
		{[]float64{9, 1, 8, 2, 7}, 7},
	} {
		if got := medianOf(tc.xs); got != tc.want {
			t.Errorf("medianOf(%v) = %v, want %v", tc.xs, got, tc.want)
		}
	}
}

func TestSummarize(t *testing.T) {
	const mib = 1 << 20
	m := func(variant string, wall, cpu time.Duration, rss int64) measurement {
		return measurement{Corpus: "std", Variant: variant, Packages: 10, Wall: wall * time.Second, CPU: cpu * time.Second, PeakRSS: rss * mib}
	}
	// Alternating, as the plan makes them; errcontract's second run is an
	// outlier that the median discards.
	rows, err := summarize([]measurement{
		m("floor", 10, 20, 1000), m("errcontract", 11, 21, 1200), m("ssa", 24, 48, 2900),
		m("floor", 12, 20, 1000), m("errcontract", 60, 90, 1200), m("ssa", 24, 50, 2900),
		m("floor", 11, 20, 1000), m("errcontract", 12, 22, 1250), m("ssa", 22, 46, 2900),
	})
	if err != nil {
		t.Fatal(err)
	}
	got := formatTable("linux/amd64, 2 CPUs, go1.26", 3, rows)
	want := `linux/amd64, 2 CPUs, go1.26; medians of 3 runs of each variant, alternating

| corpus | packages | variant | wall | CPU | peak RSS | wall / floor | CPU / floor | peak RSS / floor |
|---|--:|---|--:|--:|--:|--:|--:|--:|
| std | 10 | floor | 11.00 s | 20.00 s | 1000 MiB | 1.00 | 1.00 | 1.00 |
| std | 10 | errcontract | 12.00 s | 22.00 s | 1200 MiB | 1.09 | 1.10 | 1.20 |
| std | 10 | ssa | 24.00 s | 48.00 s | 2900 MiB | 2.18 | 2.40 | 2.90 |
`
	if got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
}

func TestSummarizeWithoutFloor(t *testing.T) {
	rows, err := summarize([]measurement{{Corpus: "cmd", Variant: "ssa", Packages: 3, Wall: time.Second, CPU: 2 * time.Second, PeakRSS: 1 << 30}})
	if err != nil {
		t.Fatal(err)
	}
	if got := formatTable("m", 1, rows); !strings.HasSuffix(got, "| cmd | 3 | ssa | 1.00 s | 2.00 s | 1024 MiB | n/a | n/a | n/a |\n") {
		t.Errorf("table without a floor:\n%s", got)
	}
}

func TestSummarizeRejectsDifferentPackages(t *testing.T) {
	_, err := summarize([]measurement{
		{Corpus: "std", Variant: "floor", Packages: 10},
		{Corpus: "std", Variant: "errcontract", Packages: 9},
	})
	if err == nil || !strings.Contains(err.Error(), "errcontract loaded 9 packages of std, floor 10") {
		t.Errorf("summarize = %v, want an error naming the mismatch", err)
	}
}

func TestParseList(t *testing.T) {
	got, err := parseList(" ssa,floor,,ssa ", allVariants, "variant")
	if err != nil || strings.Join(got, ",") != "ssa,floor" {
		t.Errorf("parseList = %v, %v; want [ssa floor]", got, err)
	}
	for _, tc := range []struct{ list, want string }{
		{"floor,vet", `unknown variant "vet" (valid: floor, errcontract, ssa, facts)`},
		{",", `no variant in "," (valid: floor, errcontract, ssa, facts)`},
	} {
		if _, err := parseList(tc.list, allVariants, "variant"); err == nil || err.Error() != tc.want {
			t.Errorf("parseList(%q) = %v, want %q", tc.list, err, tc.want)
		}
	}
}

func TestNewVariant(t *testing.T) {
	for name := range strings.SplitSeq(allVariants, ",") {
		a, err := newVariant(name)
		if err != nil {
			t.Fatalf("newVariant(%q): %v", name, err)
		}
		if a.Name != name {
			t.Errorf("newVariant(%q).Name = %q", name, a.Name)
		}
	}
	if _, err := newVariant("nilness"); err == nil {
		t.Error("newVariant(nilness) succeeded")
	}
}
