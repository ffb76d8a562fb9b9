//go:build linux || darwin

package main

import (
	"runtime"
	"syscall"
	"time"
)

// resourceUsage returns the CPU time (user and system) that this process has used
// and its peak resident set size in bytes.
func resourceUsage() (cpu time.Duration, peakRSS int64, err error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0, err
	}
	cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	if runtime.GOOS == "darwin" {
		return cpu, int64(ru.Maxrss), nil // bytes
	}
	return cpu, int64(ru.Maxrss) * 1024, nil // KiB
}
