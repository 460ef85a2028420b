package graph_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/bonemet/bonemet/graph"
)

// A built graph is immutable: many goroutines running mixed queries get the
// answers a single goroutine gets. Run with -race.
func TestConcurrentQueries(t *testing.T) {
	g := syntheticGraph(t, 200, 400, 1)
	type query struct {
		name string
		run  func() (any, error)
	}
	var queries []query
	for i, n := range g.NodeList() {
		id := n.ID
		queries = append(queries,
			query{"down " + id, func() (any, error) { return g.Downstream(id) }},
			query{"up " + id, func() (any, error) { return g.Upstream(id, graph.MaxDepth(3)) }},
			query{"blocks " + id, func() (any, error) { return g.Blocks(id, graph.Only(graph.Inhibits, graph.Activates)) }},
			query{"out " + id, func() (any, error) { return g.Out(id), nil }},
		)
		if i%9 == 0 {
			queries = append(queries, query{"paths " + id, func() (any, error) { return g.Paths(id, "X:7", graph.MaxDepth(4)) }})
		}
	}
	render := func(q query) string {
		v, err := q.run()
		var b strings.Builder
		switch v := v.(type) {
		case []graph.Reach:
			for _, r := range v {
				fmt.Fprintf(&b, "%s %v %d %s | %s\n", r.Node.ID, r.Sign, r.Depth, g.Chain(r.Path()), g.Chain(r.Opposite()))
			}
		case []graph.Path:
			for _, p := range v {
				fmt.Fprintf(&b, "%s\n", g.Chain(p))
			}
		case []*graph.Edge:
			for _, e := range v {
				fmt.Fprintf(&b, "%s %v %s %d\n", e.From, e.Relation, e.To, len(e.Evidence))
			}
		}
		return fmt.Sprintf("%s %v\n%s", q.name, err, b.String())
	}
	want := make([]string, len(queries))
	for i, q := range queries {
		want[i] = render(q)
	}
	const workers = 8
	var wg sync.WaitGroup
	errs := make(chan string, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for k := range queries {
				i := (k*7 + w*13) % len(queries) // a different order per goroutine
				if got := render(queries[i]); got != want[i] {
					errs <- fmt.Sprintf("goroutine %d, %s: answer differs from the single-threaded one", w, queries[i].name)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// One answer shared by many goroutines builds its paths (and, on the
// first, its index of depths) once, and each gets the paths a single
// goroutine gets. Run with -race.
func TestConcurrentPaths(t *testing.T) {
	g := syntheticGraph(t, 300, 900, 2)
	chains := func(rs []graph.Reach) string {
		s := ""
		for _, r := range rs {
			s += g.Chain(r.Path()) + " | " + g.Chain(r.Opposite()) + "\n"
		}
		return s
	}
	for _, strict := range []bool{false, true} {
		var opts []graph.Option
		if strict {
			opts = append(opts, graph.StrictSigns())
		}
		// The expectation comes from an answer of its own, built and read
		// by one goroutine; the shared answer is read only concurrently.
		fresh, err := g.Downstream("X:0", opts...)
		if err != nil {
			t.Fatal(err)
		}
		want := chains(fresh)
		shared, err := g.Downstream("X:0", opts...)
		if err != nil {
			t.Fatal(err)
		}
		if len(shared) < 50 {
			t.Fatalf("the query reaches %d nodes: too few to exercise the shared index", len(shared))
		}
		var wg sync.WaitGroup
		got := make([]string, 8)
		for w := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got[w] = chains(shared)
			}()
		}
		wg.Wait()
		for w, s := range got {
			if s != want {
				t.Errorf("strict=%v, goroutine %d: paths differ from the single-threaded ones:\n%s\nwant:\n%s", strict, w, s, want)
			}
		}
	}
}

// syntheticGraph builds a graph of n genes X:0 … X:n-1 and m random
// signed edges (and a few groups), the same for the same seed.
func syntheticGraph(t testing.TB, n, m int, seed uint64) *graph.Graph {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 99))
	var b graph.Builder
	for i := range n {
		if err := b.AddNode(graph.Node{ID: fmt.Sprintf("X:%d", i), Kind: graph.Gene, Symbol: fmt.Sprintf("G%d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range n / 30 {
		members := []string{fmt.Sprintf("X:%d", rng.IntN(n)), fmt.Sprintf("X:%d", rng.IntN(n))}
		if members[0] == members[1] {
			members = members[:1]
		}
		if err := b.AddNode(graph.Node{ID: fmt.Sprintf("GRP:%d", i), Kind: graph.Group, Symbol: fmt.Sprintf("F%d", i), Members: members}); err != nil {
			t.Fatal(err)
		}
	}
	rels := []graph.Relation{graph.Activates, graph.Inhibits, graph.Secretes}
	for e := range m {
		from, to := fmt.Sprintf("X:%d", rng.IntN(n)), fmt.Sprintf("X:%d", rng.IntN(n))
		if e < n/2 { // a spine from X:0, so that the query reaches far
			from, to = fmt.Sprintf("X:%d", e), fmt.Sprintf("X:%d", e+1)
		}
		if from == to {
			continue
		}
		ev := graph.Evidence{Doc: "doc", Quote: fmt.Sprintf("statement %d", e), Method: graph.Curated, Confidence: 1}
		if _, err := b.AddEdge(from, to, rels[rng.IntN(len(rels))], ev); err != nil {
			t.Fatal(err)
		}
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}
