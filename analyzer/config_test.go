package analyzer

import (
	"flag"
	"io"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

func TestConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		want string // a substring of the error, or "" for none
	}{
		{"default", DefaultConfig(), ""},
		{"zero value", Config{}, ""},
		{"every preset", Config{Contract: "problem"}, ""},
		{"unknown preset", Config{Contract: "graphql"}, `unknown contract "graphql" (valid: contensis, contentful, jsonapi, management, problem)`},
		{"status too low", Config{Statuses: []int{99}}, "status 99 is out of range (valid: 100 to 599)"},
		{"status too high", Config{Statuses: []int{404, 600}}, "status 600 is out of range"},
		{"unknown rule", Config{Disable: []string{"leaks"}}, `unknown rule "leaks" (valid: raw-http-error, undocumented-status, error-leak, missing-return, unused-documented-status)`},
		{"known rules", Config{Disable: []string{ruleErrorLeak, ruleRawHTTPError}}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.cfg.Validate()
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("Validate() = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestFlags(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		want    Config
		wantErr string
	}{
		{args: nil, want: DefaultConfig()},
		{args: []string{"-contract=jsonapi"}, want: Config{Contract: "jsonapi", Constructors: DefaultConstructors}},
		{args: []string{"-statuses", "200, 404,500"}, want: Config{Contract: "contentful", Statuses: []int{200, 404, 500}, Constructors: DefaultConstructors}},
		{args: []string{"-disable=error-leak,raw-http-error"}, want: Config{Contract: "contentful", Disable: []string{"error-leak", "raw-http-error"}, Constructors: DefaultConstructors}},
		{args: []string{"-constructors=example.com/errs"}, want: Config{Contract: "contentful", Constructors: "example.com/errs"}},
		{args: []string{"-contract=soap"}, wantErr: `unknown contract "soap" (valid: contensis, contentful, jsonapi, management, problem)`},
		{args: []string{"-statuses=404,abc"}, wantErr: `status "abc" is not a number (valid: 100 to 599)`},
		{args: []string{"-statuses=1000"}, wantErr: "status 1000 is out of range (valid: 100 to 599)"},
		{args: []string{"-statuses=,"}, wantErr: "no statuses"},
		{args: []string{"-disable=error-leak,typo"}, wantErr: `unknown rule "typo"`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got := DefaultConfig()
			fs := flag.NewFlagSet("errcontract", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			got.bindFlags(fs)
			err := fs.Parse(tc.args)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Parse(%q) = %v, want an error containing %q", tc.args, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.args, err)
			}
			if got.Contract != tc.want.Contract || !slices.Equal(got.Statuses, tc.want.Statuses) ||
				!slices.Equal(got.Disable, tc.want.Disable) || got.Constructors != tc.want.Constructors {
				t.Fatalf("Parse(%q) set %+v, want %+v", tc.args, got, tc.want)
			}
		})
	}
}

// TestFlagsBindToTheirAnalyzer checks that each analyzer owns its flags:
// setting -contract on one changes what it reports and not the other's.
func TestFlagsBindToTheirAnalyzer(t *testing.T) {
	jsonapi, defaults := New(DefaultConfig()), New(DefaultConfig())
	if err := jsonapi.Flags.Parse([]string{"-contract=jsonapi", "-disable=raw-http-error,error-leak"}); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, testdata(t), jsonapi, "jsonapistatus")
	// The package's expectations are jsonapi's, so the default analyzer
	// fails them: record those failures instead of failing the test.
	results := analysistest.Run(new(discardErrors), testdata(t), defaults, "jsonapistatus")
	for _, d := range results[0].Diagnostics {
		if strings.Contains(d.Message, "jsonapi") {
			t.Errorf("default analyzer reported %q", d.Message)
		}
	}
	if len(results[0].Diagnostics) == 0 {
		t.Error("default analyzer reported nothing: 415 is undocumented under contentful")
	}
}

// discardErrors is an analysistest.Testing that ignores failures.
type discardErrors struct{}

func (discardErrors) Errorf(string, ...any) {}
