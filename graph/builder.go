package graph

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Builder collects nodes and edges and builds an immutable [Graph]. The zero
// value is ready to use. A Builder is not safe for concurrent use.
type Builder struct {
	nodes map[string]*Node
	edges map[edgeKey]*Edge
}

type edgeKey struct {
	from, to string
	rel      Relation
}

// AddNode adds n. Adding a node whose ID is already present merges the two
// when they agree on Kind (the later non-empty Symbol, Name and Group win,
// Xrefs and Members are united) and fails with [ErrNodeConflict] when the
// kinds differ. The ID must be a CURIE ([ValidID]).
func (b *Builder) AddNode(n Node) error {
	if !ValidID(n.ID) {
		return fmt.Errorf("%w: %q", ErrBadID, n.ID)
	}
	if n.Kind == KindInvalid || int(n.Kind) >= len(kindNames) {
		return fmt.Errorf("node %s: %w: %v", n.ID, ErrUnknownKind, n.Kind)
	}
	if b.nodes == nil {
		b.nodes = make(map[string]*Node)
	}
	old, ok := b.nodes[n.ID]
	if !ok {
		c := n
		c.Xrefs = sortedUnique(slices.Clone(n.Xrefs))
		c.Members = sortedUnique(slices.Clone(n.Members))
		b.nodes[n.ID] = &c
		return nil
	}
	if old.Kind != n.Kind {
		return fmt.Errorf("%w: %s is a %v and a %v", ErrNodeConflict, n.ID, old.Kind, n.Kind)
	}
	if n.Symbol != "" {
		old.Symbol = n.Symbol
	}
	if n.Name != "" {
		old.Name = n.Name
	}
	if n.Group != NotGroup {
		old.Group = n.Group
	}
	old.Xrefs = sortedUnique(append(old.Xrefs, n.Xrefs...))
	old.Members = sortedUnique(append(old.Members, n.Members...))
	return nil
}

// HasNode reports whether a node with the given ID has been added.
func (b *Builder) HasNode(id string) bool {
	_, ok := b.nodes[id]
	return ok
}

// AddEdge adds evidence for the relation rel from one node to another; both
// nodes must have been added. Edges with the same endpoints and relation
// merge, and identical evidence is kept once. It reports whether the
// evidence was new.
func (b *Builder) AddEdge(from, to string, rel Relation, ev Evidence) (bool, error) {
	if _, ok := b.nodes[from]; !ok {
		return false, fmt.Errorf("edge %s %v %s: %w: %s", from, rel, to, ErrNoNode, from)
	}
	if _, ok := b.nodes[to]; !ok {
		return false, fmt.Errorf("edge %s %v %s: %w: %s", from, rel, to, ErrNoNode, to)
	}
	if rel.Sign() == NoSign {
		return false, fmt.Errorf("edge %s %v %s: %w", from, rel, to, ErrUnknownRelation)
	}
	if ev.Doc == "" || ev.Method == MethodInvalid {
		return false, fmt.Errorf("edge %s %v %s: %w: evidence needs a document and a method", from, rel, to, ErrNoEvidence)
	}
	if b.edges == nil {
		b.edges = make(map[edgeKey]*Edge)
	}
	k := edgeKey{from, to, rel}
	e, ok := b.edges[k]
	if !ok {
		e = &Edge{From: from, To: to, Relation: rel}
		b.edges[k] = e
	}
	for _, old := range e.Evidence {
		if sameEvidence(old, ev) {
			return false, nil
		}
	}
	e.Evidence = append(e.Evidence, ev)
	return true, nil
}

// sameEvidence reports whether two records cite the same text the same
// way: the rule and confidence do not count, so the same claim curated
// twice, or found by two of the reader's rules, is one piece of evidence.
func sameEvidence(a, b Evidence) bool {
	return a.Doc == b.Doc && a.Section == b.Section && a.Quote == b.Quote &&
		a.Start == b.Start && a.End == b.End && a.Method == b.Method
}

func compareEvidence(a, b Evidence) int {
	return cmp.Or(
		cmp.Compare(a.Doc, b.Doc),
		cmp.Compare(a.Section, b.Section),
		cmp.Compare(a.Start, b.Start),
		cmp.Compare(a.Quote, b.Quote),
		cmp.Compare(a.Method, b.Method),
		cmp.Compare(a.Rule, b.Rule),
	)
}

// Build returns the graph of everything added so far. It fails when a
// group names a member that was not added. The Builder may be used again
// afterwards; the returned graph does not share memory with it.
func (b *Builder) Build() (*Graph, error) {
	if len(b.nodes) > maxNodes || len(b.edges) > math.MaxInt32 {
		return nil, fmt.Errorf("%w: %d nodes and %d edges (at most %d and %d)", ErrTooManyNodes, len(b.nodes), len(b.edges), maxNodes, math.MaxInt32)
	}
	g := &Graph{index: make(map[string]int32, len(b.nodes))}
	g.nodes = make([]Node, 0, len(b.nodes))
	for _, n := range b.nodes {
		c := *n
		c.Xrefs = slices.Clone(n.Xrefs)
		c.Members = slices.Clone(n.Members)
		g.nodes = append(g.nodes, c)
	}
	slices.SortFunc(g.nodes, func(a, b Node) int { return strings.Compare(a.ID, b.ID) })
	for i, n := range g.nodes {
		g.index[n.ID] = int32(i)
	}
	g.groupsOf = make([][]int32, len(g.nodes))
	var missing []string
	for i, n := range g.nodes {
		for _, m := range n.Members {
			j, ok := g.index[m]
			if !ok {
				missing = append(missing, n.ID+" → "+m)
				continue
			}
			g.groupsOf[j] = append(g.groupsOf[j], int32(i))
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%w: group members not added: %s", ErrNoNode, strings.Join(missing, ", "))
	}

	// Order the edges by (from, to, relation) through their node indices,
	// which follow ID order: integer keys instead of string comparisons.
	type keyed struct {
		from, to int32
		rel      Relation
		e        *Edge
	}
	ks := make([]keyed, 0, len(b.edges))
	total := 0
	for _, e := range b.edges {
		ks = append(ks, keyed{g.index[e.From], g.index[e.To], e.Relation, e})
		total += len(e.Evidence)
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.from, b.from), cmp.Compare(a.to, b.to), cmp.Compare(a.rel, b.rel))
	})
	// All the evidence in one allocation; each edge's slice is capped, so
	// that appending to one cannot overwrite the next.
	slab := make([]Evidence, total)
	g.edges = make([]Edge, len(ks))
	g.from = make([]int32, len(ks))
	g.to = make([]int32, len(ks))
	g.rel = make([]Relation, len(ks))
	for i, k := range ks {
		n := copy(slab, k.e.Evidence)
		ev := slab[:n:n]
		slab = slab[n:]
		slices.SortFunc(ev, compareEvidence)
		g.edges[i] = Edge{From: k.e.From, To: k.e.To, Relation: k.rel, Evidence: ev}
		g.from[i], g.to[i], g.rel[i] = k.from, k.to, k.rel
	}
	g.out = newCSR(len(g.nodes), g.from, g.to, g.rel)
	g.in = newCSR(len(g.nodes), g.to, g.from, g.rel)
	return g, nil
}

// csr is a compressed adjacency: the edges leaving node v are
// edge[start[v]:start[v+1]], ordered by the node at the other end, then by
// relation. arc holds, position by position, the node at the other end
// and the relation packed in one word (node<<arcShift | relation), so that
// a search reads one array in sequence and looks up the edge only for a
// node it reaches.
type csr struct {
	start []int32
	edge  []int32
	arc   []int32
}

// arcShift is the number of bits of a relation in a csr arc; the graph
// holds fewer than 1<<(31-arcShift) nodes.
const arcShift = 2

// maxNodes is the largest number of nodes a Graph holds.
const maxNodes = 1<<(31-arcShift) - 1

// Every relation fits in the bits of an arc.
var _ [1<<arcShift - RelationsCount]struct{}

func newCSR(n int, key, other []int32, rels []Relation) csr {
	c := csr{start: make([]int32, n+1), edge: make([]int32, len(key)), arc: make([]int32, len(key))}
	for _, k := range key {
		c.start[k+1]++
	}
	for i := 1; i <= n; i++ {
		c.start[i] += c.start[i-1]
	}
	next := slices.Clone(c.start[:n])
	// Edges are sorted by (from, to, relation), so for the out-adjacency
	// filling in edge order keeps each run sorted; the in-adjacency is
	// sorted explicitly below.
	for e, k := range key {
		c.edge[next[k]] = int32(e)
		next[k]++
	}
	for v := range n {
		run := c.edge[c.start[v]:c.start[v+1]]
		slices.SortStableFunc(run, func(a, b int32) int { return cmp.Compare(other[a], other[b]) })
	}
	for k, e := range c.edge {
		c.arc[k] = other[e]<<arcShift | int32(rels[e])
	}
	return c
}

func (c csr) of(v int32) []int32 { return c.edge[c.start[v]:c.start[v+1]] }

func sortedUnique(s []string) []string {
	slices.Sort(s)
	s = slices.Compact(s)
	if len(s) == 0 {
		return nil
	}
	return s
}

// EdgeEvidence returns the evidence recorded so far for the edge, or nil.
// The slice is shared and must not be modified.
func (b *Builder) EdgeEvidence(from, to string, rel Relation) []Evidence {
	if e, ok := b.edges[edgeKey{from, to, rel}]; ok {
		return e.Evidence
	}
	return nil
}
