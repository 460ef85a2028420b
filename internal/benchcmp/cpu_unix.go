//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package benchcmp

import (
	"syscall"
	"time"
)

// CPU returns the CPU time (user and system, every thread) the process
// has used so far.
func CPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
