package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/source"
)

// GraphMLNamespace is the XML namespace of GraphML documents.
const GraphMLNamespace = "http://graphml.graphdrawing.org/xmlns"

// graphMLKey is one typed attribute GraphML declares with <key>.
type graphMLKey struct {
	id, domain, name, typ string
}

// The keys [WriteGraphML] declares, in order. Lists are joined with "|";
// "evidence" holds the edge's evidence as a JSON array (the form
// graph.Evidence marshals to), so that [ReadGraphML] restores it.
var graphMLKeys = []graphMLKey{
	{"n_label", "node", "label", "string"},
	{"n_kind", "node", "kind", "string"},
	{"n_symbol", "node", "symbol", "string"},
	{"n_name", "node", "name", "string"},
	{"n_xrefs", "node", "xrefs", "string"},
	{"n_group", "node", "group", "string"},
	{"n_members", "node", "members", "string"},
	{"e_label", "edge", "label", "string"},
	{"e_relation", "edge", "relation", "string"},
	{"e_sign", "edge", "sign", "int"},
	{"e_evidence_count", "edge", "evidence_count", "int"},
	{"e_confidence", "edge", "confidence", "double"},
	{"e_docs", "edge", "docs", "string"},
	{"e_quotes", "edge", "quotes", "string"},
	{"e_evidence", "edge", "evidence", "string"},
}

// WriteGraphML writes g as GraphML 1.0 in the standard namespace, which
// Cytoscape, Gephi and yEd open. Nodes carry the typed attributes label,
// kind, symbol, name, xrefs, and for groups group and members; edges carry
// label and relation ("activates", ...), sign (int: 1 or -1),
// evidence_count (int), confidence (double: the highest of the evidence),
// docs, quotes, and evidence (a JSON array of the full evidence records).
// List values are joined with "|". Edges are named e0, e1, ... in
// [graph.Graph.Edges] order.
func WriteGraphML(w io.Writer, g *graph.Graph) error {
	if g == nil {
		return ErrNilGraph
	}
	ew := newErrWriter(w)
	ew.print(xml.Header,
		`<graphml xmlns="`+GraphMLNamespace+`" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
		` xsi:schemaLocation="`+GraphMLNamespace+` http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`+"\n")
	for _, k := range graphMLKeys {
		ew.printf("  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.domain, k.name, k.typ)
	}
	ew.print(`  <graph id="bonemet" edgedefault="directed">` + "\n")
	data := func(key, value string) {
		if value == "" {
			return
		}
		ew.print(`      <data key="`, key, `">`, xmlText(value), "</data>\n")
	}
	for _, n := range g.NodeList() {
		ew.print(`    <node id="`, xmlAttr(n.ID), "\">\n")
		data("n_label", n.Label())
		data("n_kind", n.Kind.String())
		data("n_symbol", n.Symbol)
		data("n_name", n.Name)
		data("n_xrefs", strings.Join(n.Xrefs, listSep))
		data("n_group", n.Group.String())
		data("n_members", strings.Join(n.Members, listSep))
		ew.print("    </node>\n")
	}
	es := g.Edges()
	for i := range es {
		e := &es[i]
		ev, err := json.Marshal(e.Evidence)
		if err != nil {
			return err
		}
		ew.printf(`    <edge id="e%d" source="%s" target="%s">`+"\n", i, xmlAttr(e.From), xmlAttr(e.To))
		data("e_label", e.Relation.String())
		data("e_relation", e.Relation.String())
		data("e_sign", strconv.Itoa(int(e.Sign())))
		data("e_evidence_count", strconv.Itoa(len(e.Evidence)))
		data("e_confidence", strconv.FormatFloat(maxConfidence(e), 'g', -1, 64))
		data("e_docs", strings.Join(docs(e), listSep))
		data("e_quotes", strings.Join(quotes(e), listSep))
		data("e_evidence", string(ev))
		ew.print("    </edge>\n")
	}
	ew.print("  </graph>\n</graphml>\n")
	return ew.flush()
}

// xmlText escapes s for XML character data: markup characters as
// entities, carriage returns as character references (a parser would
// drop them), characters XML does not allow (and invalid UTF-8) as U+FFFD.
func xmlText(s string) string { return xmlEscape(s, false) }

// xmlAttr escapes s for a double-quoted attribute value: as [xmlText], and
// quotes, tabs and line breaks as references (a parser would turn them into
// spaces).
func xmlAttr(s string) string { return xmlEscape(s, true) }

func xmlEscape(s string, attr bool) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case attr && r == '"':
			b.WriteString("&quot;")
		case attr && r == '\t':
			b.WriteString("&#x9;")
		case attr && r == '\n':
			b.WriteString("&#xA;")
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r == '\r':
			b.WriteString("&#xD;")
		case r < 0x20 || r >= 0xD800 && r < 0xE000 || r == 0xFFFE || r == 0xFFFF:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ErrGraphML is wrapped by the errors of [ReadGraphML] about the content of
// a well-formed document.
var ErrGraphML = errors.New("invalid GraphML")

// ReadGraphML reads a GraphML document as [WriteGraphML] writes it and
// builds the graph: keys are matched by their attr.name, so their ids and
// order do not matter. An edge without an evidence attribute gets one
// piece of evidence per document in docs (or, without docs, one for the
// document "graphml"), with method imported. Errors carry the line and
// column of the element at fault, as [*source.ParseError]s naming file;
// several are joined with [errors.Join]. Inputs over the default
// [source.Limits] MaxBytes fail with [source.ErrTooLarge].
func ReadGraphML(r io.Reader, file string) (*graph.Graph, error) {
	data, err := source.Limits{}.ReadAll(r, file)
	if err != nil {
		return nil, err
	}
	g, err := readGraphML(data, file)
	return g, source.WithText(err, data)
}

func readGraphML(data []byte, file string) (*graph.Graph, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	gr := &graphMLReader{file: file, keys: make(map[string]string)}
	for {
		line, col := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errors.Join(append(gr.errs, source.XMLError(file, d, err))...)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			gr.start(t, line, col)
		case xml.CharData:
			if gr.inData {
				gr.text.Write(t)
			}
		case xml.EndElement:
			gr.end(t)
		}
	}
	if !gr.sawRoot {
		return nil, &source.ParseError{File: file, Line: 1, Column: 1, Err: fmt.Errorf("%w: no graphml element", ErrGraphML)}
	}
	// Edges last: GraphML allows an edge before the nodes it joins.
	for _, pe := range gr.edges {
		if err := graphMLEdge(&gr.b, pe, gr.keys); err != nil {
			gr.fail(pe.line, pe.col, "edge %s → %s: %v", pe.from, pe.to, err)
		}
	}
	if len(gr.errs) > 0 {
		return nil, errors.Join(gr.errs...)
	}
	return gr.b.Build()
}

// graphMLReader holds the state of a GraphML read.
type graphMLReader struct {
	file     string
	keys     map[string]string // key id → domain + "." + attr.name
	b        graph.Builder
	errs     []error
	cur      map[string]string // attributes of the current node or edge
	curKey   string
	text     strings.Builder
	inData   bool
	elemLine int
	elemCol  int
	id       string
	src, dst string
	sawRoot  bool
	edges    []pendingEdge
}

func (gr *graphMLReader) fail(line, col int, format string, args ...any) {
	gr.errs = append(gr.errs, &source.ParseError{File: gr.file, Line: line, Column: col, Err: fmt.Errorf("%w: %s", ErrGraphML, fmt.Sprintf(format, args...))})
}

// start reads the start of an element at line:col.
func (gr *graphMLReader) start(t xml.StartElement, line, col int) {
	attr := func(name string) string {
		for _, a := range t.Attr {
			if a.Name.Local == name && (a.Name.Space == "" || a.Name.Space == GraphMLNamespace) {
				return a.Value
			}
		}
		return ""
	}
	switch t.Name.Local {
	case "graphml":
		gr.sawRoot = true
	case "key":
		gr.keys[attr("id")] = attr("for") + "." + attr("attr.name")
	case "node", "edge":
		gr.cur = make(map[string]string)
		gr.elemLine, gr.elemCol = line, col
		gr.id, gr.src, gr.dst = attr("id"), attr("source"), attr("target")
	case "data":
		if gr.cur != nil {
			gr.inData, gr.curKey = true, attr("key")
			gr.text.Reset()
		}
	}
}

// end reads the end of an element: a data value, a node or an edge.
func (gr *graphMLReader) end(t xml.EndElement) {
	switch t.Name.Local {
	case "data":
		if gr.inData {
			gr.cur[gr.curKey] = gr.text.String()
			gr.inData = false
		}
	case "node":
		if gr.cur == nil {
			return
		}
		n, err := graphMLNode(gr.id, gr.cur, gr.keys)
		if err == nil {
			err = gr.b.AddNode(n)
		}
		if err != nil {
			gr.fail(gr.elemLine, gr.elemCol, "node %q: %v", gr.id, err)
		}
		gr.cur = nil
	case "edge":
		if gr.cur == nil {
			return
		}
		gr.edges = append(gr.edges, pendingEdge{gr.src, gr.dst, gr.cur, gr.elemLine, gr.elemCol})
		gr.cur = nil
	}
}

type pendingEdge struct {
	from, to  string
	data      map[string]string
	line, col int
}

// named returns the value of the attribute called name in domain.
// A key declared for the domain wins over one declared for "all"; among
// several, the smallest key id wins.
func named(data, keys map[string]string, domain, name string) string {
	for _, want := range []string{domain + "." + name, "all." + name} {
		best, found := "", false
		for k := range data {
			if keys[k] == want && (!found || k < best) {
				best, found = k, true
			}
		}
		if found {
			return data[best]
		}
	}
	return ""
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, listSep)
}

func graphMLNode(id string, data, keys map[string]string) (graph.Node, error) {
	get := func(name string) string { return named(data, keys, "node", name) }
	n := graph.Node{ID: id, Symbol: get("symbol"), Name: get("name"), Xrefs: splitList(get("xrefs")), Members: splitList(get("members"))}
	k, err := graph.ParseKind(get("kind"))
	if err != nil {
		return n, err
	}
	n.Kind = k
	if s := get("group"); s != "" {
		t, err := graph.ParseGroupType(s)
		if err != nil {
			return n, err
		}
		n.Group = t
	}
	return n, nil
}

func graphMLEdge(b *graph.Builder, pe pendingEdge, keys map[string]string) error {
	get := func(name string) string { return named(pe.data, keys, "edge", name) }
	rel, err := graph.ParseRelation(get("relation"))
	if err != nil {
		return err
	}
	var evs []graph.Evidence
	if s := get("evidence"); s != "" {
		if err := json.Unmarshal([]byte(s), &evs); err != nil {
			return fmt.Errorf("evidence: %w", err)
		}
	} else {
		ds := splitList(get("docs"))
		if len(ds) == 0 {
			ds = []string{"graphml"}
		}
		for _, d := range ds {
			evs = append(evs, graph.Evidence{Doc: d, Method: graph.Imported, Confidence: 1})
		}
	}
	if len(evs) == 0 {
		return graph.ErrNoEvidence
	}
	for _, ev := range evs {
		if _, err := b.AddEdge(pe.from, pe.to, rel, ev); err != nil {
			return err
		}
	}
	return nil
}
