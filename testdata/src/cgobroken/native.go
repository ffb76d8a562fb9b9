// Package cgobroken cannot be built: its cgo preamble includes a header
// that does not exist, as when a C library is not installed. Its Go
// declarations type-check; those that use C do not.
package cgobroken

/*
#include "errcontract_no_such_header.h"
*/
import "C"

import "errors"

// Version reports the native library's version.
func Version() int { return int(C.native_version()) }

// Open opens a session with the native library.
func Open(name string) (string, error) {
	if name == "" {
		return "", errors.New("native: no such device")
	}
	return name, nil
}
