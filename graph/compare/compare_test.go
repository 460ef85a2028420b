package compare_test

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/build"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/graph/compare"
	"github.com/bonemet/bonemet/ingest/gpml"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// cmpEdge is an edge of a hand-built comparison graph: "FROM rel TO" with
// node IDs as below.
type cmpEdge struct {
	from string
	rel  graph.Relation
	to   string
}

var cmpNodes = map[string]graph.Node{
	"RANKL": {ID: "HGNC:11926", Kind: graph.Gene, Symbol: "TNFSF11"},
	"RANK":  {ID: "HGNC:11908", Kind: graph.Gene, Symbol: "TNFRSF11A"},
	"OPG":   {ID: "HGNC:11909", Kind: graph.Gene, Symbol: "TNFRSF11B"},
	"TRAF6": {ID: "HGNC:16523", Kind: graph.Gene, Symbol: "TRAF6"},
	"NIK":   {ID: "HGNC:6853", Kind: graph.Gene, Symbol: "MAP3K14"},
	"BIRC2": {ID: "HGNC:590", Kind: graph.Gene, Symbol: "BIRC2"},
	"BIRC3": {ID: "HGNC:591", Kind: graph.Gene, Symbol: "BIRC3"},
	"NFKB2": {ID: "HGNC:7795", Kind: graph.Gene, Symbol: "NFKB2"},
	"RELB":  {ID: "HGNC:9956", Kind: graph.Gene, Symbol: "RELB"},
	"OC":    {ID: "CL:0000092", Kind: graph.Cell, Name: "osteoclast"},
	"TGFB1": {ID: "HGNC:11766", Kind: graph.Gene, Symbol: "TGFB1"},
	"DENO":  {ID: "DRUGBANK:DB06643", Kind: graph.Drug, Name: "denosumab"},
	"cIAP":  {ID: "BONEMET:cIAP1_2", Kind: graph.Group, Symbol: "cIAP1/2", Group: graph.Family, Members: []string{"HGNC:590", "HGNC:591"}},
	"p52":   {ID: "WP1:group_g1", Kind: graph.Group, Symbol: "NFKB2/RELB", Group: graph.Complex, Members: []string{"HGNC:7795", "HGNC:9956"}},
}

func cmpGraph(t *testing.T, doc string, edges []cmpEdge) *graph.Graph {
	t.Helper()
	var b graph.Builder
	add := func(key string) string {
		n, ok := cmpNodes[key]
		if !ok {
			t.Fatalf("no node %s", key)
		}
		for _, m := range n.Members {
			for _, mn := range cmpNodes {
				if mn.ID == m {
					if err := b.AddNode(mn); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		if err := b.AddNode(n); err != nil {
			t.Fatal(err)
		}
		return n.ID
	}
	for _, e := range edges {
		from, to := add(e.from), add(e.to)
		ev := graph.Evidence{Doc: doc, Quote: e.from + " " + e.rel.String() + " " + e.to, Method: graph.Curated, Confidence: 1}
		if _, err := b.AddEdge(from, to, e.rel, ev); err != nil {
			t.Fatal(err)
		}
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// cmpKey names an edge by the keys of cmpNodes.
func cmpKey(e *graph.Edge) string {
	name := func(id string) string {
		for k, n := range cmpNodes {
			if n.ID == id {
				return k
			}
		}
		return id
	}
	return name(e.From) + " " + e.Relation.String() + " " + name(e.To)
}

func cmpKeys(es []*graph.Edge) []string {
	var out []string
	for _, e := range es {
		out = append(out, cmpKey(e))
	}
	slices.Sort(out)
	return out
}

func cmpMatchKeys(ms []compare.EdgeMatch) []string {
	var out []string
	for _, m := range ms {
		s := cmpKey(m.Pathway) + " <= " + strings.Join(cmpKeys(m.Document), ", ")
		if len(m.Opposite) > 0 {
			s += " but " + strings.Join(cmpKeys(m.Opposite), ", ")
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return out
}

var compareTests = []struct {
	name                  string
	doc, pw               []cmpEdge
	supported, contra     []string
	lacking, extra        []string
	summaryContains       string
	reportContains        []string
	noDoc, noPathwayGraph bool
}{
	{
		name: "same sign, opposite sign, lacking, extra",
		doc: []cmpEdge{
			{"RANKL", graph.Activates, "RANK"},
			{"OPG", graph.Activates, "RANKL"},   // the pathway says inhibits
			{"RANK", graph.Activates, "OC"},     // OC is not in the pathway: not extra
			{"RANKL", graph.Inhibits, "TRAF6"},  // extra: both ends in the pathway
			{"DENO", graph.Inhibits, "RANKL"},   // denosumab is not in the pathway
			{"OC", graph.Secretes, "TGFB1"},     // neither end in the pathway
			{"TRAF6", graph.Activates, "RANKL"}, // reverse direction: extra
			{"RANK", graph.Secretes, "TRAF6"},   // secretes has the sign of activates
		},
		pw: []cmpEdge{
			{"RANKL", graph.Activates, "RANK"},
			{"OPG", graph.Inhibits, "RANKL"},
			{"RANK", graph.Activates, "TRAF6"},
			{"TRAF6", graph.Activates, "NIK"},
		},
		supported:       []string{"RANK activates TRAF6 <= RANK secretes TRAF6", "RANKL activates RANK <= RANKL activates RANK"},
		contra:          []string{"OPG inhibits RANKL <= OPG activates RANKL"},
		lacking:         []string{"TRAF6 activates NIK"},
		extra:           []string{"RANKL inhibits TRAF6", "TRAF6 activates RANKL"},
		summaryContains: "4 pathway edges: 2 supported, 1 contradicted, 1 lacking; 2 document edges the pathway lacks",
		reportContains: []string{
			"supported (2):\n  TNFRSF11A → TRAF6  [pathway]\n      documents: TNFRSF11A ⇒ TRAF6  [docs]\n  TNFSF11 → TNFRSF11A  [pathway]\n      documents: TNFSF11 → TNFRSF11A  [docs]\n",
			"contradicted (1):\n  TNFRSF11B ⊣ TNFSF11  [pathway]\n      documents: TNFRSF11B → TNFSF11  [docs]\n",
			"lacking in the documents (1):\n  TRAF6 → MAP3K14  [pathway]\n",
			"in the documents, not in the pathway (2):\n  TNFSF11 ⊣ TRAF6  [docs]\n  TRAF6 → TNFSF11  [docs]\n",
		},
	},
	{
		name:           "documents disagree among themselves",
		doc:            []cmpEdge{{"RANKL", graph.Activates, "RANK"}, {"RANKL", graph.Inhibits, "RANK"}},
		pw:             []cmpEdge{{"RANKL", graph.Activates, "RANK"}},
		supported:      []string{"RANKL activates RANK <= RANKL activates RANK but RANKL inhibits RANK"},
		reportContains: []string{"      but also:  TNFSF11 ⊣ TNFRSF11A  [docs]\n"},
	},
	{
		name:      "pathway group matches a document member",
		doc:       []cmpEdge{{"NIK", graph.Activates, "RELB"}, {"NFKB2", graph.Activates, "NIK"}},
		pw:        []cmpEdge{{"NIK", graph.Activates, "p52"}, {"p52", graph.Activates, "NIK"}},
		supported: []string{"NIK activates p52 <= NIK activates RELB", "p52 activates NIK <= NFKB2 activates NIK"},
	},
	{
		name:      "document group matches a pathway member",
		doc:       []cmpEdge{{"cIAP", graph.Inhibits, "NIK"}},
		pw:        []cmpEdge{{"BIRC2", graph.Inhibits, "NIK"}, {"BIRC3", graph.Activates, "NIK"}},
		supported: []string{"BIRC2 inhibits NIK <= cIAP inhibits NIK"},
		contra:    []string{"BIRC3 activates NIK <= cIAP inhibits NIK"},
	},
	{
		name:    "document group present through a member",
		doc:     []cmpEdge{{"cIAP", graph.Inhibits, "NIK"}},
		pw:      []cmpEdge{{"BIRC2", graph.Activates, "TRAF6"}, {"TRAF6", graph.Activates, "NIK"}},
		lacking: []string{"BIRC2 activates TRAF6", "TRAF6 activates NIK"},
		extra:   []string{"cIAP inhibits NIK"},
	},
	{
		name:            "no documents",
		pw:              []cmpEdge{{"RANKL", graph.Activates, "RANK"}},
		lacking:         []string{"RANKL activates RANK"},
		noDoc:           true,
		summaryContains: "1 pathway edges: 0 supported, 0 contradicted, 1 lacking; 0 document edges",
	},
	{
		name:            "no pathway",
		doc:             []cmpEdge{{"RANKL", graph.Activates, "RANK"}},
		noPathwayGraph:  true,
		summaryContains: "0 pathway edges",
	},
}

func TestComparePathway(t *testing.T) {
	for _, tt := range compareTests {
		t.Run(tt.name, func(t *testing.T) {
			var doc, pw *graph.Graph
			if !tt.noDoc {
				doc = cmpGraph(t, "docs", tt.doc)
			}
			if !tt.noPathwayGraph {
				pw = cmpGraph(t, "pathway", tt.pw)
			}
			c := compare.Pathways(doc, pw)
			if got := cmpMatchKeys(c.Supported); !slices.Equal(got, tt.supported) {
				t.Errorf("supported %q\n want %q", got, tt.supported)
			}
			if got := cmpMatchKeys(c.Contradicted); !slices.Equal(got, tt.contra) {
				t.Errorf("contradicted %q\n want %q", got, tt.contra)
			}
			if got := cmpKeys(c.Lacking); !slices.Equal(got, tt.lacking) {
				t.Errorf("lacking %q, want %q", got, tt.lacking)
			}
			if got := cmpKeys(c.Extra); !slices.Equal(got, tt.extra) {
				t.Errorf("extra %q, want %q", got, tt.extra)
			}
			if pw != nil && len(c.Supported)+len(c.Contradicted)+len(c.Lacking) != len(pw.Edges()) {
				t.Errorf("pathway edges not all accounted for: %s", c.Summary())
			}
			if !strings.Contains(c.Summary(), tt.summaryContains) {
				t.Errorf("summary %q lacks %q", c.Summary(), tt.summaryContains)
			}
			var buf bytes.Buffer
			if err := c.Write(&buf); err != nil {
				t.Fatal(err)
			}
			for _, want := range tt.reportContains {
				if !strings.Contains(buf.String(), want) {
					t.Errorf("report lacks %q:\n%s", want, buf.String())
				}
			}
			// Deterministic.
			var again bytes.Buffer
			compare.Pathways(doc, pw).Write(&again)
			if again.String() != buf.String() {
				t.Error("two comparisons differ")
			}
		})
	}
}

// TestComparePathwayWP12 compares WP12 (osteoclast signalling) with a
// small document graph in which OPG inhibits RANKL.
func TestComparePathwayWP12(t *testing.T) {
	f, err := os.Open(sharedtest.Path("reference/wikipathways/gpml/WP12.gpml"))
	if err != nil {
		t.Skipf("reference GPML not available (%v)", err)
	}
	defer f.Close()
	p, err := gpml.Read(f, "WP12.gpml", source.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	r := resolve.Default()
	c, _ := p.Corpus(r)
	pw, _, err := build.Build(c, r)
	if err != nil {
		t.Fatal(err)
	}
	doc := cmpGraph(t, "PMC7426519", []cmpEdge{{"OPG", graph.Inhibits, "RANKL"}, {"RANKL", graph.Inhibits, "RANK"}, {"DENO", graph.Inhibits, "RANKL"}})
	cmp := compare.Pathways(doc, pw)
	if got := cmpMatchKeys(cmp.Supported); !slices.Equal(got, []string{"OPG inhibits RANKL <= OPG inhibits RANKL"}) {
		t.Errorf("supported %q", got)
	}
	if got := cmpMatchKeys(cmp.Contradicted); !slices.Equal(got, []string{"RANKL activates RANK <= RANKL inhibits RANK"}) {
		t.Errorf("contradicted %q", got)
	}
	var buf bytes.Buffer
	cmp.Write(&buf)
	t.Logf("\n%s", buf.String())
}
