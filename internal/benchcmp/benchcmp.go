// Package benchcmp measures a benchmark against its baselines in the same
// run: the subject and each baseline run the same iterations, interleaved
// in rounds, so that a change in the machine's load falls on all of them
// alike, and the subject's CPU time over each baseline's is reported as a
// ratio.
//
// Two clocks are offered. [Run] takes the process's CPU time (user and
// system, every thread; see [CPU]): right for a subject that runs
// goroutines of its own, and it charges the garbage collector's
// background work to whichever round it falls in, so a collection a
// subject causes may be charged to the baseline after it. [RunThread]
// takes the CPU time of the benchmark's own thread, the goroutine locked
// to it: the work of the operation itself, allocation and the collection
// work it is made to assist with included, but not the collector's
// background workers. It also finishes any collection before the
// baselines run (outside the clocks), so that the collector's work for
// the subject neither falls into nor slows down a baseline's round; the
// process-time ratio, which counts the collector's work during the
// subject's rounds, is reported beside as "xp-NAME". Both hold when other
// processes share the cores.
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
// rounds after a garbage collection. It reports the subject's process CPU
// time per iteration ("cpu-ns/op") and its ratio to each baseline
// ("x-NAME"), and returns the subject's CPU time.
func Run(b *testing.B, subject func(i int), baselines ...Baseline) time.Duration {
	b.Helper()
	return run(b, false, subject, baselines)
}

// RunThread is [Run] on the CPU time of the calling goroutine's thread
// (on Linux; elsewhere it is Run). It reports "cpu-ns/op" and "x-NAME" on
// that clock, and "xp-NAME", the ratio of process CPU times, beside them.
// The subject must not start goroutines of its own.
func RunThread(b *testing.B, subject func(i int), baselines ...Baseline) time.Duration {
	b.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if _, ok := threadCPU(); !ok {
		return run(b, false, subject, baselines)
	}
	return run(b, true, subject, baselines)
}

func run(b *testing.B, thread bool, subject func(i int), baselines []Baseline) time.Duration {
	b.Helper()
	clock := func() (time.Duration, time.Duration) {
		if thread {
			t, _ := threadCPU()
			return t, CPU()
		}
		c := CPU()
		return c, c
	}
	b.StopTimer()
	runtime.GC()
	b.ResetTimer()
	var cpu, proc time.Duration
	base := make([]time.Duration, len(baselines))
	baseProc := make([]time.Duration, len(baselines))
	iters := make([]int, len(baselines))
	rounds := min(b.N, Rounds)
	done := 0
	for r := range rounds {
		end := b.N * (r + 1) / rounds
		b.StartTimer()
		t0, p0 := clock()
		for i := done; i < end; i++ {
			subject(i)
		}
		t1, p1 := clock()
		cpu, proc = cpu+t1-t0, proc+p1-p0
		b.StopTimer()
		if thread && len(baselines) > 0 {
			// Finish the collection the subject may have started, so that
			// it does not run beside the baselines and slow them down
			// through the shared caches.
			runtime.GC()
		}
		for j, bl := range baselines {
			n := end - done
			if bl.Max > 0 {
				n = min(n, max(1, (bl.Max+rounds-1)/rounds))
			}
			t0, p0 := clock()
			for i := done; i < done+n; i++ {
				bl.Run(i)
			}
			t1, p1 := clock()
			base[j], baseProc[j] = base[j]+t1-t0, baseProc[j]+p1-p0
			iters[j] += n
		}
		done = end
	}
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	ratio := func(subj, bl time.Duration, iters int) float64 {
		return (float64(subj) / float64(b.N)) / (float64(bl) / float64(iters))
	}
	for j, bl := range baselines {
		if base[j] > 0 {
			b.ReportMetric(ratio(cpu, base[j], iters[j]), "x-"+bl.Name)
		}
		if thread && baseProc[j] > 0 {
			b.ReportMetric(ratio(proc, baseProc[j], iters[j]), "xp-"+bl.Name)
		}
	}
	return cpu
}

// RunWithGC charges the subject with the collector's work: it runs the
// subject b.N times and then a full collection, all on the process's CPU
// clock, and then each baseline as many times (or Max), and reports the
// ratios as "xgc-NAME". The final collection marks the whole heap once,
// more than the subject's share when b.N is small: the ratio is an upper
// bound that tightens as b.N grows (run it with -benchtime 1000x or
// more). Baselines are expected not to allocate.
func RunWithGC(b *testing.B, subject func(i int), baselines ...Baseline) time.Duration {
	b.Helper()
	b.StopTimer()
	runtime.GC()
	b.ResetTimer()
	b.StartTimer()
	start := CPU()
	for i := range b.N {
		subject(i)
	}
	runtime.GC()
	cpu := CPU() - start
	b.StopTimer()
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	for _, bl := range baselines {
		n := b.N
		if bl.Max > 0 {
			n = min(n, bl.Max)
		}
		start := CPU()
		for i := range n {
			bl.Run(i)
		}
		if base := CPU() - start; base > 0 {
			b.ReportMetric((float64(cpu)/float64(b.N))/(float64(base)/float64(n)), "xgc-"+bl.Name)
		}
	}
	return cpu
}
