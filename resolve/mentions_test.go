package resolve_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/resolve"
)

// wantMention is one expected mention: its text and the CURIE it resolves
// to ("" for an Unknown mention, "a|b" for a list).
type wantMention struct {
	text, id string
}

var mentionTests = []struct {
	name string
	text string
	want []wantMention
}{
	{"coordination", "IL-1, IL-6 and MIP-1α enhance osteoclast formation.",
		[]wantMention{{"IL-1", "FPLX:IL1"}, {"IL-6", "HGNC:6018"}, {"MIP-1α", "HGNC:10627"}, {"osteoclast formation", "BONEMET:osteoclastogenesis"}}},
	{"long form with a parenthesised short form", "receptor activator of NF-kappaB (RANK) ligand and parathyroid hormone-related protein (PTHrP)",
		[]wantMention{{"receptor activator of NF-kappaB (RANK) ligand", "HGNC:11926"}, {"parathyroid hormone-related protein", "HGNC:9607"}, {"PTHrP", "HGNC:9607"}}},
	{"interleukin (IL)-1", "interleukin (IL)-1 and IL-6",
		[]wantMention{{"interleukin (IL)-1", "FPLX:IL1"}, {"IL-6", "HGNC:6018"}}},
	{"a long form of several words, its short form and a number", "TRIF activates interferon regulatory factor (IRF)3 and interferon regulatory factor (IRF)-7.",
		[]wantMention{{"TRIF", "HGNC:18348"}, {"interferon regulatory factor (IRF)3", "HGNC:6118"}, {"interferon regulatory factor (IRF)-7", "HGNC:6122"}}},
	{"a bracketed name of its own is an example, not a short form", "NF-κB induces growth factors (VEGF) and cytokines (IL-6); osteoprotegerin (OPG) blocks; later VEGF and OPG act.",
		[]wantMention{{"NF-κB", "FPLX:NFkappaB"}, {"growth factors", "FPLX:Growth_factor"}, {"VEGF", "HGNC:12680"}, {"cytokines", "MESH:D016207"}, {"IL-6", "HGNC:6018"},
			{"osteoprotegerin", "HGNC:11909"}, {"OPG", "HGNC:11909"}, {"VEGF", "HGNC:12680"}, {"OPG", "HGNC:11909"}}},
	{"words glued by the key are no name", "PTH could inhibit or augment RANKL, and the acceptor binds nitric oxide.",
		[]wantMention{{"PTH", "HGNC:9606"}, {"RANKL", "HGNC:11926"}, {"nitric oxide", "CHEBI:16480"}}},
	{"processes of the cell beyond bone", "p21 causes G1 arrest; RAD51 drives DNA repair; TGF-β drives fibrosis and insulin resistance.",
		[]wantMention{{"p21", "HGNC:1784"}, {"G1 arrest", "BONEMET:cell_cycle_arrest"}, {"RAD51", "HGNC:9817"}, {"DNA repair", "BONEMET:dna_repair"},
			{"TGF-β", "FPLX:TGFB"}, {"fibrosis", "BONEMET:fibrosis"}, {"insulin resistance", "BONEMET:insulin_resistance"}}},
	{"PAR1 and PAR2 are the protease-activated receptors", "Thrombin cleaves PAR1, and trypsin activates PAR-2.",
		[]wantMention{{"Thrombin", "HGNC:3535"}, {"PAR1", "HGNC:3537"}, {"trypsin", "CHEBI:9765"}, {"PAR-2", "HGNC:3538"}}},
	{"an amino acid's three-letter code is no gene", "Trp and Tyr are low; TRPV1 and TYR and the Met receptor act.",
		[]wantMention{{"TRPV1", "HGNC:12716"}, {"TYR", "HGNC:12442"}, {"Met", "HGNC:7029"}}},
	{"the precursor of a protein is read as the protein", "pro-MMP-2 and proMMP-9 and proNGF are cleaved; pro-inflammatory cytokines rise.",
		[]wantMention{{"pro-MMP-2", "HGNC:7166"}, {"proMMP-9", "HGNC:7176"}, {"proNGF", "HGNC:7808"}, {"cytokines", "MESH:D016207"}}},
	{"EP2 is the prostaglandin E receptor; p21/Ras is Ras", "PGE2 acts through EP2, and Shc activates p21/Ras; p21 stops the cycle.",
		[]wantMention{{"PGE2", "CHEBI:15551"}, {"EP2", "HGNC:9594"}, {"Shc", "FPLX:SHC"}, {"p21/Ras", "FPLX:RAS"}, {"p21", "HGNC:1784"}}},
	{"TOR is the target of rapamycin", "Amino acids stimulate TOR signalling and RORC.",
		[]wantMention{{"Amino acids", "CHEBI:33709"}, {"TOR", "HGNC:3942"}, {"RORC", "HGNC:10260"}}},
	{"the families FamPlex does not name: IRF, IRAK, SOCS, PIAS", "IRFs and IRAKs act; SOCS and PIAS proteins stop JAK.",
		[]wantMention{{"IRFs", "BONEMET:IRF"}, {"IRAKs", "BONEMET:IRAK"}, {"SOCS", "BONEMET:SOCS"}, {"PIAS proteins", "BONEMET:PIAS"}, {"JAK", "FPLX:JAK"}}},
	{"slash group", "degradation of cIAP1/2 and signaling through p52/RelB",
		[]wantMention{{"cIAP1/2", "BONEMET:cIAP1_2"}, {"p52/RelB", "BONEMET:p52_RelB"}}},
	{"slash list", "RANK/RANKL signaling",
		[]wantMention{{"RANK/RANKL", "HGNC:11908|HGNC:11926"}}},
	{"a cell's abbreviation is no phosphorylated form", "pDCs make IFN; pERK rises",
		[]wantMention{{"pDCs", "CL:0000784"}, {"IFN", "FPLX:Interferon"}, {"pERK", "FPLX:ERK"}}},
	{"hyphen lists", "the PI3K-AKT pathway and JAK-STAT signalling, but not RANKL-induced or Rheb-GTP",
		[]wantMention{{"PI3K-AKT", "FPLX:PI3K|FPLX:AKT"}, {"JAK-STAT", "FPLX:JAK|FPLX:STAT"}, {"RANKL", "HGNC:11926"}, {"Rheb-GTP", ""}}},
	{"slash lists that elide a letter or a number's stem", "STAT5A/B, GSK3α/β, Wnt3a/5a and IL-1/6; CD4/8 T cells",
		[]wantMention{{"STAT5A/B", "FPLX:STAT5"}, {"GSK3α/β", "FPLX:GSK3"}, {"Wnt3a/5a", "HGNC:15983|HGNC:12784"}, {"IL-1/6", "FPLX:IL1|HGNC:6018"}, {"CD4/8", "HGNC:1678|FPLX:CD8"}, {"T cells", "CL:0000084"}}},
	{"a slash list whose first part is two words", "an increased activity of MAPKAP K2/3 and of TGF-β 1/2",
		[]wantMention{{"MAPKAP K2/3", "HGNC:6887|HGNC:6888"}, {"TGF-β 1/2", "HGNC:11766|HGNC:11768"}}},
	{"a curated name as written beats a symbol written otherwise", "Rho activates ROCK; RHO is rhodopsin.",
		[]wantMention{{"Rho", "HGNC:667"}, {"ROCK", "FPLX:ROCK"}, {"RHO", "HGNC:10012"}, {"rhodopsin", "HGNC:10012"}}},
	{"an epitope tag before a protein", "HA-GSK-3β, Flag-TRAF6 and GFP-dnRab5; GFP-tagged RUNX2",
		[]wantMention{{"GSK-3β", "HGNC:4617"}, {"TRAF6", "HGNC:12036"}, {"dnRab5", "HGNC:9783"}, {"GFP-tagged", ""}, {"RUNX2", "HGNC:10472"}}},
	{"a prime after a position", "PI3'-kinase and phosphatidylinositol 3′-kinase",
		[]wantMention{{"PI3'-kinase", "FPLX:PI3K"}, {"phosphatidylinositol 3′-kinase", "FPLX:PI3K"}}},
	{"a last Greek letter as its Latin initial", "PGC-1β coactivates ERRα.",
		[]wantMention{{"PGC-1β", "HGNC:30022"}, {"ERRα", "HGNC:3471"}}},
	{"slash parts", "the RANKL-induced AKT/ERK/NF-κB pathway",
		[]wantMention{{"RANKL", "HGNC:11926"}, {"AKT/ERK/NF-κB", "FPLX:AKT|FPLX:ERK|FPLX:NFkappaB"}}},
	{"a plural short form defines its singular", "Cancer-associated fibroblasts (CAFs) grow; one CAF divides.",
		[]wantMention{{"fibroblasts", "CL:0000057"}, {"CAFs", "CL:0000057"}, {"CAF", "CL:0000057"}}},
	{"E2 is estradiol, the enzymes are E2 enzymes", "E2 induced RANK; E2 enzymes transfer ubiquitin",
		[]wantMention{{"E2", "CHEBI:16469"}, {"RANK", "HGNC:11908"}, {"E2 enzymes", "FPLX:UBE2"}, {"ubiquitin", "FPLX:Ubiquitin"}}},
	{"nominal compound", "PTH-induction of RANKL and OPG-inhibition of osteoclasts",
		[]wantMention{{"PTH", "HGNC:9606"}, {"RANKL", "HGNC:11926"}, {"OPG", "HGNC:11909"}, {"osteoclasts", "CL:0000092"}}},
	{"secreting compound", "RANKL-secreting osteoblasts",
		[]wantMention{{"RANKL", "HGNC:11926"}, {"osteoblasts", "CL:0000062"}}},
	{"derived compound names a cell", "Tumor-derived RANKL",
		[]wantMention{{"Tumor", "CL:0001063"}, {"RANKL", "HGNC:11926"}}},
	{"derived compound after a two-word cell name", "lung cancer-induced bone loss and myeloma-derived DKK1",
		[]wantMention{{"lung cancer", "BONEMET:lung_cancer_cell"}, {"bone loss", "BONEMET:bone_loss"}, {"myeloma", "BONEMET:myeloma_cell"}, {"DKK1", "HGNC:2891"}}},
	{"en dash for a hyphen inside a name", "IL–11 and TGF–β; 5–10 ng and RANKL – a ligand",
		[]wantMention{{"IL–11", "HGNC:5966"}, {"TGF–β", "FPLX:TGFB"}, {"RANKL", "HGNC:11926"}}},
	{"TRAP is the osteoclast's acid phosphatase", "TRAP and TRAcP 5b in osteoclasts",
		[]wantMention{{"TRAP", "HGNC:124"}, {"TRAcP 5b", "HGNC:124"}, {"osteoclasts", "CL:0000092"}}},
	{"integrins by their chains", "integrin αvβ3 on osteoclasts and platelet alphaIIbbeta3",
		[]wantMention{{"integrin αvβ3", "FPLX:VTNR"}, {"osteoclasts", "CL:0000092"}, {"platelet", "CL:0000233"}, {"alphaIIbbeta3", "FPLX:ITGA2B3"}}},
	{"marker and cell", "RANK+ tumor cells and CD80+ AIRE+ medullary thymic epithelial cell (mTEC)",
		[]wantMention{{"RANK+ tumor cells", "CL:0001063"}, {"CD80+ AIRE+ medullary thymic epithelial cell", "CL:0002365"}, {"mTEC", "CL:0002365"}}},
	{"drug and drug class", "Blocking RANKL with Denosumab; bisphosphonates",
		[]wantMention{{"RANKL", "HGNC:11926"}, {"Denosumab", "DRUGBANK:DB06643"}, {"bisphosphonates", "MESH:D004164"}}},
	{"process", "bone destruction and new bone formation",
		[]wantMention{{"bone destruction", "BONEMET:bone_destruction"}, {"new bone formation", "BONEMET:bone_formation"}}},
	{"English words are not genes", "We find that the cells set a large impact in pink.",
		nil},
	{"lower-case words that genes' entries write in capitals", "Histone marks guide cell fates and act as a minor limit; survivin and Hepcidin rise.",
		[]wantMention{{"Histone", "FPLX:Histone"}, {"survivin", "HGNC:593"}, {"Hepcidin", "HGNC:15598"}}},
	{"a short alias that fits no other gene of the text is set aside", "TGFB1 activates SMAD3 and SMAD2, and CSR rises in B cells.",
		[]wantMention{{"TGFB1", "HGNC:11766"}, {"SMAD3", "HGNC:6769"}, {"SMAD2", "HGNC:6768"}, {"CSR", ""}, {"B cells", "CL:0000236"}}},
	{"a short alias that shares a pathway with another gene stays", "RUNX2 and DLX5 induce Osx in osteoblasts.",
		[]wantMention{{"RUNX2", "HGNC:10472"}, {"DLX5", "HGNC:2918"}, {"Osx", "HGNC:17321"}, {"osteoblasts", "CL:0000062"}}},
	{"tissues and organisms ending in -ium are no chemicals; the endothelium is its cells", "VEGF acts on the endothelium and myocardium; Plasmodium and Clostridium; VEGF receptor 2.",
		[]wantMention{{"VEGF", "HGNC:12680"}, {"endothelium", "CL:0000115"}, {"VEGF receptor 2", "HGNC:6307"}}},
	{"a CD number is never set aside", "VEGF activates KDR, and CD148 attenuates it.",
		[]wantMention{{"VEGF", "HGNC:12680"}, {"KDR", "HGNC:6307"}, {"CD148", "HGNC:9673"}}},
	{"the one candidate of an ambiguous symbol that shares pathways with the text's genes", "TLR3 and TLR4 signal through TRIF to TBK1 and IRF3.",
		[]wantMention{{"TLR3", "HGNC:11849"}, {"TLR4", "HGNC:11850"}, {"TRIF", "HGNC:18348"}, {"TBK1", "HGNC:11584"}, {"IRF3", "HGNC:6118"}}},
	{"an ambiguous symbol with one gene of support stays ambiguous", "TLR3 signals through TRIF.",
		[]wantMention{{"TLR3", "HGNC:11849"}, {"TRIF", ""}}},
	{"a code of one letter and a number is no gene's symbol", "C-11 with AKR1C1, AKR1C2, AKR1C3 and HSD17B5.",
		[]wantMention{{"C-11", ""}, {"AKR1C1", "HGNC:384"}, {"AKR1C2", "HGNC:385"}, {"AKR1C3", "HGNC:386"}, {"HSD17B5", "HGNC:386"}}},
	{"an ambiguous name before cells is a cell line", "PC-3 cells express BTG1, TP53 and CDKN1A; PC-3 and BTG1, TP53, CDKN1A.",
		[]wantMention{{"PC-3", ""}, {"BTG1", "HGNC:1130"}, {"TP53", "HGNC:11998"}, {"CDKN1A", "HGNC:1784"}, {"PC-3", "HGNC:1131"}, {"BTG1", "HGNC:1130"}, {"TP53", "HGNC:11998"}, {"CDKN1A", "HGNC:1784"}}},
	{"co- before a word is a prefix, CO the gas", "Co-culture and co-activation of RYK; CO-releasing drugs and CO",
		[]wantMention{{"RYK", "HGNC:10481"}, {"CO", "CHEBI:17245"}, {"CO", "CHEBI:17245"}}},
	{"a short alias alone with no other gene stays", "Osx rises in osteoblasts.",
		[]wantMention{{"Osx", "HGNC:17321"}, {"osteoblasts", "CL:0000062"}}},
	{"two-letter aliases are not genes", "ER and AR in HS",
		[]wantMention{}},
	{"symbol-like unknown word", "NBP inhibits MAPK",
		[]wantMention{{"NBP", ""}, {"MAPK", "FPLX:MAPK"}}},
	{"legend defines a short form for the whole text", "Cas inhibits osteoclastogenesis. Cas, casticin; RANKL, RANK ligand.",
		[]wantMention{{"Cas", "CHEBI:69355"}, {"osteoclastogenesis", "BONEMET:osteoclastogenesis"}, {"Cas", "CHEBI:69355"}, {"casticin", "CHEBI:69355"}, {"RANKL", "HGNC:11926"}, {"RANK ligand", "HGNC:11926"}}},
	{"abbreviation holds after its definition", "OCLs. osteoclasts (OCx) resorb; OCx are large",
		[]wantMention{{"OCLs", "CL:0000092"}, {"osteoclasts", "CL:0000092"}, {"OCx", "CL:0000092"}, {"OCx", "CL:0000092"}}},
	{"a definition spelled out overrides a symbol", "the mesenchymal-epithelial transition (MET) follows; SNAI1 loss promotes MET. MET in another text: HGF binds MET",
		[]wantMention{{"mesenchymal-epithelial transition", "BONEMET:met_transition"}, {"MET", "BONEMET:met_transition"}, {"SNAI1", "HGNC:11128"}, {"MET", "BONEMET:met_transition"}, {"MET", "BONEMET:met_transition"}, {"HGF", "HGNC:4893"}, {"MET", "BONEMET:met_transition"}}},
	{"an undefined symbol is the gene", "HGF binds MET",
		[]wantMention{{"HGF", "HGNC:4893"}, {"MET", "HGNC:7029"}}},
	{"a symbol defined by a long form of another kind keeps its entity", "growth factor (EGF) binds EGFR; EGF rises",
		[]wantMention{{"growth factor", "FPLX:Growth_factor"}, {"EGF", "HGNC:3229"}, {"EGFR", "HGNC:3236"}, {"EGF", "HGNC:3229"}}},
	{"fusion protein", "ephB4-Fc suppresses osteoclast formation",
		[]wantMention{{"ephB4", "HGNC:3395"}, {"osteoclast formation", "BONEMET:osteoclastogenesis"}}},
	{"plural", "T cells and NK cells express RANKL",
		[]wantMention{{"T cells", "CL:0000084"}, {"NK cells", "CL:0000623"}, {"RANKL", "HGNC:11926"}}},
	{"citations and figures are not short forms", "VEGF (61) and TNF (Fig.4A) act; 61 and Fig.4A differ.",
		[]wantMention{{"VEGF", "HGNC:12680"}, {"TNF", "HGNC:11892"}, {"Fig.4A", ""}, {"Fig.4A", ""}}},
	{"residues and mutations are not short forms", "Caveolin-1 (Tyr14) and ARF6 (T27N); Tyr14 and T27N, not E2F.",
		[]wantMention{{"Caveolin-1", "HGNC:1527"}, {"Tyr14", ""}, {"ARF6", "HGNC:659"}, {"T27N", ""}, {"Tyr14", ""}, {"T27N", ""}, {"E2F", "FPLX:E2F"}}},
	{"English words name nothing", "No role of mice proteins leads to no change in NO. It is so.",
		[]wantMention{{"NO", "CHEBI:16480"}}},
	{"prostate cancer short forms", "PCa and CaP cells and Prostate tissue grow; RANK ligand binds.",
		[]wantMention{{"CaP cells", "BONEMET:prostate_cancer_cell"}, {"RANK ligand", "HGNC:11926"}}},
	{"phosphorylated forms name the protein", "pERK, p-AKT, phospho-c-Jun and pSTAT3 rose; pH and pS2 did not.",
		[]wantMention{{"pERK", "FPLX:ERK"}, {"p-AKT", "FPLX:AKT"}, {"phospho-c-Jun", "HGNC:6204"}, {"pSTAT3", "HGNC:11364"}, {"pS2", ""}}},
	{"elliptic coordination", "GSK-3α and -β, C/EBPα and β, MMP-2 and -9; IL-6, 24 h later.",
		[]wantMention{{"GSK-3α", "HGNC:4616"}, {"β", "HGNC:4617"}, {"C/EBPα", "HGNC:1833"}, {"β", "HGNC:1834"},
			{"MMP-2", "HGNC:7166"}, {"9", "HGNC:7176"}, {"IL-6", "HGNC:6018"}}},
	{"Slug is SNAI2 in any text", "Activation of AhR leads to activation of SLUG.",
		[]wantMention{{"AhR", "HGNC:348"}, {"SLUG", "HGNC:11094"}}},
	{"a head in the plural before a number; plurals of capitals", "Caspase-8 cleaves caspases-3; FAs and APCs differ from RARs.",
		[]wantMention{{"Caspase-8", "HGNC:1509"}, {"caspases-3", "HGNC:1504"}, {"FAs", ""}, {"APCs", ""}, {"RARs", "FPLX:RAR"}}},
	{"elliptic numbers without a dash", "BMP-4 and 6 expression; IL-6 and 24 h later; TRAF6 and 2 cells; MMP-2, 9.",
		[]wantMention{{"BMP-4", "HGNC:1071"}, {"6", "HGNC:1073"}, {"IL-6", "HGNC:6018"}, {"TRAF6", "HGNC:12036"}, {"MMP-2", "HGNC:7166"}}},
	{"members listed by number after a plural", "Smads 6 and 7 inhibit Smads 1, 5, and 8; MMPs 2 and 9; Wnts 3a and 5a; cells 2 and 3.",
		[]wantMention{{"Smads 6", "HGNC:6772"}, {"7", "HGNC:6773"}, {"Smads 1", "HGNC:6767"}, {"5", "HGNC:6771"}, {"8", "HGNC:6774"},
			{"MMPs 2", "HGNC:7166"}, {"9", "HGNC:7176"}, {"Wnts 3a", "HGNC:15983"}, {"5a", "HGNC:12784"}}},
	{"elliptic processes", "osteoclast formation, activation and survival; bone formation and resorption; bone formation and mice.",
		[]wantMention{{"osteoclast formation", "BONEMET:osteoclastogenesis"}, {"activation", "BONEMET:osteoclast_activity"}, {"survival", "BONEMET:cell_survival"},
			{"bone formation", "BONEMET:bone_formation"}, {"resorption", "BONEMET:bone_resorption"}, {"bone formation", "BONEMET:bone_formation"}}},
	{"enzyme inhibitor roles", "cathepsin K inhibitors and proteasome inhibitors; PI3K inhibitors",
		[]wantMention{{"cathepsin K inhibitors", "CHEBI:64406"}, {"proteasome inhibitors", "CHEBI:52726"}, {"PI3K inhibitors", "CHEBI:50914"}}},
	// the amino acids stay chemicals; "serine/threonine kinase" is not
	// MARK2 (whose alias it is) and SDS is the detergent, not a gene
	{"a description of a kind of protein names no gene", "Akt, a serine/threonine kinase, was resolved by SDS–PAGE; MT1-MMP-bearing cells and PKACα.",
		[]wantMention{{"Akt", "FPLX:AKT"}, {"serine", "CHEBI:17822"}, {"threonine", "CHEBI:26986"}, {"PAGE", ""}, {"MT1-MMP", "HGNC:7160"}, {"PKACα", "HGNC:9380"}}},
	{"written forms of the domain lexicon", "PKCζ, Epac1, PD098059, H2O2, 8-Br-cAMP and cAMP response element-binding protein",
		[]wantMention{{"PKCζ", "HGNC:9412"}, {"Epac1", "HGNC:16629"}, {"PD098059", "CHEBI:77954"}, {"H2O2", "CHEBI:16240"},
			{"8-Br-cAMP", "MESH:D015124"}, {"cAMP response element-binding protein", "FPLX:CREB"}}},
}

func ids(m resolve.Mention) string {
	if m.Result.Status != resolve.Resolved {
		return ""
	}
	var out []string
	for _, c := range m.Result.Candidates {
		out = append(out, c.ID)
	}
	return strings.Join(out, "|")
}

func TestMentions(t *testing.T) {
	r := resolve.Default()
	for _, tt := range mentionTests {
		t.Run(tt.name, func(t *testing.T) {
			ms := r.Mentions(tt.text)
			var got []wantMention
			for _, m := range ms {
				if m.Text != tt.text[m.Start:m.End] {
					t.Errorf("mention %q does not match its span %q", m.Text, tt.text[m.Start:m.End])
				}
				got = append(got, wantMention{m.Text, ids(m)})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Mentions(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestMentionsAbbreviationReason(t *testing.T) {
	ms := resolve.Default().Mentions("Cas inhibits bone loss. Cas, casticin.")
	if len(ms) == 0 || ms[0].Text != "Cas" || !strings.HasPrefix(ms[0].Result.Reason, "abbreviation") {
		t.Fatalf("first mention %+v, want Cas as an abbreviation", ms)
	}
}

// A lower-case word in brackets after a name is a note on the figure,
// not a short form: "(right)" does not become IL-12p35 for the rest of
// the text. A short form with a capital still is one.
func TestMentionsBracketedNote(t *testing.T) {
	text := "Mincle lowers IL-12p35 (right). TLRs (right) and interleukin-6 (IL6) act; IL6 rises."
	for _, m := range resolve.Default().Mentions(text) {
		switch m.Text {
		case "right":
			t.Errorf("%q at %d read as %v (%s); want no mention", m.Text, m.Start, m.Result.Candidates, m.Result.Reason)
		case "IL6":
			if n, ok := m.Result.Node(); !ok || n.ID != "HGNC:6018" {
				t.Errorf("IL6 at %d: %v; want HGNC:6018", m.Start, m.Result.Candidates)
			}
		}
	}
}

func TestMentionsSetAsideReason(t *testing.T) {
	ms := resolve.Default().Mentions("TGFB1 activates SMAD3, and CSR rises.")
	var csr *resolve.Mention
	for i := range ms {
		if ms[i].Text == "CSR" {
			csr = &ms[i]
		}
	}
	if csr == nil {
		t.Fatalf("no mention of CSR in %+v", ms)
	}
	r := csr.Result
	if r.Status != resolve.Unknown || len(r.Candidates) != 1 || r.Candidates[0].ID != "HGNC:19000" ||
		!strings.HasPrefix(r.Reason, "set aside: ") || !strings.Contains(r.Reason, "SCARA3") {
		t.Errorf("CSR: %v %v %q; want Unknown, SCARA3 kept as the candidate, and a reason naming it", r.Status, r.Candidates, r.Reason)
	}
}

// An ambiguous symbol settled by the text's genes says which candidate
// fitted and with which genes.
func TestMentionsAmbiguityReason(t *testing.T) {
	ms := resolve.Default().Mentions("TLR3 and TLR4 signal through TRIF to TBK1 and IRF3.")
	i := slices.IndexFunc(ms, func(m resolve.Mention) bool { return m.Text == "TRIF" })
	if i < 0 {
		t.Fatalf("no mention of TRIF in %+v", ms)
	}
	r := ms[i].Result
	if n, ok := r.Node(); !ok || n.ID != "HGNC:18348" || !strings.Contains(r.Reason, "of 2 genes, only TICAM1 shares a pathway with genes the text names (TLR") {
		t.Errorf("TRIF: %v %v %q; want TICAM1 and a reason naming the genes it fits", r.Status, r.Candidates, r.Reason)
	}
}

func ExampleResolver_Mentions() {
	r := resolve.Default()
	for _, m := range r.Mentions("PTHrP induces RANKL-secreting osteoblasts, blocked by denosumab.") {
		n := m.Result.Candidates[0]
		fmt.Printf("%d:%d %s = %s (%v)\n", m.Start, m.End, m.Text, n.ID, n.Kind)
	}
	// Output:
	// 0:5 PTHrP = HGNC:9607 (gene)
	// 14:19 RANKL = HGNC:11926 (gene)
	// 30:41 osteoblasts = CL:0000062 (cell)
	// 54:63 denosumab = DRUGBANK:DB06643 (drug)
}

func checkMentions(t *testing.T, text string, ms []resolve.Mention) {
	t.Helper()
	prevEnd := 0
	for i, m := range ms {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			t.Fatalf("mention %d span %d:%d outside text of %d bytes", i, m.Start, m.End, len(text))
		}
		if m.Start < prevEnd {
			t.Fatalf("mention %d (%d:%d) overlaps or precedes the previous one ending at %d", i, m.Start, m.End, prevEnd)
		}
		if m.Text != text[m.Start:m.End] {
			t.Fatalf("mention %d text %q != span %q", i, m.Text, text[m.Start:m.End])
		}
		prevEnd = m.End
	}
}

func FuzzMentions(f *testing.F) {
	for _, tt := range mentionTests {
		f.Add(tt.text)
	}
	f.Add("(((RANKL)/RANK-mediated")
	f.Add("interleukin (IL)-")
	f.Add("a/b/c/d/e/f - -- // ++ RANK+ \xff\xfe cIAP1/")
	r := resolve.Default()
	f.Fuzz(func(t *testing.T, text string) {
		ms := r.Mentions(text)
		checkMentions(t, text, ms)
	})
}

func BenchmarkMentions(b *testing.B) {
	r := resolve.Default()
	text := "IAP antagonists promote bone metastasis via activation of alternative NF-κB pathway. " +
		"The presence of IAP antagonists enhances the degradation of cIAP1/2, stabilizing more NIK, thereby " +
		"increasing more osteoclastogenic signaling through p52/RelB. Elevated numbers of osteoclasts provide a " +
		"favorable microenvironment for bone metastasis through release of tumor growth factors from bone matrix " +
		"and a positive feedback loop from RANKL-secreting osteoblasts."
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		r.Mentions(text)
	}
}

func TestDominantNegative(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"dn-Rab5", "Rab5", true},
		{"DN-Ras", "Ras", true},
		{"dnIKKβ", "IKKβ", true},
		{"dnaK", "", false}, // a small letter after "dn": a name of its own
		{"DNMT1", "", false},
		{"dn-", "", false},
		{"N17Rac1", "Rac1", true},
		{"RasN17", "Ras", true},
		{"Cdc42T17N", "Cdc42", true},
		{"RhoA-N19", "RhoA", true},
		{"RasV12", "", false},  // active, not dominant negative
		{"RhoAN17", "", false}, // Rho's is at 19
		{"BRAFV600E", "", false},
		{"", "", false},
	} {
		got, ok := resolve.DominantNegative(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("DominantNegative(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
