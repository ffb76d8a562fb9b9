package contract

import (
	"slices"
	"testing"
)

func TestPresets(t *testing.T) {
	want := map[string][]int{
		"contensis":  {400, 403, 404, 500},
		"contentful": {400, 401, 403, 404, 409, 422, 429, 500, 502},
		"jsonapi":    {200, 201, 400, 401, 403, 404, 405, 409, 415, 422, 500},
		"management": {200, 201, 400, 401, 403, 404, 409, 429, 500},
		"problem":    {400, 401, 403, 404, 409, 422, 429, 500, 503},
	}
	if got := Names(); !slices.Equal(got, []string{"contensis", "contentful", "jsonapi", "management", "problem"}) {
		t.Errorf("Names() = %v", got)
	}
	for name, codes := range want {
		p, ok := Lookup(name)
		if !ok {
			t.Fatalf("no preset %q", name)
		}
		if got := p.Codes(); !slices.Equal(got, codes) {
			t.Errorf("%s: Codes() = %v, want %v", name, got, codes)
		}
	}
	if _, ok := Lookup("graphql"); ok {
		t.Error(`Lookup("graphql") found a preset`)
	}
	if _, ok := Lookup(Default); !ok {
		t.Errorf("the default preset %q does not exist", Default)
	}
	contentful, _ := Lookup("contentful")
	if got := contentful.ErrorCodes(422); !slices.Equal(got, []string{"ValidationFailedError", "InvalidEntryError"}) {
		t.Errorf("contentful 422 codes = %v", got)
	}
	if got := contentful.ErrorCodes(418); got != nil {
		t.Errorf("contentful 418 codes = %v, want none", got)
	}
}

func TestSetUndocumented(t *testing.T) {
	set := NewSet([]int{404, 400, 500, 404})
	if got := set.String(); got != "400 404 500" {
		t.Errorf("String() = %q, want sorted and unique", got)
	}
	for _, tc := range []struct {
		status int
		want   bool
	}{
		{400, false}, {404, false}, {500, false},
		{409, true}, {503, true}, // a documented class, an undocumented status
		{200, false}, {204, false}, {302, false}, // classes the set documents nothing of
		{0, false}, {99, false}, {600, false}, // not statuses
	} {
		if got := set.Undocumented(tc.status); got != tc.want {
			t.Errorf("Undocumented(%d) = %v, want %v", tc.status, got, tc.want)
		}
	}
}
