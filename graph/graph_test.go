package graph_test

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/graph"
	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/topo"
	"gonum.org/v1/gonum/graph/traverse"
)

// fixture is a small pathway:
//
//	drug ⊣ lig → rec → cell → proc ⊣ lig   (a negative loop back to lig)
//	a → b, a ⊣ b                            (a contradiction)
//	grp = {m1, m2};  grp ⊣ t;  s → grp
//	cell ⇒ lig                              (secretion)
var fixtureNodes = []graph.Node{
	{ID: "X:drug", Kind: graph.Drug, Name: "drug"},
	{ID: "X:lig", Kind: graph.Gene, Symbol: "LIG"},
	{ID: "X:rec", Kind: graph.Gene, Symbol: "REC"},
	{ID: "X:cell", Kind: graph.Cell, Name: "cell"},
	{ID: "X:proc", Kind: graph.Process, Name: "proc"},
	{ID: "X:a", Kind: graph.Gene, Symbol: "A"},
	{ID: "X:b", Kind: graph.Gene, Symbol: "B"},
	{ID: "X:m1", Kind: graph.Gene, Symbol: "M1"},
	{ID: "X:m2", Kind: graph.Gene, Symbol: "M2"},
	{ID: "X:grp", Kind: graph.Group, Symbol: "GRP", Group: graph.Family, Members: []string{"X:m2", "X:m1"}},
	{ID: "X:t", Kind: graph.Gene, Symbol: "T"},
	{ID: "X:s", Kind: graph.Gene, Symbol: "S"},
}

type fixtureEdge struct {
	from string
	rel  graph.Relation
	to   string
}

var fixtureEdges = []fixtureEdge{
	{"X:drug", graph.Inhibits, "X:lig"},
	{"X:lig", graph.Activates, "X:rec"},
	{"X:rec", graph.Activates, "X:cell"},
	{"X:cell", graph.Activates, "X:proc"},
	{"X:proc", graph.Inhibits, "X:lig"},
	{"X:cell", graph.Secretes, "X:lig"},
	{"X:a", graph.Activates, "X:b"},
	{"X:a", graph.Inhibits, "X:b"},
	{"X:grp", graph.Inhibits, "X:t"},
	{"X:s", graph.Activates, "X:grp"},
}

func ev(doc, quote string) graph.Evidence {
	return graph.Evidence{Doc: doc, Section: "caption", Quote: quote, Method: graph.Curated, Confidence: 1}
}

func buildFixture(t testing.TB, seed uint64) *graph.Graph {
	t.Helper()
	nodes := slices.Clone(fixtureNodes)
	edges := slices.Clone(fixtureEdges)
	if seed != 0 {
		r := rand.New(rand.NewPCG(seed, seed))
		r.Shuffle(len(nodes), func(i, j int) { nodes[i], nodes[j] = nodes[j], nodes[i] })
		r.Shuffle(len(edges), func(i, j int) { edges[i], edges[j] = edges[j], edges[i] })
	}
	var b graph.Builder
	for _, n := range nodes {
		if err := b.AddNode(n); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range edges {
		if _, err := b.AddEdge(e.from, e.to, e.rel, ev("doc1", e.from+" "+e.rel.String()+" "+e.to)); err != nil {
			t.Fatal(err)
		}
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// summary renders an answer as "ID sign depth" items.
func summary(rs []graph.Reach) []string {
	var out []string
	for _, r := range rs {
		s := r.Node.ID + " " + r.Sign.String() + " " + string(rune('0'+r.Depth))
		if r.Path().FromGroup != "" {
			s += " via " + r.Path().FromGroup
		}
		if r.Path().ToGroup != "" {
			s += " via " + r.Path().ToGroup
		}
		out = append(out, s)
	}
	return out
}

var queryTests = []struct {
	name  string
	query func(g *graph.Graph) ([]graph.Reach, error)
	want  []string
}{
	{"downstream of drug", func(g *graph.Graph) ([]graph.Reach, error) { return g.Downstream("X:drug") },
		[]string{"X:lig - 1", "X:rec - 2", "X:cell - 3", "X:proc - 4"}},
	{"strict signs make the loop ambivalent", func(g *graph.Graph) ([]graph.Reach, error) { return g.Downstream("X:drug", graph.StrictSigns()) },
		[]string{"X:lig ± 1", "X:rec ± 2", "X:cell ± 3", "X:proc ± 4"}},
	{"max depth", func(g *graph.Graph) ([]graph.Reach, error) { return g.Downstream("X:drug", graph.MaxDepth(2)) },
		[]string{"X:lig - 1", "X:rec - 2"}},
	{"relation filter", func(g *graph.Graph) ([]graph.Reach, error) { return g.Downstream("X:cell", graph.Only(graph.Secretes)) },
		[]string{"X:lig + 1"}},
	{"equal-depth contradiction is ambivalent", func(g *graph.Graph) ([]graph.Reach, error) { return g.Downstream("X:a") },
		[]string{"X:b ± 1"}},
	{"blocks", func(g *graph.Graph) ([]graph.Reach, error) { return g.Blocks("X:drug") },
		[]string{"X:lig - 1", "X:rec - 2", "X:cell - 3", "X:proc - 4"}},
	{"promotes excludes ambivalent", func(g *graph.Graph) ([]graph.Reach, error) { return g.Promotes("X:a") }, nil},
	{"member follows its group", func(g *graph.Graph) ([]graph.Reach, error) { return g.Downstream("X:m1") },
		[]string{"X:t - 1 via X:grp"}},
	{"no groups", func(g *graph.Graph) ([]graph.Reach, error) { return g.Downstream("X:m1", graph.NoGroups()) }, nil},
	{"upstream of member through its group", func(g *graph.Graph) ([]graph.Reach, error) { return g.Upstream("X:m2") },
		[]string{"X:s + 1 via X:grp"}},
	{"upstream of rec", func(g *graph.Graph) ([]graph.Reach, error) { return g.Upstream("X:rec") },
		[]string{"X:lig + 1", "X:cell + 2", "X:drug - 2", "X:proc - 2"}},
	{"sink", func(g *graph.Graph) ([]graph.Reach, error) { return g.Downstream("X:t") }, nil},
}

func TestQueries(t *testing.T) {
	g := buildFixture(t, 0)
	for _, tt := range queryTests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := tt.query(g)
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(rs); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for _, r := range rs {
				if r.Path().Len() != r.Depth {
					t.Errorf("%s: path of %d edges for depth %d", r.Node.ID, r.Path().Len(), r.Depth)
				}
				if r.Sign != graph.Ambivalent && r.Path().Sign() != r.Sign {
					t.Errorf("%s: path sign %v, answer sign %v", r.Node.ID, r.Path().Sign(), r.Sign)
				}
			}
		})
	}
}

func TestOppositeRoute(t *testing.T) {
	g := buildFixture(t, 0)
	rs, err := g.Downstream("X:drug")
	if err != nil {
		t.Fatal(err)
	}
	// The only positive walk to LIG goes round the loop LIG → REC → cell →
	// proc ⊣ LIG: no route of its own, so no opposite.
	lig := rs[0]
	if lig.Node.ID != "X:lig" || lig.HasOpposite() || lig.Opposite().Len() != 0 {
		t.Fatalf("lig: want no opposite route, got %s", g.Chain(lig.Opposite()))
	}
	// A counteracting route that is a simple path is kept.
	var b graph.Builder
	for _, id := range []string{"X:a", "X:b", "X:c"} {
		if err := b.AddNode(graph.Node{ID: id, Kind: graph.Gene, Symbol: strings.ToUpper(id[2:])}); err != nil {
			t.Fatal(err)
		}
	}
	ev := graph.Evidence{Doc: "d", Quote: "q", Method: graph.Curated, Confidence: 1}
	for _, e := range []struct {
		from, to string
		rel      graph.Relation
	}{{"X:a", "X:b", graph.Inhibits}, {"X:a", "X:c", graph.Activates}, {"X:c", "X:b", graph.Activates}} {
		if _, err := b.AddEdge(e.from, e.to, e.rel, ev); err != nil {
			t.Fatal(err)
		}
	}
	g2, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	rs, err = g2.Downstream("X:a")
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(rs, func(r graph.Reach) bool { return r.Node.ID == "X:b" })
	if i < 0 || rs[i].Sign != graph.Negative || !rs[i].HasOpposite() {
		t.Fatalf("B: want negative with an opposite route, got %+v", rs)
	}
	if got := g2.Chain(rs[i].Opposite()); got != "A → C → B" {
		t.Errorf("opposite route %q, want A → C → B", got)
	}
}

func TestUnknownNode(t *testing.T) {
	g := buildFixture(t, 0)
	for _, q := range []func() error{
		func() error { _, err := g.Downstream("X:nope"); return err },
		func() error { _, err := g.Upstream("X:nope"); return err },
		func() error { _, err := g.Paths("X:drug", "X:nope"); return err },
	} {
		if err := q(); !errors.Is(err, graph.ErrNoNode) {
			t.Errorf("got %v, want ErrNoNode", err)
		}
	}
}

func chains(g *graph.Graph, ps []graph.Path) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Sign().String()+" "+g.Chain(p))
	}
	return out
}

var pathTests = []struct {
	name     string
	from, to string
	opts     []graph.Option
	want     []string
	err      error
}{
	{"drug to proc", "X:drug", "X:proc", nil, []string{"- drug ⊣ LIG → REC → cell → proc"}, nil},
	{"loop back to lig", "X:lig", "X:lig", nil, []string{"+ LIG → REC → cell ⇒ LIG", "- LIG → REC → cell → proc ⊣ LIG"}, nil},
	{"bounded", "X:drug", "X:proc", []graph.Option{graph.MaxDepth(3)}, nil, nil},
	{"two parallel edges", "X:a", "X:b", nil, []string{"+ A → B", "- A ⊣ B"}, nil},
	{"too many", "X:a", "X:b", []graph.Option{graph.MaxPaths(1)}, []string{"+ A → B"}, graph.ErrTooManyPaths},
	{"from a member", "X:m1", "X:t", nil, []string{"- M1 ∈ GRP ⊣ T"}, nil},
	{"none", "X:t", "X:drug", nil, nil, nil},
}

func TestPaths(t *testing.T) {
	g := buildFixture(t, 0)
	for _, tt := range pathTests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := g.Paths(tt.from, tt.to, tt.opts...)
			if !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			if got := chains(g, ps); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDeterministicBuild(t *testing.T) {
	g0 := buildFixture(t, 0)
	want, _ := g0.Downstream("X:drug")
	for seed := uint64(1); seed <= 20; seed++ {
		g := buildFixture(t, seed)
		if !reflect.DeepEqual(g.NodeList(), g0.NodeList()) || !reflect.DeepEqual(g.Edges(), g0.Edges()) {
			t.Fatalf("seed %d: graph differs with insertion order", seed)
		}
		got, _ := g.Downstream("X:drug")
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("seed %d: answer differs with insertion order", seed)
		}
	}
}

func TestContradictions(t *testing.T) {
	g := buildFixture(t, 0)
	cs := g.Contradictions()
	if len(cs) != 1 || cs[0].From != "X:a" || cs[0].To != "X:b" {
		t.Errorf("got %+v, want one contradiction a→b", cs)
	}
}

var builderErrors = []struct {
	name string
	do   func(b *graph.Builder) error
	want error
}{
	{"bad id", func(b *graph.Builder) error { return b.AddNode(graph.Node{ID: "nocolon", Kind: graph.Gene}) }, graph.ErrBadID},
	{"space in id", func(b *graph.Builder) error { return b.AddNode(graph.Node{ID: "X:a b", Kind: graph.Gene}) }, graph.ErrBadID},
	{"no kind", func(b *graph.Builder) error { return b.AddNode(graph.Node{ID: "X:k"}) }, graph.ErrUnknownKind},
	{"conflicting kinds", func(b *graph.Builder) error {
		b.AddNode(graph.Node{ID: "X:k", Kind: graph.Gene})
		return b.AddNode(graph.Node{ID: "X:k", Kind: graph.Cell})
	}, graph.ErrNodeConflict},
	{"edge to missing node", func(b *graph.Builder) error {
		b.AddNode(graph.Node{ID: "X:k", Kind: graph.Gene})
		_, err := b.AddEdge("X:k", "X:missing", graph.Activates, ev("d", "q"))
		return err
	}, graph.ErrNoNode},
	{"edge without evidence", func(b *graph.Builder) error {
		b.AddNode(graph.Node{ID: "X:k", Kind: graph.Gene})
		_, err := b.AddEdge("X:k", "X:k", graph.Activates, graph.Evidence{})
		return err
	}, graph.ErrNoEvidence},
	{"invalid relation", func(b *graph.Builder) error {
		b.AddNode(graph.Node{ID: "X:k", Kind: graph.Gene})
		_, err := b.AddEdge("X:k", "X:k", graph.RelationInvalid, ev("d", "q"))
		return err
	}, graph.ErrUnknownRelation},
	{"group member missing", func(b *graph.Builder) error {
		b.AddNode(graph.Node{ID: "X:g", Kind: graph.Group, Group: graph.Family, Members: []string{"X:gone"}})
		_, err := b.Build()
		return err
	}, graph.ErrNoNode},
}

func TestBuilderErrors(t *testing.T) {
	for _, tt := range builderErrors {
		t.Run(tt.name, func(t *testing.T) {
			var b graph.Builder
			if err := tt.do(&b); !errors.Is(err, tt.want) {
				t.Errorf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestEvidenceMerging(t *testing.T) {
	var b graph.Builder
	b.AddNode(graph.Node{ID: "X:a", Kind: graph.Gene, Symbol: "A"})
	b.AddNode(graph.Node{ID: "X:b", Kind: graph.Gene, Symbol: "B"})
	steps := []struct {
		ev   graph.Evidence
		want bool
	}{{ev("d2", "second"), true}, {ev("d1", "first"), true}, {ev("d2", "second"), false}}
	for _, s := range steps {
		isNew, err := b.AddEdge("X:a", "X:b", graph.Activates, s.ev)
		if err != nil || isNew != s.want {
			t.Fatalf("AddEdge(%v) = %v, %v; want %v", s.ev.Quote, isNew, err, s.want)
		}
	}
	g, _ := b.Build()
	es := g.Edges()
	if len(es) != 1 || len(es[0].Evidence) != 2 || es[0].Evidence[0].Doc != "d1" {
		t.Errorf("want one edge with evidence sorted d1, d2; got %+v", es)
	}
}

func TestExplain(t *testing.T) {
	g := buildFixture(t, 0)
	ps, _ := g.Paths("X:drug", "X:rec")
	want := `1. drug ⊣ LIG (inhibits)
   "X:drug inhibits X:lig" (doc1, caption, curated)
2. LIG → REC (activates)
   "X:lig activates X:rec" (doc1, caption, curated)
net effect: -
`
	if len(ps) != 1 {
		t.Fatalf("paths: %d", len(ps))
	}
	if got := g.Explain(ps[0]); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// The graph plugs into gonum's algorithms and encoders unchanged.
func TestGonumInterop(t *testing.T) {
	g := buildFixture(t, 0)
	id := func(curie string) int64 {
		for it := g.Nodes(); it.Next(); {
			if v := it.Node().(graph.Vertex); v.Node.ID == curie {
				return v.ID()
			}
		}
		t.Fatalf("no vertex %s", curie)
		return -1
	}

	var bfs traverse.BreadthFirst
	var visited []string
	bfs.Walk(g, g.Node(id("X:drug")), func(n gonum.Node, d int) bool {
		visited = append(visited, n.(graph.Vertex).Node.ID)
		return false
	})
	if want := []string{"X:drug", "X:lig", "X:rec", "X:cell", "X:proc"}; !slices.Equal(visited, want) {
		t.Errorf("BreadthFirst visited %v, want %v", visited, want)
	}

	sp := path.DijkstraFrom(g.Node(id("X:drug")), g)
	nodes, weight := sp.To(id("X:proc"))
	if weight != 4 || len(nodes) != 5 {
		t.Errorf("DijkstraFrom: weight %v over %d nodes, want 4 over 5", weight, len(nodes))
	}

	var cycle []string
	for _, scc := range topo.TarjanSCC(g) {
		if len(scc) > 1 {
			for _, n := range scc {
				cycle = append(cycle, n.(graph.Vertex).Node.ID)
			}
		}
	}
	slices.Sort(cycle)
	if want := []string{"X:cell", "X:lig", "X:proc", "X:rec"}; !slices.Equal(cycle, want) {
		t.Errorf("TarjanSCC cycle %v, want %v", cycle, want)
	}

	b, err := dot.MarshalMulti(g, "fixture", "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	out := string(b)
	for _, want := range []string{`"X:drug" -> "X:lig"`, "arrowhead=tee", `label="LIG"`, "shape=box3d"} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT lacks %s:\n%s", want, out)
		}
	}
	if n := strings.Count(out, `"X:a" -> "X:b"`); n != 2 {
		t.Errorf("DOT has %d lines a→b, want 2 (one per relation)", n)
	}
}

func TestGonumAccessors(t *testing.T) {
	g := buildFixture(t, 0)
	if g.Node(-1) != nil || g.Node(int64(g.Len())) != nil {
		t.Error("Node out of range must be nil")
	}
	if g.From(99).Len() != 0 || g.To(-5).Len() != 0 || g.Lines(0, 99).Len() != 0 {
		t.Error("out-of-range iterators must be empty")
	}
	a, b := int64(-1), int64(-1)
	for it := g.Nodes(); it.Next(); {
		v := it.Node().(graph.Vertex)
		switch v.Node.ID {
		case "X:a":
			a = v.ID()
		case "X:b":
			b = v.ID()
		}
	}
	if !g.HasEdgeFromTo(a, b) || g.HasEdgeFromTo(b, a) || !g.HasEdgeBetween(b, a) {
		t.Error("HasEdge* wrong for a→b")
	}
	// NodeID finds the gonum ID of a CURIE.
	if id, ok := g.NodeID("X:a"); !ok || id != a {
		t.Errorf("NodeID(X:a) = %d, %v; want %d", id, ok, a)
	}
	if _, ok := g.NodeID("X:none"); ok {
		t.Error("NodeID of an unknown CURIE")
	}
	if n := g.LinesBetween(b, a).Len(); n != 2 {
		t.Errorf("LinesBetween: %d, want 2", n)
	}
	e := g.Edge(a, b)
	if e == nil || e.From().ID() != a || e.ReversedEdge().From().ID() != b {
		t.Error("Edge(a, b) wrong")
	}
	l := g.Lines(a, b)
	l.Next()
	line := l.Line()
	if r := line.ReversedLine(); r.From().ID() != b || r.ID() != line.ID() {
		t.Error("ReversedLine wrong")
	}
}
