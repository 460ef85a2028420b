package bel_test

import (
	"fmt"
	"strings"

	"github.com/bonemet/bonemet/ingest/bel"
	"github.com/bonemet/bonemet/source"
)

func ExampleRead() {
	const script = `
SET Citation = {"PubMed", "90000001"}
SET Evidence = "In a synthetic model, RANKL drove osteoclast formation,
and osteoprotegerin blocked it."
p(HGNC:TNFSF11) increases bp(GOBP:"osteoclast differentiation")
p(HGNC:TNFRSF11B) -| act(p(MGI:Tnfsf11))
p(HGNC:TNFSF11) positiveCorrelation p(HGNC:TNFRSF11A)
`
	s, err := bel.Read(strings.NewReader(script), "example.bel", source.Limits{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range s.Documents {
		for _, sec := range d.Sections {
			fmt.Printf("%s %s: %s\n", d.ID, sec.Name, sec.Text)
		}
	}
	for _, st := range s.Statements {
		fmt.Printf("%s: %s %v %s (%s)\n", st.Pos, st.Subject, st.Relation, st.Object, st.Rule)
	}
	for _, k := range s.NotCausal {
		fmt.Printf("%s: skipped, %s\n", k.Pos, k.Reason)
	}
	fmt.Println(s.Summary())
	// Output:
	// PMID:90000001 evidence-1: In a synthetic model, RANKL drove osteoclast formation, and osteoprotegerin blocked it.
	// example.bel:5:1: TNFSF11 activates osteoclast differentiation (bel:increases)
	// example.bel:6:1: TNFRSF11B inhibits TNFSF11 (bel:-|)
	// example.bel:7:1: skipped, not causal (positiveCorrelation)
	// 1 citations, 1 evidence sections (1 evidence values); 3 statements: 2 causal (-| 1, increases 1), 1 skipped (not causal 1)
}
