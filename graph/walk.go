package graph

import (
	"cmp"
	"math/bits"
	"slices"
	"sync"
)

// The search behind Downstream and Upstream is a breadth-first search over
// (node, sign) states, level by level. A level is a list of nodes in ID
// order, each with the signs it is reached with at that depth, so the two
// states of a node at the same depth are expanded together.
//
// Each level is found in one of two directions (Beamer, Asanović and
// Patterson, "Direction-optimizing breadth-first search", SC 2012):
// top-down, from each node of the level along its edges; or bottom-up,
// from each node still lacking a sign along its edges backwards, stopping
// at the first node of the level that gives it. Bottom-up is cheaper when
// the level is a large part of the graph. Both directions pick the same
// predecessor for every state: of the states one level up with an edge to
// it, the one of the node with the smallest ID, through the edge of the
// smallest relation. The answer, paths included, is therefore the same
// whichever direction each level took.
//
// A state keeps only the edge that reached it: the previous state is the
// edge's other end, with the sign the edge's relation implies.

// Bits of scratch.mask.
const (
	reachedPos = 1 << iota // (v, +) reached
	reachedNeg             // (v, −) reached
	nextPos                // (v, +) found at the next depth
	nextNeg                // (v, −) found at the next depth
	startNode              // v is a start of the search
	answered               // v has been placed in the answer

	reachedBits = reachedPos | reachedNeg
	nextShift   = 2 // mask>>nextShift&3: the signs found at the next depth
)

// Storage choices for the edges of a Traversal: automatic, or forced for
// tests.
const (
	storeAuto = iota
	storeDense
	storeSparse
)

// Direction choices for walk: automatic, or forced for tests.
const (
	dirAuto = iota
	dirTopDown
	dirBottomUp
)

// When to search a level bottom-up: when the edges out of the level
// exceed 1/alpha of the edges into the nodes still lacking a sign; back
// to top-down when the level holds fewer than 1/beta of the nodes. Beamer
// et al. use 14 and 24; a node lacks two signs here, so it stops early
// less often, and bottom-up pays later.
const (
	alpha = 3
	beta  = 24
)

// scratch holds per-query state indexed by node and by (node, sign). It is
// pooled and reset through the list of nodes reached, so that a query
// allocates in proportion to its answer, not to the graph.
type scratch struct {
	mask   []uint8  // node → the bits above
	level  []uint64 // node → its signs at the depth being expanded, 2 bits each
	edge   []int32  // state → the edge that reached it (-1 for a start), set when found
	bits   []uint64 // a zeroed bitset of the nodes, for ordering
	order  []int32  // v<<2 | signs, level after level, each level by ID
	depths []int32  // where each level starts in order
	next   []int32  // the nodes found at the next depth
}

var scratchPool sync.Pool

func (g *Graph) getScratch() *scratch {
	n := len(g.nodes)
	s, _ := scratchPool.Get().(*scratch)
	if s == nil || len(s.mask) < n {
		s = &scratch{mask: make([]uint8, n), level: make([]uint64, (n+31)/32), edge: make([]int32, 2*n), bits: make([]uint64, (n+63)/64)}
	}
	return s
}

func putScratch(s *scratch) {
	for _, e := range s.order {
		s.mask[e>>2] = 0
	}
	s.order, s.depths, s.next = s.order[:0], s.depths[:0], s.next[:0]
	scratchPool.Put(s)
}

// setLevel records the signs of the node of level entry e (v<<2 | signs)
// in the level bitmap, or clears them.
func (s *scratch) setLevel(e int32, on bool) {
	v := e >> 2
	w, sh := v/32, uint(v%32)*2
	if on {
		s.level[w] |= uint64(e&3) << sh
	} else {
		s.level[w] &^= 3 << sh
	}
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
	back    []int32 // edge → the node the search came from: g.from, or g.to upstream
	// The edge that reached each state: with states nil, edges is indexed
	// by state; otherwise edges[i] is the edge of states[i], in state order.
	states, edges []int32
	nodes         []reached // by depth, then ID
}

// reached is a node of the answer.
type reached struct {
	first, second int32 // its state of the shorter path, and the other one or -1
	depth         int32
	sign          Sign // the net sign
}

// edgeOf returns the edge that reached state y, -1 for a start.
func (t *Traversal) edgeOf(y int32) int32 {
	if t.states == nil {
		return t.edges[y]
	}
	i, _ := slices.BinarySearch(t.states, y)
	return t.edges[i]
}

// walk runs the search from the start nodes along adj (against rev, the
// same edges the other way); forward says whether paths run along the
// search (Downstream) or against it (Upstream).
func (g *Graph) walk(query int32, starts []int32, adj, rev csr, forward bool, o *options) *Traversal {
	s := g.getScratch()
	defer putScratch(s)
	mask := s.mask
	order, next := s.order, s.next

	// move[r][m] is the set of signs reached over an edge of relation r
	// from the signs m (bit 0: +, bit 1: −); 0 when r is filtered out.
	var move [RelationsCount][4]uint8
	for r := range move {
		switch {
		case o.filtered && !o.relations[r]:
		case Relation(r).Sign() == Negative:
			move[r] = [4]uint8{0, 2, 1, 3}
		default:
			move[r] = [4]uint8{0, 1, 2, 3}
		}
	}

	// Level 0: the starts, positive, in ID order.
	next = append(next, starts...)
	slices.Sort(next)
	next = slices.Compact(next)
	depths := append(s.depths, 0)
	edgesOut := 0 // edges out of the level
	for _, v := range next {
		mask[v] = reachedPos | startNode
		s.edge[2*v] = -1
		order = append(order, v<<2|1)
		edgesOut += int(adj.start[v+1] - adj.start[v])
	}
	n := len(g.nodes)
	// done counts the nodes reached with both signs; the edges into the
	// others, which a bottom-up level may read, are estimated from it.
	done := 0
	edgesPerNode := float64(len(g.edges)) / float64(max(n, 1))
	bottomUp := o.dir == dirBottomUp
	for depth := 0; o.maxDepth <= 0 || depth < o.maxDepth; depth++ {
		level := order[depths[depth]:]
		if len(level) == 0 {
			break
		}
		if o.dir == dirAuto {
			if !bottomUp {
				bottomUp = float64(edgesOut*alpha) > float64(n-done)*edgesPerNode
			} else {
				bottomUp = len(level) >= n/beta
			}
		}
		next = next[:0]
		if bottomUp {
			for _, e := range level {
				s.setLevel(e, true)
			}
			next = s.bottomUp(next, n, rev, &move)
			for _, e := range level {
				s.setLevel(e, false)
			}
		} else {
			next = s.topDown(next, level, adj, &move)
			s.sortNodes(next)
		}
		// The nodes found become the next level.
		depths = append(depths, int32(len(order)))
		for _, v := range next {
			mv := mask[v]
			mask[v] = mv &^ (nextPos | nextNeg)
			order = append(order, v<<2|int32(mv>>nextShift&3))
			if mv&reachedBits == reachedBits {
				done++
			}
		}
		if edgesOut = 0; !bottomUp {
			// Only after a top-down level is the next one weighed.
			for _, v := range next {
				edgesOut += int(adj.start[v+1] - adj.start[v])
			}
		}
	}
	s.order, s.depths, s.next = order, depths, next
	back := g.from
	if !forward {
		back = g.to
	}
	dense := o.storage == storeDense || o.storage == storeAuto && 4*len(order) >= len(g.nodes)
	return g.answer(s, query, back, forward, o.strict, dense)
}

// topDown finds the next level from the nodes of level along adj, and
// appends them to next, unordered.
func (s *scratch) topDown(next, level []int32, adj csr, move *[RelationsCount][4]uint8) []int32 {
	mask, edge := s.mask, s.edge
	arcs, start, edges := adj.arc, adj.start, adj.edge
	for _, e := range level {
		u, m := e>>2, uint8(e&3)
		for k, end := start[u], start[u+1]; k < end; k++ {
			a := arcs[k]
			rel, t := a&(1<<arcShift-1), a>>arcShift
			mt := mask[t]
			found := move[rel][m] &^ mt
			if found == 0 {
				continue
			}
			if mt&(nextPos|nextNeg) == 0 {
				next = append(next, t)
			}
			mask[t] = mt | found | found<<nextShift
			if found&1 != 0 {
				edge[2*t] = edges[k]
			}
			if found&2 != 0 {
				edge[2*t+1] = edges[k]
			}
		}
	}
	return next
}

// bottomUp finds the next level from each node lacking a sign, along rev
// to the first node of the level (in s.level) that gives it, and appends
// them to next, in ID order.
func (s *scratch) bottomUp(next []int32, n int, rev csr, move *[RelationsCount][4]uint8) []int32 {
	mask, edge, level := s.mask, s.edge, s.level
	arcs, start, edges := rev.arc, rev.start, rev.edge
	for v := range int32(n) {
		mv := mask[v]
		need := ^mv & reachedBits
		if need == 0 {
			continue
		}
		lacking := need
		for k, end := start[v], start[v+1]; k < end; k++ {
			a := arcs[k]
			rel, u := a&(1<<arcShift-1), a>>arcShift
			got := move[rel][level[u/32]>>(uint(u%32)*2)&3] & need
			if got == 0 {
				continue
			}
			if got&1 != 0 {
				edge[2*v] = edges[k]
			}
			if got&2 != 0 {
				edge[2*v+1] = edges[k]
			}
			if need &^= got; need == 0 {
				break
			}
		}
		if found := lacking &^ need; found != 0 {
			mask[v] = mv | found | found<<nextShift
			next = append(next, v)
		}
	}
	return next
}

// answer turns the search held in s into a Traversal: the nodes reached
// (but not the starts), by depth, then ID, and the edge of every state
// reached. Dense, when the nodes reached are a large part of the graph,
// the edges are the scratch's, copied whole and indexed by state;
// otherwise they are gathered and sorted by state.
func (g *Graph) answer(s *scratch, query int32, back []int32, forward, strict, dense bool) *Traversal {
	t := &Traversal{g: g, query: query, forward: forward, back: back}
	mask, order, depths := s.mask, s.order, s.depths
	if dense {
		t.edges = slices.Clone(s.edge[:2*len(g.nodes)])
	} else {
		type stateEdge struct{ y, e int32 }
		se := make([]stateEdge, 0, 2*len(order))
		for _, e := range order {
			v := e >> 2
			if e&1 != 0 {
				se = append(se, stateEdge{2 * v, s.edge[2*v]})
			}
			if e&2 != 0 {
				se = append(se, stateEdge{2*v + 1, s.edge[2*v+1]})
			}
		}
		slices.SortFunc(se, func(a, b stateEdge) int { return cmp.Compare(a.y, b.y) })
		t.states, t.edges = make([]int32, len(se)), make([]int32, len(se))
		for i, x := range se {
			t.states[i], t.edges[i] = x.y, x.e
		}
	}
	t.nodes = make([]reached, 0, len(order)-int(depths[min(1, len(depths)-1)]))
	level := int32(0)
	for i, e := range order {
		for level+1 < int32(len(depths)) && depths[level+1] <= int32(i) {
			level++
		}
		v, signs := e>>2, e&3
		mv := mask[v]
		if mv&(startNode|answered) != 0 {
			continue // a start, or the node's second level
		}
		mask[v] = mv | answered
		n := reached{first: 2 * v, second: -1, depth: level, sign: Positive}
		switch {
		case signs == 3: // both signs at the same depth: + first
			n.second, n.sign = 2*v+1, Ambivalent
		case signs == 2:
			n.first, n.sign = 2*v+1, Negative
		}
		if signs != 3 && mv&reachedBits == reachedBits { // the other sign deeper
			n.second = n.first ^ 1
		}
		if strict && n.second >= 0 {
			n.sign = Ambivalent
		}
		t.nodes = append(t.nodes, n)
	}
	return t
}

// sortNodes sorts a list of distinct node indices: by comparison when it
// is short, through the bitset when it is long for the span it covers.
func (s *scratch) sortNodes(run []int32) {
	if len(run) < 2 {
		return
	}
	lo, hi := run[0], run[0]
	for _, v := range run {
		lo, hi = min(lo, v), max(hi, v)
	}
	if words := int(hi/64 - lo/64 + 1); len(run) < 64 || words > 4*len(run) {
		slices.Sort(run)
		return
	}
	set := s.bits
	for _, v := range run {
		set[v/64] |= 1 << (v % 64)
	}
	i := 0
	for w := lo / 64; w <= hi/64; w++ {
		for x := set[w]; x != 0; x &= x - 1 {
			run[i] = w*64 + int32(bits.TrailingZeros64(x))
			i++
		}
		set[w] = 0
	}
}

// Len returns the number of nodes reached.
func (t *Traversal) Len() int { return len(t.nodes) }

// Node returns the i-th node reached.
func (t *Traversal) Node(i int) *Node { return &t.g.nodes[t.nodes[i].first>>1] }

// Depth returns the length of the shortest path to the i-th node.
func (t *Traversal) Depth(i int) int { return int(t.nodes[i].depth) }

// Sign returns the net sign of the i-th node (see [Reach.Sign]).
func (t *Traversal) Sign(i int) Sign { return t.nodes[i].sign }

// Reach returns the i-th node, with its paths on demand.
func (t *Traversal) Reach(i int) Reach {
	n := t.nodes[i]
	return Reach{Node: &t.g.nodes[n.first>>1], Depth: int(n.depth), Sign: n.sign, t: t, i: int32(i)}
}

// Path returns a shortest path to the i-th node (see [Reach.Path]).
func (t *Traversal) Path(i int) Path { return t.trace(t.nodes[i].first) }

// prev returns the state before y on its path, reached over edge e.
func (t *Traversal) prev(y, e int32) int32 {
	y = 2*t.back[e] + y&1
	if t.g.rel[e].Sign() == Negative {
		y ^= 1
	}
	return y
}

// trace builds the path that leads to state y.
func (t *Traversal) trace(y int32) Path {
	n := 0
	for x := y; ; n++ {
		e := t.edgeOf(x)
		if e < 0 {
			break
		}
		x = t.prev(x, e)
	}
	g := t.g
	p := Path{Edges: make([]*Edge, n)}
	for i := n - 1; ; i-- {
		e := t.edgeOf(y)
		if e < 0 {
			break
		}
		if t.forward {
			p.Edges[i] = &g.edges[e]
		} else {
			p.Edges[n-1-i] = &g.edges[e]
		}
		y = t.prev(y, e)
	}
	if o := y >> 1; o != t.query {
		if t.forward {
			p.FromGroup = g.nodes[o].ID
		} else {
			p.ToGroup = g.nodes[o].ID
		}
	}
	return p
}
