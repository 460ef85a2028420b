//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package benchcmp

import "time"

var epoch = time.Now()

// CPU returns the wall time since the program started: on this system the
// process's CPU time is not available, and the ratios compare wall times.
func CPU() time.Duration { return time.Since(epoch) }
