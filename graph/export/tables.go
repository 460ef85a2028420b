package export

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/bonemet/bonemet/graph"
)

// WriteSIF writes g in the simple interaction format Cytoscape imports:
// one line "source<TAB>relation<TAB>target" per edge, nodes named by their
// CURIE, and one line holding just the ID for every node without edges
// (so that the network keeps it). Tabs and line breaks inside values
// become spaces.
func WriteSIF(w io.Writer, g *graph.Graph) error {
	if g == nil {
		return ErrNilGraph
	}
	ew := newErrWriter(w)
	for _, n := range g.NodeList() {
		if len(g.Out(n.ID)) == 0 && len(g.In(n.ID)) == 0 {
			ew.print(oneLine(n.ID), "\n")
		}
	}
	for _, e := range g.Edges() {
		ew.print(oneLine(e.From), "\t", e.Relation.String(), "\t", oneLine(e.To), "\n")
	}
	return ew.flush()
}

// WriteSIFEdgeAttributes writes the edge-attribute table that goes with
// [WriteSIF]: a header line and one tab-separated row per edge with the
// columns source, relation, target, sign (1 or -1), evidence_count and
// docs (the distinct documents, joined with "|").
func WriteSIFEdgeAttributes(w io.Writer, g *graph.Graph) error {
	if g == nil {
		return ErrNilGraph
	}
	ew := newErrWriter(w)
	ew.print("source\trelation\ttarget\tsign\tevidence_count\tdocs\n")
	es := g.Edges()
	for i := range es {
		e := &es[i]
		ew.print(oneLine(e.From), "\t", e.Relation.String(), "\t", oneLine(e.To), "\t",
			strconv.Itoa(int(e.Sign())), "\t", strconv.Itoa(len(e.Evidence)), "\t", oneLine(strings.Join(docs(e), listSep)), "\n")
	}
	return ew.flush()
}

// WriteSIFNodeAttributes writes a node-attribute table for [WriteSIF]: a
// header line and one tab-separated row per node with the columns id,
// label, kind, symbol and name, so that Cytoscape can show symbols.
func WriteSIFNodeAttributes(w io.Writer, g *graph.Graph) error {
	if g == nil {
		return ErrNilGraph
	}
	ew := newErrWriter(w)
	ew.print("id\tlabel\tkind\tsymbol\tname\n")
	for _, n := range g.NodeList() {
		ew.print(oneLine(n.ID), "\t", oneLine(n.Label()), "\t", n.Kind.String(), "\t", oneLine(n.Symbol), "\t", oneLine(n.Name), "\n")
	}
	return ew.flush()
}

// CytoscapeElements is the document [WriteCytoscapeJSON] writes, as
// Cytoscape desktop writes .cyjs files: the network's attributes in "data",
// whether it is directed and a multigraph, and
// {"elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}.
type CytoscapeElements struct {
	FormatVersion string `json:"format_version"` // version of the .cyjs format: "1.0"
	GeneratedBy   string `json:"generated_by"`   // the program that wrote the file: "bonemet"
	// TargetVersion is the Cytoscape.js version the format follows.
	TargetVersion string `json:"target_cytoscapejs_version"`
	// Data are the network's attributes: its name.
	Data       CytoscapeNetworkData `json:"data"`
	Directed   bool                 `json:"directed"`   // whether edges are directed: always true
	Multigraph bool                 `json:"multigraph"` // whether two nodes may have several edges: always true
	// Elements holds the nodes, in ID order, and the edges, in
	// [graph.Graph.Edges] order; both lists are [] (never null) when empty.
	Elements struct {
		Nodes []CytoscapeNode `json:"nodes"` // one per node of the graph
		Edges []CytoscapeEdge `json:"edges"` // one per edge of the graph
	} `json:"elements"`
}

// CytoscapeNetworkData holds the network's attributes.
type CytoscapeNetworkData struct {
	Name       string `json:"name"`        // the network's name: "bonemet"
	SharedName string `json:"shared_name"` // Cytoscape's shared name, the same as Name
}

// CytoscapeNode is a node element of Cytoscape.js.
type CytoscapeNode struct {
	Data CytoscapeNodeData `json:"data"` // the node's attributes
}

// CytoscapeNodeData holds a node's attributes.
type CytoscapeNodeData struct {
	ID string `json:"id"` // the node's CURIE
	// Value repeats the ID, as the node's key for readers that want one
	// (networkx's cytoscape_graph).
	Value   string   `json:"value"`
	Label   string   `json:"label"`                // [graph.Node.Label]: symbol, else name, else ID
	Kind    string   `json:"kind"`                 // "gene", "cell", "drug", "chemical", "process" or "group"
	Symbol  string   `json:"symbol,omitempty"`     // the node's symbol, omitted when empty
	Name    string   `json:"name,omitempty"`       // the node's full name, omitted when empty
	Xrefs   []string `json:"xrefs,omitempty"`      // equivalent identifiers in other namespaces
	Group   string   `json:"group_type,omitempty"` // "family", "complex" or "drug class"; omitted for other kinds
	Members []string `json:"members,omitempty"`    // IDs of a group's members, sorted
}

// CytoscapeEdge is an edge element of Cytoscape.js.
type CytoscapeEdge struct {
	Data CytoscapeEdgeData `json:"data"` // the edge's attributes
}

// CytoscapeEdgeData holds an edge's attributes. Interaction repeats the
// relation under the name Cytoscape desktop uses for edge types.
type CytoscapeEdgeData struct {
	ID string `json:"id"` // "e<i>", i the edge's index in [graph.Graph.Edges]
	// Key tells apart the edges between the same two nodes: the relation.
	Key           string   `json:"key"`
	Source        string   `json:"source"`           // ID of the source node
	Target        string   `json:"target"`           // ID of the target node
	Relation      string   `json:"relation"`         // "activates", "inhibits" or "secretes"
	Interaction   string   `json:"interaction"`      // the same as Relation
	Sign          int      `json:"sign"`             // 1 for activates and secretes, -1 for inhibits
	EvidenceCount int      `json:"evidence_count"`   // number of pieces of evidence
	Confidence    float64  `json:"confidence"`       // the highest confidence of the evidence, in 0..1
	Docs          []string `json:"docs"`             // the distinct documents of the evidence, sorted
	Quotes        []string `json:"quotes,omitempty"` // the distinct non-empty quotes, in evidence order
}

// WriteCytoscapeJSON writes g in the elements JSON of Cytoscape.js (which
// Cytoscape desktop imports as .cyjs): node data id, label, kind, symbol,
// name, xrefs, group_type and members; edge data id ("e0", "e1", ... in
// [graph.Graph.Edges] order), source, target, relation, interaction, sign,
// evidence_count, confidence (the highest), docs and quotes.
func WriteCytoscapeJSON(w io.Writer, g *graph.Graph) error {
	if g == nil {
		return ErrNilGraph
	}
	doc := CytoscapeElements{FormatVersion: "1.0", GeneratedBy: "bonemet", TargetVersion: "~2.1",
		Data: CytoscapeNetworkData{Name: "bonemet", SharedName: "bonemet"}, Directed: true, Multigraph: true}
	doc.Elements.Nodes = make([]CytoscapeNode, 0, g.Len())
	for _, n := range g.NodeList() {
		doc.Elements.Nodes = append(doc.Elements.Nodes, CytoscapeNode{CytoscapeNodeData{
			ID: n.ID, Value: n.ID, Label: n.Label(), Kind: n.Kind.String(), Symbol: n.Symbol, Name: n.Name,
			Xrefs: n.Xrefs, Group: n.Group.String(), Members: n.Members,
		}})
	}
	es := g.Edges()
	doc.Elements.Edges = make([]CytoscapeEdge, 0, len(es))
	for i := range es {
		e := &es[i]
		doc.Elements.Edges = append(doc.Elements.Edges, CytoscapeEdge{CytoscapeEdgeData{
			ID: "e" + strconv.Itoa(i), Key: e.Relation.String(), Source: e.From, Target: e.To, Relation: e.Relation.String(), Interaction: e.Relation.String(),
			Sign: int(e.Sign()), EvidenceCount: len(e.Evidence), Confidence: maxConfidence(e), Docs: docs(e), Quotes: quotes(e),
		}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(doc)
}

// Neo4jArrayDelimiter separates the values of array columns in the Neo4j
// CSVs (neo4j-admin's --array-delimiter default). A document ID holding
// it has it replaced by ",".
const Neo4jArrayDelimiter = ";"

// WriteNeo4jNodes writes the nodes file of a neo4j-admin bulk import: the
// header "id:ID,kind,symbol,name,:LABEL" and one row per node, labelled
// with its kind ("Gene", "Cell", "Drug", "Chemical", "Process", "Group"),
// and for groups also with the group type ("Group;Family").
func WriteNeo4jNodes(w io.Writer, g *graph.Graph) error {
	if g == nil {
		return ErrNilGraph
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"id:ID", "kind", "symbol", "name", ":LABEL"})
	for _, n := range g.NodeList() {
		label := neo4jLabel(n.Kind.String())
		if n.Group != graph.NotGroup {
			label += Neo4jArrayDelimiter + neo4jLabel(n.Group.String())
		}
		cw.Write([]string{csvValue(n.ID), n.Kind.String(), csvValue(n.Symbol), csvValue(n.Name), label})
	}
	cw.Flush()
	return cw.Error()
}

// WriteNeo4jRelationships writes the relationships file of a neo4j-admin
// bulk import: the header
// ":START_ID,:END_ID,:TYPE,sign:int,evidence_count:int,docs:string[]" and
// one row per edge, typed ACTIVATES, INHIBITS or SECRETES, with the
// distinct documents joined by [Neo4jArrayDelimiter].
func WriteNeo4jRelationships(w io.Writer, g *graph.Graph) error {
	if g == nil {
		return ErrNilGraph
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{":START_ID", ":END_ID", ":TYPE", "sign:int", "evidence_count:int", "docs:string[]"})
	es := g.Edges()
	for i := range es {
		e := &es[i]
		ds := docs(e)
		for j, d := range ds {
			ds[j] = strings.ReplaceAll(csvValue(d), Neo4jArrayDelimiter, ",")
		}
		cw.Write([]string{csvValue(e.From), csvValue(e.To), strings.ToUpper(e.Relation.String()),
			strconv.Itoa(int(e.Sign())), strconv.Itoa(len(e.Evidence)), strings.Join(ds, Neo4jArrayDelimiter)})
	}
	cw.Flush()
	return cw.Error()
}

// neo4jLabel turns "drug class" into "DrugClass".
func neo4jLabel(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// csvValue makes s valid UTF-8; encoding/csv quotes the rest.
func csvValue(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

// StatementJSON is the one JSON form of a statement: a piece of evidence
// with the claim it supports, subject and object as full nodes. It is the
// line [WriteStatements] writes and what `bonemet -json extract` prints.
type StatementJSON struct {
	Doc      string         `json:"doc"`               // document ID
	Section  string         `json:"section,omitempty"` // section of the quote
	Subject  graph.Node     `json:"subject"`           // the subject node
	Relation graph.Relation `json:"relation"`          // activates, inhibits or secretes
	Object   graph.Node     `json:"object"`            // the object node
	Quote    string         `json:"quote"`             // the text the claim rests on
	Start    int            `json:"start"`             // byte offset of Quote in the section
	End      int            `json:"end"`               // byte offset after Quote
	Method   graph.Method   `json:"method"`            // curated, extracted or imported
	Rule     string         `json:"rule"`              // reader rule, or file:line:col of the record
	// Confidence is in [0, 1].
	Confidence float64 `json:"confidence"`
	Hedge      string  `json:"hedge,omitempty"` // "speculative", "negated", or absent
	Note       string  `json:"note,omitempty"`  // a curator's or importer's note
}

// WriteStatements writes one JSON object ([StatementJSON]) per line for
// every piece of evidence of every edge, edges in [graph.Graph.Edges]
// order and evidence in the edge's order.
func WriteStatements(w io.Writer, g *graph.Graph) error {
	if g == nil {
		return ErrNilGraph
	}
	ew := newErrWriter(w)
	enc := json.NewEncoder(ew.w)
	for _, e := range g.Edges() {
		subj, _ := g.Lookup(e.From)
		obj, _ := g.Lookup(e.To)
		for _, ev := range e.Evidence {
			if ew.err != nil {
				break
			}
			ew.err = enc.Encode(StatementJSON{Doc: ev.Doc, Section: ev.Section, Subject: subj, Relation: e.Relation, Object: obj,
				Quote: ev.Quote, Start: ev.Start, End: ev.End, Method: ev.Method, Rule: ev.Rule, Confidence: ev.Confidence, Note: ev.Note})
		}
	}
	return ew.flush()
}
