package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/build"
	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// wantStmt is "subject relation object rule", with CURIEs.
type readerCase struct {
	name string
	text string
	want []string // "SUBJ rel OBJ rule"
	not  []string // "SUBJ rel OBJ" that must not be read
}

const (
	rankl = "HGNC:11926"
	rank  = "HGNC:11908"
	opg   = "HGNC:11909"
	pthlh = "HGNC:9607"
	ocg   = "BONEMET:osteoclastogenesis"
	oc    = "CL:0000092"
	ob    = "CL:0000062"
	deno  = "DRUGBANK:DB06643"
)

var readerTests = []readerCase{
	{name: "active verb", text: "PTHrP induces RANKL.",
		want: []string{pthlh + " activates " + rankl + " act.verb"}},
	{name: "coordination on both sides", text: "IL-6 and PTHrP stimulate osteoclast formation and bone destruction.",
		want: []string{"HGNC:6018 activates " + ocg + " act.verb", "HGNC:6018 activates BONEMET:bone_destruction act.verb",
			pthlh + " activates " + ocg + " act.verb", pthlh + " activates BONEMET:bone_destruction act.verb"}},
	{name: "inhibition verb", text: "OPG blocks RANKL.",
		want: []string{opg + " inhibits " + rankl + " inh.verb"}},
	{name: "passive", text: "Osteoclast formation is induced by RANKL.",
		want: []string{rankl + " activates " + ocg + " act.passive"}},
	{name: "x-induced", text: "Casticin suppresses RANKL-induced osteoclastogenesis.",
		want: []string{rankl + " activates " + ocg + " act.x-induced", "CHEBI:69355 inhibits " + ocg + " inh.verb"}},
	{name: "through upregulation", text: "PTHrP induces osteoclast formation through upregulation of RANK ligand.",
		want: []string{pthlh + " activates " + ocg + " act.verb", pthlh + " activates " + rankl + " chain.through",
			rankl + " activates " + ocg + " chain.through"}},
	{name: "blocking with", text: "Blocking RANKL with Denosumab would overcome this suppression.",
		want: []string{deno + " inhibits " + rankl + " inh.blocking-with"}},
	{name: "inhibition of by", text: "Inhibition of RANKL by denosumab reduces bone loss.",
		want: []string{deno + " inhibits " + rankl + " inh.inhibition-of-by"}},
	{name: "inhibition with", text: "RANKL inhibition with Denosumab is a therapy.",
		want: []string{deno + " inhibits " + rankl + " inh.inhibition-with"}},
	{name: "inhibitors such as", text: "Osteoclast inhibiting agents such as bisphosphonates reduce pain.",
		want: []string{"MESH:D004164 inhibits " + oc + " inh.x-inhibitors"}},
	{name: "name of an inhibitor class", text: "IAP antagonists promote bone metastasis.",
		want: []string{"BONEMET:iap_antagonists inhibits BONEMET:IAPs inh.x-inhibitors",
			"BONEMET:iap_antagonists activates BONEMET:bone_metastasis act.verb"}},
	{name: "y-secreting x", text: "a loop from RANKL-secreting osteoblasts",
		want: []string{ob + " secretes " + rankl + " sec.y-secreting"}},
	{name: "x-derived y", text: "Tumor-derived RANKL converts T cells.",
		want: []string{"CL:0001063 secretes " + rankl + " sec.x-derived"}},
	{name: "produced by", text: "PTHrP is produced by breast cancer cells.",
		want: []string{"BONEMET:breast_cancer_cell secretes " + pthlh + " sec.produced-by"}},
	{name: "cell expresses", text: "Activated T cells express RANKL on their surface.",
		want: []string{"CL:0000084 secretes " + rankl + " sec.verb"}},
	{name: "gene expresses is not secretion", text: "RANKL expresses OPG.",
		not: []string{rankl + " secretes " + opg}},
	{name: "degradation of", text: "IAP antagonists enhance the degradation of cIAP1/2, stabilizing more NIK.",
		want: []string{"BONEMET:iap_antagonists inhibits BONEMET:cIAP1_2 inh.degradation-of",
			"BONEMET:iap_antagonists activates HGNC:6853 act.stabilizing", "BONEMET:cIAP1_2 inhibits HGNC:6853 chain.participle"}},
	{name: "effects of", text: "Bisphosphonates reduce the osteolytic and pro-tumor effects of IAP antagonists.",
		want: []string{"BONEMET:iap_antagonists activates BONEMET:bone_destruction act.effects-of",
			"MESH:D004164 inhibits BONEMET:tumorigenesis inh.verb"}},
	{name: "provide for", text: "Elevated numbers of osteoclasts provide a favorable microenvironment for bone metastasis.",
		want: []string{oc + " activates BONEMET:bone_metastasis act.provide-for"}},
	{name: "required for", text: "RANKL is required for osteoclastogenesis, whereas OPG hinders the osteoclast route.",
		want: []string{rankl + " activates " + ocg + " act.required-for", opg + " inhibits " + oc + " inh.verb"}},
	{name: "relative clause after a copula", text: "PTHrP seems to be the major factor produced by breast cancer cells that induces osteoclast formation.",
		want: []string{pthlh + " activates " + ocg + " act.verb"},
		not:  []string{"BONEMET:breast_cancer_cell activates " + ocg}},
	{name: "negated", text: "RANKL does not induce osteoclast formation.",
		not: []string{rankl + " activates " + ocg}},
	{name: "gerund after a preposition is no verb", text: "Blocking central tolerance through blocking RANK/RANKL by Denosumab.",
		want: []string{deno + " inhibits " + rank + " inh.blocking-with", deno + " inhibits BONEMET:central_tolerance chain.through"},
		not:  []string{"BONEMET:central_tolerance inhibits " + rank}},
	{name: "purpose clause takes the sentence subject", text: "VEGF can act through its receptors on endothelial cells to induce angiogenesis.",
		want: []string{"HGNC:12680 activates BONEMET:angiogenesis act.verb"},
		not:  []string{"CL:0000115 activates BONEMET:angiogenesis"}},
	{name: "sign of a nominal subject", text: "Inhibition of the canonical Wnt pathway decreases bone mass.",
		want: []string{"BONEMET:Wnt activates BONEMET:bone_mass act.verb"}},
	{name: "verb list", text: "NBP inhibits MAPK, reduces ROS, and decreases bone resorption by down-regulating NFATc1.",
		want: []string{"HGNC:7775 activates BONEMET:bone_resorption chain.through"}},
	{name: "no statement without a relation", text: "RANK/RANKL/OPG signaling pathway",
		want: nil},
}

func describe(r *resolve.Resolver, s source.Statement) string {
	return s.Subject + " " + s.Relation.String() + " " + s.Object + " " + s.Rule
}

func TestReaderPatterns(t *testing.T) {
	r := resolve.Default()
	rd := &extract.Reader{Resolver: r}
	for _, tt := range readerTests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &source.Document{ID: "test", Sections: []source.Section{{Name: source.SectionCaption, Text: tt.text}}}
			var got []string
			for _, s := range rd.Read(doc) {
				got = append(got, describe(r, s))
				if s.Quote != tt.text[s.Start:s.End] {
					t.Errorf("quote %q is not text[%d:%d]", s.Quote, s.Start, s.End)
				}
				if s.Method != graph.Extracted || s.Doc != "test" || s.Section != source.SectionCaption {
					t.Errorf("statement %+v: wrong method, doc or section", s)
				}
				if s.Confidence <= 0 || s.Confidence > 1 {
					t.Errorf("confidence %v out of (0, 1]", s.Confidence)
				}
			}
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q in %q", w, got)
				}
			}
			for _, n := range tt.not {
				for _, g := range got {
					if strings.HasPrefix(g, n+" ") {
						t.Errorf("read %q, which the text does not say", g)
					}
				}
			}
			if tt.want == nil && tt.not == nil && len(got) > 0 {
				t.Errorf("read %q from a text without relation", got)
			}
		})
	}
}

var hedgeTests = []struct {
	name, text string
	hedge      source.Hedge
	kept       bool
}{
	{"plain", "PTHrP induces RANKL.", source.NotHedged, true},
	{"speculative", "PTHrP may induce RANKL.", source.Speculative, true},
	{"suggested", "PTHrP has been suggested to induce RANKL.", source.Speculative, true},
	{"negated", "PTHrP does not induce RANKL.", source.Negated, false},
}

func TestReaderHedges(t *testing.T) {
	rd := &extract.Reader{}
	all := &extract.Reader{MinConfidence: -1}
	for _, tt := range hedgeTests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &source.Document{ID: "h", Sections: []source.Section{{Name: "abstract", Text: tt.text}}}
			got := rd.Read(doc)
			if (len(got) > 0) != tt.kept {
				t.Fatalf("kept %d statements, want kept=%v", len(got), tt.kept)
			}
			every := all.Read(doc)
			if len(every) != 1 {
				t.Fatalf("with MinConfidence -1: %d statements, want 1", len(every))
			}
			if every[0].Hedge != tt.hedge {
				t.Errorf("hedge %q, want %q", every[0].Hedge, tt.hedge)
			}
			if tt.hedge != source.NotHedged && every[0].Confidence >= 0.9 {
				t.Errorf("hedged confidence %.2f not lowered", every[0].Confidence)
			}
		})
	}
}

// TestReaderSeeds checks the statements the issue asks for, read from the
// three seed documents without their curation.
func TestReaderSeeds(t *testing.T) {
	docs := readDocs(t, "../testdata/seeds")
	rd := &extract.Reader{}
	want := []struct {
		doc, subj string
		rel       graph.Relation
		obj       string
		quote     string
	}{
		{"PMC7426519__fonc-10-01283-g0003", deno, graph.Inhibits, rankl, "Blocking RANKL with Denosumab would overcome this suppression."},
		{"PMC3962044__nihms-563066-f0004", ob, graph.Secretes, rankl, "RANKL-secreting osteoblasts"},
		{"doi:10.1200/JCO.2001.19.15.3562", pthlh, graph.Activates, rankl, "through upregulation of RANK ligand"},
	}
	for _, w := range want {
		d := docs[w.doc]
		if d == nil {
			t.Fatalf("seed %s not read", w.doc)
		}
		found := false
		for _, s := range rd.Read(d) {
			if s.Subject == w.subj && s.Relation == w.rel && s.Object == w.obj && strings.Contains(s.Quote, w.quote) {
				found = true
				sec, _ := d.Section(s.Section)
				if sec.Text[s.Start:s.End] != s.Quote {
					t.Errorf("%s: quote is not the section text at %d:%d", w.doc, s.Start, s.End)
				}
				t.Logf("%s %v %s [%s, %.2f]: %s", s.Subject, s.Relation, s.Object, s.Rule, s.Confidence, s.Quote)
			}
		}
		if !found {
			t.Errorf("%s: no statement %s %v %s quoting %q", w.doc, w.subj, w.rel, w.obj, w.quote)
		}
	}
}

// TestReaderBuild checks that Build resolves every extracted statement.
func TestReaderBuild(t *testing.T) {
	docs := readDocs(t, "../testdata/seeds")
	var c source.Corpus
	rd := &extract.Reader{}
	for _, id := range slices.Sorted(mapsKeys(docs)) {
		c.Documents = append(c.Documents, docs[id])
		c.Statements = append(c.Statements, rd.Read(docs[id])...)
	}
	_, rep, err := build.Build(c, resolve.Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Unresolved) > 0 || len(rep.Rejected) > 0 {
		t.Errorf("build: %s; first problem %v", rep.Summary(), rep.Problems()[0])
	}
}

func mapsKeys(m map[string]*source.Document) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestReaderDeterministic reads a document twice and compares.
func TestReaderDeterministic(t *testing.T) {
	docs := readDocs(t, "../testdata/seeds")
	rd := &extract.Reader{}
	for id, d := range docs {
		a, b := rd.Read(d), rd.Read(d)
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("%s: two reads differ", id)
		}
		if !slices.IsSortedFunc(a, func(x, y source.Statement) int {
			if x.Section != y.Section {
				return 0 // sections follow document order
			}
			if x.Start != y.Start {
				return x.Start - y.Start
			}
			return strings.Compare(x.Rule, y.Rule)
		}) {
			t.Errorf("%s: statements not sorted by start and rule", id)
		}
	}
}

func ExampleReader_Read() {
	doc := &source.Document{ID: "example", Sections: []source.Section{{
		Name: source.SectionCaption,
		Text: "Tumor cells secrete PTHrP. Blocking RANKL with denosumab prevents bone loss.",
	}}}
	rd := &extract.Reader{}
	for _, s := range rd.Read(doc) {
		fmt.Printf("%s %v %s [%s] %q\n", s.Subject, s.Relation, s.Object, s.Rule, s.Quote)
	}
	// Output:
	// CL:0001063 secretes HGNC:9607 [sec.verb] "Tumor cells secrete PTHrP."
	// DRUGBANK:DB06643 inhibits HGNC:11926 [inh.blocking-with] "Blocking RANKL with denosumab prevents bone loss."
	// DRUGBANK:DB06643 inhibits BONEMET:bone_loss [inh.verb] "Blocking RANKL with denosumab prevents bone loss."
}

func FuzzReader(f *testing.F) {
	for _, tt := range readerTests {
		f.Add(tt.text)
	}
	for _, tt := range sentenceTests {
		f.Add(tt.text)
	}
	if data, err := os.ReadFile(sharedtest.Testdata(filepath.Join("seeds", "001_239f79544c5afd1d.txt"))); err == nil {
		f.Add(string(data))
	}
	rd := &extract.Reader{MinConfidence: -1}
	f.Fuzz(func(t *testing.T, text string) {
		doc := &source.Document{ID: "fuzz", Sections: []source.Section{{Name: "caption", Text: text}, {Name: "title", Text: text}}}
		for _, s := range rd.Read(doc) {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End {
				t.Fatalf("span %d:%d outside %d bytes", s.Start, s.End, len(text))
			}
			if s.Quote != text[s.Start:s.End] {
				t.Fatalf("quote %q != text[%d:%d]", s.Quote, s.Start, s.End)
			}
			if s.Subject == "" || s.Object == "" || s.Relation.Sign() == graph.NoSign {
				t.Fatalf("incomplete statement %+v", s)
			}
			if s.Confidence < 0 || s.Confidence > 1 {
				t.Fatalf("confidence %v", s.Confidence)
			}
		}
	})
}

func BenchmarkReaderCaption(b *testing.B) {
	data, err := os.ReadFile(sharedtest.Testdata(filepath.Join("seeds", "001_239f79544c5afd1d.txt")))
	if err != nil {
		b.Fatal(err)
	}
	docs, err := ingest.ReadDocuments(strings.NewReader(string(data)), "seed", source.Limits{})
	if err != nil {
		b.Fatal(err)
	}
	rd := &extract.Reader{Resolver: resolve.Default()}
	rd.Read(docs[0])
	b.ResetTimer()
	for b.Loop() {
		rd.Read(docs[0])
	}
}
