package initcmd

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestMain turns go.work off for the go command that init runs, as a
// user's module without one has it. Setting it once, before any test,
// lets the tests run in parallel, which t.Setenv forbids.
func TestMain(m *testing.M) {
	os.Setenv("GOWORK", "off")
	os.Exit(m.Run())
}

// TestGolden runs init on the demo and on the notes service and compares
// what it prints and the file it writes with golden files. A second run
// on the unchanged tree must write the same file.
func TestGolden(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, dir string
		patterns  []string
	}{
		{"demo", filepath.Join("..", ".."), []string{"./testdata/demo/..."}},
		{"notes", filepath.Join("..", "..", "testdata", "notes"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // GOWORK is off for the whole test binary: see TestMain
			out := filepath.Join(t.TempDir(), "errcontract.yaml")
			args := append([]string{"-C", tc.dir, "-o", out}, tc.patterns...)
			report := runInit(t, args, 0)
			first, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.ReplaceAll(report, out, "errcontract.yaml") + "-- errcontract.yaml --\n" + string(first)
			golden := filepath.Join("testdata", tc.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("init differs from %s (run go test -update to accept):\n%s", golden, got)
			}

			// Without -force the file is kept; with it, rewritten the same.
			if msg := runInit(t, args, 1); !strings.Contains(msg, "exists: rerun with -force to overwrite it") {
				t.Errorf("second run without -force: %q, want a refusal", msg)
			}
			runInit(t, append([]string{"-force"}, args...), 0)
			second, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first, second) {
				t.Errorf("a second run wrote another file:\n%s\nthe first:\n%s", second, first)
			}
			if tc.name == "notes" {
				// The notes service uses init's file, unedited.
				used, err := os.ReadFile(filepath.Join(tc.dir, "errcontract.yaml"))
				if err != nil || !bytes.Equal(used, first) {
					t.Errorf("the notes service's errcontract.yaml (%v) is not what init writes:\n%s", err, first)
				}
			}
		})
	}
}

func TestUsage(t *testing.T) {
	t.Parallel()
	if msg := runInit(t, []string{"-bogus"}, 2); !strings.Contains(msg, "usage: errcontract init") {
		t.Errorf("bad flag: %q, want the usage", msg)
	}
}

// runInit runs init with args, requires the exit status want, and returns
// what it printed.
func runInit(t *testing.T, args []string, want int) string {
	t.Helper()
	var out bytes.Buffer
	if code := Run(args, &out, &out); code != want {
		t.Fatalf("init %s: exit status %d, want %d\n%s", strings.Join(args, " "), code, want, out.String())
	}
	return out.String()
}
