package graph_test

import "testing"

// BenchmarkTraverse runs the search behind Downstream without building the
// paths (Graph.Traverse: sign and depth of every node reached, paths on
// demand), against the bare searches from the same sources.
func BenchmarkTraverse(b *testing.B) {
	for _, gc := range benchGraphs(b) {
		bg := gc.g()
		w := newBenchBFS(2 * bg.g.Len())
		b.Run(gc.name, func(b *testing.B) {
			b.ReportAllocs()
			reached := 0
			subject := benchSubject(b, func(i int) {
				t, err := bg.g.Traverse(bg.starts[i%len(bg.starts)], false)
				if err != nil {
					b.Fatal(err)
				}
				reached += t.Len()
			})
			b.ReportMetric(float64(reached)/float64(b.N), "reached/op")
			benchRatio(b, subject, "bfs", func(i int) { w.bfs(bg.csr, bg.csr.index[bg.starts[i%len(bg.starts)]]) })
			benchRatio(b, subject, "signedbfs", func(i int) { w.signedBFS(bg.csr, bg.csr.index[bg.starts[i%len(bg.starts)]]) })
		})
	}
}
