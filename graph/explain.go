package graph

import (
	"fmt"
	"strings"
)

func (g *Graph) label(id string) string {
	if n, ok := g.Lookup(id); ok {
		return n.Label()
	}
	return id
}

// Chain renders a path on one line, e.g.
// "denosumab ⊣ TNFSF11 → osteoclastogenesis → osteoclast", with a leading
// "BIRC2 ∈ cIAP1/2" or trailing "∋ BIRC2" where the path enters or leaves
// through a group.
func (g *Graph) Chain(p Path) string {
	var b strings.Builder
	if len(p.Edges) == 0 {
		return ""
	}
	if p.FromGroup != "" && p.Source != "" {
		b.WriteString(g.label(p.Source) + " ∈ ")
	}
	b.WriteString(g.label(p.Edges[0].From))
	for _, e := range p.Edges {
		fmt.Fprintf(&b, " %s %s", e.Relation.Arrow(), g.label(e.To))
	}
	if p.ToGroup != "" && p.Target != "" {
		b.WriteString(" ∋ " + g.label(p.Target))
	}
	return b.String()
}

// Explain renders a path as readable text, one numbered hop per line with
// the quote and document of each piece of evidence beneath it, and the net
// sign last:
//
//  1. denosumab ⊣ TNFSF11 (inhibits)
//     "…RANKL inhibition with Denosumab." (PMC7426519__fonc-10-01283-g0003, caption, curated)
//     net effect: -
func (g *Graph) Explain(p Path) string {
	var b strings.Builder
	if p.FromGroup != "" {
		fmt.Fprintf(&b, "   (%s is a member of %s, whose edges follow)\n", g.label(p.Source), g.label(p.FromGroup))
	}
	for i, e := range p.Edges {
		fmt.Fprintf(&b, "%d. %s %s %s (%s)\n", i+1, g.label(e.From), e.Relation.Arrow(), g.label(e.To), e.Relation)
		for _, ev := range e.Evidence {
			fmt.Fprintf(&b, "   %q (%s)\n", ev.Quote, citation(ev))
		}
	}
	if p.ToGroup != "" {
		fmt.Fprintf(&b, "   (%s is a group %s belongs to)\n", g.label(p.ToGroup), g.label(p.Target))
	}
	fmt.Fprintf(&b, "net effect: %v\n", p.Sign())
	return b.String()
}

func citation(ev Evidence) string {
	parts := []string{ev.Doc}
	if ev.Section != "" {
		parts = append(parts, ev.Section)
	}
	parts = append(parts, ev.Method.String())
	if ev.Confidence > 0 && ev.Confidence < 1 {
		parts = append(parts, fmt.Sprintf("confidence %.2f", ev.Confidence))
	}
	return strings.Join(parts, ", ")
}
