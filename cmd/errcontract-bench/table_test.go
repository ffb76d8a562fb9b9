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

// m is a measurement of variant on the corpus std, of 10 packages.
func m(variant string, diags int, wall, cpu time.Duration, rssMiB int64) measurement {
	return measurement{Corpus: "std", Variant: variant, Packages: 10, Diagnostics: diags,
		Wall: wall * time.Second, CPU: cpu * time.Second, PeakRSS: rssMiB << 20}
}

func TestSummarize(t *testing.T) {
	// Alternating, as the plan makes them; errcontract's second run is an
	// outlier that the median discards. Each vet variant is divided by the
	// vet floor of its temperature, the others by the floor.
	rows, err := summarize([]measurement{
		m("floor", 0, 10, 20, 1000), m("driver-floor", 0, 10, 20, 1100), m("errcontract", 4, 11, 21, 1200), m("standard", 4, 40, 80, 5000),
		m("vet-floor-cold", 0, 20, 40, 100), m("vet-cold", 4, 30, 50, 150), m("vet-floor-warm", 0, 2, 1, 50), m("vet-warm", 4, 3, 2, 50),
		m("floor", 0, 12, 20, 1000), m("driver-floor", 0, 14, 22, 1100), m("errcontract", 4, 60, 90, 1200), m("standard", 4, 44, 84, 5000),
		m("vet-floor-cold", 0, 20, 40, 100), m("vet-cold", 4, 30, 50, 150), m("vet-floor-warm", 0, 2, 1, 50), m("vet-warm", 4, 3, 2, 50),
		m("floor", 0, 11, 20, 1000), m("driver-floor", 0, 11, 21, 1100), m("errcontract", 4, 12, 22, 1250), m("standard", 4, 42, 82, 5200),
		m("vet-floor-cold", 0, 20, 40, 100), m("vet-cold", 4, 30, 50, 150), m("vet-floor-warm", 0, 2, 1, 50), m("vet-warm", 4, 3, 2, 50),
	})
	if err != nil {
		t.Fatal(err)
	}
	got := formatTable("linux/amd64, 2 CPUs, go1.26", 3, rows)
	want := `linux/amd64, 2 CPUs, go1.26; medians of 3 runs of each variant, alternating

| corpus | packages | variant | diagnostics | wall | CPU | peak RSS | floor | wall / floor | CPU / floor | peak RSS / floor |
|---|--:|---|--:|--:|--:|--:|---|--:|--:|--:|
| std | 10 | floor | 0 | 11.00 s | 20.00 s | 1000 MiB | floor | 1.00 | 1.00 | 1.00 |
| std | 10 | driver-floor | 0 | 11.00 s | 21.00 s | 1100 MiB | floor | 1.00 | 1.05 | 1.10 |
| std | 10 | errcontract | 4 | 12.00 s | 22.00 s | 1200 MiB | floor | 1.09 | 1.10 | 1.20 |
| std | 10 | standard | 4 | 42.00 s | 82.00 s | 5000 MiB | floor | 3.82 | 4.10 | 5.00 |
| std | 10 | vet-floor-cold | 0 | 20.00 s | 40.00 s | 100 MiB | vet-floor-cold | 1.00 | 1.00 | 1.00 |
| std | 10 | vet-cold | 4 | 30.00 s | 50.00 s | 150 MiB | vet-floor-cold | 1.50 | 1.25 | 1.50 |
| std | 10 | vet-floor-warm | 0 | 2.00 s | 1.00 s | 50 MiB | vet-floor-warm | 1.00 | 1.00 | 1.00 |
| std | 10 | vet-warm | 4 | 3.00 s | 2.00 s | 50 MiB | vet-floor-warm | 1.50 | 2.00 | 1.00 |
`
	if got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
}

func TestSummarizeWithoutFloor(t *testing.T) {
	// The cold vet floor is measured, but it is not the warm variant's.
	rows, err := summarize([]measurement{m("vet-floor-cold", 0, 2, 4, 100), m("vet-warm", 3, 1, 2, 1024)})
	if err != nil {
		t.Fatal(err)
	}
	got := formatTable("m", 1, rows)
	if !strings.HasPrefix(got, "m; one run of each variant\n") {
		t.Errorf("the first line of the table of one run:\n%s", got)
	}
	if !strings.HasSuffix(got, "| std | 10 | vet-warm | 3 | 1.00 s | 2.00 s | 1024 MiB | n/a | n/a | n/a | n/a |\n") {
		t.Errorf("table without the variant's floor:\n%s", got)
	}
}

func TestSummarizeRejectsDifferentDiagnostics(t *testing.T) {
	_, err := summarize([]measurement{m("floor", 0, 1, 1, 1), m("vet-cold", 5, 1, 1, 1), m("vet-cold", 4, 1, 1, 1)})
	if err == nil || err.Error() != "vet-cold reported 5 diagnostics on std in one run and 4 in another" {
		t.Errorf("summarize = %v, want an error naming the mismatch", err)
	}
}

func TestParseVariants(t *testing.T) {
	for _, tc := range []struct{ list, want string }{
		{" vet-warm,floor,,vet-warm ", "vet-warm,floor"},
		{defaultVariants, "floor,errcontract,standard"},
		{"floor,all", "floor,driver-floor,errcontract,standard,vet-floor-cold,vet-cold,vet-floor-warm,vet-warm"},
	} {
		vs, err := parseVariants(tc.list)
		var names []string
		for _, v := range vs {
			names = append(names, v.name)
		}
		if got := strings.Join(names, ","); err != nil || got != tc.want {
			t.Errorf("parseVariants(%q) = %s, %v; want %s", tc.list, got, err, tc.want)
		}
	}
	const valid = "(valid: floor, driver-floor, errcontract, standard, vet-floor-cold, vet-cold, vet-floor-warm, vet-warm, or all)"
	for _, tc := range []struct{ list, want string }{
		{"floor,ssa", `unknown variant "ssa" ` + valid},
		{",", `no variant in "," ` + valid},
	} {
		if _, err := parseVariants(tc.list); err == nil || err.Error() != tc.want {
			t.Errorf("parseVariants(%q) = %v, want %q", tc.list, err, tc.want)
		}
	}
}

// Every variant runs a tool there is, and is divided by a floor that is
// a variant of singlechecker or go vet, of the same temperature, that
// runs the floor tool.
func TestVariants(t *testing.T) {
	for _, v := range variants {
		if tools[v.tool] == nil {
			t.Errorf("%s runs the tool %q, which is not one", v.name, v.tool)
		}
		f, ok := findVariant(v.floor)
		if !ok || f.tool != "floor" || f.vet != v.vet || f.floor != f.name {
			t.Errorf("%s is divided by %q, which is not the floor of its driver", v.name, v.floor)
		}
	}
}
