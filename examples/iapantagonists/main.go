// Command iapantagonists explains, from bonemet's embedded default
// knowledge, why IAP antagonists, drugs meant to kill cancer cells, promote
// bone metastasis: they inhibit cIAP1/2, which inhibit NIK, so NIK rises and
// drives osteoclastogenesis through p52/RelB. Two inhibitions make a
// promotion.
//
//	go run ./examples/iapantagonists
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/graph"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "iapantagonists:", err)
		os.Exit(1)
	}
}

func run() error {
	k := bonemet.Default()
	const drug = "IAP antagonists"
	for _, target := range []string{"osteoclastogenesis", "bone metastasis"} {
		// The mechanism the IAP figure draws: through cIAP1/2, NIK and
		// p52/RelB, read from curated documents only.
		paths, err := k.Paths(drug, target, graph.Methods(graph.Curated), graph.MaxDepth(6))
		if err != nil {
			return err
		}
		var best graph.Path
		for _, p := range paths {
			if through(k, p, "p52/RelB") && (best.Len() == 0 || p.Len() < best.Len()) {
				best = p
			}
		}
		if best.Len() == 0 {
			return fmt.Errorf("no path from %s to %s", drug, target)
		}
		fmt.Printf("Why do %s promote %s? (net effect %v)\n", drug, target, best.Sign())
		fmt.Printf("  %s\n", k.Graph.Chain(best))
		fmt.Print(indent(k.Graph.Explain(best)))
		fmt.Printf("  (%d paths in all; the shortest: %s)\n\n", len(paths), k.Graph.Chain(paths[0]))
	}
	fmt.Println("The double inhibition at work, node by node:")
	rs, err := k.Downstream(drug, graph.MaxDepth(3), graph.Methods(graph.Curated))
	if err != nil {
		return err
	}
	for _, r := range rs {
		fmt.Printf("  %-22s %v  %s\n", k.Display(r.Node.ID), r.Sign, k.Graph.Chain(r.Path()))
	}
	return nil
}

// through reports whether the path passes the node named name.
func through(k *bonemet.Knowledge, p graph.Path, name string) bool {
	n, err := k.Find(name)
	if err != nil {
		return false
	}
	for _, e := range p.Edges {
		if e.From == n.ID || e.To == n.ID {
			return true
		}
	}
	return false
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ") + "\n"
}
