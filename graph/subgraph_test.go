package graph_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/graph"
)

// subgraphFixture is a small pathway: denosumab ⊣ RANKL → RANK →
// osteoclast → bone resorption, osteoclast ⇒ TGF-β, with a group cIAP1/2
// (BIRC2, BIRC3) that inhibits NIK, and NIK → RANK.
func subgraphFixture(t testing.TB) *graph.Graph {
	t.Helper()
	var b graph.Builder
	nodes := []graph.Node{
		{ID: "DRUGBANK:DB06643", Kind: graph.Drug, Name: "denosumab"},
		{ID: "HGNC:11926", Kind: graph.Gene, Symbol: "TNFSF11", Name: "TNF superfamily member 11"},
		{ID: "HGNC:11908", Kind: graph.Gene, Symbol: "TNFRSF11A"},
		{ID: "CL:0000092", Kind: graph.Cell, Name: "osteoclast"},
		{ID: "BONEMET:bone_resorption", Kind: graph.Process, Name: "bone resorption"},
		{ID: "HGNC:11766", Kind: graph.Gene, Symbol: "TGFB1"},
		{ID: "HGNC:590", Kind: graph.Gene, Symbol: "BIRC2"},
		{ID: "HGNC:591", Kind: graph.Gene, Symbol: "BIRC3"},
		{ID: "BONEMET:cIAP1_2", Kind: graph.Group, Symbol: "cIAP1/2", Group: graph.Family, Members: []string{"HGNC:590", "HGNC:591"}},
		{ID: "HGNC:6853", Kind: graph.Gene, Symbol: "MAP3K14"},
	}
	for _, n := range nodes {
		if err := b.AddNode(n); err != nil {
			t.Fatal(err)
		}
	}
	edges := []struct {
		from, to string
		rel      graph.Relation
		docs     []string
	}{
		{"DRUGBANK:DB06643", "HGNC:11926", graph.Inhibits, []string{"d1", "d2"}},
		{"HGNC:11926", "HGNC:11908", graph.Activates, []string{"d1"}},
		{"HGNC:11908", "CL:0000092", graph.Activates, []string{"d1"}},
		{"CL:0000092", "BONEMET:bone_resorption", graph.Activates, []string{"d3"}},
		{"CL:0000092", "HGNC:11766", graph.Secretes, []string{"d3"}},
		{"BONEMET:cIAP1_2", "HGNC:6853", graph.Inhibits, []string{"d4"}},
		{"HGNC:6853", "HGNC:11908", graph.Activates, []string{"d4"}},
	}
	for _, e := range edges {
		for _, d := range e.docs {
			ev := graph.Evidence{Doc: d, Quote: e.from + " " + e.rel.String() + " " + e.to, Method: graph.Curated, Confidence: 1}
			if _, err := b.AddEdge(e.from, e.to, e.rel, ev); err != nil {
				t.Fatal(err)
			}
		}
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func nodeIDs(g *graph.Graph) []string {
	var ids []string
	for _, n := range g.NodeList() {
		ids = append(ids, n.ID)
	}
	return ids
}

func edgeStrings(g *graph.Graph) []string {
	var es []string
	for _, e := range g.Edges() {
		es = append(es, fmt.Sprintf("%s %s %s (%d)", e.From, e.Relation.Arrow(), e.To, len(e.Evidence)))
	}
	return es
}

var subgraphTests = []struct {
	name      string
	ids       []string
	wantNodes []string
	wantEdges []string
}{
	{"empty", nil, nil, nil},
	{"unknown ids ignored", []string{"HGNC:0", "nonsense"}, nil, nil},
	{"single node, no edges", []string{"HGNC:11926"}, []string{"HGNC:11926"}, nil},
	{
		"induced edges with all evidence",
		[]string{"DRUGBANK:DB06643", "HGNC:11926", "HGNC:11908"},
		[]string{"DRUGBANK:DB06643", "HGNC:11908", "HGNC:11926"},
		[]string{"DRUGBANK:DB06643 ⊣ HGNC:11926 (2)", "HGNC:11926 → HGNC:11908 (1)"},
	},
	{
		"group brings its members",
		[]string{"BONEMET:cIAP1_2", "HGNC:6853"},
		[]string{"BONEMET:cIAP1_2", "HGNC:590", "HGNC:591", "HGNC:6853"},
		[]string{"BONEMET:cIAP1_2 ⊣ HGNC:6853 (1)"},
	},
	{
		"duplicates are harmless",
		[]string{"CL:0000092", "HGNC:11766", "CL:0000092"},
		[]string{"CL:0000092", "HGNC:11766"},
		[]string{"CL:0000092 ⇒ HGNC:11766 (1)"},
	},
}

func TestSubgraph(t *testing.T) {
	g := subgraphFixture(t)
	for _, tt := range subgraphTests {
		t.Run(tt.name, func(t *testing.T) {
			sub := g.Subgraph(tt.ids)
			if got := nodeIDs(sub); !slices.Equal(got, tt.wantNodes) {
				t.Errorf("nodes = %v, want %v", got, tt.wantNodes)
			}
			if got := edgeStrings(sub); !slices.Equal(got, tt.wantEdges) {
				t.Errorf("edges = %v, want %v", got, tt.wantEdges)
			}
			// The subgraph's edges carry the original evidence.
			for _, e := range sub.Edges() {
				orig := findEdge(g, e.From, e.To, e.Relation)
				if orig == nil || !slices.EqualFunc(orig.Evidence, e.Evidence, func(a, b graph.Evidence) bool { return a == b }) {
					t.Errorf("edge %s→%s: evidence differs from the original", e.From, e.To)
				}
			}
		})
	}
}

func TestSubgraphWholeGraphIsEqual(t *testing.T) {
	g := subgraphFixture(t)
	sub := g.Subgraph(nodeIDs(g))
	if !slices.Equal(nodeIDs(sub), nodeIDs(g)) || !slices.Equal(edgeStrings(sub), edgeStrings(g)) {
		t.Errorf("subgraph of every node differs:\n%v\n%v", edgeStrings(sub), edgeStrings(g))
	}
}

func findEdge(g *graph.Graph, from, to string, rel graph.Relation) *graph.Edge {
	for _, e := range g.Out(from) {
		if e.To == to && e.Relation == rel {
			return e
		}
	}
	return nil
}

var reachSubgraphTests = []struct {
	name      string
	query     string
	query2    func(g *graph.Graph, id string) ([]graph.Reach, error)
	wantNodes []string
	wantEdges []string
}{
	{
		"what denosumab blocks",
		"DRUGBANK:DB06643",
		func(g *graph.Graph, id string) ([]graph.Reach, error) { return g.Blocks(id) },
		[]string{"BONEMET:bone_resorption", "CL:0000092", "DRUGBANK:DB06643", "HGNC:11766", "HGNC:11908", "HGNC:11926"},
		[]string{
			"CL:0000092 → BONEMET:bone_resorption (1)",
			"CL:0000092 ⇒ HGNC:11766 (1)",
			"DRUGBANK:DB06643 ⊣ HGNC:11926 (2)",
			"HGNC:11908 → CL:0000092 (1)",
			"HGNC:11926 → HGNC:11908 (1)",
		},
	},
	{
		"a group member's downstream goes through the group",
		"HGNC:590",
		func(g *graph.Graph, id string) ([]graph.Reach, error) { return g.Downstream(id, graph.MaxDepth(2)) },
		[]string{"BONEMET:cIAP1_2", "HGNC:11908", "HGNC:590", "HGNC:591", "HGNC:6853"},
		[]string{"BONEMET:cIAP1_2 ⊣ HGNC:6853 (1)", "HGNC:6853 → HGNC:11908 (1)"},
	},
	{
		"upstream of RANKL is only the drug",
		"HGNC:11926",
		func(g *graph.Graph, id string) ([]graph.Reach, error) { return g.Upstream(id) },
		[]string{"DRUGBANK:DB06643", "HGNC:11926"},
		[]string{"DRUGBANK:DB06643 ⊣ HGNC:11926 (2)"},
	},
	{
		"nothing reached",
		"BONEMET:bone_resorption",
		func(g *graph.Graph, id string) ([]graph.Reach, error) { return g.Downstream(id) },
		[]string{"BONEMET:bone_resorption"},
		nil,
	},
}

func TestReachSubgraph(t *testing.T) {
	g := subgraphFixture(t)
	for _, tt := range reachSubgraphTests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := tt.query2(g, tt.query)
			if err != nil {
				t.Fatal(err)
			}
			sub := g.ReachSubgraph(tt.query, rs)
			if got := nodeIDs(sub); !slices.Equal(got, tt.wantNodes) {
				t.Errorf("nodes = %v, want %v", got, tt.wantNodes)
			}
			if got := edgeStrings(sub); !slices.Equal(got, tt.wantEdges) {
				t.Errorf("edges = %v, want %v", got, tt.wantEdges)
			}
			// Every path of the answer runs inside the subgraph.
			for _, r := range rs {
				for _, e := range r.Path().Edges {
					if findEdge(sub, e.From, e.To, e.Relation) == nil {
						t.Errorf("path edge %s→%s missing", e.From, e.To)
					}
				}
			}
		})
	}
}

func TestReachSubgraphExactEdges(t *testing.T) {
	// Edges between nodes of the answer that lie on none of its paths are
	// left out: reaches without paths bring their nodes and no edge, though
	// RANKL → RANK and NIK → RANK join them in the graph.
	g := subgraphFixture(t)
	n1, n2 := mustLookup(t, g, "HGNC:11908"), mustLookup(t, g, "HGNC:6853")
	sub := g.ReachSubgraph("HGNC:11926", []graph.Reach{{Node: &n1}, {Node: &n2}})
	if got := edgeStrings(sub); len(got) != 0 {
		t.Errorf("edges = %v, want none", got)
	}
	if got, want := strings.Join(nodeIDs(sub), " "), "HGNC:11908 HGNC:11926 HGNC:6853"; got != want {
		t.Errorf("nodes = %s, want %s", got, want)
	}
}

func TestPathSubgraph(t *testing.T) {
	g := subgraphFixture(t)
	paths, err := g.Paths("BONEMET:cIAP1_2", "CL:0000092")
	if err != nil {
		t.Fatal(err)
	}
	sub := g.PathSubgraph("BONEMET:cIAP1_2", paths)
	want := "BONEMET:cIAP1_2 ⊣ HGNC:6853 (1); HGNC:11908 → CL:0000092 (1); HGNC:6853 → HGNC:11908 (1)"
	if got := strings.Join(edgeStrings(sub), "; "); got != want {
		t.Errorf("edges = %s, want %s", got, want)
	}
	// The group brings its members.
	if got, want := strings.Join(nodeIDs(sub), " "), "BONEMET:cIAP1_2 CL:0000092 HGNC:11908 HGNC:590 HGNC:591 HGNC:6853"; got != want {
		t.Errorf("nodes = %s, want %s", got, want)
	}
	// An unknown query and foreign paths are ignored.
	foreign := []graph.Path{{Edges: []*graph.Edge{{From: "HGNC:1", To: "HGNC:2", Relation: graph.Activates}}}}
	if sub := g.PathSubgraph("HGNC:0", foreign); sub.Len() != 0 || len(sub.Edges()) != 0 {
		t.Errorf("foreign path: %v %v", nodeIDs(sub), edgeStrings(sub))
	}
}

func mustLookup(t *testing.T, g *graph.Graph, id string) graph.Node {
	t.Helper()
	n, ok := g.Lookup(id)
	if !ok {
		t.Fatalf("no node %s", id)
	}
	return n
}

func ExampleGraph_ReachSubgraph() {
	var b graph.Builder
	for _, n := range []graph.Node{
		{ID: "DRUGBANK:DB06643", Kind: graph.Drug, Name: "denosumab"},
		{ID: "HGNC:11926", Kind: graph.Gene, Symbol: "TNFSF11"},
		{ID: "CL:0000092", Kind: graph.Cell, Name: "osteoclast"},
		{ID: "HGNC:11909", Kind: graph.Gene, Symbol: "TNFRSF11B"},
	} {
		b.AddNode(n)
	}
	ev := graph.Evidence{Doc: "doc1", Quote: "…", Method: graph.Curated, Confidence: 1}
	b.AddEdge("DRUGBANK:DB06643", "HGNC:11926", graph.Inhibits, ev)
	b.AddEdge("HGNC:11926", "CL:0000092", graph.Activates, ev)
	b.AddEdge("HGNC:11909", "HGNC:11926", graph.Inhibits, ev)
	g, _ := b.Build()

	rs, _ := g.Blocks("DRUGBANK:DB06643")
	sub := g.ReachSubgraph("DRUGBANK:DB06643", rs)
	for _, e := range sub.Edges() {
		fmt.Println(sub.Chain(graph.Path{Edges: []*graph.Edge{&e}}))
	}
	// Output:
	// denosumab ⊣ TNFSF11
	// TNFSF11 → osteoclast
}
