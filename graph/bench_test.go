package graph_test

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/build"
	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/internal/benchcmp"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// Benchmarks of building and querying graphs, each against a bare
// baseline over the same data, run interleaved with the subject for the
// same iterations and reported as a ratio of CPU times ("x-..." metrics,
// see internal/benchcmp), so that the ratio holds on a loaded machine
// (ns/op is wall time, cpu-ns/op the process's CPU time):
//
//   - BenchmarkBuild vs benchCorpus.bareBuild: interning IDs, merging edges by
//     (from, to, relation) and laying out a CSR with the evidence.
//   - BenchmarkDownstream, BenchmarkBlocks vs BenchmarkBareBFS: a
//     breadth-first search over a plain CSR ([]int32 offsets and targets)
//     that allocates nothing per query, unsigned ("x-bfs") and over
//     (node, sign) states as Downstream walks ("x-signedbfs").
//   - BenchmarkPaths vs a bare depth-first enumeration of the same simple
//     paths ("x-dfs"), and vs the bare BFS.
//
// Graphs: "default" is bonemet.Default().Graph; "pfocr" the graph the
// reader extracts from the records of ../shared/corpus/pfocr (skipped
// when absent); "100k" is a generated
// graph of 100,000 nodes and 1,000,000 edges (seeded; power-law
// out-degree, a fifth of the nodes without out-edges, hub-biased targets,
// a third of the edges inhibiting), built once per binary and skipped
// with -short.

// benchStmt is one statement of a generated corpus.
type benchStmt struct {
	from, to string
	rel      graph.Relation
	ev       graph.Evidence
}

// benchCorpus is a generated corpus: nodes and statements over them.
type benchCorpus struct {
	nodes []graph.Node
	stmts []benchStmt
	edges int // distinct (from, to, relation)
}

var benchRules = []string{"X activates Y", "X inhibits Y", "Y-secreting X", "blocking X with Y",
	"X induces Y", "X stimulates Y", "X upregulates Y", "X blocks Y"}

// benchGenerate returns a corpus of n nodes and m distinct edges, each
// with one piece of evidence, plus extra statements adding evidence to
// edges already there (a tenth of them repeating evidence exactly).
func benchGenerate(n, m, extra int, seed uint64) *benchCorpus {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	c := &benchCorpus{edges: m}
	kinds := []graph.Kind{graph.Gene, graph.Gene, graph.Gene, graph.Gene, graph.Gene, graph.Gene, graph.Cell, graph.Chemical, graph.Process, graph.Drug}
	prefixes := map[graph.Kind]string{graph.Gene: "HGNC", graph.Cell: "CL", graph.Chemical: "CHEBI", graph.Process: "BONEMET", graph.Drug: "DRUGBANK"}
	for i := range n {
		k := kinds[rng.IntN(len(kinds))]
		c.nodes = append(c.nodes, graph.Node{ID: fmt.Sprintf("%s:%d", prefixes[k], i+1), Kind: k, Symbol: fmt.Sprintf("S%d", i+1)})
	}
	docs := make([]string, max(1, m/50))
	for i := range docs {
		docs[i] = fmt.Sprintf("PMC%d__fig-%d", 1000000+i, rng.IntN(9))
	}
	quotes := make([]string, max(1, m/20))
	for i := range quotes {
		quotes[i] = fmt.Sprintf("Sentence %d: factor %d stimulates the formation of osteoclasts and bone resorption.", i, rng.IntN(n))
	}
	evidence := func() graph.Evidence {
		q := quotes[rng.IntN(len(quotes))]
		start := rng.IntN(2000)
		return graph.Evidence{Doc: docs[rng.IntN(len(docs))], Section: "caption", Quote: q, Start: start, End: start + len(q),
			Method: graph.Extracted, Rule: benchRules[rng.IntN(len(benchRules))], Confidence: 0.5 + rng.Float64()/2}
	}

	// Out-degrees: a fifth of the nodes are sinks, the others draw from a
	// Pareto distribution (α = 1.8) capped at n/50, scaled to sum to m.
	deg := make([]int, n)
	var sum float64
	raw := make([]float64, n)
	for i := range raw {
		if rng.IntN(5) == 0 {
			continue
		}
		raw[i] = math.Min(1/math.Pow(1-rng.Float64(), 1/1.8), float64(max(n/50, 2)))
		sum += raw[i]
	}
	total := 0
	for i, r := range raw {
		deg[i] = min(int(r*float64(m)/sum), n-1)
		total += deg[i]
	}
	for total != m {
		i := rng.IntN(n)
		switch {
		case total < m && raw[i] > 0 && deg[i] < n-1:
			deg[i]++
			total++
		case total > m && deg[i] > 1:
			deg[i]--
			total--
		}
	}
	// Targets: 70% uniform, 30% from a Zipf law over a shuffled order,
	// so that a few nodes are hubs of in-edges too.
	hubs := rng.Perm(n)
	zipf := rand.NewZipf(rng, 1.2, 1, uint64(n-1))
	chosen := make(map[int32]bool)
	for i, d := range deg {
		clear(chosen)
		for len(chosen) < d {
			var t int
			if rng.IntN(10) < 7 {
				t = rng.IntN(n)
			} else {
				t = hubs[zipf.Uint64()]
			}
			if t == i || chosen[int32(t)] {
				continue
			}
			chosen[int32(t)] = true
			rel := graph.Activates
			switch r := rng.IntN(60); {
			case r < 20:
				rel = graph.Inhibits
			case r < 23:
				rel = graph.Secretes
			}
			c.stmts = append(c.stmts, benchStmt{c.nodes[i].ID, c.nodes[t].ID, rel, evidence()})
		}
	}
	for range extra {
		s := c.stmts[rng.IntN(m)]
		if rng.IntN(10) != 0 {
			s.ev = evidence()
		}
		c.stmts = append(c.stmts, s)
	}
	return c
}

// build builds the corpus's graph with a graph.Builder.
func (c *benchCorpus) build(tb testing.TB) *graph.Graph {
	var b graph.Builder
	for _, n := range c.nodes {
		if err := b.AddNode(n); err != nil {
			tb.Fatal(err)
		}
	}
	for _, s := range c.stmts {
		if _, err := b.AddEdge(s.from, s.to, s.rel, s.ev); err != nil {
			tb.Fatal(err)
		}
	}
	g, err := b.Build()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

// benchBare is the bare form of a graph: CSR arrays, the relation of each
// edge and its evidence.
type benchBare struct {
	start, target []int32
	rel           []graph.Relation
	evidence      [][]graph.Evidence
}

type benchKey struct {
	from, to int32
	rel      graph.Relation
}

// bareBuild is the baseline of [BenchmarkBuild]: intern the node IDs,
// merge statements by (from, to, relation) into edges with their
// evidence, and lay the edges out as a CSR by a counting sort.
func (c *benchCorpus) bareBuild() *benchBare {
	index := make(map[string]int32, len(c.nodes))
	for i, n := range c.nodes {
		index[n.ID] = int32(i)
	}
	edges := make(map[benchKey]int32, c.edges)
	var keys []benchKey
	var evs [][]graph.Evidence
	for _, s := range c.stmts {
		k := benchKey{index[s.from], index[s.to], s.rel}
		e, ok := edges[k]
		if !ok {
			e = int32(len(keys))
			edges[k] = e
			keys = append(keys, k)
			evs = append(evs, nil)
		}
		evs[e] = append(evs[e], s.ev)
	}
	b := &benchBare{start: make([]int32, len(c.nodes)+1), target: make([]int32, len(keys)),
		rel: make([]graph.Relation, len(keys)), evidence: make([][]graph.Evidence, len(keys))}
	for _, k := range keys {
		b.start[k.from+1]++
	}
	for i := 1; i < len(b.start); i++ {
		b.start[i] += b.start[i-1]
	}
	next := slices.Clone(b.start)
	for e, k := range keys {
		j := next[k.from]
		next[k.from]++
		b.target[j], b.rel[j], b.evidence[j] = k.to, k.rel, evs[e]
	}
	return b
}

// benchCSR is a plain adjacency of a built graph, nodes numbered in ID
// order as the graph numbers them.
type benchCSR struct {
	start, target []int32
	neg           []bool // edge inhibits
	index         map[string]int32
}

func benchCSROf(g *graph.Graph) *benchCSR {
	nodes := g.NodeList()
	c := &benchCSR{start: make([]int32, len(nodes)+1), index: make(map[string]int32, len(nodes))}
	for i, n := range nodes {
		c.index[n.ID] = int32(i)
	}
	edges := g.Edges() // sorted by From: filling in order keeps runs grouped
	c.target = make([]int32, len(edges))
	c.neg = make([]bool, len(edges))
	for _, e := range edges {
		c.start[c.index[e.From]+1]++
	}
	for i := 1; i < len(c.start); i++ {
		c.start[i] += c.start[i-1]
	}
	next := slices.Clone(c.start)
	for _, e := range edges {
		f := c.index[e.From]
		c.target[next[f]], c.neg[next[f]] = c.index[e.To], e.Sign() == graph.Negative
		next[f]++
	}
	return c
}

// benchBFS is the scratch of the bare searches, allocated once: visit
// stamps (no clearing between queries) and a queue.
type benchBFS struct {
	stamp []uint32
	depth []int32
	queue []int32
	epoch uint32
}

func newBenchBFS(states int) *benchBFS {
	return &benchBFS{stamp: make([]uint32, states), depth: make([]int32, states), queue: make([]int32, 0, states)}
}

// bfs visits every node reachable from s and returns how many it reached.
func (w *benchBFS) bfs(c *benchCSR, s int32) int {
	w.epoch++
	w.stamp[s] = w.epoch
	w.queue = append(w.queue[:0], s)
	for head := 0; head < len(w.queue); head++ {
		v := w.queue[head]
		for _, t := range c.target[c.start[v]:c.start[v+1]] {
			if w.stamp[t] != w.epoch {
				w.stamp[t] = w.epoch
				w.queue = append(w.queue, t)
			}
		}
	}
	return len(w.queue) - 1
}

// signedBFS visits every (node, sign) state reachable from (s, +), as
// Downstream does, and returns the number of distinct nodes reached.
func (w *benchBFS) signedBFS(c *benchCSR, s int32) int {
	w.epoch++
	w.stamp[2*s] = w.epoch
	w.queue = append(w.queue[:0], 2*s)
	nodes := 0
	for head := 0; head < len(w.queue); head++ {
		x := w.queue[head]
		v, neg := x/2, x%2 == 1
		for e := c.start[v]; e < c.start[v+1]; e++ {
			y := 2 * c.target[e]
			if neg != c.neg[e] {
				y++
			}
			if w.stamp[y] != w.epoch {
				if w.stamp[y^1] != w.epoch {
					nodes++ // the first state of the node reached
				}
				w.stamp[y] = w.epoch
				w.queue = append(w.queue, y)
			}
		}
	}
	return nodes
}

// paths counts the simple paths from s to t of at most maxLen edges, up
// to limit+1, as Graph.Paths enumerates them (without groups).
func (w *benchBFS) paths(c *benchCSR, s, t int32, maxLen, limit int) int {
	w.epoch++
	onPath := w.stamp
	found := 0
	var dfs func(v int32, depth int)
	dfs = func(v int32, depth int) {
		if found > limit {
			return
		}
		if v == t && depth > 0 {
			found++
			return
		}
		if depth == maxLen {
			return
		}
		for _, u := range c.target[c.start[v]:c.start[v+1]] {
			if onPath[u] == w.epoch && !(u == t && s == t) {
				continue
			}
			onPath[u] = w.epoch
			dfs(u, depth+1)
			if u != s {
				onPath[u] = 0
			}
		}
	}
	onPath[s] = w.epoch
	dfs(s, 0)
	return found
}

// benchGraph is a graph to query, with its plain adjacency and the
// queries to run.
type benchGraph struct {
	g      *graph.Graph
	csr    *benchCSR
	starts []string // Downstream sources
	pairs  [][2]string
	maxLen int // for Paths
}

var bench100k = sync.OnceValue(func() *benchCorpus { return benchGenerate(100_000, 1_000_000, 0, 42) })

var benchGraph100k = sync.OnceValues(func() (*benchGraph, error) {
	c := bench100k()
	var b graph.Builder
	for _, n := range c.nodes {
		if err := b.AddNode(n); err != nil {
			return nil, err
		}
	}
	for _, s := range c.stmts {
		if _, err := b.AddEdge(s.from, s.to, s.rel, s.ev); err != nil {
			return nil, err
		}
	}
	g, err := b.Build()
	if err != nil {
		return nil, err
	}
	bg := &benchGraph{g: g, csr: benchCSROf(g), maxLen: 3}
	// Sources: seeded picks among the nodes with out-edges; Paths runs to
	// the first node found at depth 3 from each.
	rng := rand.New(rand.NewPCG(7, 7))
	w := newBenchBFS(2 * g.Len())
	for len(bg.starts) < 8 {
		v := int32(rng.IntN(g.Len()))
		if bg.csr.start[v] == bg.csr.start[v+1] {
			continue
		}
		bg.starts = append(bg.starts, g.NodeList()[v].ID)
		if t, ok := w.atDepth(bg.csr, v, 3); ok {
			bg.pairs = append(bg.pairs, [2]string{g.NodeList()[v].ID, g.NodeList()[t].ID})
		}
	}
	return bg, nil
})

// atDepth returns the first node the BFS from s reaches at depth d.
func (w *benchBFS) atDepth(c *benchCSR, s int32, d int32) (int32, bool) {
	w.epoch++
	w.stamp[s], w.depth[s] = w.epoch, 0
	w.queue = append(w.queue[:0], s)
	for head := 0; head < len(w.queue); head++ {
		v := w.queue[head]
		if w.depth[v] == d {
			return v, true
		}
		for _, t := range c.target[c.start[v]:c.start[v+1]] {
			if w.stamp[t] != w.epoch {
				w.stamp[t], w.depth[t] = w.epoch, w.depth[v]+1
				w.queue = append(w.queue, t)
			}
		}
	}
	return 0, false
}

func benchDefault() *benchGraph {
	g := bonemet.Default().Graph
	bg := &benchGraph{g: g, csr: benchCSROf(g), maxLen: 6}
	for _, id := range []string{"DRUGBANK:DB06643", "HGNC:11926", "BONEMET:iap_antagonists", "CL:0000092"} {
		if _, ok := g.Lookup(id); ok {
			bg.starts = append(bg.starts, id)
		}
	}
	for _, p := range [][2]string{{"DRUGBANK:DB06643", "BONEMET:bone_resorption"}, {"HGNC:9607", "CL:0000092"}} {
		_, ok1 := g.Lookup(p[0])
		_, ok2 := g.Lookup(p[1])
		if ok1 && ok2 {
			bg.pairs = append(bg.pairs, p)
		}
	}
	return bg
}

// benchPFOCRDir returns the corpus's pfocr folder: $BONEMET_CORPUS/pfocr,
// or shared/corpus/pfocr in the nearest folder above the package that has
// one.
func benchPFOCRDir() (string, error) {
	if root := os.Getenv("BONEMET_CORPUS"); root != "" {
		return filepath.Join(root, "pfocr"), nil
	}
	return benchShared("corpus/pfocr")
}

// benchPFOCR is the graph of the pfocr corpus: every record read, the
// statements the reader extracts from them, resolved and built (there is
// no curation for these records). Sources: the four nodes with the most
// out-edges; Paths runs from each to the first node at depth 2.
var benchPFOCR = sync.OnceValues(func() (*benchGraph, error) {
	dir, err := benchPFOCRDir()
	if err != nil {
		return nil, err
	}
	c, err := ingest.LoadParallel(os.DirFS(dir), ".", ingest.LoadOptions{})
	if len(c.Documents) == 0 {
		return nil, fmt.Errorf("no documents in %s: %v", dir, err)
	}
	r := resolve.Default()
	rd := &extract.Reader{Resolver: r}
	for _, d := range c.Documents {
		c.Statements = append(c.Statements, rd.Read(d)...)
	}
	g, _, err := build.Build(c, r)
	if err != nil {
		return nil, err
	}
	return benchGraphOf(g, "pfocr")
})

// benchShared returns the folder shared/<rel> found above the package,
// or under $BONEMET_SHARED when that is set.
func benchShared(rel string) (string, error) {
	if root := os.Getenv("BONEMET_SHARED"); root != "" {
		return filepath.Join(root, rel), nil
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		return "", err
	}
	for {
		c := filepath.Join(dir, "shared", rel)
		if _, err := os.Stat(c); err == nil {
			return c, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("shared/%s not found above the package (set $BONEMET_SHARED)", rel)
		}
		dir = parent
	}
}

// benchWholeCorpus is the graph of the whole shared corpus with the
// pathways imported beside it: the pfocr records and the PubMed files,
// read by the reader, every human WikiPathways GPML file and the OmniPath
// signed table, resolved with the full HGNC table behind the default
// lexicon. Files that do not import are counted and left out. Sources and
// pairs are chosen as for pfocr.
var benchWholeCorpus = sync.OnceValues(func() (*benchGraph, error) {
	hgncPath, err := benchShared("reference/hgnc/hgnc_complete_set.txt")
	if err != nil {
		return nil, err
	}
	f, err := os.Open(hgncPath)
	if err != nil {
		return nil, err
	}
	hgnc, err := resolve.LoadHGNC(f, hgncPath)
	f.Close()
	if err != nil {
		return nil, err
	}
	r := resolve.New(resolve.DefaultLexicon(), hgnc)
	rd := &extract.Reader{Resolver: r}
	var c source.Corpus
	for _, rel := range []string{"corpus/pfocr", "corpus/pubmed"} {
		dir, err := benchShared(rel)
		if err != nil {
			return nil, err
		}
		part, _ := ingest.LoadParallel(os.DirFS(dir), ".", ingest.LoadOptions{Extract: rd.Read}) // unreadable files are left out
		c.Documents = append(c.Documents, part.Documents...)
		c.Statements = append(c.Statements, part.Statements...)
	}
	var imports []string
	if dir, err := benchShared("reference/wikipathways/gpml"); err == nil {
		imports, _ = filepath.Glob(filepath.Join(dir, "*.gpml"))
	}
	if p, err := benchShared("reference/omnipath/omnipath_carnival_signed_sif.tsv"); err == nil {
		imports = append(imports, p)
	}
	for _, p := range imports {
		part, _, err := bonemet.Import(p, r)
		if err != nil {
			continue
		}
		c.Documents = append(c.Documents, part.Documents...)
		c.Statements = append(c.Statements, part.Statements...)
	}
	g, _, err := build.Build(c, r)
	if err != nil {
		return nil, err
	}
	return benchGraphOf(g, "corpus")
})

// benchGraphOf prepares a built graph for the benchmarks: sources are the
// four nodes with the most out-edges; Paths runs from each to the first
// node at depth 2.
func benchGraphOf(g *graph.Graph, name string) (*benchGraph, error) {
	bg := &benchGraph{g: g, csr: benchCSROf(g), maxLen: 6}
	ids := make([]int32, g.Len())
	for i := range ids {
		ids[i] = int32(i)
	}
	outDeg := func(v int32) int32 { return bg.csr.start[v+1] - bg.csr.start[v] }
	slices.SortStableFunc(ids, func(a, b int32) int { return cmp.Compare(outDeg(b), outDeg(a)) })
	w := newBenchBFS(2 * g.Len())
	for _, v := range ids[:min(4, len(ids))] {
		bg.starts = append(bg.starts, g.NodeList()[v].ID)
		if t, ok := w.atDepth(bg.csr, v, 2); ok {
			bg.pairs = append(bg.pairs, [2]string{g.NodeList()[v].ID, g.NodeList()[t].ID})
		}
	}
	if len(bg.starts) == 0 || len(bg.pairs) == 0 {
		return nil, fmt.Errorf("the %s graph has no sources (%d nodes)", name, g.Len())
	}
	return bg, nil
}

// benchNamedGraph is a graph to benchmark. g builds it on first use and
// returns nil when it cannot be built (the reason is logged).
type benchNamedGraph struct {
	name string
	g    func() *benchGraph
}

// benchGraphs returns the graphs to query: "default", "pfocr" when the
// corpus is there, and "100k" without -short. Call g inside the
// sub-benchmark, so that a -bench filter does not build the others.
func benchGraphs(b *testing.B) []benchNamedGraph {
	lazy := func(f func() (*benchGraph, error)) func() *benchGraph {
		return func() *benchGraph {
			bg, err := f()
			if err != nil {
				b.Logf("graph not built: %v", err)
			}
			return bg
		}
	}
	gs := []benchNamedGraph{{"default", benchDefault}}
	if _, err := benchPFOCRDir(); err == nil {
		gs = append(gs, benchNamedGraph{"pfocr", lazy(benchPFOCR)})
	}
	if !testing.Short() {
		if _, err := benchShared("corpus"); err == nil {
			gs = append(gs, benchNamedGraph{"corpus", lazy(benchWholeCorpus)})
		}
		gs = append(gs, benchNamedGraph{"100k", lazy(benchGraph100k)})
	}
	return gs
}

// benchGet returns the graph, or skips the (sub-)benchmark.
func benchGet(b *testing.B, gc benchNamedGraph) *benchGraph {
	b.Helper()
	bg := gc.g()
	if bg == nil {
		b.Skipf("graph %s not built", gc.name)
	}
	return bg
}

// benchHeap returns the heap held by live objects after a collection.
func benchHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkBuild builds a graph from generated statements with a
// graph.Builder: "20k" has 20,000 nodes, 100,000 edges and 120,000
// statements; "100k" 100,000 nodes and 1,000,000 edges (skipped with
// -short). It reports statements/s, the heap the graph keeps per edge
// (B/edge, evidence included; strings are shared with the input and not
// counted), the same for the bare baseline, their ratio (x-bare-heap),
// and the time over the bare build (x-bare).
func BenchmarkBuild(b *testing.B) {
	cases := []struct {
		name   string
		corpus func() *benchCorpus
		short  bool
	}{
		{"20k", sync.OnceValue(func() *benchCorpus { return benchGenerate(20_000, 100_000, 20_000, 1) }), true},
		{"100k", bench100k, false},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			if !tc.short && testing.Short() {
				b.Skip("1M edges")
			}
			c := tc.corpus()
			before := benchHeap()
			g := c.build(b)
			graphHeap := float64(benchHeap()) - float64(before)
			runtime.KeepAlive(g)
			g = nil
			before = benchHeap()
			bare := c.bareBuild()
			bareHeap := float64(benchHeap()) - float64(before)
			runtime.KeepAlive(bare)
			bare = nil
			b.ReportAllocs()
			cpu := benchcmp.RunThread(b, func(int) { g = c.build(b) }, benchcmp.Baseline{Name: "bare", Run: func(int) { bare = c.bareBuild() }})
			if len(g.Edges()) != c.edges {
				b.Fatalf("%d edges, want %d", len(g.Edges()), c.edges)
			}
			b.ReportMetric(float64(len(c.stmts))*float64(b.N)/b.Elapsed().Seconds(), "stmts/s")
			b.ReportMetric(float64(len(c.stmts))*float64(b.N)/cpu.Seconds(), "stmts/cpu-s")
			b.ReportMetric(graphHeap/float64(c.edges), "B/edge")
			b.ReportMetric(bareHeap/float64(c.edges), "bare-B/edge")
			b.ReportMetric(graphHeap/bareHeap, "x-bare-heap")
			b.ReportMetric(graphHeap/(1<<20), "graph-MiB")
			runtime.KeepAlive(bare)
		})
	}
}

// BenchmarkBareBFS is the baseline of the traversal benchmarks: an
// unsigned breadth-first search over a plain CSR from the same sources,
// allocating nothing per query ("bfs"), and the same over (node, sign)
// states ("signed").
func BenchmarkBareBFS(b *testing.B) {
	for _, gc := range benchGraphs(b) {
		for _, signed := range []bool{false, true} {
			name := gc.name + "/bfs"
			if signed {
				name = gc.name + "/signed"
			}
			b.Run(name, func(b *testing.B) {
				bg := benchGet(b, gc)
				w := newBenchBFS(2 * bg.g.Len())
				b.ReportAllocs()
				reached := 0
				benchcmp.RunThread(b, func(i int) {
					s := bg.csr.index[bg.starts[i%len(bg.starts)]]
					if signed {
						reached += w.signedBFS(bg.csr, s)
					} else {
						reached += w.bfs(bg.csr, s)
					}
				})
				b.ReportMetric(float64(reached)/float64(b.N), "reached/op")
			})
		}
	}
}

// bareSearches are the baselines of the traversal benchmarks: the bare
// searches from the same sources.
func (bg *benchGraph) bareSearches(w *benchBFS) []benchcmp.Baseline {
	from := func(i int) int32 { return bg.csr.index[bg.starts[i%len(bg.starts)]] }
	return []benchcmp.Baseline{
		{Name: "bfs", Run: func(i int) { w.bfs(bg.csr, from(i)) }},
		{Name: "signedbfs", Run: func(i int) { w.signedBFS(bg.csr, from(i)) }},
	}
}

// benchTraversal runs a query from each source in turn and compares it
// with the bare searches from the same sources; query returns the number
// of nodes in its answer.
func benchTraversal(b *testing.B, query func(g *graph.Graph, id string) (int, error)) {
	for _, gc := range benchGraphs(b) {
		b.Run(gc.name, func(b *testing.B) {
			bg := benchGet(b, gc)
			w := newBenchBFS(2 * bg.g.Len())
			b.ReportAllocs()
			reached := 0
			benchcmp.RunThread(b, func(i int) {
				n, err := query(bg.g, bg.starts[i%len(bg.starts)])
				if err != nil {
					b.Fatal(err)
				}
				reached += n
			}, bg.bareSearches(w)...)
			b.ReportMetric(float64(reached)/float64(b.N), "reached/op")
		})
	}
}

// BenchmarkDownstream runs Graph.Downstream (every reached node with its
// sign and a shortest path, materialised) from each source in turn.
func BenchmarkDownstream(b *testing.B) {
	benchTraversal(b, func(g *graph.Graph, id string) (int, error) {
		rs, err := g.Downstream(id)
		return len(rs), err
	})
}

// BenchmarkDownstreamGC runs Downstream on the 100k graph with the
// collector's work charged to it (benchcmp.RunWithGC: process CPU time,
// and a full collection at the end), against the bare searches. Run it
// with -benchtime 1000x: with fewer queries the final collection weighs
// more than their share.
func BenchmarkDownstreamGC(b *testing.B) {
	for _, gc := range benchGraphs(b) {
		if gc.name != "100k" {
			continue
		}
		b.Run(gc.name, func(b *testing.B) {
			bg := benchGet(b, gc)
			w := newBenchBFS(2 * bg.g.Len())
			b.ReportAllocs()
			benchcmp.RunWithGC(b, func(i int) {
				if _, err := bg.g.Downstream(bg.starts[i%len(bg.starts)]); err != nil {
					b.Fatal(err)
				}
			}, bg.bareSearches(w)...)
		})
	}
}

// BenchmarkBlocks runs Graph.Blocks (Downstream, negative nodes kept).
func BenchmarkBlocks(b *testing.B) {
	benchTraversal(b, func(g *graph.Graph, id string) (int, error) {
		rs, err := g.Blocks(id)
		return len(rs), err
	})
}

// BenchmarkTraverse runs the search behind Downstream without building the
// []Reach (Graph.Traverse: sign and depth of every node reached, paths on
// demand).
func BenchmarkTraverse(b *testing.B) {
	benchTraversal(b, func(g *graph.Graph, id string) (int, error) {
		t, err := g.Traverse(id, graph.Down)
		if err != nil {
			return 0, err
		}
		return t.Len(), nil
	})
}

// BenchmarkPaths runs Graph.Paths between pairs of nodes (default and
// pfocr: at most 6 edges; 100k: at most 3 edges, to a node at BFS depth
// 3), at most
// 1000 paths, and compares it with a bare depth-first enumeration of the
// same paths ("x-dfs") and with the bare BFS from the same source
// ("x-bfs").
func BenchmarkPaths(b *testing.B) {
	for _, gc := range benchGraphs(b) {
		b.Run(gc.name, func(b *testing.B) {
			bg := benchGet(b, gc)
			w := newBenchBFS(2 * bg.g.Len())
			b.ReportAllocs()
			found := 0
			benchcmp.RunThread(b, func(i int) {
				p := bg.pairs[i%len(bg.pairs)]
				ps, err := bg.g.Paths(p[0], p[1], graph.MaxDepth(bg.maxLen))
				if err != nil && !errors.Is(err, graph.ErrTooManyPaths) {
					b.Fatal(err)
				}
				found += len(ps)
			}, benchcmp.Baseline{Name: "dfs", Run: func(i int) {
				p := bg.pairs[i%len(bg.pairs)]
				w.paths(bg.csr, bg.csr.index[p[0]], bg.csr.index[p[1]], bg.maxLen, 1000)
			}}, benchcmp.Baseline{Name: "bfs", Max: 200, Run: func(i int) { w.bfs(bg.csr, bg.csr.index[bg.pairs[i%len(bg.pairs)][0]]) }})
			b.ReportMetric(float64(found)/float64(b.N), "paths/op")
		})
	}
}
