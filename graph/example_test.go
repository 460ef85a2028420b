package graph_test

import (
	"fmt"

	"github.com/bonemet/bonemet/graph"
)

// denosumab builds a small graph from two figure captions (PFOCR, CC0)
// as a curator records them, each edge with its quote. Real knowledge
// comes from bonemet.Default(); the graph package itself knows no biology.
func denosumab() *graph.Graph {
	const f3, f4 = "PMC7426519__fonc-10-01283-g0003", "PMC3962044__nihms-563066-f0004"
	var b graph.Builder
	for _, n := range []graph.Node{
		{ID: "DRUGBANK:DB06643", Kind: graph.Drug, Name: "denosumab"},
		{ID: "HGNC:11926", Kind: graph.Gene, Symbol: "TNFSF11", Name: "TNF superfamily member 11"},
		{ID: "HGNC:590", Kind: graph.Gene, Symbol: "BIRC2"},
		{ID: "HGNC:591", Kind: graph.Gene, Symbol: "BIRC3"},
		{ID: "HGNC:6853", Kind: graph.Gene, Symbol: "MAP3K14"},
		{ID: "BONEMET:cIAP1_2", Kind: graph.Group, Symbol: "cIAP1/2", Members: []string{"HGNC:590", "HGNC:591"}},
		{ID: "CL:0000084", Kind: graph.Cell, Name: "T cell"},
		{ID: "CL:0001063", Kind: graph.Cell, Name: "tumor cell"},
		{ID: "BONEMET:tumorigenesis", Kind: graph.Process, Name: "tumorigenesis"},
		{ID: "BONEMET:angiogenesis", Kind: graph.Process, Name: "angiogenesis"},
		{ID: "BONEMET:immunosuppression", Kind: graph.Process, Name: "immunosuppression"},
	} {
		if err := b.AddNode(n); err != nil {
			panic(err)
		}
	}
	for _, e := range []struct {
		from  string
		rel   graph.Relation
		to    string
		doc   string
		quote string
	}{
		{"DRUGBANK:DB06643", graph.Inhibits, "HGNC:11926", f3, "RANKL inhibition with Denosumab"},
		{"HGNC:11926", graph.Activates, "BONEMET:immunosuppression", f3, "express RANKL on their surface, which can interact with RANK+ tumor cells to induce immunosuppression"},
		{"HGNC:11926", graph.Activates, "BONEMET:angiogenesis", f3, "RANK/RANKL signaling has long been known to play an active role in supporting tumorigenesis through angiogenesis and metastasis"},
		{"BONEMET:angiogenesis", graph.Activates, "BONEMET:tumorigenesis", f3, "supporting tumorigenesis through angiogenesis and metastasis"},
		{"CL:0000084", graph.Secretes, "HGNC:11926", f3, "Activated T cells and NK cells in the tumor microenvironment (TME) express RANKL on their surface"},
		{"CL:0001063", graph.Secretes, "HGNC:11926", f3, "Tumor-derived RANKL"},
		{"BONEMET:cIAP1_2", graph.Inhibits, "HGNC:6853", f4, "enhances the degradation of cIAP1/2, stabilizing more NIK"},
	} {
		ev := graph.Evidence{Doc: e.doc, Section: "caption", Quote: e.quote, Method: graph.Curated, Confidence: 1}
		if _, err := b.AddEdge(e.from, e.to, e.rel, ev); err != nil {
			panic(err)
		}
	}
	g, err := b.Build()
	if err != nil {
		panic(err)
	}
	return g
}

// What does denosumab block downstream? Each answer carries its net sign,
// its depth and the shortest path that explains it.
func ExampleGraph_Downstream() {
	g := denosumab()
	reached, err := g.Downstream("DRUGBANK:DB06643")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range reached {
		fmt.Printf("%v %-17s %d  %s\n", r.Sign, r.Node.Label(), r.Depth, g.Chain(r.Path()))
	}
	// Output:
	// - TNFSF11           1  denosumab ⊣ TNFSF11
	// - angiogenesis      2  denosumab ⊣ TNFSF11 → angiogenesis
	// - immunosuppression 2  denosumab ⊣ TNFSF11 → immunosuppression
	// - tumorigenesis     3  denosumab ⊣ TNFSF11 → angiogenesis → tumorigenesis
}

// What secretes RANKL? Upstream along secretion edges only, one hop, with
// the quote of each.
func ExampleGraph_Upstream() {
	g := denosumab()
	cells, _ := g.Upstream("HGNC:11926", graph.Only(graph.Secretes), graph.MaxDepth(1))
	for _, r := range cells {
		fmt.Printf("%s: %q\n", r.Node.Label(), r.Path().Edges[0].Evidence[0].Quote)
	}
	// Output:
	// T cell: "Activated T cells and NK cells in the tumor microenvironment (TME) express RANKL on their surface"
	// tumor cell: "Tumor-derived RANKL"
}

// A query from a member of a group follows the group's edges and says so.
func ExampleGraph_Downstream_group() {
	g := denosumab()
	reached, _ := g.Downstream("HGNC:590") // BIRC2 (cIAP1)
	for _, r := range reached {
		fmt.Printf("%v %s, through the group %s: %s\n", r.Sign, r.Node.Label(), r.Path().FromGroup, g.Chain(r.Path()))
	}
	// Output:
	// - MAP3K14, through the group BONEMET:cIAP1_2: BIRC2 ∈ cIAP1/2 ⊣ MAP3K14
}

// Explain shows each hop with the quote it rests on.
func ExampleGraph_Explain() {
	g := denosumab()
	paths, _ := g.Paths("DRUGBANK:DB06643", "BONEMET:tumorigenesis")
	for _, p := range paths {
		fmt.Print(g.Explain(p))
	}
	// Output:
	// 1. denosumab ⊣ TNFSF11 (inhibits)
	//    "RANKL inhibition with Denosumab" (PMC7426519__fonc-10-01283-g0003, caption, curated)
	// 2. TNFSF11 → angiogenesis (activates)
	//    "RANK/RANKL signaling has long been known to play an active role in supporting tumorigenesis through angiogenesis and metastasis" (PMC7426519__fonc-10-01283-g0003, caption, curated)
	// 3. angiogenesis → tumorigenesis (activates)
	//    "supporting tumorigenesis through angiogenesis and metastasis" (PMC7426519__fonc-10-01283-g0003, caption, curated)
	// net effect: -
}
