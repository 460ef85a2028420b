package resolve_test

import (
	"testing"

	"github.com/bonemet/bonemet/resolve"
)

// Ions written with their charge are chemicals; the key without the sign
// would name genes (NA is a previous symbol of XK, H of FUT1, MG2 of MUC7).
// A gene name followed by "+" (a marker of cells) stays the gene.
var ionTests = []struct{ name, want string }{
	{"Na+", "CHEBI:29101"},
	{"Na⁺", "CHEBI:29101"},
	{"Na(+)", "CHEBI:29101"},
	{"K+", "CHEBI:29103"},
	{"H+", "CHEBI:15378"},
	{"H⁺", "CHEBI:15378"},
	{"Mg2+", "CHEBI:18420"},
	{"Mg++", "CHEBI:18420"},
	{"Mg+2", "CHEBI:18420"},
	{"Ca2+", "CHEBI:29108"},
	{"Ca²⁺", "CHEBI:29108"},
	{"Fe(3+)", "CHEBI:29034"},
	{"Fe2+", "CHEBI:29033"},
	{"Zn2+", "CHEBI:29105"},
	{"Cl-", "CHEBI:17996"},
	{"Cl−", "CHEBI:17996"},
	{"HCO3-", "CHEBI:17544"},
	{"NH4+", "CHEBI:28938"},
	{"PO43-", "CHEBI:18367"},
	{"CD4+", "HGNC:1678"},
	{"CD34+", "HGNC:1662"},
	{"Na", ""}, // no charge: not read as an ion (and ambiguous or a gene, as before)
}

func TestIons(t *testing.T) {
	r := resolve.Default()
	for _, tt := range ionTests {
		t.Run(tt.name, func(t *testing.T) {
			res := r.Resolve(tt.name)
			n, ok := res.Node()
			if tt.want == "" {
				if ok && n.ID[:6] == "CHEBI:" {
					t.Errorf("Resolve(%q) = %s, want no ion", tt.name, n.ID)
				}
				return
			}
			if !ok || n.ID != tt.want {
				t.Errorf("Resolve(%q) = %v %v (%s), want %s", tt.name, res.Status, res.Candidates, res.Reason, tt.want)
			}
			in := r.ResolveIn(tt.name, resolve.Context{Text: "Osteoclasts acidify the resorption lacuna."})
			if n, ok := in.Node(); !ok || n.ID != tt.want {
				t.Errorf("ResolveIn(%q) = %v %v, want %s", tt.name, in.Status, in.Candidates, tt.want)
			}
		})
	}
}

// Charges that are not written as ions do not make one.
func TestNotIons(t *testing.T) {
	r := resolve.Default()
	for _, name := range []string{"+", "-", "()", "Na+++++", "Na5+", "Xx+", "(+)", "Na(", "H", "TGF-", "⁺"} {
		if n, ok := r.Resolve(name).Node(); ok && n.Kind.String() == "chemical" && n.ID[:6] == "CHEBI:" && name != "H" {
			t.Errorf("Resolve(%q) = %s, an ion", name, n.ID)
		}
	}
}
