package driver

import (
	"cmp"
	"encoding/json"
	"io"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/errcontract/errcontract/internal/config"
)

// SARIF 2.1.0 (OASIS), reduced to the properties errcontract fills. The
// types are our own so that the command has no dependency for them.
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// srcRoot is the base of every artifact URI: the repository's root
	// (see sourceRoot), so that code scanning can place the results
	// without the machine's path.
	srcRoot = "%SRCROOT%"
	// sarifLevel is every result's level. The findings are warnings, not
	// errors: they come from static reasoning that can be wrong (an ignore
	// directive exists for that), -json and -sarif exit 0 as go vet's JSON
	// does, and a CI that wants them to block can say so in code
	// scanning's own severity settings.
	sarifLevel = "warning"
)

// The categories that are not rules of config.Rules: they report
// errcontract's own directives and configuration file.
var extraCategories = []struct{ id, summary string }{
	{"directive", "A malformed errcontract directive, or an ignore that suppresses nothing"},
	{"config", "A problem in errcontract.yaml, or an entry that names nothing in its package"},
}

type sarifLog struct {
	Version string     `json:"version"`
	Schema  string     `json:"$schema"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri,omitempty"`
	Version        string      `json:"version"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	ShortDescription     sarifText    `json:"shortDescription"`
	HelpURI              string       `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleCfg `json:"defaultConfiguration"`
}

type sarifRuleCfg struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        int             `json:"ruleIndex"`
	Level            string          `json:"level"`
	Message          sarifText       `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix      `json:"fixes,omitempty"`

	url string // the diagnostic's URL, as the checker resolved it
}

type sarifLocation struct {
	ID               int                   `json:"id,omitempty"` // related locations count from 1
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// A sarifRegion has lines and UTF-16 columns, both 1-based, and, for the
// regions fixes replace, the byte offset and length that say exactly which
// bytes go.
type sarifRegion struct {
	StartLine   int  `json:"startLine"`
	StartColumn int  `json:"startColumn"`
	EndLine     int  `json:"endLine"`
	EndColumn   int  `json:"endColumn"`
	ByteOffset  *int `json:"byteOffset,omitempty"`
	ByteLength  *int `json:"byteLength,omitempty"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

// printSARIF writes the diagnostics of the root actions to w as one SARIF
// run, with artifact URIs relative to root.
func printSARIF(w io.Writer, a *analysis.Analyzer, roots []*checker.Action, root string) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(buildSARIF(a, roots, root))
}

// buildSARIF converts the diagnostics of the root actions. A file of both
// a package and its test variant is analysed twice: a diagnostic with the
// same range and message is reported once, as the text output does.
func buildSARIF(a *analysis.Analyzer, roots []*checker.Action, root string) *sarifLog {
	c := &sarifConverter{root: root, files: make(map[string][]byte)}
	rules, index := sarifRules(a)
	inv := sarifInvocation{ExecutionSuccessful: true}
	seen := make(map[string]bool)
	results := []sarifResult{} // "results": [] says the run found nothing
	for _, act := range roots {
		if act.Err != nil {
			inv.ExecutionSuccessful = false
			inv.Notifications = append(inv.Notifications, sarifNotification{Level: "error", Message: sarifText{act.String() + ": " + act.Err.Error()}})
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			key := fset.Position(d.Pos).String() + "-" + fset.Position(d.End).String() + " " + d.Message
			if seen[key] {
				continue
			}
			seen[key] = true
			id := cmp.Or(d.Category, a.Name) // SARIF's ruleId cannot be empty
			i, ok := index[id]
			if !ok { // a category no list names: still a rule of the run
				i = len(rules)
				index[id] = i
				rules = append(rules, newSARIFRule(a, id, id))
			}
			results = append(results, c.result(fset, d, i))
		}
	}
	sortResults(results)
	helped := make(map[int]bool)
	for i, r := range results {
		results[i].RuleID = rules[r.RuleIndex].ID
		// The URL the analyzer gave the first finding of a rule is the
		// rule's help: it differs from the default for "config".
		if r.url != "" && !helped[r.RuleIndex] {
			helped[r.RuleIndex] = true
			rules[r.RuleIndex].HelpURI = r.url
		}
	}
	return &sarifLog{
		Version: sarifVersion,
		Schema:  sarifSchema,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name:           a.Name,
				InformationURI: a.URL,
				Version:        moduleVersion(),
				Rules:          rules,
			}},
			Invocations:        []sarifInvocation{inv},
			OriginalURIBaseIDs: map[string]sarifArtifactLocation{srcRoot: {URI: dirURI(root)}},
			ColumnKind:         "utf16CodeUnits",
			Results:            results,
		}},
	}
}

// sarifRules returns the rules in the documentation's order, then the
// categories of errcontract's own reports, and each one's index.
func sarifRules(a *analysis.Analyzer) ([]sarifRule, map[string]int) {
	var rules []sarifRule
	for _, id := range config.Rules() {
		rules = append(rules, newSARIFRule(a, id, ruleSummary(a.Doc, id)))
	}
	for _, c := range extraCategories {
		rules = append(rules, newSARIFRule(a, c.id, c.summary))
	}
	index := make(map[string]int)
	for i, r := range rules {
		index[r.ID] = i
	}
	return rules, index
}

// newSARIFRule's help is the URL the checker gives a diagnostic of the
// rule without a URL of its own: "#rule" resolved against the analyzer's.
func newSARIFRule(a *analysis.Analyzer, id, summary string) sarifRule {
	help := "#" + id
	if base, err := url.Parse(a.URL); err == nil {
		help = base.ResolveReference(&url.URL{Fragment: id}).String()
	}
	return sarifRule{ID: id, ShortDescription: sarifText{summary}, HelpURI: help, DefaultConfiguration: sarifRuleCfg{sarifLevel}}
}

// ruleSummary returns the first clause of the paragraph that documents
// rule in doc ("rule: what it reports: details"), capitalised: the one
// source of the rule catalogue is the analyzer's documentation. A rule the
// documentation does not present is summarised by its name.
func ruleSummary(doc, rule string) string {
	for _, para := range strings.Split(doc, "\n\n") {
		text, ok := strings.CutPrefix(para, rule+": ")
		if !ok {
			continue
		}
		text = firstClause(strings.Join(strings.Fields(text), " "))
		text = strings.TrimSuffix(text, ".")
		r, size := utf8.DecodeRuneInString(text)
		return strings.ToUpper(string(r)) + text[size:]
	}
	return rule
}

// firstClause returns text up to the first colon or full stop followed by
// a space outside parentheses.
func firstClause(text string) string {
	depth := 0
	for i, r := range text {
		switch {
		case r == '(':
			depth++
		case r == ')':
			depth--
		case depth == 0 && (r == ':' || r == '.') && strings.HasPrefix(text[i+1:], " "):
			return text[:i]
		}
	}
	return text
}

// sortResults orders results by file, position, rule and message, so that
// the output does not depend on the order packages were analysed in.
func sortResults(results []sarifResult) {
	slices.SortStableFunc(results, func(x, y sarifResult) int {
		px, py := x.Locations[0].PhysicalLocation, y.Locations[0].PhysicalLocation
		return cmp.Or(
			cmp.Compare(px.ArtifactLocation.URI, py.ArtifactLocation.URI),
			cmp.Compare(px.Region.StartLine, py.Region.StartLine),
			cmp.Compare(px.Region.StartColumn, py.Region.StartColumn),
			cmp.Compare(x.RuleIndex, y.RuleIndex),
			cmp.Compare(x.Message.Text, y.Message.Text),
		)
	})
}
