package graph_test

import (
	"math"
	"slices"
	"testing"

	"github.com/bonemet/bonemet/graph"
)

func TestBelief(t *testing.T) {
	ev := func(doc string, m graph.Method, conf float64) graph.Evidence {
		return graph.Evidence{Doc: doc, Quote: "q " + doc, Method: m, Confidence: conf}
	}
	tests := []struct {
		name string
		evs  []graph.Evidence
		want float64
	}{
		{"one curated sentence", []graph.Evidence{ev("d1", graph.Curated, 1)}, 0.95},
		{"a document counts once, by its best evidence",
			[]graph.Evidence{ev("d1", graph.Curated, 1), {Doc: "d1", Quote: "again", Method: graph.Extracted, Confidence: 0.8}}, 0.95},
		{"two documents are two witnesses", []graph.Evidence{ev("d1", graph.Curated, 1), ev("d2", graph.Imported, 1)}, 1 - 0.05*0.1},
		{"a hedged claim", []graph.Evidence{ev("d1", graph.Curated, 0.6)}, 0.57},
		{"the reader's confidence is its precision", []graph.Evidence{ev("d1", graph.Extracted, 0.7)}, 0.7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := graph.Edge{Evidence: tt.evs}
			if got := e.Belief(); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("belief %.4f, want %.4f", got, tt.want)
			}
		})
	}
}

// MinBelief and Methods filter the edges a query follows; each reach says
// what its path rests on.
func TestEvidenceFilters(t *testing.T) {
	var b graph.Builder
	for _, id := range []string{"X:a", "X:b", "X:c", "X:d"} {
		if err := b.AddNode(graph.Node{ID: id, Kind: graph.Gene, Symbol: id[2:]}); err != nil {
			t.Fatal(err)
		}
	}
	add := func(from, to string, ev graph.Evidence) {
		if _, err := b.AddEdge(from, to, graph.Activates, ev); err != nil {
			t.Fatal(err)
		}
	}
	add("X:a", "X:b", graph.Evidence{Doc: "d1", Quote: "a b", Method: graph.Curated, Confidence: 1})
	add("X:b", "X:c", graph.Evidence{Doc: "d2", Quote: "b c", Method: graph.Extracted, Confidence: 0.5})
	add("X:a", "X:d", graph.Evidence{Doc: "WP1", Quote: "a d", Method: graph.Imported, Confidence: 1})
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	reached := func(opts ...graph.Option) []string {
		rs, err := g.Downstream("X:a", opts...)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range rs {
			ids = append(ids, r.Node.ID)
		}
		return ids
	}
	for _, tt := range []struct {
		name string
		opts []graph.Option
		want []string
	}{
		{"everything", nil, []string{"X:b", "X:d", "X:c"}},
		{"belief at least 0.6", []graph.Option{graph.MinBelief(0.6)}, []string{"X:b", "X:d"}},
		{"curated only", []graph.Option{graph.Methods(graph.Curated)}, []string{"X:b"}},
		{"curated and extracted", []graph.Option{graph.Methods(graph.Curated, graph.Extracted)}, []string{"X:b", "X:c"}},
	} {
		if got := reached(tt.opts...); !slices.Equal(got, tt.want) {
			t.Errorf("%s: reached %q, want %q", tt.name, got, tt.want)
		}
	}
	rs, _ := g.Downstream("X:a")
	for _, r := range rs {
		if r.Node.ID == "X:c" {
			p := r.Path()
			if ms := p.Methods(); !slices.Equal(ms, []graph.Method{graph.Curated, graph.Extracted}) {
				t.Errorf("X:c rests on %v", ms)
			}
			if b := p.Belief(); math.Abs(b-0.95*0.5) > 1e-9 {
				t.Errorf("path belief %.3f", b)
			}
		}
	}
}
