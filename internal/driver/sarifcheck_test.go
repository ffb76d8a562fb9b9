package driver

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// sarifProblems checks a SARIF log against what the SARIF 2.1.0 schema
// requires of the properties errcontract writes, and what code scanning
// needs besides: a rule for every ruleId and repository-relative URIs. It
// reads the JSON generically, so that it checks the output and not our
// types.
func sarifProblems(data []byte) []string {
	var p []string
	errorf := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }
	var log struct {
		Version string `json:"version"`
		Schema  string `json:"$schema"`
		Runs    []struct {
			Tool *struct {
				Driver *struct {
					Name  string `json:"name"`
					Rules []struct {
						ID               string                 `json:"id"`
						ShortDescription *struct{ Text string } `json:"shortDescription"`
						HelpURI          string                 `json:"helpUri"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				RuleID           string                  `json:"ruleId"`
				RuleIndex        *int                    `json:"ruleIndex"`
				Level            string                  `json:"level"`
				Message          *struct{ Text *string } `json:"message"`
				Locations        []json.RawMessage       `json:"locations"`
				RelatedLocations []json.RawMessage       `json:"relatedLocations"`
				Fixes            []struct {
					ArtifactChanges []struct {
						ArtifactLocation json.RawMessage `json:"artifactLocation"`
						Replacements     []struct {
							DeletedRegion   json.RawMessage         `json:"deletedRegion"`
							InsertedContent *struct{ Text *string } `json:"insertedContent"`
						} `json:"replacements"`
					} `json:"artifactChanges"`
				} `json:"fixes"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	if log.Version != "2.1.0" {
		errorf("version %q, want 2.1.0", log.Version)
	}
	if !strings.Contains(log.Schema, "sarif") || !isAbsURL(log.Schema) {
		errorf("$schema %q is not the URL of the SARIF schema", log.Schema)
	}
	if len(log.Runs) == 0 {
		errorf("no runs")
	}
	for ri, run := range log.Runs {
		if run.Tool == nil || run.Tool.Driver == nil || run.Tool.Driver.Name == "" {
			errorf("run %d: no tool.driver.name", ri)
			continue
		}
		for base, loc := range run.OriginalURIBaseIDs {
			if !isAbsURL(loc.URI) || !strings.HasSuffix(loc.URI, "/") {
				errorf("originalUriBaseIds[%s] = %q: want an absolute URI ending in /", base, loc.URI)
			}
		}
		var ids []string
		for _, rule := range run.Tool.Driver.Rules {
			if rule.ID == "" || slices.Contains(ids, rule.ID) {
				errorf("rule id %q is empty or repeated", rule.ID)
			}
			ids = append(ids, rule.ID)
			if rule.ShortDescription == nil || rule.ShortDescription.Text == "" {
				errorf("rule %s: no shortDescription.text", rule.ID)
			}
			if !isAbsURL(rule.HelpURI) {
				errorf("rule %s: helpUri %q is not an absolute URL", rule.ID, rule.HelpURI)
			}
		}
		if run.Results == nil {
			errorf("run %d: no results array", ri)
		}
		for i, res := range run.Results {
			where := fmt.Sprintf("result %d (%s)", i, res.RuleID)
			if res.Message == nil || res.Message.Text == nil {
				errorf("%s: no message.text", where)
			}
			k := slices.Index(ids, res.RuleID)
			if k < 0 {
				errorf("%s: ruleId is not a rule of the driver", where)
			} else if res.RuleIndex != nil && *res.RuleIndex != k {
				errorf("%s: ruleIndex %d, want %d", where, *res.RuleIndex, k)
			}
			if !slices.Contains([]string{"none", "note", "warning", "error"}, res.Level) {
				errorf("%s: level %q", where, res.Level)
			}
			if len(res.Locations) == 0 {
				errorf("%s: no locations", where)
			}
			for _, loc := range res.Locations {
				p = append(p, locationProblems(where, loc, run.OriginalURIBaseIDs, false)...)
			}
			for _, loc := range res.RelatedLocations {
				p = append(p, locationProblems(where+" related", loc, run.OriginalURIBaseIDs, true)...)
			}
			for _, fix := range res.Fixes {
				if len(fix.ArtifactChanges) == 0 {
					errorf("%s: a fix without artifactChanges", where)
				}
				for _, ch := range fix.ArtifactChanges {
					p = append(p, artifactProblems(where+" fix", ch.ArtifactLocation, run.OriginalURIBaseIDs)...)
					if len(ch.Replacements) == 0 {
						errorf("%s: an artifact change without replacements", where)
					}
					for _, rep := range ch.Replacements {
						p = append(p, regionProblems(where+" fix", rep.DeletedRegion)...)
						if rep.InsertedContent != nil && rep.InsertedContent.Text == nil {
							errorf("%s: insertedContent without text", where)
						}
					}
				}
			}
		}
	}
	return p
}

// locationProblems checks a location's physicalLocation and, for a
// related location, its id and message.
func locationProblems(where string, data json.RawMessage, bases map[string]struct{ URI string }, related bool) []string {
	var loc struct {
		ID       *int                       `json:"id"`
		Message  *struct{ Text string }     `json:"message"`
		Physical map[string]json.RawMessage `json:"physicalLocation"`
	}
	if err := json.Unmarshal(data, &loc); err != nil || loc.Physical == nil {
		return []string{where + ": no physicalLocation"}
	}
	p := artifactProblems(where, loc.Physical["artifactLocation"], bases)
	p = append(p, regionProblems(where, loc.Physical["region"])...)
	if related && (loc.ID == nil || *loc.ID < 0 || loc.Message == nil || loc.Message.Text == "") {
		p = append(p, where+": a related location needs an id and a message")
	}
	return p
}

// artifactProblems checks that a URI is relative to a declared base.
func artifactProblems(where string, data json.RawMessage, bases map[string]struct{ URI string }) []string {
	var art struct {
		URI       *string `json:"uri"`
		URIBaseID string  `json:"uriBaseId"`
	}
	if err := json.Unmarshal(data, &art); err != nil || art.URI == nil {
		return []string{where + ": no artifactLocation.uri"}
	}
	u, err := url.Parse(*art.URI)
	switch {
	case err != nil || u.IsAbs() || strings.HasPrefix(*art.URI, "/") || strings.HasPrefix(*art.URI, "../"):
		return []string{fmt.Sprintf("%s: uri %q is not relative to the source root", where, *art.URI)}
	case art.URIBaseID == "":
		return []string{fmt.Sprintf("%s: uri %q has no uriBaseId", where, *art.URI)}
	case bases[art.URIBaseID].URI == "":
		return []string{fmt.Sprintf("%s: uriBaseId %q is not in originalUriBaseIds", where, art.URIBaseID)}
	}
	return nil
}

// regionProblems checks that a region's lines and columns are 1-based and
// ordered, and its byte offset and length non-negative.
func regionProblems(where string, data json.RawMessage) []string {
	var r struct {
		StartLine, StartColumn, EndLine, EndColumn, ByteOffset, ByteLength *int
	}
	if err := json.Unmarshal(data, &r); err != nil || r.StartLine == nil {
		return []string{where + ": no region.startLine"}
	}
	var p []string
	for name, v := range map[string]*int{"startLine": r.StartLine, "startColumn": r.StartColumn, "endLine": r.EndLine, "endColumn": r.EndColumn} {
		if v != nil && *v < 1 {
			p = append(p, fmt.Sprintf("%s: %s %d < 1", where, name, *v))
		}
	}
	for name, v := range map[string]*int{"byteOffset": r.ByteOffset, "byteLength": r.ByteLength} {
		if v != nil && *v < 0 {
			p = append(p, fmt.Sprintf("%s: %s %d < 0", where, name, *v))
		}
	}
	if r.EndLine != nil && *r.EndLine < *r.StartLine ||
		r.EndLine != nil && *r.EndLine == *r.StartLine && r.StartColumn != nil && r.EndColumn != nil && *r.EndColumn < *r.StartColumn {
		p = append(p, where+": region ends before it starts")
	}
	return p
}

func isAbsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.IsAbs()
}

// TestSARIFProblems checks that the check finds what it is there to find.
func TestSARIFProblems(t *testing.T) {
	valid := `{"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json","runs":[{"tool":{"driver":{"name":"x","rules":[{"id":"r","shortDescription":{"text":"R"},"helpUri":"https://x/#r"}]}},
		"originalUriBaseIds":{"%SRCROOT%":{"uri":"file:///src/"}},
		"results":[{"ruleId":"r","ruleIndex":0,"level":"warning","message":{"text":"m"},
			"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a/b.go","uriBaseId":"%SRCROOT%"},"region":{"startLine":1,"startColumn":1,"endLine":1,"endColumn":2}}}],
			"relatedLocations":[{"id":1,"message":{"text":"here"},"physicalLocation":{"artifactLocation":{"uri":"a/b.go","uriBaseId":"%SRCROOT%"},"region":{"startLine":2,"startColumn":1}}}],
			"fixes":[{"artifactChanges":[{"artifactLocation":{"uri":"a/b.go","uriBaseId":"%SRCROOT%"},"replacements":[{"deletedRegion":{"startLine":1,"startColumn":1,"endLine":1,"endColumn":2,"byteOffset":0,"byteLength":1},"insertedContent":{"text":"y"}}]}]}]}]}]}`
	if p := sarifProblems([]byte(valid)); len(p) > 0 {
		t.Fatalf("valid log: %v", p)
	}
	for name, edit := range map[string][2]string{
		"version":           {`"version":"2.1.0"`, `"version":"2.0"`},
		"driver name":       {`"name":"x"`, `"name":""`},
		"unknown rule":      {`"ruleId":"r"`, `"ruleId":"s"`},
		"no message":        {`"message":{"text":"m"},`, ``},
		"absolute uri":      {`"uri":"a/b.go","uriBaseId":"%SRCROOT%"},"region":{"startLine":1`, `"uri":"file:///src/a/b.go"},"region":{"startLine":1`},
		"column 0":          {`"startColumn":1,"endLine":1,"endColumn":2}}}]`, `"startColumn":0,"endLine":1,"endColumn":2}}}]`},
		"related id":        {`"id":1,`, ``},
		"empty replacement": {`"replacements":[{"deletedRegion":{"startLine":1,"startColumn":1,"endLine":1,"endColumn":2,"byteOffset":0,"byteLength":1},"insertedContent":{"text":"y"}}]`, `"replacements":[]`},
		"negative offset":   {`"byteOffset":0`, `"byteOffset":-1`},
		"reversed region":   {`"endLine":1,"endColumn":2,"byteOffset"`, `"endLine":0,"endColumn":2,"byteOffset"`},
	} {
		broken := strings.Replace(valid, edit[0], edit[1], 1)
		if broken == valid {
			t.Fatalf("%s: the edit does not apply", name)
		}
		if p := sarifProblems([]byte(broken)); len(p) == 0 {
			t.Errorf("%s: no problem found", name)
		}
	}
}
