// Command denosumab answers "what does denosumab block downstream?" from
// bonemet's embedded default knowledge: one line per node within -depth
// hops (3 by default) with the chain that explains it, the documents of
// each hop and the belief of the chain, then the quoted evidence of the
// chain to the osteoclast in full. With -dot it prints the subgraph of the
// answer in Graphviz DOT instead (the README's picture):
//
//	go run ./examples/denosumab
//	go run ./examples/denosumab -dot -depth 3 | dot -Tsvg > examples/denosumab/denosumab.svg
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/graph/export"
)

var (
	dotOut = flag.Bool("dot", false, "print the subgraph of the answer as Graphviz DOT")
	depth  = flag.Int("depth", 3, "follow at most `n` hops (0: no bound)")
	belief = flag.Float64("min-belief", 0.9, "follow only edges believed at least this much (`0..1`)")
)

func main() {
	flag.Parse()
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "denosumab:", err)
		os.Exit(1)
	}
}

// run writes the answer to w.
func run(w io.Writer) error {
	k := bonemet.Default()
	drug, err := k.Find("denosumab")
	if err != nil {
		return err
	}
	opts := []graph.Option{graph.MaxDepth(*depth), graph.MinBelief(*belief)}
	blocked, err := k.Blocks(drug.ID, opts...)
	if err != nil {
		return err
	}
	if *dotOut {
		// The picture keeps the cells, genes and processes reached by
		// curated chains that pass no family: a family brings all its
		// members into a drawing.
		var drawn []graph.Reach
		for _, r := range blocked {
			if r.Node.Kind != graph.Group && curated(r.Path()) && !viaGroup(k, r.Path()) {
				drawn = append(drawn, r)
			}
		}
		return export.WriteDOT(w, k.Graph.ReachSubgraph(drug.ID, drawn))
	}
	fmt.Fprintf(w, "%s (%s) blocks downstream (at most %d hops, edges believed ≥ %.2f):\n", drug.Label(), drug.ID, *depth, *belief)
	for _, r := range blocked {
		fmt.Fprintf(w, "  %-20s %v  %.2f  %s\n", k.Display(r.Node.ID), r.Sign, r.Path().Belief(), hops(k, r.Path()))
	}
	if promoted, err := k.Promotes(drug.ID, opts...); err == nil && len(promoted) > 0 {
		fmt.Fprintf(w, "\nand promotes:\n")
		for _, r := range promoted {
			fmt.Fprintf(w, "  %-20s %v  %s\n", k.Display(r.Node.ID), r.Sign, hops(k, r.Path()))
		}
	}
	for _, r := range blocked {
		if r.Node.ID == "CL:0000092" {
			fmt.Fprintf(w, "\nWhy the osteoclast? %s\n%s", k.Graph.Chain(r.Path()), k.Graph.Explain(r.Path()))
		}
	}
	return nil
}

// curated reports whether every hop of p has curated evidence.
func curated(p graph.Path) bool {
	for _, e := range p.Edges {
		if !slices.ContainsFunc(e.Evidence, func(ev graph.Evidence) bool { return ev.Method == graph.Curated }) {
			return false
		}
	}
	return true
}

// viaGroup reports whether p passes a group node.
func viaGroup(k *bonemet.Knowledge, p graph.Path) bool {
	for _, e := range p.Edges {
		for _, id := range []string{e.From, e.To} {
			if n, _ := k.Graph.Lookup(id); n.Kind == graph.Group {
				return true
			}
		}
	}
	return false
}

// hops renders a path as "denosumab ⊣ TNFSF11 [PMC7426519 F3] → ...".
func hops(k *bonemet.Knowledge, p graph.Path) string {
	if p.Len() == 0 {
		return ""
	}
	var b strings.Builder
	from, _ := k.Graph.Lookup(p.Edges[0].From)
	b.WriteString(from.Label())
	for _, e := range p.Edges {
		to, _ := k.Graph.Lookup(e.To)
		fmt.Fprintf(&b, " %s %s [%s]", e.Relation.Arrow(), to.Label(), strings.Join(k.Docs(e), "; "))
	}
	return b.String()
}
