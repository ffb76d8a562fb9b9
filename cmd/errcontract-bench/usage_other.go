//go:build !(linux || darwin)

package main

import (
	"fmt"
	"runtime"
	"time"
)

// resourceUsage reports that this system's resource usage is not measured.
func resourceUsage() (cpu time.Duration, peakRSS int64, err error) {
	return 0, 0, fmt.Errorf("resource usage is not measured on %s", runtime.GOOS)
}
