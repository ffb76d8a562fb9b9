// Package layouts has a file for each layout of imports that a fix edits:
// the fix's import edits are merged, and the file stays gofmt-clean.
package layouts
