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
		paths, err := k.Paths(drug, target)
		if err != nil {
			return err
		}
		// The longest explanation is the mechanistic one; the shortest is
		// the figure title's summary.
		var best graph.Path
		for _, p := range paths {
			if p.Len() > best.Len() {
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
	rs, err := k.Downstream(drug, graph.MaxDepth(4))
	if err != nil {
		return err
	}
	for _, r := range rs {
		fmt.Printf("  %-22s %v  %s\n", k.Display(r.Node.ID), r.Sign, k.Graph.Chain(r.Path()))
	}
	return nil
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ") + "\n"
}
