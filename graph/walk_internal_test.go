package graph

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// Top-down, bottom-up and the automatic mix of both give the same answer,
// paths included, with the edges of the answer kept dense or sparse.
func TestWalkDirectionsAgree(t *testing.T) {
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 11))
		g := randomInternalGraph(t, rng)
		for range 4 {
			q := g.nodes[rng.IntN(len(g.nodes))].ID
			var opts []Option
			if rng.IntN(3) == 0 {
				opts = append(opts, MaxDepth(1+rng.IntN(3)))
			}
			if rng.IntN(4) == 0 {
				opts = append(opts, Only(Relation(1+rng.IntN(RelationsCount-1))))
			}
			for _, d := range []Direction{Down, Up} {
				want := ""
				for dir := range 3 {
					for storage := range 3 {
						tr, err := g.traverse(q, d, collect(opts), searchMode{dir, storage})
						if err != nil {
							t.Fatal(err)
						}
						got := dumpTraversal(tr)
						if dir == 0 && storage == 0 {
							want = got
						} else if got != want {
							t.Fatalf("seed %d, %s %v, direction %d, storage %d:\n%s\nwant (automatic):\n%s", seed, q, d, dir, storage, got, want)
						}
					}
				}
			}
		}
	}
}

func dumpTraversal(tr *Traversal) string {
	var s string
	for i := range tr.Len() {
		r := tr.Reach(i)
		s += fmt.Sprintf("%s %v %d %s | %s\n", r.Node.ID, r.Sign, r.Depth, tr.g.Chain(r.Path()), tr.g.Chain(r.Opposite()))
		if !reflect.DeepEqual(r.Path(), tr.Path(i)) {
			s += "Path and Traversal.Path differ\n"
		}
	}
	return s
}

func randomInternalGraph(t *testing.T, rng *rand.Rand) *Graph {
	t.Helper()
	var b Builder
	n := 3 + rng.IntN(40)
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("X:%02d", i)
	}
	for i, id := range ids {
		node := Node{ID: id, Kind: Gene, Symbol: fmt.Sprintf("G%d", i)}
		if i == 0 && n > 4 {
			node.Kind, node.Group, node.Members = Group, Family, []string{ids[1], ids[2]}
		}
		if err := b.AddNode(node); err != nil {
			t.Fatal(err)
		}
	}
	for range rng.IntN(4 * n) {
		from, to := ids[rng.IntN(n)], ids[rng.IntN(n)]
		rel := Relation(1 + rng.IntN(RelationsCount-1))
		if _, err := b.AddEdge(from, to, rel, Evidence{Doc: "d", Quote: "q", Method: Curated, Confidence: 1}); err != nil {
			t.Fatal(err)
		}
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}
