package graph

import "fmt"

// Subgraph returns the graph induced by the nodes with the given IDs: those
// nodes, the members of the groups among them (a group is only meaningful
// with its members, and a [Graph] holds every member of its groups), and
// every edge whose both ends are included, with all its evidence. IDs the
// graph does not hold are ignored, so an empty or unknown selection yields
// an empty graph. It runs in O(n + e log e) for n selected nodes and e
// edges among them.
func (g *Graph) Subgraph(ids []string) *Graph {
	var b Builder
	keep := make(map[string]bool, len(ids))
	for _, id := range ids {
		g.include(&b, keep, id)
	}
	for id := range keep {
		for _, e := range g.Out(id) {
			if keep[e.To] {
				g.copyEdge(&b, e)
			}
		}
	}
	return mustBuild(&b)
}

// ReachSubgraph returns the graph of the answer to a traversal query such
// as [Graph.Blocks]: the query node, the reached nodes, and exactly the
// edges on their [Reach.Path] and [Reach.Opposite] paths (with the groups
// those paths start or end at, and the members of every group included).
// Use it to export only what a drug blocks:
//
//	rs, _ := g.Blocks("DRUGBANK:DB06643")
//	sub := g.ReachSubgraph("DRUGBANK:DB06643", rs)
//
// Nodes and edges the graph does not hold are ignored.
func (g *Graph) ReachSubgraph(query string, rs []Reach) *Graph {
	ids := make([]string, 0, len(rs)+1)
	ids = append(ids, query)
	var paths []Path
	for _, r := range rs {
		if r.Node != nil {
			ids = append(ids, r.Node.ID)
		}
		paths = append(paths, r.Path(), r.Opposite())
	}
	return g.pathSubgraph(ids, paths)
}

// PathSubgraph returns the graph of the answer to [Graph.Paths]: the query
// node, and exactly the nodes and edges on the paths (with the groups the
// paths start or end at, and the members of every group included). Nodes
// and edges the graph does not hold are ignored.
func (g *Graph) PathSubgraph(query string, paths []Path) *Graph {
	return g.pathSubgraph([]string{query}, paths)
}

func (g *Graph) pathSubgraph(ids []string, paths []Path) *Graph {
	var b Builder
	keep := make(map[string]bool)
	for _, id := range ids {
		g.include(&b, keep, id)
	}
	var edges []*Edge
	for _, p := range paths {
		g.include(&b, keep, p.FromGroup)
		g.include(&b, keep, p.ToGroup)
		for _, e := range p.Edges {
			g.include(&b, keep, e.From)
			g.include(&b, keep, e.To)
			edges = append(edges, e)
		}
	}
	for _, e := range edges {
		// Take the edge from g, so that a path of another graph cannot
		// bring in evidence g does not have.
		for _, own := range g.Out(e.From) {
			if own.To == e.To && own.Relation == e.Relation && keep[e.From] && keep[e.To] {
				g.copyEdge(&b, own)
			}
		}
	}
	return mustBuild(&b)
}

// include adds the node with the given ID and, for a group, its members
// (recursively) to b, once.
func (g *Graph) include(b *Builder, keep map[string]bool, id string) {
	if id == "" || keep[id] {
		return
	}
	n, ok := g.Lookup(id)
	if !ok {
		return
	}
	keep[id] = true
	if err := b.AddNode(n); err != nil {
		panic(fmt.Sprintf("graph: node %s of a built graph rejected: %v", id, err))
	}
	for _, m := range n.Members {
		g.include(b, keep, m)
	}
}

func (g *Graph) copyEdge(b *Builder, e *Edge) {
	for _, ev := range e.Evidence {
		if _, err := b.AddEdge(e.From, e.To, e.Relation, ev); err != nil {
			panic(fmt.Sprintf("graph: edge of a built graph rejected: %v", err))
		}
	}
}

// mustBuild builds a graph assembled from the parts of another graph; that
// cannot fail (every node and edge was accepted once, and groups bring
// their members), so a failure is a defect of this package.
func mustBuild(b *Builder) *Graph {
	sub, err := b.Build()
	if err != nil {
		panic(fmt.Sprintf("graph: subgraph of a built graph: %v", err))
	}
	return sub
}
