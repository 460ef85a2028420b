package graph_test

import (
	"testing"

	"github.com/bonemet/bonemet/internal/benchcmp"
)

// BenchmarkTraverse runs the search behind Downstream without building the
// paths (Graph.Traverse: sign and depth of every node reached, paths on
// demand), against the bare searches from the same sources.
func BenchmarkTraverse(b *testing.B) {
	for _, gc := range benchGraphs(b) {
		b.Run(gc.name, func(b *testing.B) {
			bg := benchGet(b, gc)
			w := newBenchBFS(2 * bg.g.Len())
			b.ReportAllocs()
			reached := 0
			benchcmp.RunThread(b, func(i int) {
				t, err := bg.g.Traverse(bg.starts[i%len(bg.starts)], false)
				if err != nil {
					b.Fatal(err)
				}
				reached += t.Len()
			}, bg.bareSearches(w)...)
			b.ReportMetric(float64(reached)/float64(b.N), "reached/op")
		})
	}
}
