package bonemet

import (
	"cmp"
	"fmt"
	"io"
	"slices"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/graph/compare"
	"github.com/bonemet/bonemet/source"
)

// Coverage says how the documents of a knowledge cover its curated
// pathways, and how many documents speak of each node.
type Coverage struct {
	// Pathways compares the documents' graph with each pathway, in ID
	// order.
	Pathways []PathwayCoverage
	// Nodes counts, for every node some document speaks of, the
	// documents whose evidence names it; most spoken of first, then by
	// ID.
	Nodes []NodeCoverage
}

// PathwayCoverage compares one pathway with the documents (see
// [compare.Pathways]).
type PathwayCoverage struct {
	// ID is the pathway document's ID ("WP2018") and Title its title.
	ID, Title string
	// Edges is the number of the pathway's edges: Supported +
	// Contradicted + OnlyInPathway.
	Edges int
	// Supported edges the documents also state with the same sign;
	// Contradicted ones they state only with the opposite sign;
	// OnlyInPathway ones they do not state.
	Supported, Contradicted, OnlyInPathway int
}

// NodeCoverage is how many documents speak of a node.
type NodeCoverage struct {
	// ID is the node's CURIE and Label its [graph.Node.Label].
	ID, Label string
	// Documents is the number of distinct documents whose curated or
	// extracted evidence names the node, as source or target of an edge.
	Documents int
}

// Coverage compares the graph of the knowledge's documents (their
// curated and extracted evidence) with the graph of each pathway its
// evidence cites (imported evidence of a pathway document), and counts
// the documents that speak of each node.
func (k *Knowledge) Coverage() (Coverage, error) {
	var cov Coverage
	kinds := make(map[string]*source.Document)
	for _, d := range k.Corpus.Documents {
		kinds[d.ID] = d
	}
	isPathway := func(ev graph.Evidence) bool {
		d, ok := kinds[ev.Doc]
		return ev.Method == graph.Imported && ok && d.Kind == source.Pathway
	}
	docs, err := k.DocumentGraph()
	if err != nil {
		return cov, err
	}
	var ids []string
	for id, d := range kinds {
		if d.Kind == source.Pathway {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		pw, err := k.restrict(func(ev graph.Evidence) bool { return ev.Doc == id && isPathway(ev) })
		if err != nil {
			return cov, err
		}
		c := compare.Pathways(docs, pw)
		cov.Pathways = append(cov.Pathways, PathwayCoverage{ID: id, Title: kinds[id].Title, Edges: len(pw.Edges()),
			Supported: len(c.Supported), Contradicted: len(c.Contradicted), OnlyInPathway: len(c.Lacking)})
	}
	speakers := make(map[string]map[string]bool)
	for _, e := range docs.Edges() {
		for _, ev := range e.Evidence {
			for _, id := range []string{e.From, e.To} {
				if speakers[id] == nil {
					speakers[id] = make(map[string]bool)
				}
				speakers[id][ev.Doc] = true
			}
		}
	}
	for id, ds := range speakers {
		n, _ := k.Graph.Lookup(id)
		cov.Nodes = append(cov.Nodes, NodeCoverage{ID: id, Label: n.Label(), Documents: len(ds)})
	}
	slices.SortFunc(cov.Nodes, func(a, b NodeCoverage) int {
		return cmp.Or(cmp.Compare(b.Documents, a.Documents), cmp.Compare(a.ID, b.ID))
	})
	return cov, nil
}

// DocumentGraph returns the graph of what the documents say: the edges
// with their curated and extracted evidence, without the evidence of
// imported pathways.
func (k *Knowledge) DocumentGraph() (*graph.Graph, error) {
	return k.restrict(func(ev graph.Evidence) bool { return ev.Method != graph.Imported })
}

// restrict returns the graph of the evidence keep accepts, with the nodes
// its edges need (and their groups' members).
func (k *Knowledge) restrict(keep func(graph.Evidence) bool) (*graph.Graph, error) {
	var b graph.Builder
	var add func(id string) error
	add = func(id string) error { // a node, and a group's members, groups of groups too
		if b.HasNode(id) {
			return nil
		}
		n, _ := k.Graph.Lookup(id)
		if err := b.AddNode(n); err != nil {
			return err
		}
		for _, m := range n.Members {
			if err := add(m); err != nil {
				return err
			}
		}
		return nil
	}
	for _, e := range k.Graph.Edges() {
		for _, ev := range e.Evidence {
			if !keep(ev) {
				continue
			}
			if err := add(e.From); err != nil {
				return nil, err
			}
			if err := add(e.To); err != nil {
				return nil, err
			}
			if _, err := b.AddEdge(e.From, e.To, e.Relation, ev); err != nil {
				return nil, err
			}
		}
	}
	return b.Build()
}

// WriteMarkdown writes the pathway comparison as a Markdown table, and
// the first n nodes by documents (all with n < 0).
func (c Coverage) WriteMarkdown(w io.Writer, n int) error {
	ew := &errWriter{w: w}
	ew.printf("| pathway | edges | supported by documents | only in the pathway | contradicted |\n|---|---:|---:|---:|---:|\n")
	for _, p := range c.Pathways {
		ew.printf("| %s %s | %d | %d | %d | %d |\n", p.ID, p.Title, p.Edges, p.Supported, p.OnlyInPathway, p.Contradicted)
	}
	if n < 0 || n > len(c.Nodes) {
		n = len(c.Nodes)
	}
	ew.printf("\n| node | documents |\n|---|---:|\n")
	for _, nc := range c.Nodes[:n] {
		ew.printf("| %s (%s) | %d |\n", nc.Label, nc.ID, nc.Documents)
	}
	return ew.err
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
