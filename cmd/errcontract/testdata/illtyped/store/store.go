// Package store does not type-check: a dependency broken below the
// handlers must not hide their findings.
package store

import "errors"

// Load fails.
func Load(id string) (string, error) {
	return "", errors.New("store: " + id)
}

func broken() int { return undefinedValue }
