package graph

import (
	"cmp"
	"fmt"
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
// The search records no predecessors. The levels say at which depth each
// state was reached, and that is enough to recover a path when one is
// asked for: the predecessor of a state at depth d is found among the
// edges into it, the first (in node-ID, then relation order) whose other
// end has the right sign at depth d-1, which is the one the search would
// have chosen.

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

// searchMode holds the choices a search makes by itself, which tests
// force: the direction of each level and how a Traversal keeps the depths
// of its states.
type searchMode struct{ dir, storage int }

// searchAuto lets the search choose.
var searchAuto = searchMode{dirAuto, storeAuto}

// Storage choices for the depths of a Traversal's states: automatic, or
// forced for tests.
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
// exceed 1/alpha of the edges into the nodes still lacking a sign (what
// bottom-up reads at most); back to top-down when the level holds fewer
// than 1/beta of the nodes. Beamer et al. use 14 and 24; a node lacks two
// signs here, and many never get the second, so it stops early less
// often and bottom-up pays later: on the benchmark graphs 1–3 do best.
const (
	alpha = 2
	beta  = 24
)

// scratch holds per-query state indexed by node and by (node, sign). It is
// pooled and reset through the list of nodes reached, so that a query
// allocates in proportion to its answer, not to the graph.
type scratch struct {
	mask   []uint8  // node → the bits above
	level  []uint64 // node → its signs at the depth being expanded, 2 bits each
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
		s = &scratch{mask: make([]uint8, n), level: make([]uint64, (n+31)/32), bits: make([]uint64, (n+63)/64)}
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
// reached, not to the graph (about 10 bytes per node), and is safe for
// concurrent use.
type Traversal struct {
	g       *Graph
	query   int32
	forward bool
	rev     csr                      // the edges into a node, along the search
	move    [RelationsCount][4]uint8 // as in walk: which relations the search followed
	order   []int32                  // the levels of the search (see scratch.order)
	depths  []int32                  // where each level starts in order
	// nodes holds, by depth then ID, each node reached as the state of its
	// shorter path <<2 | 2 when the other state is reached too | 1 when the
	// node is ambivalent; levels[d] is where depth d starts in nodes.
	nodes  []uint32
	levels []int32

	index     sync.Once
	dense     bool
	depthOf   []int32  // dense: state → depth, -1 when not reached
	stateKeys []uint64 // sparse: state<<32 | depth, by state
}

// stateDepth returns the depth at which state y was reached, or -1.
func (t *Traversal) stateDepth(y int32) int32 {
	t.index.Do(t.buildIndex)
	if t.dense {
		return t.depthOf[y]
	}
	i, _ := slices.BinarySearchFunc(t.stateKeys, y, func(k uint64, y int32) int { return cmp.Compare(int32(k>>32), y) })
	if i < len(t.stateKeys) && int32(t.stateKeys[i]>>32) == y {
		return int32(uint32(t.stateKeys[i]))
	}
	return -1
}

// buildIndex lays out the depth of every state reached: indexed by state
// when they are a large part of the graph, sorted otherwise.
func (t *Traversal) buildIndex() {
	n := len(t.g.nodes)
	level := int32(0)
	each := func(f func(y, d int32)) {
		level = 0
		for i, e := range t.order {
			for level+1 < int32(len(t.depths)) && t.depths[level+1] <= int32(i) {
				level++
			}
			v := e >> 2
			if e&1 != 0 {
				f(2*v, level)
			}
			if e&2 != 0 {
				f(2*v+1, level)
			}
		}
	}
	if t.dense {
		t.depthOf = make([]int32, 2*n)
		for i := range t.depthOf {
			t.depthOf[i] = -1
		}
		each(func(y, d int32) { t.depthOf[y] = d })
		return
	}
	t.stateKeys = make([]uint64, 0, 2*len(t.order))
	each(func(y, d int32) { t.stateKeys = append(t.stateKeys, uint64(y)<<32|uint64(uint32(d))) })
	slices.Sort(t.stateKeys)
}

// walk runs the search from the start nodes along adj (against rev, the
// same edges the other way); forward says whether paths run along the
// search (Downstream) or against it (Upstream).
func (g *Graph) walk(query int32, starts []int32, adj, rev csr, forward bool, o *options, m searchMode) *Traversal {
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
		order = append(order, v<<2|1)
		edgesOut += int(adj.start[v+1] - adj.start[v])
	}
	n := len(g.nodes)
	// edgesIn counts the edges into the nodes not reached with both signs:
	// what a bottom-up level reads at most.
	edgesIn := len(g.edges)
	bottomUp := m.dir == dirBottomUp
	for depth := 0; o.maxDepth <= 0 || depth < o.maxDepth; depth++ {
		level := order[depths[depth]:]
		if len(level) == 0 {
			break
		}
		if m.dir == dirAuto {
			if !bottomUp {
				bottomUp = edgesOut*alpha > edgesIn
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
				edgesIn -= int(rev.start[v+1] - rev.start[v])
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
	t := g.answer(s, query, forward, o.strict)
	t.rev, t.move = rev, move
	t.dense = m.storage == storeDense || m.storage == storeAuto && 4*len(order) >= len(g.nodes)
	return t
}

// topDown finds the next level from the nodes of level along adj, and
// appends them to next, unordered.
func (s *scratch) topDown(next, level []int32, adj csr, move *[RelationsCount][4]uint8) []int32 {
	mask := s.mask
	arcs, start := adj.arc, adj.start
	for _, e := range level {
		u, m := e>>2, e&3
		// row holds move[r][m] in byte r: the loop reads it from a register.
		row := uint32(move[0][m]) | uint32(move[1][m])<<8 | uint32(move[2][m])<<16 | uint32(move[3][m])<<24
		for _, a := range arcs[start[u]:start[u+1]] {
			t := a >> arcShift
			mt := mask[t]
			found := uint8(row>>(uint(a&(1<<arcShift-1))*8)) &^ mt
			if found == 0 {
				continue
			}
			if mt&(nextPos|nextNeg) == 0 {
				next = append(next, t)
			}
			mask[t] = mt | found | found<<nextShift
		}
	}
	return next
}

// bottomUp finds the next level from each node lacking a sign, along rev
// to the first node of the level (in s.level) that gives it, and appends
// them to next, in ID order.
func (s *scratch) bottomUp(next []int32, n int, rev csr, move *[RelationsCount][4]uint8) []int32 {
	mask, level := s.mask, s.level
	arcs, start := rev.arc, rev.start
	// table holds move[r][m] in the four bits at 4*(4r+m).
	var table uint64
	for r := range RelationsCount {
		for m := range 4 {
			table |= uint64(move[r][m]) << (4 * (4*r + m))
		}
	}
	for v, mv := range mask[:n] {
		need := ^mv & reachedBits
		if need == 0 {
			continue
		}
		lacking := need
		for _, a := range arcs[start[v]:start[v+1]] {
			u := uint32(a) >> arcShift
			signs := level[u/32] >> (u % 32 * 2) & 3
			got := uint8(table>>(4*(uint32(a)&(1<<arcShift-1)*4+uint32(signs)))) & need
			if got == 0 {
				continue
			}
			if need &^= got; need == 0 {
				break
			}
		}
		if found := lacking &^ need; found != 0 {
			mask[v] = mv | found | found<<nextShift
			next = append(next, int32(v))
		}
	}
	return next
}

// answer turns the search held in s into a Traversal: the nodes reached
// (but not the starts), by depth, then ID, and the levels.
func (g *Graph) answer(s *scratch, query int32, forward, strict bool) *Traversal {
	t := &Traversal{g: g, query: query, forward: forward}
	// One allocation for order, depths and the levels of the answer.
	no, nd := len(s.order), len(s.depths)
	buf := make([]int32, no+2*nd+1)
	t.order, t.depths, t.levels = buf[:no:no], buf[no:no+nd:no+nd], buf[no+nd:no+nd+1]
	copy(t.order, s.order)
	copy(t.depths, s.depths)
	mask, order, depths := s.mask, s.order, s.depths
	t.nodes = make([]uint32, 0, len(order)-int(depths[min(1, len(depths)-1)]))
	// t.levels[0] is 0: depth 0 holds no node of the answer, only starts.
	level := 0
	for i, e := range order {
		for level+1 < len(depths) && int(depths[level+1]) <= i {
			level++
			t.levels = append(t.levels, int32(len(t.nodes)))
		}
		v, signs := e>>2, e&3
		mv := mask[v]
		if mv&(startNode|answered) != 0 {
			continue // a start, or the node's second level
		}
		mask[v] = mv | answered
		first := 2 * v // + first on a tie
		if signs == 2 {
			first++
		}
		x := uint32(first) << 2
		if mv&reachedBits == reachedBits {
			x |= 2
			if signs == 3 || strict {
				x |= 1
			}
		}
		t.nodes = append(t.nodes, x)
	}
	t.levels = append(t.levels, int32(len(t.nodes)))
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
func (t *Traversal) Node(i int) *Node { return &t.g.nodes[t.nodes[i]>>3] }

// Depth returns the length of the shortest path to the i-th node.
func (t *Traversal) Depth(i int) int {
	d, found := slices.BinarySearch(t.levels, int32(i))
	if !found {
		d--
	}
	for d+1 < len(t.levels) && t.levels[d+1] <= int32(i) {
		d++ // past depths with no new node
	}
	return d
}

// Sign returns the net sign of the i-th node (see [Reach.Sign]).
func (t *Traversal) Sign(i int) Sign {
	switch x := t.nodes[i]; {
	case x&1 != 0:
		return Ambivalent
	case x&4 != 0: // the shorter path's state is the negative one
		return Negative
	}
	return Positive
}

// Reach returns the i-th node, with its paths on demand.
func (t *Traversal) Reach(i int) Reach { return t.reach(t.nodes[i], t.Depth(i)) }

// reach returns the node packed in x, at depth d.
func (t *Traversal) reach(x uint32, d int) Reach {
	sign := Positive
	switch {
	case x&1 != 0:
		sign = Ambivalent
	case x&4 != 0:
		sign = Negative
	}
	return Reach{Node: &t.g.nodes[x>>3], Depth: d, Sign: sign, state: int32(x>>2<<1 | x>>1&1), t: t}
}

// Path returns a shortest path to the i-th node (see [Reach.Path]).
func (t *Traversal) Path(i int) Path { return t.trace(int32(t.nodes[i] >> 2)) }

// trace builds the path that leads to state y: at each step back, the
// first edge into the node (in node-ID, then relation order) from a state
// one level up with the right sign, as the search chose it.
func (t *Traversal) trace(y int32) Path {
	g := t.g
	d := t.stateDepth(y)
	p := Path{Edges: make([]*Edge, d)}
	for ; d > 0; d-- {
		v := y >> 1
		prev := int32(-1)
		for k, end := t.rev.start[v], t.rev.start[v+1]; k < end; k++ {
			a := t.rev.arc[k]
			rel, u := a&(1<<arcShift-1), a>>arcShift
			if t.move[rel][1] == 0 {
				continue // a relation the search did not follow
			}
			x := 2*u + y&1
			if t.move[rel][1] == 2 {
				x ^= 1
			}
			if t.stateDepth(x) == d-1 {
				e := &g.edges[t.rev.edge[k]]
				if t.forward {
					p.Edges[d-1] = e
				} else {
					p.Edges[int32(len(p.Edges))-d] = e
				}
				prev = x
				break
			}
		}
		if prev < 0 {
			panic(fmt.Sprintf("graph: no predecessor for state %d at depth %d", y, d))
		}
		y = prev
	}
	if o := y >> 1; o != t.query {
		if t.forward {
			p.FromGroup, p.Source = g.nodes[o].ID, g.nodes[t.query].ID
		} else {
			p.ToGroup, p.Target = g.nodes[o].ID, g.nodes[t.query].ID
		}
	}
	return p
}
