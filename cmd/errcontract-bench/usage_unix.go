//go:build linux || darwin

package main

import (
	"fmt"
	"os"
	"runtime"
	"syscall"
)

// peakRSS returns the peak resident set size in bytes of the exited
// process ps: on Linux the largest of it and every descendant it waited
// for, each counted alone.
func peakRSS(ps *os.ProcessState) (int64, error) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, fmt.Errorf("no resource usage for process %d", ps.Pid())
	}
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss), nil // bytes
	}
	return int64(ru.Maxrss) * 1024, nil // KiB
}
