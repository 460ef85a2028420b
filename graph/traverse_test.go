package graph_test

import (
	"reflect"
	"testing"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/graph"
)

// Traverse answers as Downstream and Upstream do, one node at a time.
func TestTraverseMatchesDownstream(t *testing.T) {
	g := bonemet.Default().Graph
	for _, n := range g.NodeList() {
		for _, up := range []bool{false, true} {
			tr, err := g.Traverse(n.ID, up)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := g.Downstream(n.ID)
			if up {
				want, _ = g.Upstream(n.ID)
			}
			if tr.Len() != len(want) {
				t.Fatalf("%s up=%v: %d nodes, want %d", n.ID, up, tr.Len(), len(want))
			}
			for i, w := range want {
				if got := tr.Reach(i); !reflect.DeepEqual(got, w) || tr.Node(i).ID != w.Node.ID || tr.Sign(i) != w.Sign || tr.Depth(i) != w.Depth {
					t.Fatalf("%s up=%v, node %d: %+v, want %+v", n.ID, up, i, got, w)
				}
			}
		}
	}
	if _, err := g.Traverse("X:none", false); err == nil {
		t.Error("unknown node: no error")
	}
	tr, _ := g.Traverse("DRUGBANK:DB06643", false, graph.MaxDepth(1), graph.Only(graph.Inhibits))
	if tr.Len() != 3 {
		t.Errorf("denosumab, one inhibition deep: %d nodes, want 3", tr.Len())
	}
}
