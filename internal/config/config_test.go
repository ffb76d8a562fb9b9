package config

import (
	"flag"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  Config
		want string // a substring of the error, or "" for none
	}{
		{"default", Default(), ""},
		{"zero value", Config{}, ""},
		{"every preset", Config{Contract: "problem"}, ""},
		{"unknown preset", Config{Contract: "graphql"}, `unknown contract "graphql" (valid: contensis, contentful, jsonapi, management, problem)`},
		{"status too low", Config{Statuses: []int{99}}, "status 99 is out of range (valid: 100 to 599)"},
		{"status too high", Config{Statuses: []int{404, 600}}, "status 600 is out of range"},
		{"unknown rule", Config{Disable: []string{"leaks"}}, `unknown rule "leaks" (valid: raw-http-error, undocumented-status, error-leak, missing-return, superfluous-write, unused-documented-status, openapi-route)`},
		{"unknown enabled rule", Config{Enable: []string{"leaks"}}, `unknown rule "leaks"`},
		{"known rules", Config{Disable: []string{ErrorLeak, RawHTTPError}}, ""},
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

// TestResolve checks the layers: settings over the file over the defaults.
func TestResolve(t *testing.T) {
	file := func(src string) *File {
		f, problems := Parse(FileName, FileName, []byte(src))
		if problems != nil {
			t.Fatal(problems)
		}
		return f
	}
	yes := true
	for _, tc := range []struct {
		name     string
		cfg      Config
		file     *File
		contract string
		statuses string
		tests    bool
		disabled []string
		codes404 []string
	}{
		{name: "defaults", contract: "the contentful contract", statuses: "400 401 403 404 409 422 429 500 502",
			disabled: []string{UnusedDocumentedStatus}, codes404: []string{"NotFoundError"}},
		{name: "file preset", file: file("contract: management\n"), contract: "the management contract",
			statuses: "200 201 400 401 403 404 409 429 500", disabled: []string{UnusedDocumentedStatus}, codes404: []string{"not_found", "resource_not_found"}},
		{name: "file contract", file: file("contract: {statuses: [404, 500], codes: {404: [missing]}}\n"), contract: "the errcontract.yaml contract",
			statuses: "404 500", disabled: []string{UnusedDocumentedStatus}, codes404: []string{"missing"}},
		{name: "flag over file", cfg: Config{Contract: "jsonapi"}, file: file("contract: management\n"), contract: "the jsonapi contract",
			statuses: "200 201 400 401 403 404 405 409 415 422 500", disabled: []string{UnusedDocumentedStatus}},
		{name: "statuses over file", cfg: Config{Statuses: []int{404}}, file: file("contract: management\n"), contract: "the configured statuses",
			statuses: "404", disabled: []string{UnusedDocumentedStatus}},
		{name: "file rules and tests", file: file("disable: [error-leak]\nenable: [unused-documented-status]\ntests: true\n"),
			contract: "the contentful contract", statuses: "400 401 403 404 409 422 429 500 502", tests: true,
			disabled: []string{ErrorLeak}, codes404: []string{"NotFoundError"}},
		{name: "settings over file rules", cfg: Config{Disable: []string{}, Tests: new(bool)}, file: file("disable: [error-leak]\ntests: true\n"),
			contract: "the contentful contract", statuses: "400 401 403 404 409 422 429 500 502",
			disabled: []string{UnusedDocumentedStatus}, codes404: []string{"NotFoundError"}},
		{name: "tests setting", cfg: Config{Tests: &yes}, contract: "the contentful contract", statuses: "400 401 403 404 409 422 429 500 502", tests: true,
			disabled: []string{UnusedDocumentedStatus}, codes404: []string{"NotFoundError"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Resolve(tc.cfg, tc.file)
			if err != nil {
				t.Fatal(err)
			}
			var disabled []string
			for _, rule := range Rules() {
				if r.Disabled[rule] {
					disabled = append(disabled, rule)
				}
			}
			if r.Contract != tc.contract || r.Documented.String() != tc.statuses || r.Tests != tc.tests ||
				!slices.Equal(disabled, tc.disabled) || !slices.Equal(r.Codes[404], tc.codes404) {
				t.Errorf("Resolve = %s (%s), tests %v, disabled %v, 404 codes %v;\nwant %s (%s), tests %v, disabled %v, 404 codes %v",
					r.Contract, r.Documented, r.Tests, disabled, r.Codes[404], tc.contract, tc.statuses, tc.tests, tc.disabled, tc.codes404)
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
		{args: nil, want: Default()},
		{args: []string{"-contract=jsonapi"}, want: Config{Contract: "jsonapi", Constructors: DefaultConstructors}},
		{args: []string{"-statuses", "200, 404,500"}, want: Config{Statuses: []int{200, 404, 500}, Constructors: DefaultConstructors}},
		{args: []string{"-disable=error-leak,raw-http-error"}, want: Config{Disable: []string{"error-leak", "raw-http-error"}, Constructors: DefaultConstructors}},
		{args: []string{"-constructors=example.com/errs"}, want: Config{Constructors: "example.com/errs"}},
		{args: []string{"-config=ci/errcontract.yaml"}, want: Config{Constructors: DefaultConstructors, File: "ci/errcontract.yaml"}},
		{args: []string{"-contract=soap"}, wantErr: `unknown contract "soap" (valid: contensis, contentful, jsonapi, management, problem)`},
		{args: []string{"-statuses=404,abc"}, wantErr: `status "abc" is not a number (valid: 100 to 599)`},
		{args: []string{"-statuses=1000"}, wantErr: "status 1000 is out of range (valid: 100 to 599)"},
		{args: []string{"-statuses=,"}, wantErr: "no statuses"},
		{args: []string{"-disable=error-leak,typo"}, wantErr: `unknown rule "typo"`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got := Default()
			fs := flag.NewFlagSet("errcontract", flag.ContinueOnError)
			fs.SetOutput(io.Discard)
			got.BindFlags(fs)
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
				!slices.Equal(got.Disable, tc.want.Disable) || got.Constructors != tc.want.Constructors || got.File != tc.want.File {
				t.Fatalf("Parse(%q) set %+v, want %+v", tc.args, got, tc.want)
			}
		})
	}
}
