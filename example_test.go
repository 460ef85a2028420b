package bonemet_test

import (
	"fmt"
	"testing/fstest"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/graph"
)

// The library in a few lines: the default knowledge, a name as people
// write it, what denosumab blocks (net sign, cited path), and a path
// explained with its quotes.
func Example() {
	k := bonemet.Default()        // compiled into the module
	n, _ := k.Find("RANK ligand") // a name as people write it
	fmt.Println(n.ID, n.Label())
	blocked, _ := k.Blocks("denosumab", graph.MaxDepth(3), graph.Methods(graph.Curated))
	for _, r := range blocked { // net −, by depth then ID
		if r.Node.Kind == graph.Cell {
			fmt.Println(r.Sign, r.Node.Label(), "by", k.Graph.Chain(r.Path()))
		}
	}
	paths, _ := k.Paths("IAP antagonists", "NIK") // simple paths, shortest first
	fmt.Print(k.Graph.Explain(paths[0]))          // hop by hop, with the quotes
	// Output:
	// HGNC:11926 TNFSF11
	// - Treg by denosumab ⊣ TNFSF11 → Treg
	// - osteoclast by denosumab ⊣ TNFSF11 → osteoclastogenesis → osteoclast
	// - MSC by denosumab ⊣ TNFSF11 → AKT → MSC
	// 1. IAP antagonists ⊣ cIAP1/2 (inhibits)
	//    "The presence of IAP antagonists enhances the degradation of cIAP1/2" (PMC3962044__nihms-563066-f0004, caption, curated)
	// 2. cIAP1/2 ⊣ MAP3K14 (inhibits)
	//    "enhances the degradation of cIAP1/2, stabilizing more NIK" (PMC3962044__nihms-563066-f0004, caption, curated)
	// net effect: +
}

// Paths lists the simple paths between two names, shortest first, each
// explained hop by hop with its quotes by Graph.Explain.
func ExampleKnowledge_Paths() {
	k := bonemet.Default()
	paths, err := k.Paths("IAP antagonists", "osteoclastogenesis", graph.MaxDepth(4), graph.Methods(graph.Curated))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range paths {
		fmt.Printf("%v %s\n", p.Sign(), k.Graph.Chain(p))
	}
	// Output:
	// + IAP antagonists ⊣ cIAP1/2 ⊣ MAP3K14 → p52/RelB → osteoclastogenesis
}

// Load builds knowledge from a folder of documents and curation files,
// here an in-memory one: a PFOCR figure record and a curation file that
// records what its caption states, each claim with its quote. Fresh leaves
// the default knowledge out; without it the folder adds to it.
func ExampleLoad() {
	folder := fstest.MapFS{
		"PMCX__f1.md": {Data: []byte(`---
figid: PMCX__f1
caption: Zoledronic acid inhibits osteoclasts. Osteoclasts resorb bone.
---
`)},
		"PMCX__f1.yaml": {Data: []byte(`document: PMCX__f1
statements:
  - {subject: zoledronic acid, relation: inhibits, object: osteoclasts, quote: Zoledronic acid inhibits osteoclasts.}
  - {subject: osteoclasts, relation: activates, object: bone resorption, quote: Osteoclasts resorb bone.}
`)},
	}
	k, err := bonemet.Load(folder, ".", bonemet.Options{Fresh: true, NoExtract: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	blocked, _ := k.Blocks("zoledronate")
	for _, r := range blocked {
		fmt.Printf("%v %s: %s\n", r.Sign, r.Node.Label(), k.Graph.Chain(r.Path()))
		for _, e := range r.Path().Edges {
			fmt.Printf("    %q (%s)\n", e.Evidence[0].Quote, e.Evidence[0].Doc)
		}
	}
	fmt.Println(k.Report.Summary())
	// Output:
	// - osteoclast: zoledronic acid ⊣ osteoclast
	//     "Zoledronic acid inhibits osteoclasts." (PMCX__f1)
	// - bone resorption: zoledronic acid ⊣ osteoclast → bone resorption
	//     "Zoledronic acid inhibits osteoclasts." (PMCX__f1)
	//     "Osteoclasts resorb bone." (PMCX__f1)
	// 2 statements: 2 added, 0 merged, 0 duplicate, 0 unresolved, 0 rejected; 0 contradictions
}

// Imports merge curated pathways with documents: here a WikiPathways GPML
// file in which OPG (TNFRSF11B) inhibits the RANKL → RANK interaction.
func ExampleImport() {
	c, warnings, err := bonemet.Import("ingest/gpml/testdata/gpml/anchor.gpml", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range c.Statements {
		fmt.Printf("%s %v %s (%s, %s)\n", s.Subject, s.Relation, s.Object, s.Doc, s.Pos)
	}
	fmt.Println(len(warnings), "warnings")
	// Output:
	// HGNC:11926 activates HGNC:11908 (WP9001, ingest/gpml/testdata/gpml/anchor.gpml:20:3)
	// TNFRSF11B inhibits HGNC:11908 (WP9001, ingest/gpml/testdata/gpml/anchor.gpml:28:3)
	// HGNC:11926 activates TRAF6 (WP9001, ingest/gpml/testdata/gpml/anchor.gpml:35:3)
	// 0 warnings
}
