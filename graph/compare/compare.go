// Package compare tells how a graph built from documents agrees with a
// curated pathway graph: which pathway edges the documents support, which
// they contradict, and which they lack.
package compare

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/bonemet/bonemet/graph"
)

// Comparison is how a graph built from documents agrees with a pathway
// graph (one imported from GPML or a causal table and built with
// the same resolver, so that both name entities by the same IDs). Every
// pathway edge is in exactly one of Supported, Contradicted and Lacking.
type Comparison struct {
	// Doc is the graph built from documents and Pathway the curated
	// pathway graph, as given to [Pathways] (either may be nil).
	Doc, Pathway *graph.Graph
	// Supported are the pathway edges the documents also have with the
	// same sign.
	Supported []EdgeMatch
	// Contradicted are the pathway edges the documents have only with the
	// opposite sign.
	Contradicted []EdgeMatch
	// Lacking are the pathway edges the documents do not have.
	Lacking []*graph.Edge
	// Extra are the document edges between nodes present in the pathway
	// that match no pathway edge.
	Extra []*graph.Edge
}

// EdgeMatch is a pathway edge with the document edges that match it.
type EdgeMatch struct {
	// Pathway is the edge of the pathway graph.
	Pathway *graph.Edge
	// Document are the matching document edges: of the same sign for a
	// supported edge, of the opposite sign for a contradicted one.
	Document []*graph.Edge
	// Opposite are, for a supported edge, document edges that match it
	// with the opposite sign: the documents disagree among themselves.
	Opposite []*graph.Edge
}

// Pathways compares the document graph doc with the pathway graph
// pw. Nodes match on their IDs, and groups match their members: a pathway
// edge from a group (WikiPathways' NFKB2/RELB complex) is matched by a
// document edge from either member, and a pathway edge from BIRC2 by a
// document edge from a document group holding BIRC2 (cIAP1/2). Signs
// compare by [graph.Relation.Sign], so secretes and activates agree. A
// document node is present in the pathway when the pathway has it or one
// of its members. The lists are ordered as [graph.Graph.Edges] orders
// edges. A nil graph counts as empty. It runs in O(E·d) for E edges and
// groups of d members.
func Pathways(doc, pw *graph.Graph) Comparison {
	c := Comparison{Doc: doc, Pathway: pw}
	if pw == nil {
		return c
	}
	matched := make(map[*graph.Edge]bool)
	es := pw.Edges()
	for i := range es {
		pe := &es[i]
		if doc == nil {
			c.Lacking = append(c.Lacking, pe)
			continue
		}
		targets := make(map[string]bool)
		for _, id := range matchIDs(doc, pw, pe.To) {
			targets[id] = true
		}
		var same, opposite []*graph.Edge
		for _, from := range matchIDs(doc, pw, pe.From) {
			for _, de := range doc.Out(from) {
				if !targets[de.To] {
					continue
				}
				switch {
				case de.Sign() == pe.Sign():
					same = append(same, de)
				case de.Sign().Times(pe.Sign()) == graph.Negative:
					opposite = append(opposite, de)
				}
				matched[de] = true
			}
		}
		same, opposite = sortedEdges(same), sortedEdges(opposite)
		switch {
		case len(same) > 0:
			c.Supported = append(c.Supported, EdgeMatch{Pathway: pe, Document: same, Opposite: opposite})
		case len(opposite) > 0:
			c.Contradicted = append(c.Contradicted, EdgeMatch{Pathway: pe, Document: opposite})
		default:
			c.Lacking = append(c.Lacking, pe)
		}
	}
	if doc == nil {
		return c
	}
	des := doc.Edges()
	for i := range des {
		de := &des[i]
		if !matched[de] && present(doc, pw, de.From) && present(doc, pw, de.To) {
			c.Extra = append(c.Extra, de)
		}
	}
	return c
}

// matchIDs returns the document node IDs a pathway node matches: itself,
// its members when it is a group, and the document groups holding either.
func matchIDs(doc, pw *graph.Graph, id string) []string {
	ids := []string{id}
	if n, ok := pw.Lookup(id); ok {
		ids = append(ids, n.Members...)
	}
	for _, x := range slices.Clone(ids) {
		ids = append(ids, doc.GroupsOf(x)...)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// present reports whether a document node is in the pathway, itself or
// through a member.
func present(doc, pw *graph.Graph, id string) bool {
	if _, ok := pw.Lookup(id); ok {
		return true
	}
	n, _ := doc.Lookup(id)
	for _, m := range n.Members {
		if _, ok := pw.Lookup(m); ok {
			return true
		}
	}
	return false
}

func sortedEdges(es []*graph.Edge) []*graph.Edge {
	slices.SortFunc(es, func(a, b *graph.Edge) int {
		return cmp.Or(strings.Compare(a.From, b.From), strings.Compare(a.To, b.To), cmp.Compare(a.Relation, b.Relation))
	})
	return slices.Compact(es)
}

// Summary returns one line of counts.
func (c Comparison) Summary() string {
	n := len(c.Supported) + len(c.Contradicted) + len(c.Lacking)
	return fmt.Sprintf("%d pathway edges: %d supported, %d contradicted, %d lacking; %d document edges the pathway lacks",
		n, len(c.Supported), len(c.Contradicted), len(c.Lacking), len(c.Extra))
}

// Write writes the comparison as a text report: the summary, then a
// section per list, one edge per line with the documents (or the
// pathway's record) behind it.
func (c Comparison) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, c.Summary())
	section := func(title string, n int) {
		if n > 0 {
			fmt.Fprintf(bw, "\n%s (%d):\n", title, n)
		}
	}
	section("supported", len(c.Supported))
	for _, m := range c.Supported {
		fmt.Fprintf(bw, "  %s\n", edgeLine(c.Pathway, m.Pathway))
		for _, de := range m.Document {
			fmt.Fprintf(bw, "      documents: %s\n", edgeLine(c.Doc, de))
		}
		for _, de := range m.Opposite {
			fmt.Fprintf(bw, "      but also:  %s\n", edgeLine(c.Doc, de))
		}
	}
	section("contradicted", len(c.Contradicted))
	for _, m := range c.Contradicted {
		fmt.Fprintf(bw, "  %s\n", edgeLine(c.Pathway, m.Pathway))
		for _, de := range m.Document {
			fmt.Fprintf(bw, "      documents: %s\n", edgeLine(c.Doc, de))
		}
	}
	section("lacking in the documents", len(c.Lacking))
	for _, e := range c.Lacking {
		fmt.Fprintf(bw, "  %s\n", edgeLine(c.Pathway, e))
	}
	section("in the documents, not in the pathway", len(c.Extra))
	for _, e := range c.Extra {
		fmt.Fprintf(bw, "  %s\n", edgeLine(c.Doc, e))
	}
	return bw.Flush()
}

// edgeLine renders "TNFSF11 → TNFRSF11A  [WP2018, PMC7426519]": the edge
// with its labels and the distinct documents of its evidence.
func edgeLine(g *graph.Graph, e *graph.Edge) string {
	label := func(id string) string {
		if g != nil {
			if n, ok := g.Lookup(id); ok {
				return n.Label()
			}
		}
		return id
	}
	var docs []string
	for _, ev := range e.Evidence {
		if !slices.Contains(docs, ev.Doc) {
			docs = append(docs, ev.Doc)
		}
	}
	return fmt.Sprintf("%s %s %s  [%s]", label(e.From), e.Relation.Arrow(), label(e.To), strings.Join(docs, ", "))
}
