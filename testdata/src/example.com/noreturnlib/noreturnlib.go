// Package noreturnlib holds functions that never return, and some that
// look as if they might not: the first kind carry a fact to the packages
// that call them.
package noreturnlib

import (
	"fmt"
	"log"
	"os"
)

// Fatalf logs and exits the process.
func Fatalf(format string, args ...any) { // want Fatalf:`^noreturn$`
	log.Printf(format, args...)
	os.Exit(1)
}

// Die never returns through another function of the package.
func Die(err error) { // want Die:`^noreturn$`
	Fatalf("fatal: %v", err)
}

// A Logger crashes with a prefix.
type Logger struct{ Prefix string }

// Crash panics.
func (l *Logger) Crash(msg string) { // want Crash:`^noreturn$`
	panic(l.Prefix + msg)
}

// Forever calls f until the process ends.
func Forever(f func()) { // want Forever:`^noreturn$`
	for {
		f()
	}
}

// ExitIf exits only when code is not 0.
func ExitIf(code int) {
	if code != 0 {
		os.Exit(code)
	}
}

// Recovered panics, but a deferred call recovers: it returns.
func Recovered() {
	defer func() { recover() }()
	panic("recovered")
}

// Report prints and returns.
func Report(err error) {
	fmt.Fprintln(os.Stderr, err)
}

// Spin and spinAgain call each other and nothing else: each is taken to
// return while the other is judged, so neither is known not to.
func Spin(n int) {
	spinAgain(n)
}

func spinAgain(n int) {
	Spin(n + 1)
}
