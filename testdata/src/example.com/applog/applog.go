// Package applog is a service's own logger.
package applog

import "log"

// Infof logs at the info level.
func Infof(format string, args ...any) { log.Printf("INFO "+format, args...) }

// Error logs at the error level.
func Error(args ...any) { log.Print(append([]any{"ERROR "}, args...)...) }

// Rotate starts a new log file: not a level, so work like any other.
func Rotate() {}
