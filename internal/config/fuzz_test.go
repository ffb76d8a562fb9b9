package config

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

func FuzzParseStatusList(f *testing.F) {
	for _, seed := range []string{"200,400,404,500", " 404 , 500 ", "", ",", "404,abc", "99", "600", "+404", "0x190", "4_04", "-1"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, v string) {
		codes, err := parseStatusList(v)
		if (len(codes) == 0) == (err == nil) {
			t.Fatalf("parseStatusList(%q) = %v, %v: want statuses or an error", v, codes, err)
		}
		if err != nil {
			checkMessage(t, err)
			return
		}
		var fields []string
		for _, code := range codes {
			if code < 100 || code > 599 {
				t.Errorf("parseStatusList(%q) accepted %d", v, code)
			}
			fields = append(fields, strconv.Itoa(code))
		}
		again, err := parseStatusList(strings.Join(fields, ","))
		if err != nil || !slices.Equal(again, codes) {
			t.Errorf("parseStatusList(%q) = %v, but its canonical form parses to %v, %v", v, codes, again, err)
		}
	})
}

func FuzzParseRuleList(f *testing.F) {
	for _, seed := range []string{"raw-http-error", "error-leak, undocumented-status", "", ",,", "leak", "directive", "error-leak,typo"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, v string) {
		names, err := parseRuleList(v)
		if err != nil {
			if names != nil {
				t.Errorf("parseRuleList(%q) = %v with error %v", v, names, err)
			}
			checkMessage(t, err)
			return
		}
		for _, name := range names {
			if !slices.Contains(Rules(), name) {
				t.Errorf("parseRuleList(%q) accepted %q", v, name)
			}
		}
		again, err := parseRuleList(strings.Join(names, ","))
		if err != nil || !slices.Equal(again, names) {
			t.Errorf("parseRuleList(%q) = %v, but its canonical form parses to %v, %v", v, names, again, err)
		}
	})
}

// checkMessage requires err to be one line that says what is valid.
func checkMessage(t *testing.T, err error) {
	t.Helper()
	msg := err.Error()
	if strings.Contains(msg, "\n") {
		t.Errorf("error %q spans lines", msg)
	}
	if !strings.Contains(msg, "valid") && !strings.Contains(msg, "want") && !strings.Contains(msg, "not a number") {
		t.Errorf("error %q says neither what is valid nor what is expected", msg)
	}
}
