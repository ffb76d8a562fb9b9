//go:build !(linux || darwin)

package main

import (
	"fmt"
	"os"
	"runtime"
)

// peakRSS reports that this system's peak RSS is not measured.
func peakRSS(*os.ProcessState) (int64, error) {
	return 0, fmt.Errorf("peak RSS is not measured on %s", runtime.GOOS)
}
