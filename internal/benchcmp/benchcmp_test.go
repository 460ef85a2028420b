package benchcmp

import (
	"testing"
)

func spin(n int) int {
	x := 0
	for i := range n {
		x += i ^ x>>3
	}
	return x
}

var sink int

// A subject doing twice the work of its baseline measures about 2×; the
// bounds are loose, as the machine may be shared.
func TestRunRatio(t *testing.T) {
	if testing.Short() {
		t.Skip("measures CPU time")
	}
	var ratio float64
	res := testing.Benchmark(func(b *testing.B) {
		cpu := Run(b, func(int) { sink += spin(200_000) }, Baseline{Name: "half", Run: func(int) { sink += spin(100_000) }})
		if cpu <= 0 {
			b.Error("no CPU time measured")
		}
	})
	ratio = res.Extra["x-half"]
	if ratio < 1.2 || ratio > 3.5 {
		t.Errorf("x-half = %.2f, want about 2", ratio)
	}
	if res.Extra["cpu-ns/op"] <= 0 {
		t.Errorf("cpu-ns/op = %v", res.Extra["cpu-ns/op"])
	}
}

// A bounded baseline runs at most Max iterations, and the ratio is still
// per iteration.
func TestRunMax(t *testing.T) {
	if testing.Short() {
		t.Skip("measures CPU time")
	}
	calls := 0
	res := testing.Benchmark(func(b *testing.B) {
		calls = 0
		Run(b, func(int) { sink += spin(20_000) }, Baseline{Name: "slow", Max: 30, Run: func(int) { calls++; sink += spin(200_000) }})
	})
	if res.N > 30 && calls > 30+Rounds {
		t.Errorf("baseline ran %d times for %d iterations, want at most about 30", calls, res.N)
	}
	if r := res.Extra["x-slow"]; r < 0.04 || r > 0.3 {
		t.Errorf("x-slow = %.3f, want about 0.1", r)
	}
}

// RunThread measures the same ratio on the thread's clock, and reports the
// process-time ratio beside it.
func TestRunThread(t *testing.T) {
	if testing.Short() {
		t.Skip("measures CPU time")
	}
	res := testing.Benchmark(func(b *testing.B) {
		RunThread(b, func(int) { sink += spin(200_000) }, Baseline{Name: "half", Run: func(int) { sink += spin(100_000) }})
	})
	if r := res.Extra["x-half"]; r < 1.2 || r > 3.5 {
		t.Errorf("x-half = %.2f, want about 2", r)
	}
	if _, ok := threadCPU(); ok {
		if r := res.Extra["xp-half"]; r < 1.2 || r > 3.5 {
			t.Errorf("xp-half = %.2f, want about 2", r)
		}
	}
}
