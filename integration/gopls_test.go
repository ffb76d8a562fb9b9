package integration_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/textproto"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// corpusFiles returns the corpus' Go files.
func corpusFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(corpus, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// checkLineRE matches a diagnostic printed by gopls check:
// FILE:LINE:COL[-[LINE:]COL]: MESSAGE. Related information follows its
// diagnostic, its message starting with "- ".
var checkLineRE = regexp.MustCompile(`^(.+?\.go):(\d+):[\d:-]+: (.*)$`)

// TestGoplsCheck runs gopls check, which prints no rule: its findings are
// compared with the command's by position and message. It prints the
// warnings of every analyzer gopls runs, so the corpus must draw none but
// errcontract's.
func TestGoplsCheck(t *testing.T) {
	requireIntegration(t)
	out, stderr, code := run(t, goplsTool.binary(t), append([]string{"check"}, corpusFiles(t)...)...)
	if code != 0 {
		t.Fatalf("gopls check: exit %d\n%s\n%s", code, out, stderr)
	}
	var got, related []finding
	for line := range strings.Lines(out) {
		line = strings.TrimRight(line, "\n")
		m := checkLineRE.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("gopls check printed %q", line)
			continue
		}
		n, _ := strconv.Atoi(m[2])
		if msg, ok := strings.CutPrefix(m[3], "- "); ok {
			related = append(related, newFinding(t, m[1], n, "", msg))
		} else {
			got = append(got, newFinding(t, m[1], n, "", m[3]))
		}
	}
	want := commandReport(t)
	compare(t, "gopls check", got, without(want.findings, true, false))
	compare(t, "gopls check (related information)", related, without(relatedAsFindings(want.related), true, false))
}

// TestGoplsLSP talks to gopls over stdio as an editor does: it opens the
// corpus' files, takes the published diagnostics, whose code is the rule,
// and asks for the quick fix of each diagnostic that has a suggested fix.
func TestGoplsLSP(t *testing.T) {
	requireIntegration(t)
	c := startLSP(t, goplsTool.binary(t))
	c.call("initialize", map[string]any{
		"processId":        os.Getpid(),
		"rootUri":          fileURI(corpus),
		"workspaceFolders": []map[string]string{{"uri": fileURI(corpus), "name": "corpus"}},
		"capabilities": map[string]any{
			"textDocument": map[string]any{
				"publishDiagnostics": map[string]any{"relatedInformation": true},
				"codeAction": map[string]any{
					"codeActionLiteralSupport": map[string]any{
						"codeActionKind": map[string]any{"valueSet": []string{"quickfix"}},
					},
				},
			},
		},
	}, nil)
	c.notify("initialized", map[string]any{})

	var uris []string
	for _, path := range corpusFiles(t) {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		uri := fileURI(path)
		uris = append(uris, uri)
		c.notify("textDocument/didOpen", map[string]any{
			"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": string(text)},
		})
	}
	// gopls check's way to wait: the command returns once the files are
	// diagnosed and their diagnostics published.
	c.call("workspace/executeCommand", map[string]any{
		"command":   "gopls.diagnose_files",
		"arguments": []any{map[string]any{"Files": uris}},
	}, nil)

	diags := c.diagnostics()
	got := new(report)
	for _, d := range diags {
		if d.source != "errcontract" {
			if d.severity == 1 {
				t.Errorf("%s:%d: %s error: %s", d.File, d.Line, d.source, d.Message)
			}
			continue
		}
		got.findings = append(got.findings, d.finding)
		got.related = append(got.related, d.related...)
	}
	compareReports(t, "gopls (LSP)", got, commandReport(t))

	checkQuickFixes(t, c, diags)
	c.shutdown()
}

// checkQuickFixes asks gopls for the code actions of each errcontract
// diagnostic whose finding the command reports with suggested fixes, and
// requires a quick fix with edits for each of those fixes.
func checkQuickFixes(t *testing.T, c *lspClient, diags []lspDiagnostic) {
	t.Helper()
	fixes := commandReport(t).fixes
	asked := 0
	for _, d := range diags {
		want := fixes[d.finding]
		if d.source != "errcontract" || len(want) == 0 {
			continue
		}
		asked++
		var actions []struct {
			Title       string            `json:"title"`
			Kind        string            `json:"kind"`
			Diagnostics []json.RawMessage `json:"diagnostics"`
			Edit        *struct {
				Changes         map[string]json.RawMessage `json:"changes"`
				DocumentChanges []json.RawMessage          `json:"documentChanges"`
			} `json:"edit"`
		}
		c.call("textDocument/codeAction", map[string]any{
			"textDocument": map[string]any{"uri": d.uri},
			"range":        d.rng,
			"context":      map[string]any{"diagnostics": []json.RawMessage{d.raw}, "only": []string{"quickfix"}},
		}, &actions)
		var titles []string
		for _, a := range actions {
			if a.Kind == "quickfix" && a.Edit != nil && len(a.Edit.Changes)+len(a.Edit.DocumentChanges) > 0 {
				titles = append(titles, a.Title)
			}
		}
		for _, fix := range want {
			if !slices.Contains(titles, fix) {
				t.Errorf("%v: no quick fix %q with edits among %q", d.finding, fix, titles)
			}
		}
	}
	if asked == 0 {
		t.Log("the analyzer offers no suggested fix on the corpus yet: no quick fix to check")
	} else {
		t.Logf("checked the quick fixes of %d diagnostics", asked)
	}
}

// An lspClient is the client side of a JSON-RPC 2.0 connection to a
// language server over its standard input and output.
type lspClient struct {
	t      *testing.T
	cmd    *exec.Cmd
	in     io.WriteCloser
	stderr bytes.Buffer
	exited chan struct{} // closed when the server has exited

	writeMu sync.Mutex // one message at a time on in

	mu        sync.Mutex
	nextID    int
	pending   map[int]chan lspMessage
	published map[string][]json.RawMessage // the latest diagnostics, by URI
	readErr   error                        // why reading stopped
}

type lspMessage struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// lspTimeout bounds each request: diagnosing the corpus the first time
// type-checks it and its dependencies.
const lspTimeout = 3 * time.Minute

func startLSP(t *testing.T, gopls string) *lspClient {
	t.Helper()
	c := &lspClient{
		t:         t,
		exited:    make(chan struct{}),
		pending:   make(map[int]chan lspMessage),
		published: make(map[string][]json.RawMessage),
	}
	c.cmd = exec.Command(gopls, "serve")
	c.cmd.Dir, c.cmd.Env = corpus, environ()
	c.cmd.Stderr = &c.stderr
	var err error
	if c.in, err = c.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go c.read(out)
	t.Cleanup(func() {
		select {
		case <-c.exited:
		default:
			c.cmd.Process.Kill()
			<-c.exited
		}
		if t.Failed() {
			t.Logf("gopls stderr:\n%s", c.stderr.String())
		}
	})
	return c
}

// read dispatches the server's messages until its output closes.
func (c *lspClient) read(out io.Reader) {
	r := textproto.NewReader(bufio.NewReader(out))
	var err error
	for {
		var msg lspMessage
		if msg, err = readMessage(r); err != nil {
			break
		}
		switch {
		case msg.Method != "" && msg.ID != nil:
			// A request of the server's (progress, registrations): the
			// client declared no such capability, so any answer will do.
			c.write(lspMessage{JSONRPC: "2.0", ID: msg.ID, Result: json.RawMessage("null")})
		case msg.Method == "textDocument/publishDiagnostics":
			var p struct {
				URI         string            `json:"uri"`
				Diagnostics []json.RawMessage `json:"diagnostics"`
			}
			if json.Unmarshal(msg.Params, &p) == nil {
				c.mu.Lock()
				c.published[p.URI] = p.Diagnostics
				c.mu.Unlock()
			}
		case msg.Method == "":
			id, _ := strconv.Atoi(string(msg.ID))
			c.mu.Lock()
			ch := c.pending[id]
			delete(c.pending, id)
			c.mu.Unlock()
			if ch != nil {
				ch <- msg
			}
		}
	}
	c.mu.Lock()
	c.readErr = err
	c.mu.Unlock()
	c.cmd.Wait()
	close(c.exited)
}

func readMessage(r *textproto.Reader) (lspMessage, error) {
	var msg lspMessage
	header, err := r.ReadMIMEHeader()
	if err != nil {
		return msg, err
	}
	n, err := strconv.Atoi(header.Get("Content-Length"))
	if err != nil {
		return msg, fmt.Errorf("bad Content-Length: %v", err)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r.R, body); err != nil {
		return msg, err
	}
	return msg, json.Unmarshal(body, &msg)
}

func (c *lspClient) write(msg lspMessage) error {
	body, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	_, err = fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body)
	return err
}

func (c *lspClient) notify(method string, params any) {
	c.t.Helper()
	raw, err := json.Marshal(params)
	if err != nil {
		c.t.Fatal(err)
	}
	if err := c.write(lspMessage{JSONRPC: "2.0", Method: method, Params: raw}); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// call sends a request and decodes its result into result, unless nil.
func (c *lspClient) call(method string, params, result any) {
	c.t.Helper()
	raw, err := json.Marshal(params)
	if err != nil {
		c.t.Fatal(err)
	}
	ch := make(chan lspMessage, 1)
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	c.pending[id] = ch
	c.mu.Unlock()
	if err := c.write(lspMessage{JSONRPC: "2.0", ID: json.RawMessage(strconv.Itoa(id)), Method: method, Params: raw}); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
	var resp lspMessage
	select {
	case resp = <-ch:
	case <-c.exited:
		c.mu.Lock()
		defer c.mu.Unlock()
		c.t.Fatalf("%s: gopls exited (%v)", method, c.readErr)
	case <-time.After(lspTimeout):
		c.t.Fatalf("%s: no answer in %v", method, lspTimeout)
	}
	if resp.Error != nil {
		c.t.Fatalf("%s: error %d: %s", method, resp.Error.Code, resp.Error.Message)
	}
	if result != nil {
		if err := json.Unmarshal(resp.Result, result); err != nil {
			c.t.Fatalf("%s: %v: %s", method, err, resp.Result)
		}
	}
}

func (c *lspClient) shutdown() {
	c.t.Helper()
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	c.in.Close()
	select {
	case <-c.exited:
		if code := c.cmd.ProcessState.ExitCode(); code != 0 {
			c.t.Errorf("gopls exited with status %d", code)
		}
	case <-time.After(30 * time.Second):
		c.t.Error("gopls did not exit after shutdown and exit")
	}
}

// An lspDiagnostic is a published diagnostic as a finding, with what a
// code action request needs.
type lspDiagnostic struct {
	finding
	related  []relatedFinding
	uri      string
	raw      json.RawMessage // as published, to send back in code action requests
	rng      json.RawMessage
	severity int
	source   string
}

// diagnostics returns the diagnostics last published for each file, the
// rule of each taken from its code.
func (c *lspClient) diagnostics() []lspDiagnostic {
	c.t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	var diags []lspDiagnostic
	for uri, published := range c.published {
		for _, raw := range published {
			var d struct {
				Range              json.RawMessage `json:"range"`
				Severity           int             `json:"severity"`
				Code               any             `json:"code"`
				Source             string          `json:"source"`
				Message            string          `json:"message"`
				RelatedInformation []struct {
					Location lspLocation `json:"location"`
					Message  string      `json:"message"`
				} `json:"relatedInformation"`
			}
			if err := json.Unmarshal(raw, &d); err != nil {
				c.t.Fatalf("diagnostic %s: %v", raw, err)
			}
			code, _ := d.Code.(string)
			at := lspLocation{URI: uri, Range: d.Range}
			diag := lspDiagnostic{
				finding:  newFinding(c.t, at.path(c.t), at.line(c.t), code, d.Message),
				uri:      uri,
				raw:      raw,
				rng:      d.Range,
				severity: d.Severity,
				source:   d.Source,
			}
			for _, rel := range d.RelatedInformation {
				f := newFinding(c.t, rel.Location.path(c.t), rel.Location.line(c.t), code, rel.Message)
				diag.related = append(diag.related, relatedFinding{f, diag.position})
			}
			diags = append(diags, diag)
		}
	}
	return diags
}

// An lspLocation is a range of a file.
type lspLocation struct {
	URI   string          `json:"uri"`
	Range json.RawMessage `json:"range"`
}

func (l lspLocation) path(t *testing.T) string {
	t.Helper()
	u, err := url.Parse(l.URI)
	if err != nil || u.Scheme != "file" {
		t.Fatalf("location in %q", l.URI)
	}
	return filepath.FromSlash(u.Path)
}

// line returns the 1-based line where l starts.
func (l lspLocation) line(t *testing.T) int {
	t.Helper()
	var r struct {
		Start struct {
			Line int `json:"line"`
		} `json:"start"`
	}
	if err := json.Unmarshal(l.Range, &r); err != nil {
		t.Fatalf("range %s: %v", l.Range, err)
	}
	return r.Start.Line + 1
}

// fileURI returns the file URI of an absolute path.
func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
