package graph

import (
	"strconv"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/multi"
)

// Graph is an immutable, typed, signed, directed multigraph. Build one with
// a [Builder]. All methods are safe for concurrent use.
//
// Graph satisfies gonum's [gonum.Directed] and [gonum.DirectedMultigraph],
// so gonum's algorithms (traverse, path, topo) and encoders (dot) run on it
// unchanged. In that view a node is a [Vertex] whose int64 ID is its index
// in [Graph.Nodes] order, and a line is a [Line] wrapping one [Edge].
type Graph struct {
	nodes    []Node // sorted by ID
	index    map[string]int32
	groupsOf [][]int32 // node → groups that list it as a member

	edges    []Edge // sorted by (From, To, Relation)
	from, to []int32
	rel      []Relation // edges[i].Relation, compact for the searches
	out, in  csr

	views views // graphs of the edges MinBelief and Methods let through
}

var (
	_ gonum.Directed           = (*Graph)(nil)
	_ gonum.DirectedMultigraph = (*Graph)(nil)
)

// Len returns the number of nodes.
func (g *Graph) Len() int { return len(g.nodes) }

// NodeList returns every node, sorted by ID. The slice is shared and must
// not be modified.
func (g *Graph) NodeList() []Node { return g.nodes }

// Edges returns every edge, sorted by From, To and Relation. The slice is
// shared and must not be modified.
func (g *Graph) Edges() []Edge { return g.edges }

// Lookup returns the node with the given CURIE.
func (g *Graph) Lookup(id string) (Node, bool) {
	i, ok := g.index[id]
	if !ok {
		return Node{}, false
	}
	return g.nodes[i], true
}

// NodeID returns the gonum ID of the node with the given CURIE: its index
// in ID order, the ID its [Vertex] has in the gonum interfaces.
func (g *Graph) NodeID(id string) (int64, bool) {
	i, ok := g.index[id]
	return int64(i), ok
}

// Out returns the edges leaving the node with the given ID, ordered by
// target ID then relation. It returns nil for an unknown ID.
func (g *Graph) Out(id string) []*Edge { return g.edgesOf(id, g.out) }

// In returns the edges entering the node with the given ID, ordered by
// source ID then relation. It returns nil for an unknown ID.
func (g *Graph) In(id string) []*Edge { return g.edgesOf(id, g.in) }

func (g *Graph) edgesOf(id string, c csr) []*Edge {
	i, ok := g.index[id]
	if !ok {
		return nil
	}
	run := c.of(i)
	es := make([]*Edge, len(run))
	for k, e := range run {
		es[k] = &g.edges[e]
	}
	return es
}

// GroupsOf returns the IDs of the groups that list the node as a member,
// sorted.
func (g *Graph) GroupsOf(id string) []string {
	i, ok := g.index[id]
	if !ok {
		return nil
	}
	ids := make([]string, len(g.groupsOf[i]))
	for k, j := range g.groupsOf[i] {
		ids[k] = g.nodes[j].ID
	}
	return ids
}

// Contradiction is a pair of nodes joined both by an activating and an
// inhibiting edge.
type Contradiction struct {
	// From and To are the IDs of the source and target nodes the edges join.
	From, To string
	// Positive is an edge of positive sign (activates or secretes) from From
	// to To, Negative the inhibits edge; both point into the graph.
	Positive, Negative *Edge
}

// Contradictions returns every pair of nodes with edges of opposite signs,
// ordered by From then To.
func (g *Graph) Contradictions() []Contradiction {
	var cs []Contradiction
	for v := range g.nodes {
		run := g.out.of(int32(v))
		for i := 0; i < len(run); {
			j := i
			var pos, neg *Edge
			for ; j < len(run) && g.to[run[j]] == g.to[run[i]]; j++ {
				e := &g.edges[run[j]]
				switch e.Sign() {
				case Positive:
					pos = e
				case Negative:
					neg = e
				}
			}
			if pos != nil && neg != nil {
				cs = append(cs, Contradiction{From: pos.From, To: pos.To, Positive: pos, Negative: neg})
			}
			i = j
		}
	}
	return cs
}

// Vertex is a [Node] as gonum sees it. It implements [gonum.Node],
// dot.Node and [encoding.Attributer].
type Vertex struct {
	// Node is the node the vertex stands for; it points into the graph and
	// must not be modified.
	Node *Node
	id   int64
}

// ID returns the vertex's gonum ID (its index in ID order).
func (v Vertex) ID() int64 { return v.id }

// DOTID returns the node's CURIE, so DOT output names nodes readably.
func (v Vertex) DOTID() string { return v.Node.ID }

// Attributes returns DOT attributes: the label, and the shape and fill of
// the kind ([Kind.DOTStyle]).
func (v Vertex) Attributes() []encoding.Attribute {
	shape, fill := v.Node.Kind.DOTStyle()
	return []encoding.Attribute{
		{Key: "label", Value: strconv.Quote(v.Node.Label())},
		{Key: "shape", Value: shape},
		{Key: "style", Value: "filled"},
		{Key: "fillcolor", Value: strconv.Quote(fill)},
	}
}

// DOTStyle returns how drawings show a node of kind k, in Graphviz's
// terms: the shape says the kind (boxes genes, ellipses cells, diamonds
// drugs and chemicals, plain text processes, 3-D boxes groups) and the
// fill colour repeats it. [Vertex.Attributes] and graph/export's DOT
// writer both use it.
func (k Kind) DOTStyle() (shape, fill string) {
	switch k {
	case Gene:
		return "box", "#e7f5ff"
	case Cell:
		return "ellipse", "#fff4e6"
	case Drug:
		return "diamond", "#f3f0ff"
	case Chemical:
		return "diamond", "#f8f9fa"
	case Process:
		return "plaintext", "#ffffff"
	case Group:
		return "box3d", "#ebfbee"
	}
	return "point", "#ffffff"
}

// DOTStyle returns how drawings show an edge of relation r: an arrowhead
// (normal, a tee for inhibition, a dot for secretion), a line style and a
// colour (green, red, blue). [Line.Attributes] and graph/export's DOT
// writer both use it.
func (r Relation) DOTStyle() (head, style, color string) {
	switch r {
	case Activates:
		return "normal", "solid", "#2b8a3e"
	case Inhibits:
		return "tee", "solid", "#c92a2a"
	case Secretes:
		return "dot", "dashed", "#1864ab"
	}
	return "none", "dotted", "#868e96"
}

// Line is an [Edge] as gonum sees it. It implements [gonum.Line] and
// [encoding.Attributer].
type Line struct {
	// Edge is the edge the line stands for, in its own direction even when
	// the line is reversed; it points into the graph and must not be modified.
	Edge     *Edge
	from, to Vertex
	id       int64
	reversed bool
}

// From returns the source vertex (the target when reversed).
func (l Line) From() gonum.Node { return l.from }

// To returns the target vertex (the source when reversed).
func (l Line) To() gonum.Node { return l.to }

// ID returns the line's gonum ID (the edge's index in [Graph.Edges]).
func (l Line) ID() int64 { return l.id }

// ReversedLine returns the line with its ends swapped.
func (l Line) ReversedLine() gonum.Line {
	l.from, l.to, l.reversed = l.to, l.from, !l.reversed
	return l
}

// ReversedEdge returns the line with its ends swapped.
func (l Line) ReversedEdge() gonum.Edge { return l.ReversedLine().(Line) }

// Attributes returns DOT attributes: the relation as label, the evidence
// count as tooltip, and the arrowhead, style and colour of the relation
// ([Relation.DOTStyle]).
func (l Line) Attributes() []encoding.Attribute {
	head, style, color := l.Edge.Relation.DOTStyle()
	return []encoding.Attribute{
		{Key: "label", Value: l.Edge.Relation.String()},
		{Key: "tooltip", Value: strconv.Quote(strconv.Itoa(len(l.Edge.Evidence)) + " evidence")},
		{Key: "arrowhead", Value: head},
		{Key: "style", Value: style},
		{Key: "color", Value: strconv.Quote(color)},
	}
}

func (g *Graph) vertex(i int32) Vertex { return Vertex{Node: &g.nodes[i], id: int64(i)} }

func (g *Graph) line(e int32) Line {
	return Line{Edge: &g.edges[e], from: g.vertex(g.from[e]), to: g.vertex(g.to[e]), id: int64(e)}
}

func (g *Graph) valid(id int64) bool { return id >= 0 && id < int64(len(g.nodes)) }

// Node returns the vertex with the given gonum ID, or nil.
func (g *Graph) Node(id int64) gonum.Node {
	if !g.valid(id) {
		return nil
	}
	return g.vertex(int32(id))
}

// Nodes returns every vertex in ID order.
func (g *Graph) Nodes() gonum.Nodes {
	ns := make([]gonum.Node, len(g.nodes))
	for i := range g.nodes {
		ns[i] = g.vertex(int32(i))
	}
	return iterator.NewOrderedNodes(ns)
}

// neighbours returns the distinct nodes at the other end of the run, in
// order (runs are sorted by the other end).
func (g *Graph) neighbours(run []int32, other []int32) gonum.Nodes {
	var ns []gonum.Node
	last := int32(-1)
	for _, e := range run {
		if o := other[e]; o != last {
			ns = append(ns, g.vertex(o))
			last = o
		}
	}
	if len(ns) == 0 {
		return gonum.Empty
	}
	return iterator.NewOrderedNodes(ns)
}

// From returns the vertices reached by an edge from the vertex, in ID order.
func (g *Graph) From(id int64) gonum.Nodes {
	if !g.valid(id) {
		return gonum.Empty
	}
	return g.neighbours(g.out.of(int32(id)), g.to)
}

// To returns the vertices with an edge to the vertex, in ID order.
func (g *Graph) To(id int64) gonum.Nodes {
	if !g.valid(id) {
		return gonum.Empty
	}
	return g.neighbours(g.in.of(int32(id)), g.from)
}

func (g *Graph) linesFromTo(uid, vid int64) []gonum.Line {
	if !g.valid(uid) || !g.valid(vid) {
		return nil
	}
	var ls []gonum.Line
	for _, e := range g.out.of(int32(uid)) {
		if int64(g.to[e]) == vid {
			ls = append(ls, g.line(e))
		}
	}
	return ls
}

// HasEdgeFromTo reports whether an edge leads from u to v.
func (g *Graph) HasEdgeFromTo(uid, vid int64) bool { return len(g.linesFromTo(uid, vid)) > 0 }

// HasEdgeBetween reports whether an edge joins x and y in either direction.
func (g *Graph) HasEdgeBetween(xid, yid int64) bool {
	return g.HasEdgeFromTo(xid, yid) || g.HasEdgeFromTo(yid, xid)
}

// Edge returns the lines from u to v as one gonum edge, or nil.
func (g *Graph) Edge(uid, vid int64) gonum.Edge {
	ls := g.linesFromTo(uid, vid)
	if len(ls) == 0 {
		return nil
	}
	return multi.Edge{F: g.Node(uid), T: g.Node(vid), Lines: iterator.NewOrderedLines(ls)}
}

// Lines returns the lines from u to v, ordered by relation.
func (g *Graph) Lines(uid, vid int64) gonum.Lines {
	ls := g.linesFromTo(uid, vid)
	if len(ls) == 0 {
		return gonum.Empty
	}
	return iterator.NewOrderedLines(ls)
}

// LinesBetween returns the lines joining x and y in either direction, those
// from x to y first.
func (g *Graph) LinesBetween(xid, yid int64) gonum.Lines {
	ls := g.linesFromTo(xid, yid)
	if xid != yid {
		ls = append(ls, g.linesFromTo(yid, xid)...)
	}
	if len(ls) == 0 {
		return gonum.Empty
	}
	return iterator.NewOrderedLines(ls)
}
