package analyses_test

import (
	"testing"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/bonemettest"
	"github.com/bonemet/bonemet/graph"
)

// Each test states one claim of the bone-metastasis literature as a
// one-liner; a failure prints the path that is missing or wrongly signed.

func TestDenosumabBlocksOsteoclastFormationThroughRANKL(t *testing.T) {
	bonemettest.ExpectBlocks(t, bonemet.Default(), "denosumab", "osteoclast formation", "RANKL")
}

func TestDenosumabBlocksBoneDestruction(t *testing.T) {
	k := bonemet.Default()
	bonemettest.ExpectBlocks(t, k, "denosumab", "bone destruction")
	bonemettest.ExpectBlocks(t, k, "denosumab", "bone resorption", "RANKL", "osteoclasts")
}

func TestBisphosphonatesInterruptTheViciousCycle(t *testing.T) {
	bonemettest.ExpectBlocks(t, bonemet.Default(), "bisphosphonates", "vicious cycle")
}

func TestZoledronicAcidActsAsABisphosphonate(t *testing.T) {
	// Zoledronic acid has no edge of its own: the query follows its drug
	// class.
	bonemettest.ExpectBlocks(t, bonemet.Default(), "zoledronate", "osteoclasts")
}

func TestIAPAntagonistsPromoteBoneMetastasis(t *testing.T) {
	k := bonemet.Default()
	bonemettest.ExpectPromotes(t, k, "IAP antagonists", "bone metastasis")
	// The mechanism: a double inhibition comes out positive.
	bonemettest.ExpectPromotes(t, k, "IAP antagonists", "osteoclastogenesis", "cIAP1/2", "NIK", "p52/RelB")
	bonemettest.ExpectSign(t, k, "IAP antagonists", "cIAP1/2", graph.Negative)
}

func TestOsteoblastsSecreteRANKL(t *testing.T) {
	bonemettest.ExpectEdge(t, bonemet.Default(), "osteoblasts", graph.Secretes, "RANKL")
}

func TestBreastCancerPTHrPInducesOsteoclastFormationThroughRANKL(t *testing.T) {
	k := bonemet.Default()
	bonemettest.ExpectEdge(t, k, "breast cancer cells", graph.Secretes, "PTHrP")
	bonemettest.ExpectPromotes(t, k, "PTHrP", "osteoclast formation", "RANK ligand")
}

func TestMyelomaCellsDriveOsteoclastogenesis(t *testing.T) {
	bonemettest.ExpectPromotes(t, bonemet.Default(), "myeloma cells", "osteoclastogenesis", "MIP-1α")
}

func TestRANKLBlockadeIsAnImmunotherapyHypothesis(t *testing.T) {
	k := bonemet.Default()
	bonemettest.ExpectBlocks(t, k, "denosumab", "regulatory T cells", "RANKL")
	bonemettest.ExpectPromotes(t, k, "denosumab", "T cells", "central tolerance")
}

func TestWhatSecretesRANKL(t *testing.T) {
	k := bonemet.Default()
	up, err := k.Upstream("RANKL", graph.MaxDepth(1), graph.Only(graph.Secretes))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range up {
		got = append(got, r.Node.Label())
	}
	want := []string{"osteoblast", "T cell", "natural killer cell", "tumor cell"} // by depth, then ID
	if len(got) != len(want) {
		t.Fatalf("cells secreting RANKL: %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("cells secreting RANKL: %q, want %q", got, want)
		}
	}
}
