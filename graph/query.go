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
	// Node is the node reached; it points into the graph and must not be
	// modified.
	Node *Node
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

// scratch holds per-query state indexed by (node, sign) and by node. It is
// pooled and reset through the touched lists, so that a query allocates in
// proportion to its answer, not to the graph.
type scratch struct {
	pos   []int32 // state → its position in queue, -1: unreached
	slot  []int32 // node → its index in the answer, -1: none yet
	queue []int32 // reached states in breadth-first order
	recs  []rec   // per queue position
	nodes []int32 // nodes given a slot
}

// rec is what the search knows of a reached state.
type rec struct {
	edge   int32 // the edge that reached it, -1 for a start
	parent int32 // queue position of the previous state, -1 for a start
	depth  int32
	origin int32 // the start node it descends from
}

var scratchPool sync.Pool

func (g *Graph) getScratch() *scratch {
	n := len(g.nodes)
	s, _ := scratchPool.Get().(*scratch)
	if s == nil || len(s.slot) < n {
		s = &scratch{pos: make([]int32, 2*n), slot: make([]int32, n)}
		for i := range s.pos {
			s.pos[i] = -1
		}
		for i := range s.slot {
			s.slot[i] = -1
		}
	}
	return s
}

func putScratch(s *scratch) {
	for _, x := range s.queue {
		s.pos[x] = -1
	}
	for _, v := range s.nodes {
		s.slot[v] = -1
	}
	s.queue, s.recs, s.nodes = s.queue[:0], s.recs[:0], s.nodes[:0]
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

// Traversal is the answer to a traversal query, held compactly: for each
// node reached, its net sign and depth, with the paths that explain it
// built only when asked for. [Graph.Traverse] returns one; Downstream and
// Upstream are built on it. It holds memory in proportion to the nodes
// reached, not to the graph, and is safe for concurrent use.
type Traversal struct {
	g       *Graph
	query   int32
	forward bool
	strict  bool
	recs    []rec
	nodes   []reached // by depth, then ID
}

// reached is a node of the answer: the queue positions of its states.
type reached struct {
	v             int32
	first, second int32 // the shorter-path state, and the other one or -1
	neg           bool  // the shorter-path state is the negative one
}

// Traverse runs the search behind [Graph.Downstream] (or, with up set, behind
// [Graph.Upstream]) and returns the compact answer: Len nodes, in the order
// Downstream gives them. It costs one breadth-first search over (node,
// sign) states, O(V+E), and allocates for the states reached only.
func (g *Graph) Traverse(id string, up bool, opts ...Option) (*Traversal, error) {
	o := collect(opts)
	v, starts, err := g.starts(id, &o)
	if err != nil {
		return nil, err
	}
	if up {
		return g.walk(v, starts, g.in, g.from, false, &o), nil
	}
	return g.walk(v, starts, g.out, g.to, true, &o), nil
}

// walk runs a breadth-first search over (node, sign) states from the start
// nodes along adj. other gives the node at the far end of an edge; forward
// says whether paths run along the search (Downstream) or against it
// (Upstream).
func (g *Graph) walk(query int32, starts []int32, adj csr, other []int32, forward bool, o *options) *Traversal {
	s := g.getScratch()
	defer putScratch(s)
	push := func(x int32, r rec) {
		s.pos[x] = int32(len(s.queue))
		s.queue = append(s.queue, x)
		s.recs = append(s.recs, r)
	}
	for _, st := range starts {
		if x := state(st, false); s.pos[x] < 0 {
			push(x, rec{edge: -1, parent: -1, origin: st})
		}
	}
	// flip[r] is 1 when relation r flips the sign; 2 when r is filtered
	// out. Locals keep the slice headers in registers in the hot loop.
	var flip [RelationsCount]int32
	for r := range flip {
		switch {
		case o.filtered && !o.relations[r]:
			flip[r] = 2
		case Relation(r).Sign() == Negative:
			flip[r] = 1
		}
	}
	pos, queue, recs := s.pos, s.queue, s.recs
	rels, start, edges := g.rel, adj.start, adj.edge
	maxDepth := int32(o.maxDepth)
	for head := 0; head < len(queue); head++ {
		x, r := queue[head], recs[head]
		if maxDepth > 0 && r.depth >= maxDepth {
			continue
		}
		v := x >> 1
		for _, e := range edges[start[v]:start[v+1]] {
			f := flip[rels[e]]
			if f == 2 {
				continue
			}
			y := 2*other[e] + (x&1 ^ f)
			if pos[y] >= 0 {
				continue
			}
			pos[y] = int32(len(queue))
			queue = append(queue, y)
			recs = append(recs, rec{edge: e, parent: int32(head), depth: r.depth + 1, origin: r.origin})
		}
	}
	s.queue, s.recs = queue, recs

	t := &Traversal{g: g, query: query, forward: forward, strict: o.strict, recs: slices.Clone(s.recs)}
	for _, st := range starts {
		s.slot[st] = -2 // never part of the answer
		s.nodes = append(s.nodes, st)
	}
	for q, x := range s.queue {
		v := x >> 1
		switch i := s.slot[v]; {
		case i == -2:
		case i >= 0:
			t.nodes[i].second = int32(q)
		default:
			s.slot[v] = int32(len(t.nodes))
			s.nodes = append(s.nodes, v)
			t.nodes = append(t.nodes, reached{v: v, first: int32(q), second: -1, neg: x&1 == 1})
		}
	}
	// Breadth-first order is by depth; within a depth, order by ID (node
	// indices follow ID order): sort packed (depth, index) keys.
	keys := make([]uint64, len(t.nodes))
	sorted := true
	for i, n := range t.nodes {
		keys[i] = uint64(t.recs[n.first].depth)<<32 | uint64(n.v)
		if i > 0 && keys[i] < keys[i-1] {
			sorted = false
		}
	}
	if !sorted {
		slices.Sort(keys)
		byNode := s.slot // node → index in t.nodes, still set
		old := t.nodes
		t.nodes = make([]reached, len(old))
		for i, k := range keys {
			t.nodes[i] = old[byNode[int32(uint32(k))]]
		}
	}
	return t
}

// Len returns the number of nodes reached.
func (t *Traversal) Len() int { return len(t.nodes) }

// Node returns the i-th node reached.
func (t *Traversal) Node(i int) *Node { return &t.g.nodes[t.nodes[i].v] }

// Depth returns the length of the shortest path to the i-th node.
func (t *Traversal) Depth(i int) int { return int(t.recs[t.nodes[i].first].depth) }

// Sign returns the net sign of the i-th node (see [Reach.Sign]).
func (t *Traversal) Sign(i int) Sign {
	n := t.nodes[i]
	if n.second >= 0 && (t.strict || t.recs[n.second].depth == t.recs[n.first].depth) {
		return Ambivalent
	}
	if n.neg {
		return Negative
	}
	return Positive
}

// Reach returns the i-th node with its paths.
func (t *Traversal) Reach(i int) Reach {
	return t.reach(i, nil)
}

// reach builds the i-th Reach, taking path storage from buf when it has
// room.
func (t *Traversal) reach(i int, buf *[]*Edge) Reach {
	n := t.nodes[i]
	r := Reach{Node: &t.g.nodes[n.v], Depth: t.Depth(i), Sign: t.Sign(i)}
	r.Path = t.trace(n.first, buf)
	if n.second >= 0 {
		r.Opposite = t.trace(n.second, buf)
	}
	return r
}

func (t *Traversal) trace(q int32, buf *[]*Edge) Path {
	var p Path
	n := int(t.recs[q].depth)
	if buf != nil && cap(*buf)-len(*buf) >= n {
		p.Edges = (*buf)[len(*buf) : len(*buf)+n : len(*buf)+n]
		*buf = (*buf)[:len(*buf)+n]
	} else {
		p.Edges = make([]*Edge, n)
	}
	g := t.g
	for i := n - 1; i >= 0; i-- {
		e := &g.edges[t.recs[q].edge]
		if t.forward {
			p.Edges[i] = e
		} else {
			p.Edges[n-1-i] = e
		}
		q = t.recs[q].parent
	}
	if o := t.recs[q].origin; o != t.query {
		if t.forward {
			p.FromGroup = g.nodes[o].ID
		} else {
			p.ToGroup = g.nodes[o].ID
		}
	}
	return p
}

// Reaches returns every node reached, with its paths, in order. The paths
// share one backing array.
func (t *Traversal) Reaches() []Reach {
	if len(t.nodes) == 0 {
		return nil
	}
	total := 0
	for _, n := range t.nodes {
		total += int(t.recs[n.first].depth)
		if n.second >= 0 {
			total += int(t.recs[n.second].depth)
		}
	}
	buf := make([]*Edge, 0, total)
	out := make([]Reach, len(t.nodes))
	for i := range t.nodes {
		out[i] = t.reach(i, &buf)
	}
	return out
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
	t, err := g.Traverse(id, false, opts...)
	if err != nil {
		return nil, err
	}
	return t.Reaches(), nil
}

// Upstream returns every node from which the node with the given ID can be
// reached, with the net sign of its influence, ordered by depth then ID.
// Edges into the groups the node belongs to count as edges into the node
// ([Path.ToGroup] says so). Complexity and options as for
// [Graph.Downstream].
func (g *Graph) Upstream(id string, opts ...Option) ([]Reach, error) {
	t, err := g.Traverse(id, true, opts...)
	if err != nil {
		return nil, err
	}
	return t.Reaches(), nil
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
