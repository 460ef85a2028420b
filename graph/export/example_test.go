package export_test

import (
	"fmt"
	"os"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/graph/export"
)

// A drug inhibiting a gene that activates a cell that secretes a gene, in
// SIF and its edge-attribute table.
func ExampleWriteSIF_sifExport() {
	var b graph.Builder
	for _, n := range []graph.Node{
		{ID: "DRUGBANK:DB06643", Kind: graph.Drug, Name: "denosumab"},
		{ID: "HGNC:11926", Kind: graph.Gene, Symbol: "TNFSF11"},
		{ID: "CL:0000092", Kind: graph.Cell, Name: "osteoclast"},
		{ID: "HGNC:11766", Kind: graph.Gene, Symbol: "TGFB1"},
	} {
		if err := b.AddNode(n); err != nil {
			fmt.Println(err)
		}
	}
	add := func(from, to string, rel graph.Relation, docs ...string) {
		for _, d := range docs {
			ev := graph.Evidence{Doc: d, Quote: from + " " + rel.String() + " " + to, Method: graph.Curated, Confidence: 1}
			if _, err := b.AddEdge(from, to, rel, ev); err != nil {
				fmt.Println(err)
			}
		}
	}
	add("DRUGBANK:DB06643", "HGNC:11926", graph.Inhibits, "PMC7426519", "PMID:19671655")
	add("HGNC:11926", "CL:0000092", graph.Activates, "PMC7426519")
	add("CL:0000092", "HGNC:11766", graph.Secretes, "PMID:11481364")
	g, err := b.Build()
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := export.Write(os.Stdout, g, export.SIF); err != nil {
		fmt.Println(err)
	}
	fmt.Println()
	if err := export.WriteSIFEdgeAttributes(os.Stdout, g); err != nil {
		fmt.Println(err)
	}
	// Output:
	// CL:0000092	secretes	HGNC:11766
	// DRUGBANK:DB06643	inhibits	HGNC:11926
	// HGNC:11926	activates	CL:0000092
	//
	// source	relation	target	sign	evidence_count	docs
	// CL:0000092	secretes	HGNC:11766	1	1	PMID:11481364
	// DRUGBANK:DB06643	inhibits	HGNC:11926	-1	2	PMC7426519|PMID:19671655
	// HGNC:11926	activates	CL:0000092	1	1	PMC7426519
}
