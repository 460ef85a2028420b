package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
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
	minBelief float64
	methods   uint8
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
	// Edges are the edges of the path in order, each pointing into the
	// graph; empty for the zero Path.
	Edges     []*Edge
	FromGroup string // set when the path starts at a group of the queried source
	ToGroup   string // set when the path ends at a group of the queried target
	// Source is the queried source when the path starts at FromGroup, one
	// of its groups; Target the queried target when the path ends at
	// ToGroup.
	Source, Target string
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

// Reach is one node in the answer to a traversal query. The paths that
// explain it are built when asked for, by [Reach.Path] and
// [Reach.Opposite], so that a query reaching a large part of a graph costs
// a search, not a path per node.
type Reach struct {
	// Node is the node reached; it points into the graph and must not be
	// modified.
	Node *Node
	// Depth is the number of edges of the shortest path.
	Depth int
	// Sign is the net sign: the sign of the shortest path, or Ambivalent
	// when shortest paths of both signs exist (with [StrictSigns]: when
	// any paths of both signs exist).
	Sign Sign

	state int32      // the state of Path<<1 | 1 when the node has an Opposite
	t     *Traversal // the answer it belongs to; nil for the zero Reach
}

// Path returns a shortest path explaining the answer. For an ambivalent
// node it is the shortest of either sign (positive first on a tie). Of
// several shortest paths it is always the same one: each step back from
// the node comes from the node with the smallest ID, over the edge of the
// smallest relation. Each call builds a new Path; the zero Reach has an
// empty one.
func (r Reach) Path() Path {
	if r.t == nil {
		return Path{}
	}
	return r.t.trace(r.state >> 1)
}

// Opposite returns the shortest route of the other sign when the node is
// reached with both signs by simple paths (a counteracting route), and an
// empty Path otherwise. A shortest walk of the other sign that passes a
// node twice goes round a feedback loop (RANKL → ... ⇒ RANKL → ...): it is
// no route of its own, and Opposite is then empty. For an [Ambivalent]
// node the opposite route is as short as [Reach.Path] and always simple.
func (r Reach) Opposite() Path {
	if r.t == nil || r.state&1 == 0 {
		return Path{}
	}
	p := r.t.trace(r.state>>1 ^ 1)
	if !p.Simple() {
		return Path{}
	}
	return p
}

// HasOpposite reports whether [Reach.Opposite] is not empty. It traces
// the route, in O(depth × degree).
func (r Reach) HasOpposite() bool { return len(r.Opposite().Edges) > 0 }

// Simple reports whether the path passes no node twice (the queried node
// and the group it starts from count as one step).
func (p Path) Simple() bool {
	seen := make([]string, 0, len(p.Edges)+2)
	if p.Source != "" {
		seen = append(seen, p.Source)
	}
	if len(p.Edges) > 0 {
		seen = append(seen, p.Edges[0].From)
	}
	for _, e := range p.Edges {
		if slices.Contains(seen, e.To) {
			return false
		}
		seen = append(seen, e.To)
	}
	if p.Target != "" && slices.Contains(seen[:len(seen)-1], p.Target) {
		return false
	}
	return true
}

// starts returns the node with the given ID and the nodes a query from it
// starts at (itself and, unless o says not to, its groups), appended to
// buf.
func (g *Graph) starts(id string, o *options, buf []int32) (int32, []int32, error) {
	v, ok := g.index[id]
	if !ok {
		return 0, nil, fmt.Errorf("%w: %s", ErrNoNode, id)
	}
	starts := append(buf, v)
	if !o.noGroups {
		starts = append(starts, g.groupsOf[v]...)
	}
	return v, starts, nil
}

// Direction is the way a traversal follows edges. The zero value is
// invalid.
type Direction uint8

// Directions.
const (
	Down Direction = iota + 1 // along the edges, as [Graph.Downstream]
	Up                        // against the edges, as [Graph.Upstream]
)

// String returns "down" or "up".
func (d Direction) String() string {
	switch d {
	case Down:
		return "down"
	case Up:
		return "up"
	}
	return fmt.Sprintf("Direction(%d)", d)
}

// ErrDirection is returned for a [Direction] that is neither Down nor Up.
var ErrDirection = errors.New("graph: invalid direction")

// Traverse runs the search behind [Graph.Downstream] (dir Down) or
// [Graph.Upstream] (dir Up) and returns the compact answer: Len nodes, in
// the order Downstream gives them. It costs one breadth-first search over
// (node, sign) states, O(V+E), and allocates for the states reached only.
func (g *Graph) Traverse(id string, dir Direction, opts ...Option) (*Traversal, error) {
	return g.traverse(id, dir, collect(opts), searchAuto)
}

// traverse is Traverse with the search's choices of direction and storage
// given (tests force them; queries use searchAuto).
func (g *Graph) traverse(id string, dir Direction, o options, m searchMode) (*Traversal, error) {
	g, err := g.filtered(&o)
	if err != nil {
		return nil, err
	}
	var buf [8]int32
	v, starts, err := g.starts(id, &o, buf[:0])
	if err != nil {
		return nil, err
	}
	switch dir {
	case Down:
		return g.walk(v, starts, g.out, g.in, true, &o, m), nil
	case Up:
		return g.walk(v, starts, g.in, g.out, false, &o, m), nil
	}
	return nil, fmt.Errorf("%w: %v", ErrDirection, dir)
}

// Reaches returns every node reached, in order, with their paths on
// demand.
func (t *Traversal) Reaches() []Reach {
	if len(t.nodes) == 0 {
		return nil
	}
	out := make([]Reach, len(t.nodes))
	d := 0
	for i, n := range t.nodes {
		for i >= int(t.levels[d+1]) {
			d++
		}
		out[i] = t.reach(n, d)
	}
	return out
}

// Downstream returns every node reachable from the node with the given ID,
// each with its net sign, its depth and a shortest explaining path
// ([Reach.Path], built when asked for), ordered by depth then ID. The net
// sign is the product of the edge signs along the shortest path; a node
// reached by shortest paths of both signs is Ambivalent, and a longer path
// of the opposite sign is reported by [Reach.Opposite] (see
// [StrictSigns]). The query is cycle-safe: it visits each (node, sign)
// pair at most once, in O(V+E) time, and allocates in proportion to the
// answer.
//
// When the node is a member of a group (BIRC2 of cIAP1/2), the edges of the
// group are followed too, and the paths that start there say so in
// [Path.FromGroup]; [NoGroups] turns that off. The queried node and its
// groups are not part of the answer.
func (g *Graph) Downstream(id string, opts ...Option) ([]Reach, error) {
	t, err := g.Traverse(id, Down, opts...)
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
	t, err := g.Traverse(id, Up, opts...)
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
	t, err := g.Traverse(id, Down, opts...)
	if err != nil {
		return nil, err
	}
	n := 0
	for i := range t.nodes {
		if t.Sign(i) == sign {
			n++
		}
	}
	if n == 0 {
		return nil, nil
	}
	out := make([]Reach, 0, n)
	d := 0
	for i, x := range t.nodes {
		for i >= int(t.levels[d+1]) {
			d++
		}
		if t.Sign(i) == sign {
			out = append(out, t.reach(x, d))
		}
	}
	return out, nil
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
	g, err := g.filtered(&o)
	if err != nil {
		return nil, err
	}
	u, starts, err := g.starts(from, &o, nil)
	if err != nil {
		return nil, err
	}
	w, ends, err := g.starts(to, &o, nil)
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
	// The nodes on the current path: the source, the start and the stack's
	// targets, at most maxLen+2 of them, so a scan beats a map.
	onPath := make([]int32, 0, maxLen+2)
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
				p.FromGroup, p.Source = g.nodes[start].ID, g.nodes[u].ID
			}
			if v != w {
				p.ToGroup, p.Target = g.nodes[v].ID, g.nodes[w].ID
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
			if !o.allows(g.rel[e]) || slices.Contains(onPath, t) && !(t == w && u == w) {
				continue
			}
			onPath = append(onPath, t)
			stack = append(stack, e)
			dfs(t, start)
			stack = stack[:len(stack)-1]
			onPath = onPath[:len(onPath)-1]
		}
	}
	for _, st := range starts {
		onPath = append(onPath[:0], u, st)
		dfs(st, st)
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
