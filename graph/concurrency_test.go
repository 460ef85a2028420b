package graph_test

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/graph"
)

// A built graph is immutable: many goroutines running mixed queries get the
// answers a single goroutine gets. Run with -race.
func TestConcurrentQueries(t *testing.T) {
	g := bonemet.Default().Graph
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
		if i%4 == 0 {
			queries = append(queries, query{"paths " + id, func() (any, error) { return g.Paths(id, "CL:0000092", graph.MaxDepth(4)) }})
		}
	}
	render := func(q query) string {
		v, err := q.run()
		b, _ := json.Marshal(v)
		return fmt.Sprintf("%s %v %s", q.name, err, b)
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
	g := bonemet.Default().Graph
	chains := func(rs []graph.Reach) string {
		s := ""
		for _, r := range rs {
			s += g.Chain(r.Path()) + " | " + g.Chain(r.Opposite()) + "\n"
		}
		return s
	}
	fresh, err := g.Downstream("DRUGBANK:DB06643")
	if err != nil {
		t.Fatal(err)
	}
	want := chains(fresh)
	for _, strict := range []bool{false, true} {
		var opts []graph.Option
		if strict {
			opts = append(opts, graph.StrictSigns())
		}
		shared, err := g.Downstream("DRUGBANK:DB06643", opts...)
		if err != nil {
			t.Fatal(err)
		}
		if strict {
			want = chains(shared) // strictness changes signs, not paths
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
