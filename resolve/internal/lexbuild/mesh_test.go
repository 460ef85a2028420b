package lexbuild

import "testing"

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
