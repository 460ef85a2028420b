package extract_test

import (
	"strings"
	"testing"

	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/resolve"
)

// TestAnaphors reads sentences of our own whose subject is a pronoun or a
// definite description standing for what the sentence before named.
func TestAnaphors(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want, not  []string
	}{
		{name: "it", text: "Sclerostin is made by osteocytes. It also inhibits LRP5.",
			want: []string{"sclerostin inhibits LRP5"}},
		{name: "they", text: "Myeloma cells adhere to stroma. They then secrete DKK1.",
			want: []string{"myeloma cell secretes DKK1"}},
		{name: "they: an unnamed subject far before the first name", text: "Mechanical overloading of the joint can promote cartilage loss, which silences the BMP gene cluster. Furthermore, they activate the p38 pathway.",
			not: []string{"BMP activates p38"}},
		{name: "these kinases: the coordination named before", text: "IL-1 recruits IRAK4 and IRAK1. These kinases activate TRAF6.",
			want: []string{"IRAK4 activates TRAF6", "IRAK1 activates TRAF6"}, not: []string{"IL-1 activates TRAF6"}},
		{name: "both kinases: the pair named before", text: "IL-1 recruits IRAK4 and IRAK1. Both kinases activate TRAF6.",
			want: []string{"IRAK4 activates TRAF6", "IRAK1 activates TRAF6"}, not: []string{"IL-1 activates TRAF6"}},
		{name: "both kinases stand for a pair, not three", text: "IL-1 recruits IRAK4, IRAK1 and IRAK2. Both kinases activate TRAF6.",
			not: []string{"IRAK4 activates TRAF6", "IRAK1 activates TRAF6", "IRAK2 activates TRAF6"}},
		{name: "across a sentence that names nothing", text: "Osteoblasts line the bone surface. The slides were stained with hematoxylin (Figure 2). These cells produce RANKL.",
			want: []string{"osteoblast secretes RANKL"}},
		{name: "not across two sentences that name nothing", text: "Osteoblasts line the bone surface. The slides were stained. The sections were imaged. These cells produce RANKL.",
			not: []string{"osteoblast secretes RANKL"}},
		{name: "this drug: a drug, not the first name", text: "TNF levels fell when zoledronic acid was given. This drug inhibited osteoclastogenesis.",
			want: []string{"zoledronic acid inhibits osteoclastogenesis"}, not: []string{"TNF inhibits osteoclastogenesis"}},
		{name: "these cells", text: "Osteoblasts line the bone surface. These cells produce RANKL.",
			want: []string{"osteoblast secretes RANKL"}},
		{name: "an impersonal it", text: "TNF binds TNFR1. It is likely that IL-6 activates STAT3.",
			not: []string{"TNF activates STAT3"}},
		{name: "an apposition names it", text: "TNF binds TNFR1. The kinase TAK1 then activates IKK.",
			not: []string{"TNF activates IKK"}},
		{name: "a name before it in its sentence", text: "TNF binds TNFR1. Although IL-6 was absent, it activated NF-κB.",
			not: []string{"TNF activates NF-κB"}},
		{name: "a process is no antecedent of it", text: "Bone resorption rises. It activates NF-κB.",
			not: []string{"bone resorption activates NF-κB"}},
		{name: "no sentence before", text: "It activates NF-κB.", not: []string{}},
		{name: "this protein as an object", text: "Sclerostin is made by osteocytes. PTH suppresses this protein.",
			want: []string{"PTH inhibits sclerostin"}},
		{name: "an object description is not its own sentence's subject", text: "TRAF6 binds TAK1. TRAF6 then activates this kinase.",
			want: []string{"TRAF6 activates TAK1"}, not: []string{"TRAF6 activates TRAF6"}},
		{name: "its expression in its own sentence", text: "Osteoblasts secrete RANKL, and its expression is induced by PTH.",
			want: []string{"PTH activates RANKL", "osteoblast secretes RANKL"}, not: []string{"PTH activates osteoblast"}},
		{name: "its expression", text: "Sclerostin is made by osteocytes. Its expression is suppressed by PTH.",
			want: []string{"PTH inhibits sclerostin"}},
		{name: "their production", text: "Osteoblasts secrete IL-6 and M-CSF. Their production is induced by TNF.",
			want: []string{"TNF activates IL-6", "TNF activates M-CSF"}},
		{name: "its, before no head noun", text: "TNF binds TNFR1. Its role in osteoclasts is to activate NF-κB.",
			not: []string{"TNF activates NF-κB"}},
		{name: "it after a subordinate clause", text: "When PTH binds PTH1R, it induces RANKL.",
			want: []string{"PTH activates RANKL"}, not: []string{"PTH1R activates RANKL"}},
		{name: "an impersonal it after a subordinate clause", text: "When PTH binds PTH1R, it is likely that cAMP rises.",
			not: []string{"PTH activates cAMP"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := resolve.Default()
			rd := &extract.Reader{Resolver: r}
			got, stmts := readText(rd, tc.text)
			checkClaims(t, r, got, stmts, tc.want, tc.not)
			for _, s := range stmts {
				if !strings.Contains(s.Rule, "+anaphor") {
					continue
				}
				// the quote holds the name and its anaphor: both
				// sentences, or the one that holds both
				if s.Start != 0 || s.Quote != tc.text {
					t.Errorf("%s: quote %q, want both sentences", s.Rule, s.Quote)
				}
			}
		})
	}
}
