package resolve_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/resolve/internal/lexbuild"
	"github.com/bonemet/bonemet/resolve/internal/pathbuild"
	"github.com/bonemet/bonemet/source"
)

// fieldScaleTests pin what the default resolver answers with no file
// beside it: every human gene, FamPlex families and complexes, ChEBI
// chemicals and the domain's drugs, Cell Ontology cells, and CURIEs.
var fieldScaleTests = []struct {
	name string
	id   string
	kind graph.Kind
}{
	{"TP53", "HGNC:11998", graph.Gene},
	{"HLF", "HGNC:4977", graph.Gene}, // its own symbol, not EPAS1's alias
	{"Bcl-xL", "HGNC:992", graph.Gene},
	{"c-Myc", "HGNC:7553", graph.Gene},
	{"caspase-3", "HGNC:1504", graph.Gene},
	{"cyclin D1", "HGNC:1582", graph.Gene},
	{"eIF4E", "HGNC:3287", graph.Gene},
	{"c-FLIP", "HGNC:1876", graph.Gene},
	{"MEK", "FPLX:MEK", graph.Group},
	{"Ras", "FPLX:RAS", graph.Group},
	{"Raf", "FPLX:RAF", graph.Group},
	{"mTORC1", "FPLX:mTORC1", graph.Group},
	{"ERK1/2", "FPLX:ERK", graph.Group},
	{"PI3K", "FPLX:PI3K", graph.Group},
	{"AMPK", "FPLX:AMPK", graph.Group},
	{"Smad2/3", "FPLX:SMAD2_3", graph.Group},
	{"NF-κB", "FPLX:NFkappaB", graph.Group},
	{"U0126", "CHEBI:90693", graph.Drug},
	{"SB203580", "CHEBI:90705", graph.Drug},
	{"dexamethasone", "CHEBI:41879", graph.Drug},
	{"rapamycin", "CHEBI:9168", graph.Drug},
	{"zoledronic acid", "CHEBI:46557", graph.Drug},
	{"denosumab", "DRUGBANK:DB06643", graph.Drug},
	{"romosozumab", "DRUGBANK:DB11866", graph.Drug},
	{"odanacatib", "DRUGBANK:DB06670", graph.Drug},
	{"LY2157299", "CHEBI:137064", graph.Drug}, // galunisertib
	{"radium-223", "CHEBI:74895", graph.Drug},
	{"osteoclast precursors", "BONEMET:osteoclast_precursor", graph.Cell},
	{"MDSCs", "BONEMET:mdsc", graph.Cell},
	{"cancer stem cells", "BONEMET:cancer_stem_cell", graph.Cell},
	{"hypercalcaemia", "BONEMET:hypercalcemia", graph.Process},
	{"pathological fractures", "BONEMET:fracture", graph.Process},
	{"tumor dormancy", "BONEMET:tumor_dormancy", graph.Process},
	{"skeletal-related events", "BONEMET:skeletal_related_events", graph.Process},
	{"ONJ", "BONEMET:onj", graph.Process},
	{"TAMs", "CL:0000235", graph.Cell},
	{"HUVEC", "CL:0002618", graph.Cell},
	{"osteoclasts", "CL:0000092", graph.Cell},
	{"epithelial-mesenchymal transition", "BONEMET:emt", graph.Process},
	{"Wnt/β-catenin signaling", "BONEMET:canonical_wnt_signaling", graph.Process},
	{"hgnc:11998", "HGNC:11998", graph.Gene},
	{"CHEBI:90693", "CHEBI:90693", graph.Drug},
	{"CL:0000092", "CL:0000092", graph.Cell},
	{"FPLX:ERK", "FPLX:ERK", graph.Group},
	{"BEL:AKT Family", "FPLX:AKT", graph.Group},
	{"BEL:Anaphase Promoting Complex", "FPLX:APC_C", graph.Group}, // no FamPlex key: read by its name
	{"BEL:PP2A Complex", "FPLX:PPP2", graph.Group},                // and without "Complex"
	{"lysophosphatidic acid", "CHEBI:32957", graph.Chemical},      // ChEBI names the class in the plural
	{"NCBIGene:7157", "HGNC:11998", graph.Gene},
	{"ENSEMBL:ENSG00000126602", "HGNC:16264", graph.Gene}, // TRAP1 by its Ensembl gene id
	{"ensembl:ENSG00000102575", "HGNC:124", graph.Gene},
	{"UniProt:P04637", "HGNC:11998", graph.Gene},
	{"DRUGBANK:DB00399", "CHEBI:46557", graph.Drug},
	{"MESH:D004533", "MESH:D004533", graph.Chemical},
}

func TestFieldScale(t *testing.T) {
	r := resolve.Default()
	for _, tt := range fieldScaleTests {
		t.Run(tt.name, func(t *testing.T) {
			res := r.Resolve(tt.name)
			n, ok := res.Node()
			if !ok || n.ID != tt.id || n.Kind != tt.kind {
				t.Errorf("Resolve(%q) = %v %v (%s), want %s (%v)", tt.name, res.Status, res.Candidates, res.Reason, tt.id, tt.kind)
			}
		})
	}
}

// A FamPlex family lists its genes and nested families, and a gene knows
// its families; a drug knows its class.
func TestFamPlexMembers(t *testing.T) {
	r := resolve.Default()
	erk, _ := r.Entry("FPLX:ERK")
	if !slices.Contains(erk.Node.Members, "HGNC:6871") || !slices.Contains(erk.Node.Members, "HGNC:6877") {
		t.Errorf("FPLX:ERK members %v, want MAPK1 and MAPK3", erk.Node.Members)
	}
	mapk, _ := r.Entry("FPLX:MAPK")
	if !slices.Contains(mapk.Node.Members, "FPLX:ERK") {
		t.Errorf("FPLX:MAPK members %v, want FPLX:ERK among them", mapk.Node.Members)
	}
	if gs := resolve.DefaultLexicon().GroupsOf("HGNC:6871"); !slices.Contains(gs, "FPLX:ERK") {
		t.Errorf("groups of MAPK1: %v", gs)
	}
	if gs := resolve.DefaultLexicon().GroupsOf("CHEBI:46557"); !slices.Contains(gs, "MESH:D004164") {
		t.Errorf("classes of zoledronic acid: %v", gs)
	}
	if res := r.Resolve("MEK1/2"); res.Status != resolve.Resolved || res.Candidates[0].ID != "FPLX:MEK" {
		t.Errorf("MEK1/2 → %v %v (%s)", res.Status, res.Candidates, res.Reason)
	}
}

// An ambiguous string keeps its candidates in order, strongest first.
func TestAmbiguousOrdered(t *testing.T) {
	res := resolve.Default().Resolve("p42")
	if res.Status != resolve.Ambiguous || len(res.Candidates) < 2 {
		t.Fatalf("p42 → %v %v", res.Status, res.Candidates)
	}
}

var suggestTests = []struct{ name, want string }{
	{"denosumb", "DRUGBANK:DB06643"},
	{"TP35", "HGNC:11998"},
	{"osteoclsts", "CL:0000092"},
	{"zoledronic acd", "CHEBI:46557"},
}

func TestResolveAllSuggests(t *testing.T) {
	r := resolve.Default()
	var names []string
	for _, tt := range suggestTests {
		names = append(names, tt.name)
	}
	names = append(names, "RANKL", "")
	out := r.ResolveAll(names)
	if len(out) != len(names) {
		t.Fatalf("%d results for %d names", len(out), len(names))
	}
	for i, tt := range suggestTests {
		res := out[i]
		if res.Status != resolve.Unknown || len(res.Suggestions) == 0 || res.Suggestions[0].Node.ID != tt.want {
			t.Errorf("ResolveAll %q: %v, suggestions %+v, want %s first", tt.name, res.Status, res.Suggestions, tt.want)
		}
	}
	if out[len(suggestTests)].Status != resolve.Resolved || out[len(suggestTests)].Suggestions != nil {
		t.Errorf("RANKL in a batch: %+v", out[len(suggestTests)])
	}
	sc := r.InContext(resolve.Context{Text: "Denosumab blocks RANKL."})
	if got := sc.ResolveAll([]string{"denosumb", "RANKL"}); got[0].Suggestions == nil || got[1].Status != resolve.Resolved {
		t.Errorf("Scope.ResolveAll: %+v", got)
	}
}

// hostileNames are names a careless or hostile caller may pass.
var hostileNames = []string{
	"", " ", "\x00", "\x00\x01\x02", "\t\n\r", "\xff\xfe\xfd", "a\xffb", strings.Repeat("A", 1<<20),
	strings.Repeat("é", 600), "HGNC:", ":", "::::", "BEL:", "/", "//", "a/", "/b", "1/2/3/4/5/6", "\u202eRANKL",
	strings.Repeat("x/", 5000), "NCBIGene:" + strings.Repeat("9", 2000),
	// label forms that stack: each reading tried at every step would take
	// exponential time (read once, they take microseconds)
	strings.Repeat("Protein ", 60) + "X" + strings.Repeat(" gene", 60),
	strings.Repeat("Protein ", 20) + "PKA" + strings.Repeat("α gene", 20),
	"PKA" + strings.Repeat("α", 200), strings.Repeat("A (", 100) + strings.Repeat(")", 100),
	strings.Repeat("X_HUMAN", 50) + strings.Repeat(" (Y)", 50),
}

func TestHostileNames(t *testing.T) {
	r := resolve.Default()
	for _, name := range hostileNames {
		res := r.Resolve(name)
		if res.Reason == "" || !utf8.ValidString(res.Reason) && res.Status == resolve.Resolved {
			t.Errorf("Resolve(%.40q): no clear reason: %+v", name, res.Reason)
		}
		if len(name) > resolve.MaxName && res.Status != resolve.Unknown {
			t.Errorf("Resolve of %d bytes: %v", len(name), res.Status)
		}
		cres := r.ResolveIn(name, resolve.Context{Text: name + " " + name})
		checkContextResult(t, cres)
		_ = r.ResolveAll([]string{name})
		_ = r.Suggest(name, 3)
	}
}

// The word tables are data: a broken line is a positioned error.
func TestWordTableErrors(t *testing.T) {
	bad := "# header\ntable\tword\nenglish\tcat\nnosuch\tword\nenglish\n"
	err := resolve.ParseWordTables(strings.NewReader(bad), "w.tsv")
	var pe *source.ParseError
	if !errors.As(err, &pe) || pe.Line != 4 || !errors.Is(err, resolve.ErrUnknownTable) || !errors.Is(err, resolve.ErrColumns) {
		t.Errorf("got %v, want an unknown table at w.tsv:4 and a short line", err)
	}
}

// The embedded index is what the generator makes of the shared tables,
// byte for byte: go generate ./resolve was run, and a fresh build in
// another process gives the same bytes (the generator is deterministic:
// it never ranges over a map into its output).
func TestIndexUpToDate(t *testing.T) {
	shared := filepath.Dir(filepath.Dir(sharedtest.Require(t, "reference/famplex/grounding_map.csv")))
	data, _, err := lexbuild.Build(filepath.Dir(shared))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "names.idx"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	embedded, err := os.ReadFile(filepath.Join("lexicon", "names.idx"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, embedded) {
		t.Errorf("lexicon/names.idx (%d bytes) differs from a fresh build (%d bytes): run go generate ./resolve", len(embedded), len(data))
	}
}

func TestPathwaysUpToDate(t *testing.T) {
	dir := sharedtest.Require(t, "reference/wikipathways/gpml")
	data, err := pathbuild.Build(dir, resolve.Default())
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := os.ReadFile(filepath.Join("lexicon", "pathways.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, embedded) {
		t.Errorf("lexicon/pathways.tsv (%d bytes) differs from a fresh build (%d bytes): run go generate ./resolve", len(embedded), len(data))
	}
}

func FuzzResolveAll(f *testing.F) {
	for _, n := range hostileNames {
		if len(n) < 1000 { // the long ones are TestHostileNames's: they slow the fuzzer down
			f.Add(n, "RANKL")
		}
	}
	for _, tt := range suggestTests {
		f.Add(tt.name, "HGNC:5")
	}
	r := resolve.Default()
	f.Fuzz(func(t *testing.T, a, b string) {
		out := r.ResolveAll([]string{a, b, a + "/" + b})
		if len(out) != 3 {
			t.Fatalf("%d results", len(out))
		}
		for _, res := range out {
			if res.Status == resolve.StatusInvalid || res.Reason == "" {
				t.Fatalf("result %+v", res)
			}
			if res.Status != resolve.Unknown && res.Suggestions != nil {
				t.Fatalf("suggestions for a %v name", res.Status)
			}
			for _, s := range res.Suggestions {
				if s.Edits < 1 || s.Edits > 2 || s.Node.ID == "" {
					t.Fatalf("suggestion %+v", s)
				}
			}
		}
	})
}
