// Package brokendep does not type-check: some of its declarations refer
// to names it never declares. The analyzer runs on it, and on the
// packages that import it, all the same.
package brokendep

import (
	"errors"
	"net/http"
)

// Load fails with an error whose text is the server's own.
func Load(id string) (string, error) {
	return "", errors.New("db: connection refused")
}

func counter() int { return undefinedCounter + 1 } // want counter:"^summary\\(partial\\)$"

// Lookup's first result has a type that is not declared.
func Lookup(id string) (undefinedRecord, error) { // want Lookup:"^summary\\(partial\\)$"
	return nil, errors.New("db: no such table")
}

// WriteError writes msg as the body of a 500: its summary holds, though
// other declarations of the package do not type-check.
func WriteError(w http.ResponseWriter, msg string) { // want WriteError:"^summary\\(body=1 statuses=500 writes-error\\)$"
	http.Error(w, msg, http.StatusInternalServerError) // want `^http.Error bypasses the canonical error constructors$`
}

// WriteBroken's body does not type-check: what reaches its response is
// not known, so its summary claims nothing about msg.
func WriteBroken(w http.ResponseWriter, msg string) { // want WriteBroken:"^summary\\(partial\\)$"
	w.Write([]byte(msg + undefinedSuffix))
}
