package export_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/graph/export"
	"github.com/bonemet/bonemet/source"
	"gonum.org/v1/gonum/graph/encoding/dot"
)

type testEdge struct {
	from, to string
	rel      graph.Relation
	evidence []graph.Evidence
}

func ev(doc, quote string) graph.Evidence {
	return graph.Evidence{Doc: doc, Quote: quote, Method: graph.Curated, Confidence: 1}
}

// buildGraph builds a graph from nodes and edges, failing the test on any
// error.
func buildGraph(t testing.TB, nodes []graph.Node, edges []testEdge) *graph.Graph {
	t.Helper()
	var b graph.Builder
	for _, n := range nodes {
		if err := b.AddNode(n); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range edges {
		for _, v := range e.evidence {
			if _, err := b.AddEdge(e.from, e.to, e.rel, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// simpleGraph: a drug inhibiting a gene that activates a cell that
// secretes a gene.
func simpleGraph(t testing.TB) *graph.Graph {
	return buildGraph(t, []graph.Node{
		{ID: "DRUGBANK:DB06643", Kind: graph.Drug, Name: "denosumab"},
		{ID: "HGNC:11926", Kind: graph.Gene, Symbol: "TNFSF11", Name: "TNF superfamily member 11", Xrefs: []string{"NCBIGene:8600"}},
		{ID: "CL:0000092", Kind: graph.Cell, Name: "osteoclast"},
		{ID: "HGNC:11766", Kind: graph.Gene, Symbol: "TGFB1", Name: "transforming growth factor beta 1"},
	}, []testEdge{
		{"DRUGBANK:DB06643", "HGNC:11926", graph.Inhibits, []graph.Evidence{
			ev("PMC7426519", "RANKL inhibition with Denosumab"), ev("PMID:1", "denosumab binds RANKL")}},
		{"HGNC:11926", "CL:0000092", graph.Activates, []graph.Evidence{ev("PMC7426519", "RANKL activates osteoclasts")}},
		{"CL:0000092", "HGNC:11766", graph.Secretes, []graph.Evidence{ev("doi:10.1200/JCO.2001.19.15.3562", "osteoclasts release TGF-β")}},
	})
}

// trickyGraph adds what breaks careless writers: quotes, backslashes,
// line breaks, tabs, markup, separators, a group with members, an
// isolated node, a contradiction and evidence with every field set.
func trickyGraph(t testing.TB) *graph.Graph {
	full := graph.Evidence{Doc: "doc;with,separators", Section: "caption", Quote: "a \"quoted\"\ttab\nline & <b>markup</b> \\ end\\",
		Start: 3, End: 40, Method: graph.Extracted, Rule: "x-inhibits-y", Confidence: 0.75, Note: "negated"}
	return buildGraph(t, []graph.Node{
		{ID: "DRUGBANK:DB06643", Kind: graph.Drug, Name: "denosumab"},
		{ID: "HGNC:11926", Kind: graph.Gene, Symbol: "TNFSF11", Name: "TNF \"superfamily\" member 11\\", Xrefs: []string{"MESH:D053245", "NCBIGene:8600"}},
		{ID: "CL:0000092", Kind: graph.Cell, Name: "osteoclast\nmature"},
		{ID: "HGNC:11766", Kind: graph.Gene, Symbol: "TGFB1"},
		{ID: "HGNC:590", Kind: graph.Gene, Symbol: "BIRC2"},
		{ID: "HGNC:591", Kind: graph.Gene, Symbol: "BIRC3"},
		{ID: "BONEMET:cIAP1_2", Kind: graph.Group, Symbol: "cIAP1/2", Name: "cIAPs & <friends>", Group: graph.Family, Members: []string{"HGNC:590", "HGNC:591"}},
		{ID: "BONEMET:bone_resorption", Kind: graph.Process, Name: "bone resorption"},
		{ID: "CHEBI:29108", Kind: graph.Chemical, Symbol: "Ca2+", Name: "calcium(2+)"},
		{ID: "BONEMET:lonely", Kind: graph.Process, Name: "isolated process"},
		{ID: "BONEMET:zol_class", Kind: graph.Group, Symbol: "bisphosphonates", Group: graph.DrugClass, Members: []string{"DRUGBANK:DB06643"}},
	}, []testEdge{
		{"DRUGBANK:DB06643", "HGNC:11926", graph.Inhibits, []graph.Evidence{ev("PMC7426519", "RANKL inhibition with Denosumab"), full}},
		{"HGNC:11926", "CL:0000092", graph.Activates, []graph.Evidence{ev("PMC7426519", "RANKL activates osteoclasts")}},
		{"HGNC:11926", "CL:0000092", graph.Inhibits, []graph.Evidence{ev("PMID:2", "contradicting claim")}},
		{"CL:0000092", "HGNC:11766", graph.Secretes, []graph.Evidence{ev("doi:10.1/x", "osteoclasts release TGF-β")}},
		{"CL:0000092", "BONEMET:bone_resorption", graph.Activates, []graph.Evidence{ev("PMID:3", "osteoclasts resorb bone")}},
		{"BONEMET:cIAP1_2", "HGNC:11926", graph.Inhibits, []graph.Evidence{ev("PMID:4", "cIAPs …")}},
		{"CHEBI:29108", "CL:0000092", graph.Activates, []graph.Evidence{ev("PMID:5", "calcium")}},
	})
}

func evidenceCount(g *graph.Graph) int {
	n := 0
	for _, e := range g.Edges() {
		n += len(e.Evidence)
	}
	return n
}

var parseFormatTests = []struct {
	in   string
	want export.Format
	ok   bool
}{
	{"dot", export.DOT, true},
	{"GraphML", export.GraphML, true},
	{" sif ", export.SIF, true},
	{"cyjs", export.CytoscapeJSON, true},
	{"neo4j", export.Neo4j, true},
	{"jsonl", export.JSONL, true},
	{"invalid", export.FormatInvalid, false},
	{"", export.FormatInvalid, false},
	{"json", export.FormatInvalid, false},
}

func TestExportParseFormat(t *testing.T) {
	for _, tt := range parseFormatTests {
		t.Run(tt.in, func(t *testing.T) {
			f, err := export.ParseFormat(tt.in)
			if f != tt.want || (err == nil) != tt.ok {
				t.Fatalf("ParseFormat(%q) = %v, %v", tt.in, f, err)
			}
			if !tt.ok && !errors.Is(err, export.ErrUnknownFormat) {
				t.Errorf("error %v is not ErrUnknownFormat", err)
			}
			if tt.ok && f.String() != strings.ToLower(strings.TrimSpace(tt.in)) {
				t.Errorf("String() = %q", f.String())
			}
		})
	}
	if s := export.Format(99).String(); s != "Format(99)" {
		t.Errorf("String of a bad format = %q", s)
	}
}

var allFormats = []export.Format{export.DOT, export.GraphML, export.SIF, export.CytoscapeJSON, export.Neo4j, export.JSONL}

func TestExportWriteDeterministicAndErrors(t *testing.T) {
	g := trickyGraph(t)
	for _, f := range allFormats {
		t.Run(f.String(), func(t *testing.T) {
			var a, b bytes.Buffer
			err := export.Write(&a, g, f)
			if f == export.Neo4j {
				if !errors.Is(err, export.ErrMultiFile) {
					t.Fatalf("Write(neo4j) = %v, want ErrMultiFile", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := export.Write(&b, g, f); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("two writes of the same graph differ")
			}
			if a.Len() == 0 {
				t.Error("empty output")
			}
			// An empty graph writes too.
			var empty graph.Builder
			eg, _ := empty.Build()
			if err := export.Write(&bytes.Buffer{}, eg, f); err != nil {
				t.Errorf("empty graph: %v", err)
			}
		})
	}
	if err := export.Write(&bytes.Buffer{}, g, export.FormatInvalid); !errors.Is(err, export.ErrUnknownFormat) {
		t.Errorf("invalid format: %v", err)
	}
	if err := export.Write(&bytes.Buffer{}, nil, export.DOT); !errors.Is(err, export.ErrNilGraph) {
		t.Errorf("nil graph: %v", err)
	}
	if err := export.Write(failWriter{}, g, export.GraphML); err == nil {
		t.Error("a failing writer did not fail the export")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestExportDOT(t *testing.T) {
	g := simpleGraph(t)
	var buf bytes.Buffer
	if err := export.WriteDOT(&buf, g); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`"HGNC:11926" [label="TNFSF11", shape=box,`,
		`"CL:0000092" [label="osteoclast", shape=ellipse,`,
		`"DRUGBANK:DB06643" [label="denosumab", shape=diamond,`,
		`"DRUGBANK:DB06643" -> "HGNC:11926" [label="inhibits", arrowhead=tee, style=solid,`,
		`tooltip="2 evidence: PMC7426519, PMID:1"`,
		`"HGNC:11926" -> "CL:0000092" [label="activates", arrowhead=normal, style=solid,`,
		`"CL:0000092" -> "HGNC:11766" [label="secretes", arrowhead=dot, style=dashed,`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("DOT lacks %s\n%s", want, out)
		}
	}
	if n := strings.Count(out, " -> "); n != len(g.Edges()) {
		t.Errorf("%d edges drawn, want %d", n, len(g.Edges()))
	}
}

func TestExportDOTRendersWithGraphviz(t *testing.T) {
	path, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot is not on PATH; install graphviz to run this test")
	}
	for name, g := range map[string]*graph.Graph{"simple": simpleGraph(t), "tricky": trickyGraph(t)} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := export.WriteDOT(&buf, g); err != nil {
				t.Fatal(err)
			}
			svg := renderDOT(t, path, buf.Bytes())
			// Graphviz names each node's SVG group by the node ID.
			for _, n := range g.NodeList() {
				if !bytes.Contains(svg, []byte("<title>"+n.ID+"</title>")) {
					t.Errorf("SVG lacks node %s", n.ID)
				}
			}
			if got := bytes.Count(svg, []byte(`class="edge"`)); got != len(g.Edges())+memberLines(g) {
				t.Errorf("SVG has %d edges, want %d", got, len(g.Edges())+memberLines(g))
			}
		})
	}
	// gonum's encoder works on the graph unchanged, and Graphviz reads it.
	out, err := dot.MarshalMulti(simpleGraph(t), "bonemet", "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	renderDOT(t, path, out)
}

func memberLines(g *graph.Graph) int {
	n := 0
	for _, v := range g.NodeList() {
		n += len(v.Members)
	}
	return n
}

func renderDOT(t *testing.T, dotPath string, src []byte) []byte {
	t.Helper()
	cmd := exec.Command(dotPath, "-Tsvg")
	cmd.Stdin = bytes.NewReader(src)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	svg, err := cmd.Output()
	if err != nil || bytes.Contains(bytes.ToLower(stderr.Bytes()), []byte("error")) {
		t.Fatalf("dot -Tsvg: %v\n%s\ninput:\n%s", err, stderr.String(), src)
	}
	if stderr.Len() > 0 {
		t.Logf("dot -Tsvg warns: %s", stderr.String())
	}
	return svg
}

func TestExportGraphMLRoundTrip(t *testing.T) {
	for name, g := range map[string]*graph.Graph{"simple": simpleGraph(t), "tricky": trickyGraph(t)} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := export.WriteGraphML(&buf, g); err != nil {
				t.Fatal(err)
			}
			back, err := export.ReadGraphML(bytes.NewReader(buf.Bytes()), "test.graphml")
			if err != nil {
				t.Fatalf("%v\n%s", err, buf.String())
			}
			if !reflect.DeepEqual(back.NodeList(), g.NodeList()) {
				t.Errorf("nodes differ:\n got %+v\nwant %+v", back.NodeList(), g.NodeList())
			}
			if !reflect.DeepEqual(back.Edges(), g.Edges()) {
				t.Errorf("edges differ:\n got %+v\nwant %+v", back.Edges(), g.Edges())
			}
			out := buf.String()
			for _, want := range []string{
				`<graphml xmlns="http://graphml.graphdrawing.org/xmlns"`,
				`<key id="n_kind" for="node" attr.name="kind" attr.type="string"/>`,
				`<key id="n_xrefs" for="node" attr.name="xrefs" attr.type="string"/>`,
				`<key id="e_sign" for="edge" attr.name="sign" attr.type="int"/>`,
				`<key id="e_evidence_count" for="edge" attr.name="evidence_count" attr.type="int"/>`,
				`<key id="e_confidence" for="edge" attr.name="confidence" attr.type="double"/>`,
				`<key id="e_docs" for="edge" attr.name="docs" attr.type="string"/>`,
				`<key id="e_quotes" for="edge" attr.name="quotes" attr.type="string"/>`,
				`<graph id="bonemet" edgedefault="directed">`,
				`<data key="e_sign">-1</data>`,
			} {
				if !strings.Contains(out, want) {
					t.Errorf("GraphML lacks %s", want)
				}
			}
		})
	}
}

func TestExportGraphMLWellFormed(t *testing.T) {
	path, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint is not on PATH; install libxml2-utils to run this test")
	}
	var buf bytes.Buffer
	if err := export.WriteGraphML(&buf, trickyGraph(t)); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(path, "--noout", "-")
	cmd.Stdin = &buf
	if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
		t.Fatalf("xmllint --noout: %v\n%s", err, out)
	}
}

// foreignGraphML is GraphML as another tool writes it: keys in another
// order with other ids, a key for all domains, an edge before its nodes,
// no evidence attribute.
const foreignGraphML = `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
 <key id="d9" for="edge" attr.name="docs" attr.type="string"/>
 <key id="d1" for="all" attr.name="kind" attr.type="string"/>
 <key id="d0" for="edge" attr.name="relation" attr.type="string"/>
 <key id="d2" for="node" attr.name="symbol" attr.type="string"/>
 <graph edgedefault="directed">
  <edge source="HGNC:1" target="HGNC:2"><data key="d0">inhibits</data><data key="d9">PMID:1|PMID:2</data></edge>
  <node id="HGNC:1"><data key="d1">gene</data><data key="d2">A1BG</data></node>
  <node id="HGNC:2"><data key="d1">gene</data></node>
 </graph>
</graphml>`

func TestExportReadGraphMLForeign(t *testing.T) {
	g, err := export.ReadGraphML(strings.NewReader(foreignGraphML), "test.graphml")
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 2 || len(g.Edges()) != 1 {
		t.Fatalf("%d nodes, %d edges", g.Len(), len(g.Edges()))
	}
	e := g.Edges()[0]
	if e.Relation != graph.Inhibits || len(e.Evidence) != 2 || e.Evidence[0].Method != graph.Imported {
		t.Errorf("edge = %+v", e)
	}
	if n, _ := g.Lookup("HGNC:1"); n.Symbol != "A1BG" {
		t.Errorf("node = %+v", n)
	}
}

var readGraphMLErrorTests = []struct {
	name, in string
	line     int // line of the first error, 0 to skip the check
	contains string
}{
	{"not XML", "hello", 0, "no graphml element"},
	{"broken XML", "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph>\n<node id=\"a\">\n</graph>", 4, "element <node> closed by </graph>"},
	{"bad kind", "<graphml>\n<key id=\"k\" for=\"node\" attr.name=\"kind\"/>\n<graph>\n  <node id=\"X:1\"><data key=\"k\">planet</data></node>\n</graph></graphml>", 4, "unknown node kind"},
	{"bad id", "<graphml>\n<key id=\"k\" for=\"node\" attr.name=\"kind\"/>\n<graph>\n<node id=\"nocolon\"><data key=\"k\">gene</data></node>\n</graph></graphml>", 4, "malformed node id"},
	{"bad relation", "<graphml><key id=\"k\" for=\"node\" attr.name=\"kind\"/><key id=\"r\" for=\"edge\" attr.name=\"relation\"/><graph>\n<node id=\"X:1\"><data key=\"k\">gene</data></node>\n<edge source=\"X:1\" target=\"X:1\"><data key=\"r\">binds</data></edge></graph></graphml>", 3, "unknown relation"},
	{"dangling edge", "<graphml><key id=\"r\" for=\"edge\" attr.name=\"relation\"/><graph>\n\n<edge source=\"X:1\" target=\"X:2\"><data key=\"r\">activates</data></edge></graph></graphml>", 3, "no such node"},
	{"bad evidence", "<graphml><key id=\"k\" for=\"node\" attr.name=\"kind\"/><key id=\"r\" for=\"edge\" attr.name=\"relation\"/><key id=\"v\" for=\"edge\" attr.name=\"evidence\"/><graph>\n<node id=\"X:1\"><data key=\"k\">gene</data></node>\n<edge source=\"X:1\" target=\"X:1\"><data key=\"r\">activates</data><data key=\"v\">[{]</data></edge></graph></graphml>", 3, "evidence"},
}

func TestExportReadGraphMLErrors(t *testing.T) {
	for _, tt := range readGraphMLErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := export.ReadGraphML(strings.NewReader(tt.in), "test.graphml")
			if err == nil {
				t.Fatalf("no error; graph %v", g)
			}
			if !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("error %q lacks %q", err, tt.contains)
			}
			var pe *source.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			if tt.line != 0 && pe.Line != tt.line {
				t.Errorf("line %d, want %d (%v)", pe.Line, tt.line, err)
			}
		})
	}
}

func TestExportSIF(t *testing.T) {
	g := trickyGraph(t)
	dir := t.TempDir()
	if err := export.WriteDir(dir, g, export.SIF); err != nil {
		t.Fatal(err)
	}
	// The network: edges plus isolated nodes, so every node is named.
	lines := readLines(t, filepath.Join(dir, "graph.sif"))
	var edges, isolated int
	nodes := map[string]bool{}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		switch len(f) {
		case 1:
			isolated++
			nodes[f[0]] = true
		case 3:
			if _, err := graph.ParseRelation(f[1]); err != nil {
				t.Errorf("line %q: %v", l, err)
			}
			edges++
			nodes[f[0]], nodes[f[2]] = true, true
		default:
			t.Errorf("bad SIF line %q", l)
		}
	}
	if edges != len(g.Edges()) || len(nodes) != g.Len() {
		t.Errorf("SIF: %d edges, %d nodes; want %d, %d", edges, len(nodes), len(g.Edges()), g.Len())
	}
	// The edge attributes.
	rows := readTSV(t, filepath.Join(dir, "graph.edge_attributes.tsv"))
	if want := []string{"source", "relation", "target", "sign", "evidence_count", "docs"}; !slices.Equal(rows[0], want) {
		t.Errorf("header %v", rows[0])
	}
	if len(rows)-1 != len(g.Edges()) {
		t.Fatalf("%d attribute rows, want %d", len(rows)-1, len(g.Edges()))
	}
	total := 0
	for i, e := range g.Edges() {
		r := rows[i+1]
		n, _ := strconv.Atoi(r[4])
		total += n
		if r[0] != e.From || r[2] != e.To || r[1] != e.Relation.String() || r[3] != strconv.Itoa(int(e.Sign())) || n != len(e.Evidence) {
			t.Errorf("row %v for edge %s %v %s", r, e.From, e.Relation, e.To)
		}
	}
	if total != evidenceCount(g) {
		t.Errorf("evidence %d, want %d", total, evidenceCount(g))
	}
	nrows := readTSV(t, filepath.Join(dir, "graph.node_attributes.tsv"))
	if len(nrows)-1 != g.Len() || nrows[0][1] != "label" {
		t.Errorf("node attributes: %d rows, header %v", len(nrows)-1, nrows[0])
	}
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

func readTSV(t *testing.T, path string) [][]string {
	t.Helper()
	var rows [][]string
	for _, l := range readLines(t, path) {
		rows = append(rows, strings.Split(l, "\t"))
	}
	if len(rows) == 0 {
		t.Fatalf("%s is empty", path)
	}
	for i, r := range rows {
		if len(r) != len(rows[0]) {
			t.Errorf("%s:%d: %d columns, want %d", path, i+1, len(r), len(rows[0]))
		}
	}
	return rows
}

func TestExportCytoscapeJSON(t *testing.T) {
	g := trickyGraph(t)
	var buf bytes.Buffer
	if err := export.WriteCytoscapeJSON(&buf, g); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Elements struct {
			Nodes []struct {
				Data map[string]any `json:"data"`
			} `json:"nodes"`
			Edges []struct {
				Data map[string]any `json:"data"`
			} `json:"edges"`
		} `json:"elements"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Elements.Nodes) != g.Len() || len(doc.Elements.Edges) != len(g.Edges()) {
		t.Fatalf("%d nodes, %d edges; want %d, %d", len(doc.Elements.Nodes), len(doc.Elements.Edges), g.Len(), len(g.Edges()))
	}
	ids := map[string]bool{}
	for i, n := range doc.Elements.Nodes {
		if n.Data["id"] != g.NodeList()[i].ID || n.Data["label"] != g.NodeList()[i].Label() || n.Data["kind"] == "" {
			t.Errorf("node %d: %v", i, n.Data)
		}
		ids[n.Data["id"].(string)] = true
	}
	for i, e := range doc.Elements.Edges {
		ge := g.Edges()[i]
		if e.Data["source"] != ge.From || e.Data["target"] != ge.To || e.Data["relation"] != ge.Relation.String() ||
			e.Data["sign"] != float64(ge.Sign()) || e.Data["evidence_count"] != float64(len(ge.Evidence)) {
			t.Errorf("edge %d: %v", i, e.Data)
		}
		if !ids[e.Data["source"].(string)] || !ids[e.Data["target"].(string)] {
			t.Errorf("edge %d joins unknown nodes", i)
		}
	}
	// A real reader of the format reads it back: networkx's
	// cytoscape_graph, where Python and networkx are installed
	// (apt-get install python3-networkx).
	readWithNetworkx(t, buf.Bytes(), g)
	// The typed form unmarshals too.
	var typed export.CytoscapeElements
	if err := json.Unmarshal(buf.Bytes(), &typed); err != nil || len(typed.Elements.Edges) != len(g.Edges()) {
		t.Errorf("typed unmarshal: %v", err)
	}
}

func TestExportNeo4j(t *testing.T) {
	g := trickyGraph(t)
	dir := t.TempDir()
	if err := export.WriteDir(dir, g, export.Neo4j); err != nil {
		t.Fatal(err)
	}
	nodes := readCSV(t, filepath.Join(dir, "nodes.csv"))
	if got := strings.Join(nodes[0], ","); got != "id:ID,kind,symbol,name,:LABEL" {
		t.Errorf("nodes header %s", got)
	}
	if len(nodes)-1 != g.Len() {
		t.Errorf("%d node rows, want %d", len(nodes)-1, g.Len())
	}
	byID := map[string][]string{}
	for _, r := range nodes[1:] {
		byID[r[0]] = r
	}
	if r := byID["HGNC:11926"]; r[4] != "Gene" || r[3] != g.NodeList()[indexOf(g, "HGNC:11926")].Name {
		t.Errorf("TNFSF11 row %q", r)
	}
	if r := byID["BONEMET:zol_class"]; r[4] != "Group;DrugClass" {
		t.Errorf("drug class row %q", r)
	}
	if r := byID["CL:0000092"]; r[3] != "osteoclast\nmature" {
		t.Errorf("a line break inside a quoted field was lost: %q", r)
	}
	rels := readCSV(t, filepath.Join(dir, "relationships.csv"))
	if got := strings.Join(rels[0], ","); got != ":START_ID,:END_ID,:TYPE,sign:int,evidence_count:int,docs:string[]" {
		t.Errorf("relationships header %s", got)
	}
	if len(rels)-1 != len(g.Edges()) {
		t.Fatalf("%d relationship rows, want %d", len(rels)-1, len(g.Edges()))
	}
	for i, e := range g.Edges() {
		r := rels[i+1]
		if byID[r[0]] == nil || byID[r[1]] == nil {
			t.Errorf("row %v joins unknown nodes", r)
		}
		if r[2] != strings.ToUpper(e.Relation.String()) || r[3] != strconv.Itoa(int(e.Sign())) || r[4] != strconv.Itoa(len(e.Evidence)) {
			t.Errorf("row %v for %s %v %s", r, e.From, e.Relation, e.To)
		}
		// Documents split on the array delimiter, one per distinct doc.
		ds := strings.Split(r[5], export.Neo4jArrayDelimiter)
		distinct := map[string]bool{}
		for _, v := range e.Evidence {
			distinct[v.Doc] = true
		}
		if len(ds) != len(distinct) {
			t.Errorf("docs %q, want %d", r[5], len(distinct))
		}
	}
}

func indexOf(g *graph.Graph, id string) int {
	return slices.IndexFunc(g.NodeList(), func(n graph.Node) bool { return n.ID == id })
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestExportStatements(t *testing.T) {
	g := trickyGraph(t)
	var buf bytes.Buffer
	if err := export.WriteStatements(&buf, g); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != evidenceCount(g) {
		t.Fatalf("%d lines, want %d", len(lines), evidenceCount(g))
	}
	i := 0
	for _, e := range g.Edges() {
		for _, v := range e.Evidence {
			var s export.StatementJSON
			if err := json.Unmarshal([]byte(lines[i]), &s); err != nil {
				t.Fatalf("line %d: %v", i+1, err)
			}
			from, _ := g.Lookup(e.From)
			to, _ := g.Lookup(e.To)
			want := export.StatementJSON{Doc: v.Doc, Section: v.Section, Subject: from, Relation: e.Relation, Object: to,
				Quote: v.Quote, Start: v.Start, End: v.End, Method: v.Method, Rule: v.Rule, Confidence: v.Confidence, Note: v.Note}
			if !reflect.DeepEqual(s, want) {
				t.Errorf("line %d:\n got %+v\nwant %+v", i+1, s, want)
			}
			i++
		}
	}
	// The keys the brief names are all there.
	for _, k := range []string{`"doc"`, `"subject"`, `"relation"`, `"object"`, `"quote"`, `"method"`, `"rule"`, `"confidence"`} {
		if !strings.Contains(lines[0], k) {
			t.Errorf("line lacks %s: %s", k, lines[0])
		}
	}
}

func TestExportWriteDir(t *testing.T) {
	g := simpleGraph(t)
	for _, f := range allFormats {
		t.Run(f.String(), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out", f.String())
			if err := export.WriteDir(dir, g, f); err != nil {
				t.Fatal(err)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			want := slices.Sorted(slices.Values(f.Files()))
			if !slices.Equal(names, want) {
				t.Errorf("files %v, want %v", names, want)
			}
			if f.MultiFile() != (len(want) > 1) {
				t.Errorf("MultiFile() = %v with files %v", f.MultiFile(), want)
			}
			// A single-stream file equals what Write writes.
			if !f.MultiFile() {
				var buf bytes.Buffer
				if err := export.Write(&buf, g, f); err != nil {
					t.Fatal(err)
				}
				data, _ := os.ReadFile(filepath.Join(dir, want[0]))
				if !bytes.Equal(data, buf.Bytes()) {
					t.Error("file differs from Write's stream")
				}
			}
		})
	}
	if err := export.WriteDir(t.TempDir(), g, export.FormatInvalid); !errors.Is(err, export.ErrUnknownFormat) {
		t.Errorf("invalid format: %v", err)
	}
	if err := export.WriteDir(t.TempDir(), nil, export.SIF); !errors.Is(err, export.ErrNilGraph) {
		t.Errorf("nil graph: %v", err)
	}
	// A file where the directory should be.
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if err := export.WriteDir(file, g, export.Neo4j); err == nil {
		t.Error("WriteDir into a file succeeded")
	}
}

func FuzzExportReadGraphML(f *testing.F) {
	for _, g := range []*graph.Graph{simpleGraph(f), trickyGraph(f)} {
		var buf bytes.Buffer
		if err := export.WriteGraphML(&buf, g); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Add([]byte(foreignGraphML))
	for _, tt := range readGraphMLErrorTests {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := export.ReadGraphML(bytes.NewReader(data), "test.graphml")
		if err != nil {
			var pe *source.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		// What was read writes and reads back to the same graph.
		var buf bytes.Buffer
		if err := export.WriteGraphML(&buf, g); err != nil {
			t.Fatal(err)
		}
		back, err := export.ReadGraphML(&buf, "test.graphml")
		if err != nil {
			t.Fatalf("re-read: %v\n%s", err, buf.String())
		}
		if !reflect.DeepEqual(back.NodeList(), g.NodeList()) || !reflect.DeepEqual(back.Edges(), g.Edges()) {
			t.Fatalf("round trip differs")
		}
	})
}

// readWithNetworkx reads a Cytoscape.js export with networkx and checks
// the numbers of nodes and edges and one edge's relation.
func readWithNetworkx(t *testing.T, cyjs []byte, g *graph.Graph) {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Log("python3 is not installed: the networkx check is skipped")
		return
	}
	if exec.Command(py, "-c", "import networkx").Run() != nil {
		t.Log("networkx is not installed: the networkx check is skipped")
		return
	}
	e := g.Edges()[0]
	script := `import json, sys
from networkx.readwrite import json_graph
G = json_graph.cytoscape_graph(json.load(sys.stdin))
print(G.number_of_nodes(), G.number_of_edges(), G.is_directed(), G.is_multigraph(), G.edges[sys.argv[1], sys.argv[2], sys.argv[3]]["relation"])`
	cmd := exec.Command(py, "-c", script, e.From, e.To, e.Relation.String())
	cmd.Stdin = bytes.NewReader(cyjs)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, out)
	}
	want := fmt.Sprintf("%d %d True True %s", g.Len(), len(g.Edges()), e.Relation)
	if got := strings.TrimSpace(string(out)); got != want {
		t.Errorf("networkx read %q, want %q", got, want)
	}
}
