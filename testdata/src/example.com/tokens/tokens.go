package tokens

// tokens makes tokens for handlers in another package. Its error results
// carry error text; its token results never do.

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"strings"
)

// CreateToken signs a token for user, or fails with the text of an os
// error.
func CreateToken(user string) (string, error) { // want CreateToken:`summary\(result=0\)`
	key, err := os.ReadFile("key")
	if err != nil {
		return "", fmt.Errorf("read key: %w", err)
	}
	return strings.ToUpper(user) + "." + fmt.Sprint(len(key)), nil
}

// An Expander expands a page template.
type Expander struct {
	Name string
	Data any
}

// ExpandHTML returns the page, or an error that tells what went wrong in
// the template, a panic's among others.
func (e Expander) ExpandHTML(files []string) (result string, resultErr error) {
	defer func() {
		if r := recover(); r != nil {
			resultErr = fmt.Errorf("panic expanding template %s: %v", e.Name, r)
		}
	}()
	tmpl, err := template.ParseFiles(files...)
	if err != nil {
		return "", fmt.Errorf("parse %s: %w", e.Name, err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, e.Data); err != nil {
		return "", fmt.Errorf("expand %s: %w", e.Name, err)
	}
	return buf.String(), nil
}

// Explain returns a page made from the error it is given: its text result
// carries the error's text.
func Explain(err error) (string, error) { // want Explain:`summary\(result=text\)`
	return "<p>" + err.Error() + "</p>", nil
}
