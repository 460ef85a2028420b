package ingest

import (
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
)

// Errors of the GPML reader, wrapped in [*ParseError]s.
var (
	ErrNotGPML  = errors.New("not a GPML pathway")
	ErrUnplaced = errors.New("interaction end not placed")
)

// MaxGPMLBytes is the largest GPML file [ReadGPML] reads (the largest
// human WikiPathways pathway is about 1 MB).
const MaxGPMLBytes = 16 << 20

// GPMLTolerance is how far, in GPML pixels, a free interaction end may lie
// from a line or a data node's box and still be taken to touch it.
const GPMLTolerance = 5.0

// Pathway is a WikiPathways pathway read from GPML by [ReadGPML]: its
// causal interactions as statements, its groups as nodes, and an account of
// every interaction it did not turn into a statement.
type Pathway struct {
	// ID is the WikiPathways id ("WP2018"), from the Pathway element's
	// Version ("WP2018_r137624") or else the file name; when neither
	// names one, the file's base name.
	ID       string
	Revision string // "137624", or "" when the file does not say
	Title    string // the Pathway element's Name
	File     string
	// Nodes are the pathway's groups: one [graph.Group] node per GPML Group
	// element, with ID "<ID>:group_<GraphId>" (a [graph.ValidID] CURIE in
	// the pathway's own namespace), type [graph.Complex] for Style
	// "Complex" and [graph.Family] otherwise, and as Members those member
	// IDs that are CURIEs already (HGNC:…, CHEBI:…, DRUGBANK:…, and nested
	// groups). Members named only by a label are listed in [Pathway.Members];
	// [Pathway.Corpus] resolves them.
	Nodes []graph.Node
	// Members maps each group node's ID to the names of all its members,
	// as statements name them (see [ReadGPML]), sorted.
	Members map[string][]string
	// Xrefs maps each name used in the statements to the database ids (as
	// CURIEs: NCBIGene:8600, ENSEMBL:ENSG…, UniProt:…) the data nodes of
	// that name carry, sorted. [Pathway.Corpus] uses them to settle
	// ambiguous names.
	Xrefs map[string][]string
	// Statements are the causal interactions, one per (source, target)
	// pair an interaction connects, ordered by position.
	Statements []Statement
	// Interactions is the number of Interaction elements read. Each is
	// placed (it has statements, whose Rule is "gpml:interaction:<GraphId>"),
	// in Other, or in Unplaced.
	Interactions int
	// Other lists the interactions without a causal arrowhead (plain lines,
	// mim-binding, mim-catalysis, ...), which are not turned into edges.
	Other []Interaction
	// Unplaced lists the causal interactions an end of which could not be
	// attached to anything; each is also reported in Problems.
	Unplaced []Interaction
	// Problems reports, with positions, unplaced interactions (wrapping
	// [ErrUnplaced]) and malformed elements.
	Problems []*ParseError

	groupPos map[string]Pos // group node ID → position of its Group element
}

// Interaction is a GPML interaction that did not become a statement.
type Interaction struct {
	ID string // GraphId
	// Type is the arrowhead ("mim-binding", "Arrow", ...), "" for a plain
	// line; "A/B" when the two ends carry different ones.
	Type string
	// Source and Target say what the ends are attached to: a label
	// ("TNFSF11"), "interaction <id>", or "free end at (x,y)".
	Source, Target string
	Reason         string // why it was not placed, for Unplaced
	Pos            Pos
}

// Summary returns one line of counts.
func (p *Pathway) Summary() string {
	placed := make(map[string]bool)
	for _, s := range p.Statements {
		placed[s.Rule] = true
	}
	id := p.ID
	if p.Revision != "" {
		id += " r" + p.Revision
	}
	return fmt.Sprintf("%s: %d interactions: %d placed as %d statements, %d not causal, %d unplaced; %d groups",
		id, p.Interactions, len(placed), len(p.Statements), len(p.Other), len(p.Unplaced), len(p.Nodes))
}

// GPML arrowheads that are causal. Every other arrowhead (mim-binding,
// mim-catalysis, mim-modification, mim-cleavage, ...) and a plain line are
// not.
var gpmlRelations = map[string]graph.Relation{
	"Arrow":                         graph.Activates,
	"mim-stimulation":               graph.Activates,
	"mim-necessary-stimulation":     graph.Activates,
	"mim-conversion":                graph.Activates,
	"mim-transcription-translation": graph.Activates,
	"TBar":                          graph.Inhibits,
	"mim-inhibition":                graph.Inhibits,
}

// ReadGPML reads a WikiPathways pathway in GPML 2013a (PathVisio's format)
// and turns its interactions into statements. file names the input in
// positions and, when the Pathway element lacks a Version, supplies the
// pathway id.
//
// Entities. A DataNode is named by its Xref: "HGNC Accession" gives
// "HGNC:<n>", "HGNC" the symbol, "ChEBI" "CHEBI:<n>", "DrugBank"
// "DRUGBANK:<id>"; every other database, Entrez Gene and Ensembl included,
// gives the node's TextLabel, because the resolver looks up identifiers
// and names but not cross-references. The Entrez and Ensembl ids are kept in
// [Pathway.Xrefs] (as NCBIGene:… and ENSEMBL:…), and [Pathway.Corpus] uses
// them to settle a label that names several genes. A Group is a group node
// (see [Pathway.Nodes]); a Label or a Shape with text is named by its text.
//
// Relations. The arrowheads Arrow, mim-stimulation,
// mim-necessary-stimulation, mim-conversion and
// mim-transcription-translation activate; TBar and mim-inhibition inhibit.
// An arrowhead on the first point acts towards the first point, so a line
// with heads at both ends yields statements both ways. Other arrowheads and
// plain lines go to [Pathway.Other].
//
// Geometry. An end is attached by its GraphRef to a DataNode (or one of
// its States), Group, Label, Shape or the Anchor of another interaction.
// An end without GraphRef is placed by position: inside a DataNode's box,
// then on another interaction's line (within [GPMLTolerance]; elbow
// connectors are routed the way PathVisio draws them), then near a box
// (within the tolerance). An end on another interaction X is read as
// follows:
//   - a target on X means the interaction acts on X: an inhibitor ending
//     on the line or anchor of A→B inhibits B (B's activation by A), and
//     becomes an edge to B with the note "acts on interaction <id> (A→B)";
//   - a source on X is a branch: X's source also acts on the branch target
//     (note "branches from interaction <id> (A→B)");
//   - when X is a plain line, it is a connector: plain lines that touch
//     one another form one connector, and every entity at their ends acts
//     on (or is acted on by) the interaction, with the note "via connector
//     <ids>". This reads the "bus" lines of NetPath pathways, where one line
//     from a receptor feeds many arrows.
//
// An interaction whose end touches nothing is not guessed at: it goes to
// [Pathway.Unplaced] and [Pathway.Problems] with the end's coordinates.
//
// Evidence. Each statement has Doc = the pathway id, Section = "r" +
// revision, Quote = "TNFSF11 → TNFRSF11A (Arrow)", Rule =
// "gpml:interaction:<GraphId>" ("gpml:interaction:<GraphId>@<line>:<column>"
// for an interaction without GraphId or with one used before), Method [graph.Imported], Confidence 1, and
// Pos the Interaction element's line and column. Statements are ordered by
// position.
//
// A document that is not well-formed XML, not a Pathway, or in the newer
// GPML 2021 format fails with a
// [*ParseError]; problems inside a well-formed pathway are reported in
// [Pathway.Problems] and do not fail the read. Inputs over [MaxGPMLBytes]
// fail with [ErrTooLarge].
func ReadGPML(r io.Reader, file string) (*Pathway, error) {
	raw, err := parseGPML(&capReader{r: r, left: MaxGPMLBytes}, file)
	if err != nil {
		return nil, err
	}
	return raw.resolve(), nil
}

// capReader fails with ErrTooLarge once more than left bytes are read.
type capReader struct {
	r    io.Reader
	left int64
}

// Read reads at most the bytes left, then fails with ErrTooLarge if the
// input goes on.
func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// Probe for one more byte to tell the end of input from excess.
		var one [1]byte
		n, err := c.r.Read(one[:])
		if n > 0 {
			return 0, ErrTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// GPML elements as read.

type gpmlPoint struct {
	x, y       float64 // NaN when absent or malformed
	relX, relY float64
	ref        string
	head       string
}

type gpmlBox struct{ x0, y0, x1, y1 float64 }

func (b gpmlBox) valid() bool {
	return !math.IsNaN(b.x0+b.y0+b.x1+b.y1) && !math.IsInf(b.x0+b.y0+b.x1+b.y1, 0) && b.x1 >= b.x0 && b.y1 >= b.y0
}

// dist returns the distance from (x, y) to the box, 0 inside.
func (b gpmlBox) dist(x, y float64) float64 {
	dx := max(b.x0-x, 0, x-b.x1)
	dy := max(b.y0-y, 0, y-b.y1)
	return math.Hypot(dx, dy)
}

type gpmlNode struct {
	graphID, label, typ, groupRef string
	db, xid                       string
	box                           gpmlBox
	pos                           Pos
}

type gpmlText struct { // a Label or a Shape
	graphID, label, elem string
	box                  gpmlBox
}

type gpmlGroup struct {
	groupID, graphID, style, label, groupRef string
	pos                                      Pos
}

type gpmlInteraction struct {
	graphID   string
	connector string
	points    []gpmlPoint
	anchors   []string
	pos       Pos
}

type gpmlRaw struct {
	file, id, revision, title string
	nodes                     []gpmlNode
	texts                     []gpmlText
	groups                    []gpmlGroup
	states                    map[string]string // State GraphId → DataNode GraphId
	inters                    []gpmlInteraction
	problems                  []*ParseError
}

var wpID = regexp.MustCompile(`^(WP\d+)(?:_r(\d+))?`)

func parseGPML(r io.Reader, file string) (*gpmlRaw, error) {
	d := xml.NewDecoder(r)
	raw := &gpmlRaw{file: file, states: make(map[string]string)}
	var (
		stack []string
		root  bool
		node  *gpmlNode
		text  *gpmlText
		inter *gpmlInteraction
	)
	pos := func(line, col int) Pos { return Pos{file, line, col} }
	for {
		line, col := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return nil, errAt(pos(line, col), fmt.Errorf("%w: more than %d bytes", ErrTooLarge, MaxGPMLBytes))
			}
			l, c := d.InputPos()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				l, c = se.Line, 0
			}
			return nil, errAt(pos(l, c), fmt.Errorf("%w: %v", ErrSyntax, err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			stack = append(stack, name)
			attr := func(key string) string {
				for _, a := range t.Attr {
					if a.Name.Local == key && a.Name.Space == "" {
						return a.Value
					}
				}
				return ""
			}
			if len(stack) == 1 {
				if name != "Pathway" {
					return nil, errAt(pos(line, col), fmt.Errorf("%w: root element <%s>", ErrNotGPML, name))
				}
				if strings.Contains(t.Name.Space, "GPML/2021") {
					return nil, errAt(pos(line, col), fmt.Errorf("%w: GPML 2021 (%s) is not supported; save as GPML 2013a", ErrNotGPML, t.Name.Space))
				}
				root = true
				raw.title = collapse(attr("Name"))
				if m := wpID.FindStringSubmatch(attr("Version")); m != nil {
					raw.id, raw.revision = m[1], m[2]
				}
				continue
			}
			switch {
			case name == "DataNode" && len(stack) == 2:
				raw.nodes = append(raw.nodes, gpmlNode{graphID: attr("GraphId"), label: collapse(attr("TextLabel")),
					typ: attr("Type"), groupRef: attr("GroupRef"), box: gpmlBox{math.NaN(), 0, 0, 0}, pos: pos(line, col)})
				node = &raw.nodes[len(raw.nodes)-1]
			case (name == "Label" || name == "Shape") && len(stack) == 2:
				raw.texts = append(raw.texts, gpmlText{graphID: attr("GraphId"), label: collapse(attr("TextLabel")), elem: name,
					box: gpmlBox{math.NaN(), 0, 0, 0}})
				text = &raw.texts[len(raw.texts)-1]
			case name == "State" && len(stack) == 2:
				if id := attr("GraphId"); id != "" {
					raw.states[id] = attr("GraphRef")
				}
			case name == "Group" && len(stack) == 2:
				raw.groups = append(raw.groups, gpmlGroup{groupID: attr("GroupId"), graphID: attr("GraphId"), style: attr("Style"),
					label: collapse(attr("TextLabel")), groupRef: attr("GroupRef"), pos: pos(line, col)})
			case name == "Interaction" && len(stack) == 2:
				raw.inters = append(raw.inters, gpmlInteraction{graphID: attr("GraphId"), pos: pos(line, col)})
				inter = &raw.inters[len(raw.inters)-1]
			case name == "Graphics" && parent == "DataNode" && node != nil:
				node.box = raw.box(t, pos(line, col))
			case name == "Graphics" && (parent == "Label" || parent == "Shape") && text != nil:
				text.box = raw.box(t, pos(line, col))
			case name == "Xref" && parent == "DataNode" && node != nil:
				node.db, node.xid = strings.TrimSpace(attr("Database")), strings.TrimSpace(attr("ID"))
			case name == "Graphics" && parent == "Interaction" && inter != nil:
				inter.connector = attr("ConnectorType")
			case name == "Point" && parent == "Graphics" && inter != nil:
				p := gpmlPoint{x: raw.float(attr("X"), "X", pos(line, col)), y: raw.float(attr("Y"), "Y", pos(line, col)),
					ref: attr("GraphRef"), head: attr("ArrowHead")}
				p.relX, _ = strconv.ParseFloat(attr("RelX"), 64)
				p.relY, _ = strconv.ParseFloat(attr("RelY"), 64)
				inter.points = append(inter.points, p)
			case name == "Anchor" && parent == "Graphics" && inter != nil:
				if id := attr("GraphId"); id != "" {
					inter.anchors = append(inter.anchors, id)
				}
			}
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 1 {
				node, text, inter = nil, nil, nil
			}
		}
	}
	if !root {
		return nil, errAt(Pos{File: file, Line: 1, Column: 1}, fmt.Errorf("%w: no Pathway element", ErrNotGPML))
	}
	if raw.id == "" {
		base := filepath.Base(file)
		if m := wpID.FindStringSubmatch(base); m != nil {
			raw.id = m[1]
		} else {
			raw.id = localPrefix(strings.TrimSuffix(base, filepath.Ext(base)))
		}
	}
	return raw, nil
}

// localPrefix turns s into a CURIE prefix: letters, digits, dots and
// underscores; "GPML" when nothing is left.
func localPrefix(s string) string {
	s = strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' {
			return r
		}
		return '_'
	}, s)
	if strings.Trim(s, "_.") == "" {
		return "GPML"
	}
	return s
}

func (raw *gpmlRaw) float(s, what string, p Pos) float64 {
	if s == "" {
		return math.NaN()
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		raw.problems = append(raw.problems, errAt(p, fmt.Errorf("%w: %s=%q is not a number", ErrWrongType, what, s)))
		return math.NaN()
	}
	return f
}

func (raw *gpmlRaw) box(t xml.StartElement, p Pos) gpmlBox {
	get := func(key string) float64 {
		for _, a := range t.Attr {
			if a.Name.Local == key {
				return raw.float(a.Value, key, p)
			}
		}
		return math.NaN()
	}
	cx, cy, w, h := get("CenterX"), get("CenterY"), get("Width"), get("Height")
	return gpmlBox{cx - w/2, cy - h/2, cx + w/2, cy + h/2}
}

// Resolution.

type refKind uint8

const (
	refNone  refKind = iota
	refNode          // a DataNode
	refGroup         // a Group
	refText          // a Label or Shape with text
	refLine          // an interaction, through its anchor or its line
)

// gpmlEnd is what an interaction end is attached to.
type gpmlEnd struct {
	kind    refKind
	idx     int
	byPos   bool // placed by position, not by GraphRef
	x, y    float64
	problem string // why it is not attached, for refNone
}

// gpmlEntity is a node a statement names.
type gpmlEntity struct {
	name, label string
}

type gpmlResolver struct {
	raw      *gpmlRaw
	p        *Pathway
	byID     map[string]gpmlEnd // GraphId → what it names
	ends     [][2]gpmlEnd       // per interaction: first and last point
	wire     []bool             // per interaction: a plain line
	fwd      []bool             // per interaction: the last point is the target (for anchors)
	parent   []int              // union-find over wires
	groupIDs []string           // group index → node ID
	groupLbl []string           // group index → display label
	interIDs []string           // interaction index → unique name
	routes   [][][2]float64     // per interaction: the drawn polyline
	conns    map[int][]gpmlEntity
}

func gpmlHead(h string) string {
	if h == "Line" {
		return ""
	}
	return h
}

func (raw *gpmlRaw) resolve() *Pathway {
	p := &Pathway{ID: raw.id, Revision: raw.revision, Title: raw.title, File: raw.file,
		Members: make(map[string][]string), Xrefs: make(map[string][]string), Problems: raw.problems,
		groupPos: make(map[string]Pos)}
	g := &gpmlResolver{raw: raw, p: p, byID: make(map[string]gpmlEnd)}
	g.nameInteractions()
	for i, n := range raw.nodes {
		g.register(n.graphID, gpmlEnd{kind: refNode, idx: i})
	}
	for i, t := range raw.texts {
		g.register(t.graphID, gpmlEnd{kind: refText, idx: i})
	}
	for i, gr := range raw.groups {
		g.register(gr.graphID, gpmlEnd{kind: refGroup, idx: i})
		if gr.groupID != gr.graphID {
			g.register(gr.groupID, gpmlEnd{kind: refGroup, idx: i})
		}
	}
	for i, in := range raw.inters {
		g.register(in.graphID, gpmlEnd{kind: refLine, idx: i})
		for _, a := range in.anchors {
			g.register(a, gpmlEnd{kind: refLine, idx: i})
		}
	}
	for s, n := range raw.states {
		if e, ok := g.byID[n]; ok && e.kind == refNode {
			g.register(s, e)
		}
	}
	g.groups()
	g.xrefs()

	n := len(raw.inters)
	p.Interactions = n
	g.ends = make([][2]gpmlEnd, n)
	g.wire = make([]bool, n)
	g.fwd = make([]bool, n)
	g.parent = make([]int, n)
	g.routes = make([][][2]float64, n)
	g.conns = make(map[int][]gpmlEntity)
	for i, in := range raw.inters {
		g.parent[i] = i
		g.routes[i] = g.route(i)
		if len(in.points) < 2 {
			continue
		}
		h0, h1 := gpmlHead(in.points[0].head), gpmlHead(in.points[len(in.points)-1].head)
		g.wire[i] = h0 == "" && h1 == ""
		g.fwd[i] = h1 != "" || h0 == ""
	}
	for i, in := range raw.inters {
		if len(in.points) < 2 {
			bad := gpmlEnd{problem: fmt.Sprintf("interaction %s has %d points", g.interID(i), len(in.points)), x: math.NaN(), y: math.NaN()}
			g.ends[i] = [2]gpmlEnd{bad, bad}
			continue
		}
		g.ends[i] = [2]gpmlEnd{g.attach(i, in.points[0]), g.attach(i, in.points[len(in.points)-1])}
	}
	// Plain lines touching plain lines form connectors.
	for i := range raw.inters {
		if !g.wire[i] {
			continue
		}
		for _, e := range g.ends[i] {
			if e.kind == refLine && g.wire[e.idx] {
				g.union(i, e.idx)
			}
		}
	}
	for i := range raw.inters {
		g.interaction(i)
	}
	slices.SortStableFunc(p.Statements, func(a, b Statement) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Column, b.Pos.Column),
			cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Object, b.Object), cmp.Compare(a.Relation, b.Relation))
	})
	slices.SortStableFunc(p.Problems, func(a, b *ParseError) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return p
}

func (g *gpmlResolver) register(id string, e gpmlEnd) {
	if id == "" {
		return
	}
	if _, dup := g.byID[id]; !dup {
		g.byID[id] = e
	}
}

func (g *gpmlResolver) find(i int) int {
	for g.parent[i] != i {
		g.parent[i] = g.parent[g.parent[i]]
		i = g.parent[i]
	}
	return i
}

func (g *gpmlResolver) union(a, b int) { g.parent[g.find(a)] = g.find(b) }

// nodeName returns the name statements use for a DataNode.
func nodeName(n gpmlNode) string {
	db, id := strings.ToLower(n.db), n.xid
	local := func(prefix string) string {
		id = strings.TrimSpace(id)
		if i := strings.LastIndexByte(id, ':'); i >= 0 {
			id = id[i+1:]
		}
		if id == "" || strings.ContainsAny(id, " \t") {
			return ""
		}
		return prefix + ":" + id
	}
	var name string
	switch {
	case id == "":
	case strings.HasPrefix(db, "hgnc accession"):
		name = local("HGNC")
	case db == "hgnc":
		name = strings.TrimSpace(id)
	case db == "chebi":
		name = local("CHEBI")
	case db == "drugbank":
		name = local("DRUGBANK")
	}
	if name == "" {
		name = n.label
	}
	if name == "" {
		name = nodeXref(n)
	}
	return name
}

// nodeXref returns the node's Xref as a CURIE for [Pathway.Xrefs], or "".
func nodeXref(n gpmlNode) string {
	id := strings.TrimSpace(n.xid)
	if id == "" || strings.ContainsAny(id, " \t") {
		return ""
	}
	switch strings.ToLower(n.db) {
	case "entrez gene", "ncbi gene", "entrezgene":
		return "NCBIGene:" + id
	case "ensembl":
		return "ENSEMBL:" + id
	case "uniprot-trembl", "uniprot-swissprot", "uniprot":
		return "UniProt:" + id
	}
	return ""
}

func (g *gpmlResolver) xrefs() {
	for _, n := range g.raw.nodes {
		name, x := nodeName(n), nodeXref(n)
		if name == "" || x == "" || name == x {
			continue
		}
		if !slices.Contains(g.p.Xrefs[name], x) {
			g.p.Xrefs[name] = append(g.p.Xrefs[name], x)
			slices.Sort(g.p.Xrefs[name])
		}
	}
}

func isCURIE(name string) bool {
	prefix, _, ok := strings.Cut(name, ":")
	return ok && graph.ValidID(name) && (prefix == "HGNC" || prefix == "CHEBI" || prefix == "DRUGBANK")
}

// groups makes the group nodes.
func (g *gpmlResolver) groups() {
	raw := g.raw
	g.groupIDs = make([]string, len(raw.groups))
	g.groupLbl = make([]string, len(raw.groups))
	byGroupID := make(map[string]int)
	for i, gr := range raw.groups {
		key := gr.graphID
		if key == "" {
			key = gr.groupID
		}
		if key == "" {
			key = strconv.Itoa(i)
		}
		g.groupIDs[i] = raw.id + ":group_" + strings.Map(func(r rune) rune {
			if r <= ' ' || r == 0x7f {
				return '_'
			}
			return r
		}, key)
		if gr.groupID != "" {
			byGroupID[gr.groupID] = i
		}
	}
	members := make([][]string, len(raw.groups))
	labels := make([][]string, len(raw.groups))
	for _, n := range raw.nodes {
		if i, ok := byGroupID[n.groupRef]; ok && n.groupRef != "" {
			if name := nodeName(n); name != "" {
				members[i] = append(members[i], name)
				labels[i] = append(labels[i], cmp.Or(n.label, name))
			}
		}
	}
	for j, gr := range raw.groups {
		if i, ok := byGroupID[gr.groupRef]; ok && gr.groupRef != "" && i != j {
			members[i] = append(members[i], g.groupIDs[j])
			labels[i] = append(labels[i], cmp.Or(gr.label, g.groupIDs[j]))
		}
	}
	for i, gr := range raw.groups {
		ms := slices.Compact(slices.Sorted(slices.Values(members[i])))
		ls := slices.Compact(slices.Sorted(slices.Values(labels[i])))
		n := graph.Node{ID: g.groupIDs[i], Kind: graph.Group, Group: graph.Family}
		if strings.EqualFold(gr.style, "Complex") {
			n.Group = graph.Complex
		}
		n.Symbol = gr.label
		if n.Symbol == "" {
			n.Symbol = strings.Join(ls, "/")
			if len(ls) > 4 {
				n.Symbol = strings.Join(ls[:3], "/") + "/…"
			}
		}
		n.Name = fmt.Sprintf("%s %s of %s", raw.id, strings.ToLower(n.Group.String()), strings.Join(ls, ", "))
		if len(ls) == 0 {
			n.Name = raw.id + " empty group " + cmp.Or(gr.graphID, gr.groupID)
		}
		g.groupLbl[i] = n.Label()
		for _, m := range ms {
			if isCURIE(m) || strings.HasPrefix(m, raw.id+":group_") {
				n.Members = append(n.Members, m)
			}
		}
		if !graph.ValidID(n.ID) {
			g.p.Problems = append(g.p.Problems, errAt(gr.pos, fmt.Errorf("%w: group id %q", graph.ErrBadID, n.ID)))
			continue
		}
		g.p.Nodes = append(g.p.Nodes, n)
		g.p.Members[n.ID] = ms
		g.p.groupPos[n.ID] = gr.pos
	}
	slices.SortFunc(g.p.Nodes, func(a, b graph.Node) int { return strings.Compare(a.ID, b.ID) })
}

// attach finds what an end of interaction i is attached to.
func (g *gpmlResolver) attach(i int, pt gpmlPoint) gpmlEnd {
	if pt.ref != "" {
		e, ok := g.byID[pt.ref]
		switch {
		case !ok:
			return gpmlEnd{problem: fmt.Sprintf("refers to unknown element %q", pt.ref), x: pt.x, y: pt.y}
		case e.kind == refLine && e.idx == i:
			return gpmlEnd{problem: "refers to its own interaction", x: pt.x, y: pt.y}
		case e.kind == refText && g.raw.texts[e.idx].label == "":
			return gpmlEnd{problem: fmt.Sprintf("ends on a %s without text (%s)", strings.ToLower(g.raw.texts[e.idx].elem), pt.ref), x: pt.x, y: pt.y}
		case e.kind == refNode && nodeName(g.raw.nodes[e.idx]) == "":
			return gpmlEnd{problem: fmt.Sprintf("ends on a data node without label or id (%s)", pt.ref), x: pt.x, y: pt.y}
		}
		e.x, e.y = pt.x, pt.y
		return e
	}
	x, y := pt.x, pt.y
	if math.IsNaN(x) || math.IsNaN(y) {
		return gpmlEnd{problem: "free end without coordinates", x: x, y: y}
	}
	// Inside a box: the smallest box holding the point.
	best, bestArea := -1, math.Inf(1)
	for k, n := range g.raw.nodes {
		if n.box.valid() && n.box.dist(x, y) == 0 && nodeName(n) != "" {
			if a := (n.box.x1 - n.box.x0) * (n.box.y1 - n.box.y0); a < bestArea {
				best, bestArea = k, a
			}
		}
	}
	if best >= 0 {
		return gpmlEnd{kind: refNode, idx: best, byPos: true, x: x, y: y}
	}
	// On a line.
	bestD := math.Inf(1)
	for k := range g.raw.inters {
		if k == i {
			continue
		}
		if d := g.lineDist(k, x, y); d <= GPMLTolerance && d < bestD {
			best, bestD = k, d
		}
	}
	if best >= 0 {
		return gpmlEnd{kind: refLine, idx: best, byPos: true, x: x, y: y}
	}
	// Near a box.
	for k, n := range g.raw.nodes {
		if n.box.valid() && nodeName(n) != "" {
			if d := n.box.dist(x, y); d <= GPMLTolerance && d < bestD {
				best, bestD = k, d
			}
		}
	}
	if best >= 0 {
		return gpmlEnd{kind: refNode, idx: best, byPos: true, x: x, y: y}
	}
	return gpmlEnd{problem: fmt.Sprintf("free end at (%s,%s) touches no node or line", coord(x), coord(y)), x: x, y: y}
}

func coord(f float64) string { return strconv.FormatFloat(math.Round(f), 'f', -1, 64) }

// route returns the polyline PathVisio draws for interaction k: the points
// for straight, segmented and curved connectors (a curve stays close to
// its control polygon), and the orthogonal route for elbow connectors.
func (g *gpmlResolver) route(k int) [][2]float64 {
	in := g.raw.inters[k]
	pts := make([][2]float64, 0, len(in.points))
	for _, p := range in.points {
		if math.IsNaN(p.x) || math.IsNaN(p.y) {
			return nil
		}
		pts = append(pts, [2]float64{p.x, p.y})
	}
	if in.connector != "Elbow" || len(pts) < 2 {
		return pts
	}
	// Directions: true for horizontal. A point on a node's left or right
	// side leaves horizontally, on its top or bottom vertically; otherwise
	// the larger displacement decides.
	side := func(p gpmlPoint, dx, dy float64) bool {
		switch {
		case p.ref != "" && math.Abs(math.Abs(p.relX)-1) < 1e-6 && math.Abs(p.relY) < 1-1e-6:
			return true
		case p.ref != "" && math.Abs(math.Abs(p.relY)-1) < 1e-6:
			return false
		}
		return math.Abs(dx) >= math.Abs(dy)
	}
	first, last := pts[0], pts[len(pts)-1]
	mid := pts[1 : len(pts)-1]
	next := last
	if len(mid) > 0 {
		next = mid[0]
	}
	horiz := side(in.points[0], next[0]-first[0], next[1]-first[1])
	out := [][2]float64{first}
	cur := first
	if len(mid) == 0 {
		endHoriz := side(in.points[len(in.points)-1], last[0]-first[0], last[1]-first[1])
		switch {
		case horiz && endHoriz:
			mx := (first[0] + last[0]) / 2
			out = append(out, [2]float64{mx, first[1]}, [2]float64{mx, last[1]})
		case !horiz && !endHoriz:
			my := (first[1] + last[1]) / 2
			out = append(out, [2]float64{first[0], my}, [2]float64{last[0], my})
		case horiz:
			out = append(out, [2]float64{last[0], first[1]})
		default:
			out = append(out, [2]float64{first[0], last[1]})
		}
		return append(out, last)
	}
	// Waypoints are the centres of the inner segments, which alternate in
	// direction.
	for _, w := range mid {
		if horiz {
			cur = [2]float64{w[0], cur[1]}
		} else {
			cur = [2]float64{cur[0], w[1]}
		}
		out = append(out, cur)
		horiz = !horiz
	}
	if horiz {
		out = append(out, [2]float64{last[0], cur[1]})
	} else {
		out = append(out, [2]float64{cur[0], last[1]})
	}
	return append(out, last)
}

func (g *gpmlResolver) lineDist(k int, x, y float64) float64 {
	pts := g.routes[k]
	d := math.Inf(1)
	for j := 1; j < len(pts); j++ {
		d = min(d, segDist(pts[j-1], pts[j], x, y))
	}
	return d
}

func segDist(a, b [2]float64, x, y float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l2 := dx*dx + dy*dy
	t := 0.0
	if l2 > 0 {
		t = max(0, min(1, ((x-a[0])*dx+(y-a[1])*dy)/l2))
	}
	return math.Hypot(x-(a[0]+t*dx), y-(a[1]+t*dy))
}

// entity returns the statement name and the display label of an end
// attached to a node, group or text.
func (g *gpmlResolver) entity(e gpmlEnd) gpmlEntity {
	switch e.kind {
	case refNode:
		n := g.raw.nodes[e.idx]
		name := nodeName(n)
		return gpmlEntity{name, cmp.Or(n.label, name)}
	case refGroup:
		return gpmlEntity{g.groupIDs[e.idx], g.groupLbl[e.idx]}
	case refText:
		t := g.raw.texts[e.idx]
		return gpmlEntity{t.label, t.label}
	}
	return gpmlEntity{}
}

// describe says what an end is attached to, for messages.
func (g *gpmlResolver) describe(e gpmlEnd) string {
	switch e.kind {
	case refNode, refGroup, refText:
		return g.entity(e).label
	case refLine:
		return "interaction " + g.interID(e.idx)
	}
	if !math.IsNaN(e.x) && !math.IsNaN(e.y) {
		return fmt.Sprintf("free end at (%s,%s)", coord(e.x), coord(e.y))
	}
	return "unattached end"
}

// interID names interaction k: its GraphId, or, when it has none or
// shares it with an earlier element, the GraphId (if any) and
// "@line:column".
func (g *gpmlResolver) interID(k int) string { return g.interIDs[k] }

func (g *gpmlResolver) nameInteractions() {
	g.interIDs = make([]string, len(g.raw.inters))
	seen := make(map[string]bool)
	for k, in := range g.raw.inters {
		id := in.graphID
		if id == "" || seen[id] {
			id = fmt.Sprintf("%s@%d:%d", id, in.pos.Line, in.pos.Column)
		}
		for seen[id] {
			id += "'"
		}
		seen[id] = true
		g.interIDs[k] = id
	}
}

// reached is an entity an end leads to, with the note that explains how.
type reached struct {
	gpmlEntity
	note string
}

// side returns the entities end which (0 first, 1 last) of interaction k
// leads to: asTarget says whether the end is a target (an interaction it
// touches is acted on) or a source (an interaction it touches is branched
// from). seen guards against cycles of anchors.
func (g *gpmlResolver) side(k, which int, asTarget bool, seen map[int]bool) ([]reached, string) {
	e := g.ends[k][which]
	switch e.kind {
	case refNode, refGroup, refText:
		return []reached{{gpmlEntity: g.entity(e)}}, ""
	case refNone:
		return nil, e.problem
	}
	x := e.idx
	if seen[x] {
		return nil, "anchors form a cycle through interaction " + g.interID(x)
	}
	seen[x] = true
	defer delete(seen, x)
	if g.wire[x] {
		ents := g.connector(x)
		if len(ents) == 0 {
			return nil, fmt.Sprintf("ends on connector %s, which joins no node", g.connectorIDs(x))
		}
		note := fmt.Sprintf("via connector %s", g.connectorIDs(x))
		out := make([]reached, len(ents))
		for i, en := range ents {
			out[i] = reached{en, note}
		}
		return out, ""
	}
	src, tgt := 0, 1
	if !g.fwd[x] {
		src, tgt = 1, 0
	}
	what := "branches from"
	follow := src
	if asTarget {
		what, follow = "acts on", tgt
	}
	rs, why := g.side(x, follow, asTarget, seen)
	if len(rs) == 0 {
		return nil, fmt.Sprintf("ends on interaction %s, whose %s is not placed: %s", g.interID(x), map[bool]string{true: "target", false: "source"}[asTarget], why)
	}
	note := fmt.Sprintf("%s interaction %s (%s→%s)", what, g.interID(x), g.endLabel(x, src), g.endLabel(x, tgt))
	for i := range rs {
		rs[i].note = joinNotes(note, rs[i].note)
	}
	return rs, ""
}

// endLabel is a short label for end which of interaction k.
func (g *gpmlResolver) endLabel(k, which int) string {
	e := g.ends[k][which]
	switch e.kind {
	case refNode, refGroup, refText:
		return g.entity(e).label
	case refLine:
		if g.wire[e.idx] {
			return "connector " + g.connectorIDs(e.idx)
		}
		return "interaction " + g.interID(e.idx)
	}
	return "?"
}

// connector returns the entities at the ends of the plain lines connected
// to plain line x, sorted by name.
func (g *gpmlResolver) connector(x int) []gpmlEntity {
	root := g.find(x)
	if out, ok := g.conns[root]; ok {
		return out
	}
	out := []gpmlEntity{}
	for k := range g.raw.inters {
		if !g.wire[k] || g.find(k) != root {
			continue
		}
		for _, e := range g.ends[k] {
			if e.kind == refNode || e.kind == refGroup || e.kind == refText {
				en := g.entity(e)
				if !slices.Contains(out, en) {
					out = append(out, en)
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b gpmlEntity) int { return cmp.Compare(a.name, b.name) })
	g.conns[root] = out
	return out
}

func (g *gpmlResolver) connectorIDs(x int) string {
	root := g.find(x)
	var ids []string
	for k := range g.raw.inters {
		if g.wire[k] && g.find(k) == root {
			ids = append(ids, g.interID(k))
		}
	}
	slices.Sort(ids)
	if len(ids) > 3 {
		return strings.Join(ids[:3], ",") + fmt.Sprintf(",… (%d lines)", len(ids))
	}
	return strings.Join(ids, ",")
}

func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// interaction turns interaction k into statements, or records it in
// Other or Unplaced.
func (g *gpmlResolver) interaction(k int) {
	in := g.raw.inters[k]
	rec := Interaction{ID: g.interID(k), Pos: in.pos}
	if len(in.points) < 2 {
		rec.Reason = fmt.Sprintf("%d points", len(in.points))
		rec.Source, rec.Target = "?", "?"
		g.p.Unplaced = append(g.p.Unplaced, rec)
		g.p.Problems = append(g.p.Problems, errAt(in.pos, fmt.Errorf("%w: interaction %s has %d points, want at least 2", ErrUnplaced, rec.ID, len(in.points))))
		return
	}
	h0, h1 := gpmlHead(in.points[0].head), gpmlHead(in.points[len(in.points)-1].head)
	rec.Type = h1
	if h0 != "" && h0 != h1 {
		rec.Type = strings.TrimPrefix(h0+"/"+h1, "/")
		if h1 == "" {
			rec.Type = h0
		}
	}
	rec.Source, rec.Target = g.describe(g.ends[k][0]), g.describe(g.ends[k][1])
	r1, ok1 := gpmlRelations[h1]
	r0, ok0 := gpmlRelations[h0]
	if !ok0 && !ok1 {
		g.p.Other = append(g.p.Other, rec)
		return
	}
	var reasons []string
	placed := false
	for _, dir := range []struct {
		ok       bool
		rel      graph.Relation
		src, tgt int
		head     string
	}{{ok1, r1, 0, 1, h1}, {ok0, r0, 1, 0, h0}} {
		if !dir.ok {
			continue
		}
		srcs, why := g.side(k, dir.src, false, map[int]bool{k: true})
		if len(srcs) == 0 {
			reasons = append(reasons, "source "+why)
			continue
		}
		tgts, why := g.side(k, dir.tgt, true, map[int]bool{k: true})
		if len(tgts) == 0 {
			reasons = append(reasons, "target "+why)
			continue
		}
		for _, s := range srcs {
			for _, t := range tgts {
				g.statement(k, dir.rel, dir.head, s, t)
				placed = true
			}
		}
	}
	if !placed {
		rec.Reason = strings.Join(reasons, "; ")
		g.p.Unplaced = append(g.p.Unplaced, rec)
		g.p.Problems = append(g.p.Problems, errAt(in.pos, fmt.Errorf("%w: interaction %s (%s, %s → %s): %s",
			ErrUnplaced, rec.ID, rec.Type, rec.Source, rec.Target, rec.Reason)))
	}
}

func (g *gpmlResolver) statement(k int, rel graph.Relation, head string, s, t reached) {
	in := g.raw.inters[k]
	note := joinNotes(s.note, t.note)
	for which, e := range g.ends[k] {
		if e.byPos {
			note = joinNotes(note, fmt.Sprintf("%s placed by position at (%s,%s)", []string{"start", "end"}[which], coord(e.x), coord(e.y)))
		}
	}
	section := ""
	if g.p.Revision != "" {
		section = "r" + g.p.Revision
	}
	g.p.Statements = append(g.p.Statements, Statement{
		Doc: g.p.ID, Section: section, Subject: s.name, Object: t.name, Relation: rel,
		Quote:  fmt.Sprintf("%s %s %s (%s)", s.label, rel.Arrow(), t.label, head),
		Method: graph.Imported, Rule: "gpml:interaction:" + g.interID(k), Confidence: 1,
		Note: note, Pos: in.pos,
	})
}

// Corpus returns the pathway as a [Corpus] for [Build] with the resolver
// r: the statements, and the group nodes with every member r resolves to
// exactly one entity (members r does not know, or finds ambiguous, are
// left out and returned as problems at the Group element's position). A
// name r finds ambiguous (a data node's label such as "TRAP") is settled
// by the data node's cross-reference when exactly one candidate carries it
// (NCBIGene:54 picks ACP5): the statement then names the candidate's ID.
// The pathway is not modified.
func (p *Pathway) Corpus(r *resolve.Resolver) (Corpus, []*ParseError) {
	cache := make(map[string]string)
	settle := func(name string) (string, resolve.Result) {
		res := r.Resolve(name)
		if res.Status == resolve.Ambiguous {
			if id, ok := cache[name]; ok {
				return id, res
			}
			var match []graph.Node
			for _, c := range res.Candidates {
				for _, x := range p.Xrefs[name] {
					if slices.Contains(c.Xrefs, x) {
						match = append(match, c)
						break
					}
				}
			}
			id := ""
			if len(match) == 1 {
				id = match[0].ID
			}
			cache[name] = id
			return id, res
		}
		if n, ok := res.Node(); ok {
			return n.ID, res
		}
		return "", res
	}
	var c Corpus
	var problems []*ParseError
	c.Statements = slices.Clone(p.Statements)
	for i := range c.Statements {
		s := &c.Statements[i]
		for _, name := range []*string{&s.Subject, &s.Object} {
			if _, ok := p.Xrefs[*name]; !ok {
				continue
			}
			if id, res := settle(*name); id != "" && res.Status == resolve.Ambiguous {
				s.Note = joinNotes(s.Note, fmt.Sprintf("%q read as %s by its cross-reference", *name, id))
				*name = id
			}
		}
	}
	for _, n := range p.Nodes {
		n.Members = nil
		for _, m := range p.Members[n.ID] {
			if strings.HasPrefix(m, p.ID+":group_") {
				n.Members = append(n.Members, m)
				continue
			}
			id, res := settle(m)
			if id == "" {
				problems = append(problems, errAt(p.groupPos[n.ID], fmt.Errorf("%w: group %s: member %q is %v: %s",
					graph.ErrNoNode, n.ID, m, res.Status, res.Reason)))
				continue
			}
			n.Members = append(n.Members, id)
		}
		slices.Sort(n.Members)
		n.Members = slices.Compact(n.Members)
		c.Nodes = append(c.Nodes, n)
	}
	return c, problems
}
