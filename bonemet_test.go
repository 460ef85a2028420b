package bonemet_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/build"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/source"
)

func TestDefaultKnowledgeIsComplete(t *testing.T) {
	k := bonemet.Default()
	rep := k.Report
	if !rep.Balanced() {
		t.Errorf("report does not add up: %s", rep.Summary())
	}
	for _, p := range rep.Problems() {
		if p.Outcome == build.Rejected && strings.Contains(p.Reason, "by curation at knowledge/curation/") {
			continue // a curator overruled the reader: intended
		}
		t.Errorf("default knowledge problem: %s", p)
	}
	if len(rep.Rejected) == 0 {
		t.Error("the curation's reject action was not applied")
	}
	if len(rep.Contradictions) != 0 {
		t.Errorf("contradictions: %+v", rep.Contradictions)
	}
	if len(k.Corpus.Documents) != 3 {
		t.Errorf("%d documents, want the 3 seeds", len(k.Corpus.Documents))
	}
	docs := make(map[string]*source.Document)
	for _, d := range k.Corpus.Documents {
		docs[d.ID] = d
	}
	// Every edge has evidence pointing into a document, at the quoted span.
	for _, e := range k.Graph.Edges() {
		if len(e.Evidence) == 0 {
			t.Errorf("edge %s %v %s without evidence", e.From, e.Relation, e.To)
		}
		for _, ev := range e.Evidence {
			d, ok := docs[ev.Doc]
			if !ok {
				t.Errorf("edge %s→%s cites unknown document %s", e.From, e.To, ev.Doc)
				continue
			}
			sec, ok := d.Section(ev.Section)
			if !ok || ev.End > len(sec.Text) || sec.Text[ev.Start:ev.End] != ev.Quote {
				t.Errorf("edge %s→%s: quote %q is not at %s[%d:%d] of %s", e.From, e.To, ev.Quote, ev.Section, ev.Start, ev.End, ev.Doc)
			}
		}
	}
}

func reachOf(rs []graph.Reach, id string) (graph.Reach, bool) {
	i := slices.IndexFunc(rs, func(r graph.Reach) bool { return r.Node.ID == id })
	if i < 0 {
		return graph.Reach{}, false
	}
	return rs[i], true
}

var blocksDenosumab = []struct {
	id    string
	depth int
}{
	{"HGNC:11926", 1},                 // TNFSF11 (RANKL)
	{"HGNC:11908", 2},                 // TNFRSF11A (RANK)
	{"BONEMET:osteoclastogenesis", 2}, // osteoclast formation
	{"CL:0000092", 3},                 // osteoclast
	{"BONEMET:bone_resorption", 4},
	{"BONEMET:bone_destruction", 2},
	{"BONEMET:vicious_cycle", 4},
	{"BONEMET:bone_metastasis", 4},
}

func TestDenosumabBlocks(t *testing.T) {
	k := bonemet.Default()
	rs, err := k.Blocks("denosumab")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range blocksDenosumab {
		r, ok := reachOf(rs, want.id)
		if !ok {
			t.Errorf("denosumab does not block %s", want.id)
			continue
		}
		if r.Sign != graph.Negative || r.Depth != want.depth {
			t.Errorf("%s: sign %v depth %d, want - %d", want.id, r.Sign, r.Depth, want.depth)
		}
		for _, e := range r.Path().Edges {
			if len(e.Evidence) == 0 || e.Evidence[0].Quote == "" {
				t.Errorf("%s: hop %s→%s has no quoted evidence", want.id, e.From, e.To)
			}
		}
	}
}

func TestIAPAntagonistsDoubleInhibition(t *testing.T) {
	k := bonemet.Default()
	rs, err := k.Downstream("IAP antagonists")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id   string
		sign graph.Sign
	}{
		{"BONEMET:cIAP1_2", graph.Negative},
		{"HGNC:6853", graph.Positive}, // MAP3K14 (NIK)
		{"BONEMET:p52_RelB", graph.Positive},
		{"BONEMET:osteoclastogenesis", graph.Positive},
		{"BONEMET:bone_metastasis", graph.Positive},
	}
	for _, w := range want {
		r, ok := reachOf(rs, w.id)
		if !ok || r.Sign != w.sign {
			t.Errorf("IAP antagonists → %s: got %v (reached %v), want %v", w.id, r.Sign, ok, w.sign)
		}
	}
	paths, err := k.Paths("IAP antagonists", "NIK")
	if err != nil {
		t.Fatal(err)
	}
	var chains []string
	for _, p := range paths {
		chains = append(chains, p.Sign().String()+" "+k.Graph.Chain(p))
	}
	if !slices.Contains(chains, "+ IAP antagonists ⊣ cIAP1/2 ⊣ MAP3K14") {
		t.Errorf("the double inhibition is missing: %q", chains)
	}
}

func TestMemberFollowsGroup(t *testing.T) {
	k := bonemet.Default()
	rs, err := k.Downstream("BIRC2")
	if err != nil {
		t.Fatal(err)
	}
	r, ok := reachOf(rs, "HGNC:6853")
	if !ok || r.Sign != graph.Negative || r.Path().FromGroup != "BONEMET:cIAP1_2" {
		t.Errorf("BIRC2 → MAP3K14: %+v, want - through cIAP1/2", r)
	}
}

var findTests = []struct {
	name string
	want string
	err  error
}{
	{"RANK ligand", "HGNC:11926", nil},
	{"RANKL", "HGNC:11926", nil},
	{"TNFSF11", "HGNC:11926", nil},
	{"receptor activator of NF-kappaB (RANK) ligand", "HGNC:11926", nil},
	{"osteoclasts", "CL:0000092", nil},
	{"Denosumab", "DRUGBANK:DB06643", nil},
	{"cIAP1/2", "BONEMET:cIAP1_2", nil},
	{"RelB/p52", "BONEMET:p52_RelB", nil},
	{"NF-κB inducing kinase", "HGNC:6853", nil},
	{"Tregs", "CL:0000815", nil},
	{"OPG", "", bonemet.ErrNotInGraph},
	{"RANK/RANKL", "", bonemet.ErrAmbiguousName},
	{"no such thing", "", bonemet.ErrUnknownName},
}

func TestFind(t *testing.T) {
	k := bonemet.Default()
	for _, tt := range findTests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := k.Find(tt.name)
			if !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			if n.ID != tt.want {
				t.Errorf("got %s, want %s", n.ID, tt.want)
			}
		})
	}
}

// The same input gives the same answers, byte for byte.
func TestDeterministicAnswers(t *testing.T) {
	answer := func() []byte {
		k, err := bonemet.Load(bonemet.KnowledgeFS(), "knowledge", bonemet.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		for _, q := range []string{"denosumab", "IAP antagonists", "RANKL", "osteoclast"} {
			for _, f := range []func(string, ...graph.Option) ([]graph.Reach, error){k.Downstream, k.Upstream} {
				rs, err := f(q)
				if err != nil {
					t.Fatal(err)
				}
				b, _ := json.Marshal(rs)
				buf.Write(b)
			}
		}
		return buf.Bytes()
	}
	first := answer()
	for i := 0; i < 3; i++ {
		if !bytes.Equal(answer(), first) {
			t.Fatal("answers differ between builds")
		}
	}
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const tinyFigure = `---
figid: PMCX__fig1
caption: Drug Z blocks RANKL. RANKL activates osteoclasts.
pmcid: PMCX
number: F1
---
`

func TestLoadDir(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"fig.md": tinyFigure,
		"fig.yaml": `document: PMCX__fig1
statements:
  - {subject: RANKL, relation: activates, object: osteoclasts, quote: RANKL activates osteoclasts.}
  - {subject: Drug Z, relation: inhibits, object: RANKL, quote: Drug Z blocks RANKL.}
`,
	})
	k, err := bonemet.LoadDir(dir, bonemet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The reader finds "RANKL activates osteoclasts" too: its evidence
	// merges into the curated edge.
	if k.Report.Read != 3 || k.Report.Added != 1 || k.Report.Merged != 1 || len(k.Report.Unresolved) != 1 || !k.Report.Balanced() {
		t.Errorf("report %s, want 1 added, 1 merged and Drug Z unresolved", k.Report.Summary())
	}
	e := k.Graph.Out("HGNC:11926")[0]
	if len(e.Evidence) != 2 || e.Evidence[0].Method != graph.Curated || e.Evidence[1].Method != graph.Extracted {
		t.Errorf("evidence %+v, want one curated and one extracted record", e.Evidence)
	}
	if p := k.Report.Unresolved[0]; p.Name != "Drug Z" || !strings.Contains(p.String(), "fig.yaml:4:5") {
		t.Errorf("unresolved problem %q lacks its name or position", p)
	}
}

func TestLoadDirQuoteNotFound(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"fig.md": tinyFigure,
		"fig.yaml": `document: PMCX__fig1
statements:
  - subject: RANKL
    relation: activates
    object: osteoclasts
    quote: RANKL activates osteoblasts.
`,
	})
	_, err := bonemet.LoadDir(dir, bonemet.Options{})
	var pe *source.ParseError
	if !errors.Is(err, source.ErrQuoteNotFound) || !errors.As(err, &pe) || pe.Line != 6 || pe.Column != 12 {
		t.Fatalf("got %v, want ErrQuoteNotFound at fig.yaml:6:12", err)
	}
}

func ExampleKnowledge_Blocks() {
	k := bonemet.Default()
	blocked, err := k.Blocks("denosumab")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range blocked {
		if r.Node.Kind == graph.Gene || r.Node.Kind == graph.Cell {
			fmt.Printf("%v %s: %s\n", r.Sign, k.Display(r.Node.ID), k.Graph.Chain(r.Path()))
		}
	}
	// Output:
	// - TNFSF11 (RANKL): denosumab ⊣ TNFSF11
	// - Treg: denosumab ⊣ TNFSF11 → Treg
	// - TNFRSF11A (RANK): denosumab ⊣ TNFSF11 → TNFRSF11A
	// - osteoclast: denosumab ⊣ TNFSF11 → osteoclastogenesis → osteoclast
}

func ExampleKnowledge_Paths() {
	k := bonemet.Default()
	paths, err := k.Paths("IAP antagonists", "osteoclastogenesis")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range paths {
		fmt.Printf("%v %s\n", p.Sign(), k.Graph.Chain(p))
	}
	// The longest is the mechanism; the reader also found the shortcuts.
	fmt.Print(k.Graph.Chain(paths[len(paths)-1]))
	// Output:
	// + IAP antagonists → osteoclastogenesis
	// + IAP antagonists → p52/RelB → osteoclastogenesis
	// + IAP antagonists → MAP3K14 → osteoclastogenesis
	// + IAP antagonists ⊣ cIAP1/2 ⊣ MAP3K14 → osteoclastogenesis
	// + IAP antagonists → MAP3K14 → p52/RelB → osteoclastogenesis
	// + IAP antagonists ⊣ cIAP1/2 ⊣ MAP3K14 → p52/RelB → osteoclastogenesis
	// IAP antagonists ⊣ cIAP1/2 ⊣ MAP3K14 → p52/RelB → osteoclastogenesis
}
