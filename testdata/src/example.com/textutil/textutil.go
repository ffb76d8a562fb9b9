// Package textutil serves no HTTP: only what its functions return is
// summarized.
package textutil

import "strconv"

// Quote quotes s.
func Quote(s string) string { // want Quote:`summary\(result=0\)`
	return strconv.Quote(s)
}

// Reason returns the text of err.
func Reason(err error) string { // want Reason:`summary\(result=text\)`
	if err == nil {
		return ""
	}
	return err.Error()
}

// Count counts runes: its result holds no text.
func Count(s string) int { return len([]rune(s)) }
