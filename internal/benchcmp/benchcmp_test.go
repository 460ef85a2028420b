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
		cpu := Run(b, func(int) { sink += spin(200_000) }, Baseline{"half", func(int) { sink += spin(100_000) }})
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
