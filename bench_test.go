package bonemet_test

import (
	"runtime"
	"testing"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/internal/benchcmp"
)

// BenchmarkDefault makes the default knowledge from the embedded snapshot
// as Default does the first time (decode, build the graph, the corpus and
// the report), against decoding the snapshot alone in the same run
// (x-decode). The resolver is made on first use, not here. It reports the
// heap the knowledge keeps (live-MiB).
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	var k *bonemet.Knowledge
	benchcmp.RunThread(b, func(int) {
		s, err := bonemet.DecodeDefault()
		if err != nil {
			b.Fatal(err)
		}
		if k, err = bonemet.FromSnapshot(s); err != nil {
			b.Fatal(err)
		}
	}, benchcmp.Baseline{Name: "decode", Run: func(int) {
		if _, err := bonemet.DecodeDefault(); err != nil {
			b.Fatal(err)
		}
	}})
	b.StopTimer()
	var before, after runtime.MemStats
	k = nil
	runtime.GC()
	runtime.ReadMemStats(&before)
	s, _ := bonemet.DecodeDefault()
	k, _ = bonemet.FromSnapshot(s)
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "live-MiB")
	runtime.KeepAlive(k)
}

// TestDefaultIsQuick bounds the work of making the default knowledge in
// allocations, which do not depend on the machine's speed: the time and
// memory figures are BenchmarkDefault's.
func TestDefaultIsQuick(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("allocation counts differ under -race")
	}
	allocs := testing.AllocsPerRun(3, func() {
		s, err := bonemet.DecodeDefault()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := bonemet.FromSnapshot(s); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 500_000 {
		t.Errorf("%.0f allocations to make the default knowledge", allocs)
	}
}
