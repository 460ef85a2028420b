package analyses_test

import (
	"testing"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/bonemettest"
	"github.com/bonemet/bonemet/graph"
)

// A claim is one question a researcher asks of the field, answered in one
// line with the Expect helpers: a net sign (blocks, promotes), a route of a
// sign through named nodes, or a direct edge. A failure prints what the
// graph holds instead, hop by hop with its quotes.
type claim struct {
	name  string
	check func(t testing.TB, k *bonemet.Knowledge) bool
}

func blocks(from, to string, via ...string) func(testing.TB, *bonemet.Knowledge) bool {
	return func(t testing.TB, k *bonemet.Knowledge) bool { return bonemettest.ExpectBlocks(t, k, from, to, via...) }
}

func promotes(from, to string, via ...string) func(testing.TB, *bonemet.Knowledge) bool {
	return func(t testing.TB, k *bonemet.Knowledge) bool {
		return bonemettest.ExpectPromotes(t, k, from, to, via...)
	}
}

func edge(from string, rel graph.Relation, to string) func(testing.TB, *bonemet.Knowledge) bool {
	return func(t testing.TB, k *bonemet.Knowledge) bool { return bonemettest.ExpectEdge(t, k, from, rel, to) }
}

func route(from, to string, sign graph.Sign, via ...string) func(testing.TB, *bonemet.Knowledge) bool {
	return func(t testing.TB, k *bonemet.Knowledge) bool {
		return bonemettest.ExpectRoute(t, k, from, to, sign, via...)
	}
}

var claims = []claim{
	// Osteolytic metastasis: the RANKL axis and the drugs that block it.
	{"denosumab blocks osteoclast formation through RANKL", blocks("denosumab", "osteoclast formation", "RANKL")},
	{"denosumab blocks bone resorption", blocks("denosumab", "bone resorption")},
	{"denosumab blocks bone destruction", blocks("denosumab", "bone destruction")},
	{"what does OPG inhibit: RANKL", edge("OPG", graph.Inhibits, "RANKL")},
	{"OPG blocks osteoclast formation", blocks("OPG", "osteoclastogenesis")},
	{"RANKL activates its receptor RANK", edge("RANKL", graph.Activates, "RANK")},
	{"RANKL drives osteoclast formation", promotes("RANKL", "osteoclastogenesis")},
	{"RANKL induces NFATc1, the master regulator of osteoclasts", promotes("RANKL", "NFATc1")},
	{"NFATc1 promotes osteoclast formation", promotes("NFATc1", "osteoclastogenesis")},
	{"M-CSF promotes osteoclast formation", promotes("M-CSF", "osteoclastogenesis")},
	{"osteoclasts resorb bone", promotes("osteoclasts", "bone resorption")},
	{"what secretes RANKL: osteoblasts", edge("osteoblasts", graph.Secretes, "RANKL")},
	{"what secretes RANKL: T cells", edge("T cells", graph.Secretes, "RANKL")},
	{"what secretes RANKL: tumour cells", edge("tumor cells", graph.Secretes, "RANKL")},
	{"zoledronic acid blocks osteoclasts", blocks("zoledronic acid", "osteoclasts")},
	{"bisphosphonates interrupt the vicious cycle", blocks("bisphosphonates", "vicious cycle")},
	// The vicious cycle of osteolytic metastasis.
	{"breast cancer cells secrete PTHrP", edge("breast cancer cells", graph.Secretes, "PTHrP")},
	{"how PTHrP reaches osteoclasts: through RANKL", promotes("PTHrP", "osteoclast formation", "RANKL")},
	{"TGF-β released from bone drives tumour PTHrP", promotes("TGF-β", "PTHrP")},
	{"PTH raises RANKL", promotes("PTH", "RANKL")},
	{"IL-6 promotes osteoclast formation", promotes("IL-6", "osteoclastogenesis")},
	{"IL-1 promotes osteoclast formation", promotes("IL-1", "osteoclastogenesis")},
	{"TNF-α promotes osteoclast formation", promotes("TNF-alpha", "osteoclastogenesis")},
	{"PGE2 raises RANKL", promotes("PGE2", "RANKL")},
	// Myeloma bone disease.
	{"MIP-1α promotes osteoclast formation in myeloma", promotes("MIP-1alpha", "osteoclastogenesis")},
	{"DKK1 blocks osteoblast differentiation", blocks("DKK1", "osteoblastogenesis")},
	{"FGF23 from osteocytes drives hypophosphatemia", promotes("FGF23", "hypophosphatemia")},
	{"osteocytes secrete FGF23", edge("osteocytes", graph.Secretes, "FGF23")},
	// Osteoblasts, osteocytes and Wnt.
	{"sclerostin blocks Wnt/β-catenin signalling", blocks("sclerostin", "Wnt/β-catenin signaling")},
	{"osteocytes secrete sclerostin", edge("osteocytes", graph.Secretes, "sclerostin")},
	{"Wnt/β-catenin signalling drives osteoblast differentiation", promotes("Wnt/β-catenin signaling", "osteoblastogenesis")},
	{"RUNX2 drives osteoblast differentiation", promotes("RUNX2", "osteoblastogenesis")},
	{"Osterix (SP7) drives osteoblast differentiation", promotes("Osterix", "osteoblastogenesis")},
	{"BMP2 drives osteoblast differentiation", promotes("BMP2", "osteoblastogenesis")},
	{"β-catenin raises OPG", promotes("β-catenin", "OPG")},
	{"PTH signalling lowers sclerostin", blocks("PTH", "sclerostin")},
	// Tumour–bone crosstalk and the immune side.
	{"IAP antagonists promote bone metastasis", promotes("IAP antagonists", "bone metastasis")},
	{"IAP antagonists promote osteoclast formation through cIAP1/2, NIK and p52/RelB",
		promotes("IAP antagonists", "osteoclastogenesis", "cIAP1/2", "NIK", "p52/RelB")},
	{"IAP antagonists lower cIAP1/2 (a double inhibition makes the promotion)", blocks("IAP antagonists", "cIAP1/2")},
	{"denosumab blocks RANKL-induced immunosuppression", blocks("denosumab", "immunosuppression")},
	{"a route the caption hypothesises: blocking central tolerance raises T cells", route("denosumab", "T cell", graph.Positive, "central tolerance")},
	{"tumour-derived RANKL converts T cells into Tregs", promotes("RANKL", "Treg")},
	{"osteoclasts release growth factors from bone matrix", edge("osteoclasts", graph.Secretes, "growth factors")},
	{"CXCL12 signals through CXCR4", edge("CXCL12", graph.Activates, "CXCR4")},
	{"CXCL12 promotes bone metastasis", promotes("CXCL12", "bone metastasis")},
	{"Jagged1 activates Notch", promotes("Jagged1", "Notch")},
	{"cathepsin K drives bone resorption", promotes("cathepsin K", "bone resorption")},
}

func TestClaims(t *testing.T) {
	k := bonemet.Default()
	if len(claims) < 40 {
		t.Fatalf("%d claims, want at least 40", len(claims))
	}
	for _, c := range claims {
		t.Run(c.name, func(t *testing.T) { c.check(t, k) })
	}
}
