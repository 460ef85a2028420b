package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sync"
)

// ErrTooManyPaths is returned by [Graph.Paths] with the paths found so far
// when there are more simple paths than the [MaxPaths] bound.
var ErrTooManyPaths = errors.New("more paths than the bound")

// Option adjusts a query. The zero set of options means: unbounded depth,
// every relation, groups followed, at most 6 edges and 1000 paths for
// [Graph.Paths].
type Option func(*options)

type options struct {
	maxDepth  int
	relations [RelationsCount]bool
	filtered  bool
	noGroups  bool
	strict    bool
	maxPaths  int
}

// RelationsCount is one more than the largest valid [Relation].
const RelationsCount = int(Secretes) + 1

// MaxDepth bounds a query to paths of at most n edges; n ≤ 0 means no bound
// (for [Graph.Paths], the default bound of 6).
func MaxDepth(n int) Option { return func(o *options) { o.maxDepth = n } }

// Only restricts a query to edges of the given relations.
func Only(rels ...Relation) Option {
	return func(o *options) {
		o.filtered = true
		for _, r := range rels {
			if int(r) < RelationsCount {
				o.relations[r] = true
			}
		}
	}
}

// NoGroups stops a query from following the edges of the groups the start
// node belongs to (see [Graph.Downstream]).
func NoGroups() Option { return func(o *options) { o.noGroups = true } }

// StrictSigns makes a node reached with both signs ambivalent whatever the
// lengths of its paths. By default the shortest path decides: a node is
// ambivalent only when paths of both signs share its shortest depth, and a
// longer path of the other sign is still reported in [Reach.Opposite].
func StrictSigns() Option { return func(o *options) { o.strict = true } }

// MaxPaths bounds the number of paths [Graph.Paths] returns (default 1000).
func MaxPaths(n int) Option { return func(o *options) { o.maxPaths = n } }

func collect(opts []Option) options {
	var o options
	for _, f := range opts {
		f(&o)
	}
	return o
}

func (o *options) allows(r Relation) bool { return !o.filtered || o.relations[r] }

// Path is a chain of edges. In answers to [Graph.Downstream] the path runs
// from the queried node (or from FromGroup, a group the queried node is a
// member of) to the reached node; in answers to [Graph.Upstream] it runs
// from the reached node to the queried node (or to ToGroup).
type Path struct {
	Edges     []*Edge
	FromGroup string // set when the path starts at a group of the queried source
	ToGroup   string // set when the path ends at a group of the queried target
}

// Sign returns the product of the edge signs; an empty path is Positive.
func (p Path) Sign() Sign {
	s := Positive
	for _, e := range p.Edges {
		s = s.Times(e.Sign())
	}
	return s
}

// Len returns the number of edges.
func (p Path) Len() int { return len(p.Edges) }

// Reach is one node in the answer to a traversal query.
type Reach struct {
	Node Node
	// Sign is the net sign: the sign of the shortest path, or Ambivalent
	// when shortest paths of both signs exist (with [StrictSigns]: when
	// any paths of both signs exist).
	Sign Sign
	// Depth is the number of edges of the shortest path.
	Depth int
	// Path is a shortest path explaining the answer. For an ambivalent
	// node it is the shortest of either sign (positive first on a tie).
	Path Path
	// Opposite is the shortest path of the other sign when the node is
	// reached with both signs (a feedback or a counteracting route); it is
	// empty otherwise.
	Opposite Path
}

// scratch holds per-query state indexed by (node, sign). It is pooled so
// that a query allocates in proportion to its answer, not to the graph.
type scratch struct {
	depth   []int32 // -1: unreached
	edge    []int32 // edge that reached the state
	parent  []int32 // previous state
	origin  []int32 // start node the state descends from
	queue   []int32
	touched []int32
}

var scratchPool sync.Pool

func (g *Graph) getScratch() *scratch {
	n := 2 * len(g.nodes)
	s, _ := scratchPool.Get().(*scratch)
	if s == nil || len(s.depth) < n {
		s = &scratch{depth: make([]int32, n), edge: make([]int32, n), parent: make([]int32, n), origin: make([]int32, n)}
		for i := range s.depth {
			s.depth[i] = -1
		}
	}
	return s
}

func putScratch(s *scratch) {
	for _, t := range s.touched {
		s.depth[t] = -1
	}
	s.touched, s.queue = s.touched[:0], s.queue[:0]
	scratchPool.Put(s)
}

// state encodes a node reached with a sign: 2v for +, 2v+1 for −.
func state(v int32, neg bool) int32 {
	if neg {
		return 2*v + 1
	}
	return 2 * v
}

func (g *Graph) starts(id string, o *options) (int32, []int32, error) {
	v, ok := g.index[id]
	if !ok {
		return 0, nil, fmt.Errorf("%w: %s", ErrNoNode, id)
	}
	starts := []int32{v}
	if !o.noGroups {
		starts = append(starts, g.groupsOf[v]...)
	}
	return v, starts, nil
}

// walk runs a breadth-first search over (node, sign) states from the start
// nodes along adj, and returns one Reach per node reached, the start nodes
// excluded, ordered by depth then ID. other gives the node at the far end
// of an edge; forward says whether paths run along the search (Downstream)
// or against it (Upstream).
func (g *Graph) walk(query int32, starts []int32, adj csr, other []int32, forward bool, o *options) []Reach {
	s := g.getScratch()
	defer putScratch(s)
	for _, st := range starts {
		x := state(st, false)
		if s.depth[x] >= 0 {
			continue
		}
		s.depth[x], s.edge[x], s.parent[x], s.origin[x] = 0, -1, -1, st
		s.touched = append(s.touched, x)
		s.queue = append(s.queue, x)
	}
	for head := 0; head < len(s.queue); head++ {
		x := s.queue[head]
		d := s.depth[x]
		if o.maxDepth > 0 && int(d) >= o.maxDepth {
			continue
		}
		v, neg := x/2, x%2 == 1
		for _, e := range adj.of(v) {
			rel := g.edges[e].Relation
			if !o.allows(rel) {
				continue
			}
			y := state(other[e], neg != (rel.Sign() == Negative))
			if s.depth[y] >= 0 {
				continue
			}
			s.depth[y], s.edge[y], s.parent[y], s.origin[y] = d+1, e, x, s.origin[x]
			s.touched = append(s.touched, y)
			s.queue = append(s.queue, y)
		}
	}

	isStart := func(v int32) bool { return slices.Contains(starts, v) }
	var out []Reach
	seen := make(map[int32]bool)
	for _, x := range s.queue {
		v := x / 2
		if isStart(v) || seen[v] {
			continue
		}
		seen[v] = true
		pos, neg := state(v, false), state(v, true)
		r := Reach{Node: g.nodes[v]}
		first, second := pos, neg
		if s.depth[pos] < 0 || (s.depth[neg] >= 0 && s.depth[neg] < s.depth[pos]) {
			first, second = neg, pos
		}
		r.Depth = int(s.depth[first])
		r.Path = g.trace(s, query, first, forward)
		r.Sign = r.Path.Sign()
		if s.depth[second] >= 0 {
			r.Opposite = g.trace(s, query, second, forward)
			if o.strict || s.depth[second] == s.depth[first] {
				r.Sign = Ambivalent
			}
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b Reach) int {
		return cmp.Or(cmp.Compare(a.Depth, b.Depth), cmp.Compare(a.Node.ID, b.Node.ID))
	})
	return out
}

func (g *Graph) trace(s *scratch, query, x int32, forward bool) Path {
	var p Path
	n := s.depth[x]
	p.Edges = make([]*Edge, n)
	for i := n - 1; i >= 0; i-- {
		e := s.edge[x]
		if forward {
			p.Edges[i] = &g.edges[e]
		} else {
			p.Edges[n-1-i] = &g.edges[e]
		}
		x = s.parent[x]
	}
	if o := s.origin[x]; o != query {
		if forward {
			p.FromGroup = g.nodes[o].ID
		} else {
			p.ToGroup = g.nodes[o].ID
		}
	}
	return p
}

// Downstream returns every node reachable from the node with the given ID,
// each with its net sign, its depth and a shortest explaining path, ordered
// by depth then ID. The net sign is the product of the edge signs along the
// shortest path; a node reached by shortest paths of both signs is
// Ambivalent, and a longer path of the opposite sign is reported in
// [Reach.Opposite] (see [StrictSigns]). The query is cycle-safe: it visits each (node, sign)
// pair at most once, in O(V+E) time.
//
// When the node is a member of a group (BIRC2 of cIAP1/2), the edges of the
// group are followed too, and the paths that start there say so in
// [Path.FromGroup]; [NoGroups] turns that off. The queried node and its
// groups are not part of the answer.
func (g *Graph) Downstream(id string, opts ...Option) ([]Reach, error) {
	o := collect(opts)
	v, starts, err := g.starts(id, &o)
	if err != nil {
		return nil, err
	}
	return g.walk(v, starts, g.out, g.to, true, &o), nil
}

// Upstream returns every node from which the node with the given ID can be
// reached, with the net sign of its influence, ordered by depth then ID.
// Edges into the groups the node belongs to count as edges into the node
// ([Path.ToGroup] says so). Complexity and options as for
// [Graph.Downstream].
func (g *Graph) Upstream(id string, opts ...Option) ([]Reach, error) {
	o := collect(opts)
	v, starts, err := g.starts(id, &o)
	if err != nil {
		return nil, err
	}
	return g.walk(v, starts, g.in, g.from, false, &o), nil
}

// Blocks returns the nodes downstream of the node that it decreases: net
// sign Negative. Ambivalent nodes are in neither Blocks nor [Graph.Promotes].
func (g *Graph) Blocks(id string, opts ...Option) ([]Reach, error) {
	return g.filterSign(id, Negative, opts)
}

// Promotes returns the nodes downstream of the node that it increases: net
// sign Positive.
func (g *Graph) Promotes(id string, opts ...Option) ([]Reach, error) {
	return g.filterSign(id, Positive, opts)
}

func (g *Graph) filterSign(id string, sign Sign, opts []Option) ([]Reach, error) {
	rs, err := g.Downstream(id, opts...)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(rs, func(r Reach) bool { return r.Sign != sign }), nil
}

// Paths returns the simple paths (no node twice) from one node to another
// (from a node back to itself when from equals to: its feedback loops)
// of at most [MaxDepth] edges (default 6), ordered by length, then by the
// IDs along the path. Paths may start at a group of from and end at a group
// of to, as in [Graph.Downstream] and [Graph.Upstream]. When there are more
// than [MaxPaths] (default 1000), it returns that many with
// [ErrTooManyPaths]. The search is a depth-first enumeration, exponential
// in the bound on dense graphs.
func (g *Graph) Paths(from, to string, opts ...Option) ([]Path, error) {
	o := collect(opts)
	u, starts, err := g.starts(from, &o)
	if err != nil {
		return nil, err
	}
	w, ends, err := g.starts(to, &o)
	if err != nil {
		return nil, err
	}
	maxLen := o.maxDepth
	if maxLen <= 0 {
		maxLen = 6
	}
	maxPaths := o.maxPaths
	if maxPaths <= 0 {
		maxPaths = 1000
	}
	onPath := make(map[int32]bool)
	var stack []int32
	var found []Path
	var full bool
	var dfs func(v, start int32)
	dfs = func(v, start int32) {
		if full {
			return
		}
		if j := slices.Index(ends, v); j >= 0 && len(stack) > 0 {
			p := Path{Edges: make([]*Edge, len(stack))}
			for i, e := range stack {
				p.Edges[i] = &g.edges[e]
			}
			if start != u {
				p.FromGroup = g.nodes[start].ID
			}
			if v != w {
				p.ToGroup = g.nodes[v].ID
			}
			if len(found) == maxPaths {
				full = true
				return
			}
			found = append(found, p)
			return
		}
		if len(stack) == maxLen {
			return
		}
		for _, e := range g.out.of(v) {
			t := g.to[e]
			if !o.allows(g.edges[e].Relation) || onPath[t] && !(t == w && u == w) {
				continue
			}
			onPath[t] = true
			stack = append(stack, e)
			dfs(t, start)
			stack = stack[:len(stack)-1]
			if t != u {
				delete(onPath, t)
			}
		}
	}
	for _, st := range starts {
		onPath[u], onPath[st] = true, true
		dfs(st, st)
		if st != u {
			delete(onPath, st)
		}
	}
	slices.SortStableFunc(found, func(a, b Path) int {
		if c := cmp.Compare(len(a.Edges), len(b.Edges)); c != 0 {
			return c
		}
		for i := range a.Edges {
			if c := cmp.Or(cmp.Compare(a.Edges[i].From, b.Edges[i].From), cmp.Compare(a.Edges[i].To, b.Edges[i].To),
				cmp.Compare(a.Edges[i].Relation, b.Edges[i].Relation)); c != 0 {
				return c
			}
		}
		return 0
	})
	if full {
		return found, fmt.Errorf("%w: %d paths from %s to %s", ErrTooManyPaths, maxPaths, from, to)
	}
	return found, nil
}
