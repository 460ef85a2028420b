package graph_test

import (
	"fmt"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/graph"
)

// What does denosumab block downstream? Each answer carries its net sign,
// its depth and the shortest path that explains it.
func ExampleGraph_Downstream() {
	g := bonemet.Default().Graph
	reached, err := g.Downstream("DRUGBANK:DB06643", graph.MaxDepth(3))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range reached {
		if r.Node.Kind != graph.Process {
			fmt.Printf("%v %-10s %d  %s\n", r.Sign, r.Node.Label(), r.Depth, g.Chain(r.Path()))
		}
	}
	// Output:
	// + T cell     1  denosumab → T cell
	// - TNFSF11    1  denosumab ⊣ TNFSF11
	// - Treg       2  denosumab ⊣ TNFSF11 → Treg
	// - TNFRSF11A  2  denosumab ⊣ TNFSF11 → TNFRSF11A
	// - osteoclast 3  denosumab ⊣ TNFSF11 → osteoclastogenesis → osteoclast
}

// What secretes RANKL? Upstream along secretion edges only, one hop, with
// the curated quote of each.
func ExampleGraph_Upstream() {
	g := bonemet.Default().Graph
	cells, _ := g.Upstream("HGNC:11926", graph.Only(graph.Secretes), graph.MaxDepth(1))
	for _, r := range cells {
		for _, ev := range r.Path().Edges[0].Evidence {
			if ev.Method == graph.Curated {
				fmt.Printf("%s: %q\n", r.Node.Label(), ev.Quote)
				break
			}
		}
	}
	// Output:
	// osteoblast: "a positive feedback loop from RANKL-secreting osteoblasts"
	// T cell: "Activated T cells and NK cells in the tumor microenvironment (TME) express RANKL on their surface"
	// natural killer cell: "Activated T cells and NK cells in the tumor microenvironment (TME) express RANKL on their surface"
	// tumor cell: "Tumor-derived RANKL"
}

// A query from a member of a group follows the group's edges and says so.
func ExampleGraph_Downstream_group() {
	g := bonemet.Default().Graph
	reached, _ := g.Downstream("HGNC:590", graph.MaxDepth(1)) // BIRC2 (cIAP1)
	for _, r := range reached {
		fmt.Printf("%v %s, through the group %s: %s\n", r.Sign, r.Node.Label(), r.Path().FromGroup, g.Chain(r.Path()))
	}
	// Output:
	// - MAP3K14, through the group BONEMET:cIAP1_2: cIAP1/2 ⊣ MAP3K14
}

func ExampleGraph_Explain() {
	g := bonemet.Default().Graph
	paths, _ := g.Paths("MESH:D004164", "BONEMET:vicious_cycle") // bisphosphonates
	for _, p := range paths {
		fmt.Print(g.Explain(p))
	}
	// Output:
	// 1. bisphosphonates ⊣ vicious cycle (inhibits)
	//    "Osteoclast inhibiting agents such as bisphosphonates can interrupt this vicious cycle" (PMC3962044__nihms-563066-f0004, caption, curated)
	//    "Osteoclast inhibiting agents such as bisphosphonates can interrupt this vicious cycle, reducing the osteolytic and pro-tumor effects of IAP antagonists" (PMC3962044__nihms-563066-f0004, caption, extracted, confidence 0.90)
	// net effect: -
	// 1. bisphosphonates ⊣ osteoclast (inhibits)
	//    "Osteoclast inhibiting agents such as bisphosphonates" (PMC3962044__nihms-563066-f0004, caption, curated)
	//    "Osteoclast inhibiting agents such as bisphosphonates can interrupt this vicious cycle, reducing the osteolytic and pro-tumor effects of IAP antagonists" (PMC3962044__nihms-563066-f0004, caption, extracted, confidence 0.85)
	// 2. osteoclast → vicious cycle (activates)
	//    "Osteoclast inhibiting agents such as bisphosphonates can interrupt this vicious cycle" (PMC3962044__nihms-563066-f0004, caption, curated)
	// net effect: -
}
