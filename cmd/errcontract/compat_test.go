package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// integrationEnv turns on the slow end-to-end comparisons, as CI does.
const integrationEnv = "ERRCONTRACT_INTEGRATION"

// TestSameAsSinglechecker runs the command and errcontract built with the
// standard driver on the demo and on the framework corpus, and requires
// the same output and exit code for the text and JSON modes and the same
// files after -fix: loading dependencies from export data changes the
// cost, not the results, where canonical packages and helpers live in the
// main module. By default it compares the text mode on the demo and
// -fix, with -short the text mode alone; the other modes and the
// framework corpus run with ERRCONTRACT_INTEGRATION set.
func TestSameAsSinglechecker(t *testing.T) {
	t.Parallel()
	reference := filepath.Join(t.TempDir(), "singlechecker")
	if out, err := exec.Command("go", "build", "-o", reference, "./testdata/singlechecker").CombinedOutput(); err != nil {
		t.Fatalf("building the reference: %v\n%s", err, out)
	}
	type corpus struct {
		dir, pattern string
		modes        [][]string
	}
	demoModes := [][]string{{}, {"-json"}, {"-c=1"}, {"-test=false"}}
	// Each mode runs both drivers on the whole demo. The text mode is
	// always compared, and -fix too unless -short; the other modes and
	// the framework corpus, where the standard driver checks gin's,
	// echo's and fiber's dependencies from source (minutes on two cores),
	// run with the slow suites, under ERRCONTRACT_INTEGRATION, as CI
	// runs them.
	slow := os.Getenv(integrationEnv) != "" && !testing.Short()
	if !slow {
		demoModes = demoModes[:1]
	}
	cases := []corpus{{root, "./testdata/demo/...", demoModes}}
	if slow {
		cases = append(cases, corpus{filepath.Join(root, "testdata", "frameworks"), "./...", [][]string{{}, {"-json"}}})
	}
	for _, tc := range cases {
		for _, args := range tc.modes {
			args := append(args, tc.pattern)
			got, gotCode := run(t, tc.dir, binary, args...)
			want, wantCode := run(t, tc.dir, reference, args...)
			if got != want || gotCode != wantCode {
				t.Errorf("errcontract %v in %s: exit %d\n%s\nthe standard driver: exit %d\n%s", args, tc.dir, gotCode, got, wantCode, want)
			}
			if len(got) < 100 {
				t.Errorf("errcontract %v in %s reported almost nothing:\n%s", args, tc.dir, got)
			}
		}
	}

	if testing.Short() {
		return
	}
	fixed, fixedByReference := copyDemo(t), copyDemo(t)
	if out, code := run(t, fixed, binary, "-fix", "./..."); code != 0 {
		t.Fatalf("errcontract -fix: exit %d\n%s", code, out)
	}
	if out, code := run(t, fixedByReference, reference, "-fix", "./..."); code != 0 {
		t.Fatalf("the standard driver's -fix: exit %d\n%s", code, out)
	}
	got, want := relativeTree(t, fixed), relativeTree(t, fixedByReference)
	for name, content := range want {
		if got[name] != content {
			t.Errorf("after -fix, %s differs from the standard driver's:\n%s\nwant:\n%s", name, got[name], content)
		}
	}
	if len(got) != len(want) {
		t.Errorf("after -fix: %d files, the standard driver's %d", len(got), len(want))
	}
}

// relativeTree returns readTree(dir) keyed by paths relative to dir.
func relativeTree(t *testing.T, dir string) map[string]string {
	files := make(map[string]string)
	for path, content := range readTree(t, dir) {
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			t.Fatal(err)
		}
		files[rel] = content
	}
	return files
}
