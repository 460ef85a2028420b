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
	"testing/fstest"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/build"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/source"
)

// What the import of the default pathways left out is reported, with its
// position: group members that do not resolve, and statements of
// metabolites that read as genes (WP4341's "AA", arachidonic acid, is a
// previous symbol of TEAD1), which must not become edges.
func TestDefaultWarnings(t *testing.T) {
	k := bonemet.Default()
	found := false
	for _, w := range k.Warnings {
		var pe *source.ParseError
		if !errors.As(w, &pe) || pe.Line == 0 || !strings.HasPrefix(pe.File, "shared/reference/wikipathways/gpml/WP") {
			t.Errorf("warning without a pathway position: %v", w)
		}
		if strings.Contains(w.Error(), `metabolite "AA" reads as the gene HGNC:11714`) {
			found = pe.File == "shared/reference/wikipathways/gpml/WP4341.gpml" && pe.Line == 807
		}
	}
	if !found {
		t.Errorf("no warning at WP4341.gpml:807 for the metabolite AA among %d", len(k.Warnings))
	}
	for _, e := range k.Graph.Out("HGNC:11714") {
		for _, ev := range e.Evidence {
			if ev.Doc == "WP4341" {
				t.Errorf("TEAD1 has an edge from WP4341: %v", e)
			}
		}
	}
}

func TestDefaultKnowledgeIsComplete(t *testing.T) {
	k := bonemet.Default()
	rep := k.Report
	if !rep.Balanced() {
		t.Errorf("report does not add up: %s", rep.Summary())
	}
	docs := make(map[string]*source.Document)
	for _, d := range k.Corpus.Documents {
		docs[d.ID] = d
	}
	// Every edge has evidence pointing into a document, with its quote and
	// where it sits.
	curatedDocs, pathways := map[string]bool{}, map[string]bool{}
	for _, e := range k.Graph.Edges() {
		if len(e.Evidence) == 0 {
			t.Errorf("edge %s %v %s without evidence", e.From, e.Relation, e.To)
		}
		for _, ev := range e.Evidence {
			d, ok := docs[ev.Doc]
			switch {
			case !ok:
				t.Errorf("edge %s→%s cites unknown document %s", e.From, e.To, ev.Doc)
			case ev.Quote == "":
				t.Errorf("edge %s→%s: evidence of %s without a quote", e.From, e.To, ev.Doc)
			case ev.Method == graph.Curated:
				curatedDocs[ev.Doc] = true
				if !strings.HasPrefix(ev.Rule, "knowledge/curation/") || ev.End <= ev.Start || ev.Section == "" {
					t.Errorf("edge %s→%s: curated evidence without its place: %+v", e.From, e.To, ev)
				}
			case ev.Method == graph.Imported && d.Kind == source.Pathway:
				pathways[ev.Doc] = true
			default:
				t.Errorf("edge %s→%s: evidence of method %v in the default knowledge", e.From, e.To, ev.Method)
			}
		}
	}
	// Every curated statement names entities the resolver knows; what
	// does not resolve comes from the pathways' labels (processes and
	// states no ontology here names), each reported with its position.
	for _, p := range rep.Unresolved {
		if !strings.HasPrefix(p.Statement.Pos.File, "shared/reference/wikipathways/") {
			t.Errorf("unresolved statement of the curation: %s", p)
		}
	}
	if len(curatedDocs) < 100 {
		t.Errorf("the default knowledge rests on %d curated documents, want at least 100", len(curatedDocs))
	}
	if len(pathways) < 15 {
		t.Errorf("%d pathways imported, want at least 15", len(pathways))
	}
	// Every source is named, with its origin and license.
	for _, s := range k.Sources {
		if s.ID == "" || s.Origin == "" || s.License == "" {
			t.Errorf("source without id, origin or license: %+v", s)
		}
	}
	t.Logf("%d curated documents, %d pathways, %d nodes, %d edges; %s", len(curatedDocs), len(pathways), k.Graph.Len(), len(k.Graph.Edges()), rep.Summary())
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
		if r.Sign != graph.Negative || r.Depth > want.depth {
			t.Errorf("%s: sign %v depth %d, want - at most %d", want.id, r.Sign, r.Depth, want.depth)
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
	{"OPG", "HGNC:11909", nil},
	{"HLF", "", bonemet.ErrNotInGraph},
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

// The same input gives the same answers, byte for byte: a folder loaded
// onto the default knowledge, built anew each time, answers as the
// default knowledge itself does.
func TestDeterministicAnswers(t *testing.T) {
	answer := func(k *bonemet.Knowledge) []byte {
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
	want := answer(bonemet.Default())
	for range 3 {
		k, err := bonemet.Load(fstest.MapFS{}, ".", bonemet.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(answer(k), want) {
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
	k, err := bonemet.LoadDir(dir, bonemet.Options{Fresh: true})
	if err != nil {
		t.Fatal(err)
	}
	// The reader finds "RANKL activates osteoclasts" too: its evidence
	// merges into the curated edge.
	if !k.Report.Balanced() || k.Report.Added < 1 || k.Report.Merged < 1 {
		t.Errorf("report %s, want the curated edge added and the reader's evidence merged", k.Report.Summary())
	}
	var e *graph.Edge
	for _, x := range k.Graph.Out("HGNC:11926") {
		if x.To == "CL:0000092" && x.Relation == graph.Activates {
			e = x
		}
	}
	if e == nil || len(e.Evidence) != 2 || e.Evidence[0].Method != graph.Curated || e.Evidence[1].Method != graph.Extracted {
		t.Fatalf("RANKL → osteoclast: %+v, want one curated and one extracted record", e)
	}
	i := slices.IndexFunc(k.Report.Unresolved, func(p build.Problem) bool { return p.Name == "Drug Z" })
	if i < 0 || !strings.Contains(k.Report.Unresolved[i].String(), "fig.yaml:4:5") {
		t.Errorf("unresolved problems %v: want Drug Z at fig.yaml:4:5", k.Report.Unresolved)
	}
}

// A folder adds to the default knowledge: its statements join the
// default ones, which stay (the seed abstract's among them).
func TestLoadDirAddsToDefault(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"fig.md": tinyFigure,
		"fig.yaml": `document: PMCX__fig1
statements:
  - {subject: RANKL, relation: activates, object: osteoclasts, quote: RANKL activates osteoclasts.}
`,
	})
	k, err := bonemet.LoadDir(dir, bonemet.Options{})
	if err != nil {
		t.Fatal(err)
	}
	def := bonemet.Default()
	if got, min := len(k.Graph.Edges()), len(def.Graph.Edges()); got < min {
		t.Errorf("%d edges, want at least the default's %d", got, min)
	}
	cites := func(k *bonemet.Knowledge, doc string) bool {
		for _, e := range k.Graph.Edges() {
			for _, ev := range e.Evidence {
				if ev.Doc == doc {
					return true
				}
			}
		}
		return false
	}
	for _, doc := range []string{"doi:10.1200/JCO.2001.19.15.3562", "PMCX__fig1"} {
		if !cites(k, doc) {
			t.Errorf("no edge cites %s", doc)
		}
	}
	fresh, err := bonemet.LoadDir(dir, bonemet.Options{Fresh: true})
	if err != nil {
		t.Fatal(err)
	}
	if cites(fresh, "doi:10.1200/JCO.2001.19.15.3562") {
		t.Error("a fresh load holds the default knowledge")
	}
}

// A file that is no document is skipped and listed; -strict fails.
func TestLoadDirSkipsOtherFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"fig.md":         tinyFigure,
		"tables/x.tsv":   "figid\tword\nPMCX\tRANKL\n",
		"picture.png":    "\x89PNG\r\n\x1a\n\x00\x00",
		"notes/todo.txt": "things to read next week",
	})
	k, err := bonemet.LoadDir(dir, bonemet.Options{Fresh: true})
	if err != nil {
		t.Fatal(err)
	}
	var skipped []string
	for _, s := range k.Corpus.Skipped {
		skipped = append(skipped, s.File)
		if !errors.Is(s.Reason, source.ErrUnknownFormat) {
			t.Errorf("%s skipped for %v", s.File, s.Reason)
		}
	}
	if want := []string{"notes/todo.txt", "picture.png", "tables/x.tsv"}; !slices.Equal(skipped, want) {
		t.Errorf("skipped %q, want %q", skipped, want)
	}
	if _, err := bonemet.LoadDir(dir, bonemet.Options{Fresh: true, Strict: true}); !errors.Is(err, source.ErrUnknownFormat) {
		t.Errorf("strict load: %v, want ErrUnknownFormat", err)
	}
	if _, err := bonemet.LoadDir(filepath.Join(dir, "fig.md"), bonemet.Options{}); err == nil || !strings.Contains(err.Error(), "fig.md") {
		t.Errorf("a file for a folder: %v, want an error naming it", err)
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
	_, err := bonemet.LoadDir(dir, bonemet.Options{Fresh: true})
	var pe *source.ParseError
	if !errors.Is(err, source.ErrQuoteNotFound) || !errors.As(err, &pe) || pe.Line != 6 || pe.Column != 12 {
		t.Fatalf("got %v, want ErrQuoteNotFound at fig.yaml:6:12", err)
	}
}

// No explaining path, nor any opposite route, of any answer of the default
// knowledge passes a node twice.
func TestDefaultExplanationsAreSimple(t *testing.T) {
	g := bonemet.Default().Graph
	step := 1
	if testing.Short() || raceEnabled {
		step = 7 // a seventh of the nodes keeps -race quick
	}
	paths := 0
	for i, n := range g.NodeList() {
		if i%step != 0 {
			continue
		}
		for _, query := range []func(string, ...graph.Option) ([]graph.Reach, error){g.Downstream, g.Upstream} {
			rs, err := query(n.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				for _, p := range []graph.Path{r.Path(), r.Opposite()} {
					paths++
					if !p.Simple() {
						t.Fatalf("%s → %s: the path %s passes a node twice", n.ID, r.Node.ID, g.Chain(p))
					}
				}
			}
		}
	}
	if paths < 1000 {
		t.Fatalf("checked %d paths", paths)
	}
}

// A BEL script imports as signed statements quoting their evidence; what
// is not causal comes back as warnings with positions.
func TestImportBEL(t *testing.T) {
	c, warnings, err := bonemet.Import("ingest/bel/testdata/pybel.bel", nil)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, s := range c.Statements {
		if s.Subject == "SOST" && s.Relation == graph.Inhibits && s.Object == "CTNNB1" {
			found = s.Method == graph.Imported && strings.Contains(s.Quote, "sclerostin") && s.Doc == "PMID:90000003"
		}
	}
	if !found {
		t.Errorf("SOST ⊣ CTNNB1 with its evidence is missing: %+v", c.Statements)
	}
	notCausal := 0
	for _, w := range warnings {
		var pe *source.ParseError
		if errors.Is(w, bonemet.ErrNotCausal) && errors.As(w, &pe) && pe.Line > 0 {
			notCausal++
		}
	}
	if notCausal == 0 {
		t.Errorf("no warning for the statements that are not causal: %v", warnings)
	}
	// Built with the default knowledge, its edges meet the documents'.
	k, err := bonemet.Load(fstest.MapFS{}, ".", bonemet.Options{Imports: []string{"ingest/bel/testdata/pybel.bel"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := checkEdge(k, "HGNC:13771", graph.Inhibits, "HGNC:2514"); err != "" {
		t.Error(err)
	}
}

// checkEdge says what is wrong with the edge from → to of relation rel,
// or "".
func checkEdge(k *bonemet.Knowledge, from string, rel graph.Relation, to string) string {
	for _, e := range k.Graph.Out(from) {
		if e.To == to && e.Relation == rel {
			return ""
		}
	}
	return fmt.Sprintf("no edge %s %v %s", from, rel, to)
}

// The coverage of each pathway adds up: supported, contradicted and
// only-in-pathway edges make the pathway's edges.
func TestCoverageAddsUp(t *testing.T) {
	cov, err := bonemet.Default().Coverage()
	if err != nil {
		t.Fatal(err)
	}
	if len(cov.Pathways) < 15 || len(cov.Nodes) < 100 {
		t.Fatalf("%d pathways, %d nodes", len(cov.Pathways), len(cov.Nodes))
	}
	supported := 0
	for _, p := range cov.Pathways {
		if p.Edges != p.Supported+p.Contradicted+p.OnlyInPathway || p.Edges == 0 {
			t.Errorf("%s: %d edges ≠ %d + %d + %d", p.ID, p.Edges, p.Supported, p.Contradicted, p.OnlyInPathway)
		}
		supported += p.Supported
	}
	if supported == 0 {
		t.Error("no pathway edge is supported by the documents")
	}
	// RANKL is among the nodes most documents speak of.
	i := slices.IndexFunc(cov.Nodes, func(n bonemet.NodeCoverage) bool { return n.ID == "HGNC:11926" })
	if i < 0 || i > 5 || cov.Nodes[i].Documents < 20 {
		t.Errorf("RANKL is at rank %d: %+v", i+1, cov.Nodes[:6])
	}
}
