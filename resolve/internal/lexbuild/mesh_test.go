package lexbuild

import (
	"testing"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
)

func TestChemicalName(t *testing.T) {
	for _, c := range []struct {
		label string
		want  bool
	}{
		{"Zoledronic Acid", true},
		{"4-Aminopyridine", true},
		{"Cholesterol Esters", true},
		{"Fatty Acids, Volatile", false}, // the qualifier reads as no chemical
		{"Serum Albumin, Bovine", false},
		{"Coronavirus, Feline", false},
		{"Tuberculosis, Bovine", false},
		{"Intestines", false},
		{"Sea Anemones", false},
		{"Endothelium", false},
		{"Colforsin", false}, // no chemical ending: named by the domain lexicon
	} {
		if got := chemicalName(c.label); got != c.want {
			t.Errorf("chemicalName(%q) = %v, want %v", c.label, got, c.want)
		}
	}
}

func TestChEBINamesOne(t *testing.T) {
	a := &item{e: resolve.Entry{Node: graph.Node{ID: "CHEBI:1", Name: "endothelin A receptor antagonist"}}}
	b := &item{e: resolve.Entry{Node: graph.Node{ID: "CHEBI:2", Name: "tocopherol"}}}
	c := &item{e: resolve.Entry{Node: graph.Node{ID: "CHEBI:3", Name: "tocopherols"}}}
	d := &item{e: resolve.Entry{Node: graph.Node{ID: "CHEBI:4", Name: "body"}}}
	bld := &builder{items: []*item{a, b, c, d, {e: resolve.Entry{Node: graph.Node{ID: "HGNC:5", Name: "Bodies"}}}}}
	m := bld.chebiByName()
	for _, tc := range []struct {
		label string
		want  *item
	}{
		{"Endothelin A Receptor Antagonists", a}, // the singular of the last word
		{"Endothelin A Receptor Antagonist", a},  // as written
		{"Tocopherols", nil},                     // two entries: as written and in the singular
		{"Bodies", d},                            // -ies, -y; a gene's name is no ChEBI name
		{"Glass", nil},                           // -ss is no plural
	} {
		if got := m.one(tc.label); got != tc.want {
			t.Errorf("one(%q) = %v, want %v", tc.label, got, tc.want)
		}
	}
}
