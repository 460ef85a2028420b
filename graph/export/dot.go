package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bonemet/bonemet/graph"
)

// WriteDOT writes g as a Graphviz digraph. Nodes are named by their CURIE
// and labelled with their symbol (or name); the shape says the kind, the
// tooltip gives ID, name and kind. Edges are drawn by relation: activates
// with a normal arrowhead, inhibits with a tee, secretes with a dot on a
// dashed line; their tooltip counts the evidence and names the documents.
// Each group is joined to its members by a dotted line without arrowhead.
// The output is deterministic.
func WriteDOT(w io.Writer, g *graph.Graph) error {
	if g == nil {
		return ErrNilGraph
	}
	ew := newErrWriter(w)
	ew.print("digraph bonemet {\n",
		"\tgraph [rankdir=LR, fontname=\"Helvetica\"];\n",
		"\tnode [fontname=\"Helvetica\", fontsize=11, style=filled, fillcolor=\"#ffffff\"];\n",
		"\tedge [fontname=\"Helvetica\", fontsize=9];\n")
	for _, n := range g.NodeList() {
		shape, fill := n.Kind.DOTStyle()
		tip := n.ID
		if n.Name != "" && n.Name != n.Label() {
			tip += " " + n.Name
		}
		tip += " (" + n.Kind.String()
		if n.Group != graph.NotGroup {
			tip += ", " + n.Group.String()
		}
		tip += ")"
		ew.printf("\t%s [label=%s, shape=%s, fillcolor=%s, tooltip=%s];\n",
			dotID(n.ID), dotString(n.Label()), shape, strconv.Quote(fill), dotString(tip))
	}
	for _, n := range g.NodeList() {
		for _, m := range n.Members {
			ew.printf("\t%s -> %s [dir=none, style=dotted, color=\"#868e96\", tooltip=%s];\n",
				dotID(n.ID), dotID(m), dotString("member of "+n.Label()))
		}
	}
	es := g.Edges()
	for i := range es {
		e := &es[i]
		head, style, color := e.Relation.DOTStyle()
		tip := fmt.Sprintf("%d evidence", len(e.Evidence))
		if ds := docs(e); len(ds) > 0 {
			tip += ": " + strings.Join(ds, ", ")
		}
		ew.printf("\t%s -> %s [label=%s, arrowhead=%s, style=%s, color=%s, fontcolor=%s, tooltip=%s];\n",
			dotID(e.From), dotID(e.To), dotString(e.Relation.String()), head, style, strconv.Quote(color), strconv.Quote(color), dotString(tip))
	}
	ew.print("}\n")
	return ew.flush()
}

// dotString quotes s as a DOT escString: backslashes and quotes escaped,
// line breaks as \n, invalid UTF-8 replaced. A trailing backslash would
// escape the closing quote in Graphviz's lexer, so the result never ends
// with one.
func dotString(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\r', '\t':
			b.WriteByte(' ')
		default:
			if r < 0x20 || r == 0x7f {
				b.WriteByte(' ')
				continue
			}
			b.WriteRune(r)
		}
	}
	if strings.HasSuffix(b.String(), `\`) {
		b.WriteByte(' ')
	}
	b.WriteByte('"')
	return b.String()
}

// dotID quotes a node ID. In a DOT ID only \" is an escape, so the ID is
// kept as is but for quotes, control characters and a trailing backslash.
func dotID(id string) string {
	id = strings.ToValidUTF8(id, "\uFFFD")
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range id {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r < 0x20 || r == 0x7f:
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	if strings.HasSuffix(b.String(), `\`) {
		b.WriteByte('_')
	}
	b.WriteByte('"')
	return b.String()
}
