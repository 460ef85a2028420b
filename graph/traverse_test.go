package graph_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/bonemet/bonemet/graph"
)

// Traverse answers as Downstream and Upstream do, one node at a time.
func TestTraverseMatchesDownstream(t *testing.T) {
	g := syntheticGraph(t, 120, 300, 3)
	for _, n := range g.NodeList() {
		for _, d := range []graph.Direction{graph.Down, graph.Up} {
			tr, err := g.Traverse(n.ID, d)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := g.Downstream(n.ID)
			if d == graph.Up {
				want, _ = g.Upstream(n.ID)
			}
			if tr.Len() != len(want) {
				t.Fatalf("%s %v: %d nodes, want %d", n.ID, d, tr.Len(), len(want))
			}
			for i, w := range want {
				if got := tr.Reach(i); !reflect.DeepEqual(got, w) || tr.Node(i).ID != w.Node.ID || tr.Sign(i) != w.Sign || tr.Depth(i) != w.Depth {
					t.Fatalf("%s %v, node %d: %+v, want %+v", n.ID, d, i, got, w)
				}
			}
		}
	}
	if _, err := g.Traverse("X:none", graph.Down); err == nil {
		t.Error("unknown node: no error")
	}
	if _, err := g.Traverse("X:0", 0); !errors.Is(err, graph.ErrDirection) {
		t.Errorf("direction 0: error %v, want ErrDirection", err)
	}
	// One hop along inhibitions only: exactly the targets of X:0's
	// inhibition edges.
	tr, err := g.Traverse("X:0", graph.Down, graph.MaxDepth(1), graph.Only(graph.Inhibits), graph.NoGroups())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, e := range g.Out("X:0") {
		if e.Relation == graph.Inhibits && e.To != "X:0" {
			want[e.To] = true
		}
	}
	if tr.Len() != len(want) {
		t.Errorf("X:0, one inhibition deep: %d nodes, want %d", tr.Len(), len(want))
	}
	for i := range tr.Len() {
		if !want[tr.Node(i).ID] || tr.Sign(i) != graph.Negative {
			t.Errorf("X:0, one inhibition deep: %s %v", tr.Node(i).ID, tr.Sign(i))
		}
	}
}

// TestTraverseAgainstReference checks Downstream and Upstream on random
// signed graphs with groups against a plain search over (node, sign)
// states: the nodes reached, their depths and signs, the paths (valid
// chains of the right length and sign, from the query or one of its
// groups), the opposite paths and the order.
func TestTraverseAgainstReference(t *testing.T) {
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 7))
		g := randomGraph(t, rng)
		nodes := g.NodeList()
		for range 4 {
			q := nodes[rng.IntN(len(nodes))].ID
			var opts []graph.Option
			o := refOptions{}
			if rng.IntN(3) == 0 {
				o.maxDepth = 1 + rng.IntN(3)
				opts = append(opts, graph.MaxDepth(o.maxDepth))
			}
			if rng.IntN(4) == 0 {
				o.only = []graph.Relation{graph.Relation(1 + rng.IntN(graph.RelationsCount-1))}
				opts = append(opts, graph.Only(o.only...))
			}
			if rng.IntN(4) == 0 {
				o.noGroups = true
				opts = append(opts, graph.NoGroups())
			}
			if rng.IntN(4) == 0 {
				o.strict = true
				opts = append(opts, graph.StrictSigns())
			}
			for _, up := range []bool{false, true} {
				rs, err := g.Downstream(q, opts...)
				if up {
					rs, err = g.Upstream(q, opts...)
				}
				if err != nil {
					t.Fatal(err)
				}
				checkReaches(t, g, q, up, o, rs, fmt.Sprintf("seed %d, %s up=%v %+v", seed, q, up, o))
			}
		}
	}
}

type refOptions struct {
	maxDepth int
	only     []graph.Relation
	noGroups bool
	strict   bool
}

// randomGraph builds a graph of 3–30 nodes, some of them groups of
// others, with random relations, self-loops and parallel edges included.
func randomGraph(t *testing.T, rng *rand.Rand) *graph.Graph {
	t.Helper()
	var b graph.Builder
	n := 3 + rng.IntN(28)
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("X:%02d", i)
	}
	groups := rng.IntN(3) * min(1, n/6)
	for i, id := range ids {
		node := graph.Node{ID: id, Kind: graph.Gene, Symbol: fmt.Sprintf("G%d", i)}
		if i < groups {
			node.Kind, node.Group = graph.Group, graph.Family
			for _, m := range rng.Perm(n - groups)[:2] {
				node.Members = append(node.Members, ids[groups+m])
			}
			slices.Sort(node.Members)
		}
		if err := b.AddNode(node); err != nil {
			t.Fatal(err)
		}
	}
	for range rng.IntN(3 * n) {
		from, to := ids[rng.IntN(n)], ids[rng.IntN(n)]
		rel := graph.Relation(1 + rng.IntN(graph.RelationsCount-1))
		ev := graph.Evidence{Doc: "d", Quote: from + " " + rel.String() + " " + to, Method: graph.Curated, Confidence: 1}
		if _, err := b.AddEdge(from, to, rel, ev); err != nil {
			t.Fatal(err)
		}
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// checkReaches compares an answer with a plain breadth-first search over
// (node, sign) states.
func checkReaches(t *testing.T, g *graph.Graph, q string, up bool, o refOptions, rs []graph.Reach, what string) {
	t.Helper()
	starts := []string{q}
	if !o.noGroups {
		starts = append(starts, g.GroupsOf(q)...)
	}
	type state struct {
		id  string
		neg bool
	}
	dist := map[state]int{}
	queue := []state{}
	for _, s := range starts {
		if _, ok := dist[state{s, false}]; !ok {
			dist[state{s, false}] = 0
			queue = append(queue, state{s, false})
		}
	}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		if o.maxDepth > 0 && dist[x] >= o.maxDepth {
			continue
		}
		next := g.Out(x.id)
		if up {
			next = g.In(x.id)
		}
		for _, e := range next {
			if len(o.only) > 0 && !slices.Contains(o.only, e.Relation) {
				continue
			}
			y := state{e.To, x.neg != (e.Sign() == graph.Negative)}
			if up {
				y.id = e.From
			}
			if _, ok := dist[y]; !ok {
				dist[y] = dist[x] + 1
				queue = append(queue, y)
			}
		}
	}
	type want struct {
		depth int
		sign  graph.Sign
		path  graph.Sign // of the path: the shorter's, positive on a tie
		opp   int        // depth of the opposite path, -1 for none
	}
	wants := map[string]want{}
	for x, d := range dist {
		if slices.Contains(starts, x.id) {
			continue
		}
		if _, done := wants[x.id]; done {
			continue
		}
		dp, okp := dist[state{x.id, false}]
		dn, okn := dist[state{x.id, true}]
		w := want{opp: -1}
		switch {
		case okp && okn:
			w.depth, w.sign, w.opp = dp, graph.Positive, dn
			if dn < dp {
				w.depth, w.sign, w.opp = dn, graph.Negative, dp
			}
			w.path = w.sign
			if dp == dn || o.strict {
				w.sign = graph.Ambivalent
			}
		default:
			w.depth, w.sign = d, graph.Positive
			if x.neg {
				w.sign = graph.Negative
			}
			w.path = w.sign
		}
		wants[x.id] = w
	}
	if len(rs) != len(wants) {
		t.Fatalf("%s: %d nodes reached, want %d", what, len(rs), len(wants))
	}
	for i, r := range rs {
		w, ok := wants[r.Node.ID]
		if !ok {
			t.Fatalf("%s: %s reached, but should not be", what, r.Node.ID)
		}
		// An opposite route exists when the other sign is reached, unless
		// its shortest walk is no simple path (it goes round a loop); a tie
		// in depth is always simple.
		wantOpp := w.opp >= 0
		if wantOpp && !r.HasOpposite() && w.opp > w.depth {
			wantOpp = false
		}
		if r.Depth != w.depth || r.Sign != w.sign || r.HasOpposite() != wantOpp {
			t.Fatalf("%s: %s depth %d sign %v opposite %v, want %+v", what, r.Node.ID, r.Depth, r.Sign, r.HasOpposite(), w)
		}
		if i > 0 {
			prev := rs[i-1]
			if prev.Depth > r.Depth || prev.Depth == r.Depth && prev.Node.ID >= r.Node.ID {
				t.Fatalf("%s: %s (%d) before %s (%d)", what, prev.Node.ID, prev.Depth, r.Node.ID, r.Depth)
			}
		}
		p := r.Path()
		checkPath(t, g, p, starts, q, r.Node.ID, up, w.depth, what)
		checkSmallestSteps(t, g, p, up, o, func(id string, neg bool) (int, bool) {
			d, ok := dist[state{id, neg}]
			return d, ok
		}, what)
		if p.Sign() != w.path {
			t.Fatalf("%s: %s path sign %v, want %v", what, r.Node.ID, p.Sign(), w.path)
		}
		if w.opp >= 0 && r.HasOpposite() {
			op := r.Opposite()
			if !op.Simple() {
				t.Fatalf("%s: %s opposite route is not simple: %s", what, r.Node.ID, g.Chain(op))
			}
			checkPath(t, g, op, starts, q, r.Node.ID, up, w.opp, what+" (opposite)")
			if op.Sign() == p.Sign() {
				t.Fatalf("%s: %s path and opposite both %v", what, r.Node.ID, p.Sign())
			}
		} else if w.opp < 0 && r.Opposite().Len() != 0 {
			t.Fatalf("%s: %s has an opposite path it should not have", what, r.Node.ID)
		}
	}
}

// checkPath checks that p is a chain of n edges of g between the query
// (or one of its groups, named in the path) and the node.
func checkPath(t *testing.T, g *graph.Graph, p graph.Path, starts []string, q, id string, up bool, n int, what string) {
	t.Helper()
	if p.Len() != n {
		t.Fatalf("%s: %s path of %d edges, want %d", what, id, p.Len(), n)
	}
	for i, e := range p.Edges {
		if !slices.ContainsFunc(g.Out(e.From), func(own *graph.Edge) bool { return own == e }) {
			t.Fatalf("%s: %s path edge %s→%s not in the graph", what, id, e.From, e.To)
		}
		if i > 0 && p.Edges[i-1].To != e.From {
			t.Fatalf("%s: %s path broken at %d: %s", what, id, i, g.Chain(p))
		}
	}
	first, last, group := p.Edges[0].From, p.Edges[n-1].To, p.FromGroup
	if up {
		first, last, group = p.Edges[n-1].To, p.Edges[0].From, p.ToGroup
	}
	if last != id {
		t.Fatalf("%s: path to %s ends at %s", what, id, last)
	}
	switch {
	case first == q && group == "":
	case first != q && first == group && slices.Contains(starts, group):
	default:
		t.Fatalf("%s: path to %s starts at %s (group %q)", what, id, first, group)
	}
}

// checkSmallestSteps checks that each step of a shortest path, read back
// from the node reached, comes from the node with the smallest ID (then
// over the edge of the smallest relation) among the states one level up
// with an edge to it; dist gives the depth of a state.
func checkSmallestSteps(t *testing.T, g *graph.Graph, p graph.Path, up bool, o refOptions, dist func(id string, neg bool) (int, bool), what string) {
	t.Helper()
	n := p.Len()
	neg := p.Sign() == graph.Negative // the sign of the state reached
	for i := n - 1; i >= 0; i-- {
		e := p.Edges[i] // the step into the state, in the search's direction
		if up {
			e = p.Edges[n-1-i]
		}
		at, from := e.To, e.From
		if up {
			at, from = e.From, e.To
		}
		prevNeg := neg != (e.Sign() == graph.Negative)
		depth := i // the depth of the state before the step
		// The smallest candidate: another edge into at (in the search's
		// direction) from a state at the same depth with the right sign.
		cands := g.In(at)
		if up {
			cands = g.Out(at)
		}
		for _, c := range cands {
			if len(o.only) > 0 && !slices.Contains(o.only, c.Relation) {
				continue
			}
			cf := c.From
			if up {
				cf = c.To
			}
			cneg := neg != (c.Sign() == graph.Negative)
			if d, ok := dist(cf, cneg); !ok || d != depth {
				continue
			}
			if cf < from || cf == from && c.Relation < e.Relation {
				t.Fatalf("%s: the step into %s comes from %s (%v), but %s (%v) is smaller", what, at, from, e.Relation, cf, c.Relation)
			}
		}
		neg = prevNeg
	}
}
