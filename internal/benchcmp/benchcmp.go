// Package benchcmp measures a benchmark against its baselines in the same
// run: the subject and each baseline run the same iterations, interleaved
// in rounds, so that a change in the machine's load falls on all of them
// alike, and the subject's CPU time over each baseline's is reported as a
// ratio.
//
// CPU time is the process's (user and system, every thread; see [CPU]),
// so that the ratios hold when other processes share the cores and a
// garbage collection a subject causes is charged to it, mostly: one
// running across the end of a round may be charged in part to the
// baseline that follows.
package benchcmp

import (
	"runtime"
	"testing"
	"time"
)

// Baseline is the bare operation a benchmark is compared with.
type Baseline struct {
	Name string      // the ratio is reported as "x-" + Name
	Run  func(i int) // runs iteration i
	// Max, when positive, bounds the iterations of the baseline, spread
	// over the rounds: for a baseline far slower than its subject, the
	// ratio is then per iteration of each.
	Max int
}

// Rounds is the number of rounds the iterations are split into.
const Rounds = 10

// Run runs subject for b.N iterations under the benchmark timer and each
// baseline for as many with the timer stopped, in [Rounds] interleaved
// rounds after a garbage collection. It reports the subject's CPU time per
// iteration ("cpu-ns/op") and its ratio to each baseline ("x-NAME"), and
// returns the subject's CPU time.
func Run(b *testing.B, subject func(i int), baselines ...Baseline) time.Duration {
	b.Helper()
	b.StopTimer()
	runtime.GC()
	b.ResetTimer()
	var cpu time.Duration
	base := make([]time.Duration, len(baselines))
	iters := make([]int, len(baselines))
	rounds := min(b.N, Rounds)
	done := 0
	for r := range rounds {
		end := b.N * (r + 1) / rounds
		b.StartTimer()
		start := CPU()
		for i := done; i < end; i++ {
			subject(i)
		}
		cpu += CPU() - start
		b.StopTimer()
		for j, bl := range baselines {
			n := end - done
			if bl.Max > 0 {
				n = min(n, max(1, (bl.Max+rounds-1)/rounds))
			}
			start := CPU()
			for i := done; i < done+n; i++ {
				bl.Run(i)
			}
			base[j] += CPU() - start
			iters[j] += n
		}
		done = end
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	for j, bl := range baselines {
		if base[j] > 0 {
			perSubject := float64(cpu) / float64(b.N)
			perBase := float64(base[j]) / float64(iters[j])
			b.ReportMetric(perSubject/perBase, "x-"+bl.Name)
		}
	}
	return cpu
}
