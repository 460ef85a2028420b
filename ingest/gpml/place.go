package gpml

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/source"
)

// Resolution.

type refKind uint8

const (
	refNone  refKind = iota
	refNode          // a DataNode
	refGroup         // a Group
	refText          // a Label or Shape with text
	refLine          // an interaction, through its anchor or its line
)

// endRef is what an interaction end is attached to.
type endRef struct {
	kind    refKind
	idx     int
	byPos   bool // placed by position, not by GraphRef
	x, y    float64
	problem string // why it is not attached, for refNone
}

// entityRef is a node a statement names.
type entityRef struct {
	name, label string
}

type placer struct {
	raw      *rawPathway
	p        *Pathway
	byID     map[string]endRef // GraphId → what it names
	ends     [][2]endRef       // per interaction: first and last point
	wire     []bool            // per interaction: a plain line
	fwd      []bool            // per interaction: the last point is the target (for anchors)
	parent   []int             // union-find over wires
	groupIDs []string          // group index → node ID
	groupLbl []string          // group index → display label
	interIDs []string          // interaction index → unique name
	routes   [][][2]float64    // per interaction: the drawn polyline
	conns    map[int][]entityRef
}

func headOf(h string) string {
	if h == "Line" {
		return ""
	}
	return h
}

func (raw *rawPathway) resolve() *Pathway {
	p := &Pathway{ID: raw.id, Revision: raw.revision, Title: raw.title, File: raw.file,
		Members: make(map[string][]string), Xrefs: make(map[string][]string), Problems: raw.problems,
		groupPos: make(map[string]source.Pos), metabolites: make(map[string]bool)}
	g := &placer{raw: raw, p: p, byID: make(map[string]endRef)}
	g.nameInteractions()
	for i, n := range raw.nodes {
		g.register(n.graphID, endRef{kind: refNode, idx: i})
	}
	for i, t := range raw.texts {
		g.register(t.graphID, endRef{kind: refText, idx: i})
	}
	for i, gr := range raw.groups {
		g.register(gr.graphID, endRef{kind: refGroup, idx: i})
		if gr.groupID != gr.graphID {
			g.register(gr.groupID, endRef{kind: refGroup, idx: i})
		}
	}
	for i, in := range raw.inters {
		g.register(in.graphID, endRef{kind: refLine, idx: i})
		for _, a := range in.anchors {
			g.register(a, endRef{kind: refLine, idx: i})
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
	g.ends = make([][2]endRef, n)
	g.wire = make([]bool, n)
	g.fwd = make([]bool, n)
	g.parent = make([]int, n)
	g.routes = make([][][2]float64, n)
	g.conns = make(map[int][]entityRef)
	for i, in := range raw.inters {
		g.parent[i] = i
		g.routes[i] = g.route(i)
		if len(in.points) < 2 {
			continue
		}
		h0, h1 := headOf(in.points[0].head), headOf(in.points[len(in.points)-1].head)
		g.wire[i] = h0 == "" && h1 == ""
		g.fwd[i] = h1 != "" || h0 == ""
	}
	for i, in := range raw.inters {
		if len(in.points) < 2 {
			bad := endRef{problem: fmt.Sprintf("interaction %s has %d points", g.interID(i), len(in.points)), x: math.NaN(), y: math.NaN()}
			g.ends[i] = [2]endRef{bad, bad}
			continue
		}
		g.ends[i] = [2]endRef{g.attach(i, in.points[0]), g.attach(i, in.points[len(in.points)-1])}
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
	slices.SortStableFunc(p.Statements, func(a, b source.Statement) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Column, b.Pos.Column),
			cmp.Compare(a.Subject, b.Subject), cmp.Compare(a.Object, b.Object), cmp.Compare(a.Relation, b.Relation))
	})
	slices.SortStableFunc(p.Problems, func(a, b *source.ParseError) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return p
}

func (g *placer) register(id string, e endRef) {
	if id == "" {
		return
	}
	if _, dup := g.byID[id]; !dup {
		g.byID[id] = e
	}
}

func (g *placer) find(i int) int {
	for g.parent[i] != i {
		g.parent[i] = g.parent[g.parent[i]]
		i = g.parent[i]
	}
	return i
}

func (g *placer) union(a, b int) { g.parent[g.find(a)] = g.find(b) }

// nodeName returns the name statements use for a DataNode.
func nodeName(n dataNode) string {
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
func nodeXref(n dataNode) string {
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

func (g *placer) xrefs() {
	for _, n := range g.raw.nodes {
		name, x := nodeName(n), nodeXref(n)
		if n.typ == "Metabolite" && name != "" && !isCURIE(name) {
			g.p.metabolites[name] = true
		}
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
func (g *placer) groups() {
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
			g.p.Problems = append(g.p.Problems, source.ErrorAt(gr.pos, fmt.Errorf("%w: group id %q", graph.ErrBadID, n.ID)))
			continue
		}
		g.p.Nodes = append(g.p.Nodes, n)
		g.p.Members[n.ID] = ms
		g.p.groupPos[n.ID] = gr.pos
	}
	slices.SortFunc(g.p.Nodes, func(a, b graph.Node) int { return strings.Compare(a.ID, b.ID) })
}

// attach finds what an end of interaction i is attached to.
func (g *placer) attach(i int, pt linePoint) endRef {
	if pt.ref != "" {
		e, ok := g.byID[pt.ref]
		switch {
		case !ok:
			return endRef{problem: fmt.Sprintf("refers to unknown element %q", pt.ref), x: pt.x, y: pt.y}
		case e.kind == refLine && e.idx == i:
			return endRef{problem: "refers to its own interaction", x: pt.x, y: pt.y}
		case e.kind == refText && g.raw.texts[e.idx].label == "":
			return endRef{problem: fmt.Sprintf("ends on a %s without text (%s)", strings.ToLower(g.raw.texts[e.idx].elem), pt.ref), x: pt.x, y: pt.y}
		case e.kind == refNode && nodeName(g.raw.nodes[e.idx]) == "":
			return endRef{problem: fmt.Sprintf("ends on a data node without label or id (%s)", pt.ref), x: pt.x, y: pt.y}
		}
		e.x, e.y = pt.x, pt.y
		return e
	}
	x, y := pt.x, pt.y
	if math.IsNaN(x) || math.IsNaN(y) {
		return endRef{problem: "free end without coordinates", x: x, y: y}
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
		return endRef{kind: refNode, idx: best, byPos: true, x: x, y: y}
	}
	// On a line.
	bestD := math.Inf(1)
	for k := range g.raw.inters {
		if k == i {
			continue
		}
		if d := g.lineDist(k, x, y); d <= Tolerance && d < bestD {
			best, bestD = k, d
		}
	}
	if best >= 0 {
		return endRef{kind: refLine, idx: best, byPos: true, x: x, y: y}
	}
	// Near a box.
	for k, n := range g.raw.nodes {
		if n.box.valid() && nodeName(n) != "" {
			if d := n.box.dist(x, y); d <= Tolerance && d < bestD {
				best, bestD = k, d
			}
		}
	}
	if best >= 0 {
		return endRef{kind: refNode, idx: best, byPos: true, x: x, y: y}
	}
	return endRef{problem: fmt.Sprintf("free end at (%s,%s) touches no node or line", coord(x), coord(y)), x: x, y: y}
}

func coord(f float64) string { return strconv.FormatFloat(math.Round(f), 'f', -1, 64) }

// route returns the polyline PathVisio draws for interaction k: the points
// for straight, segmented and curved connectors (a curve stays close to
// its control polygon), and the orthogonal route for elbow connectors.
func (g *placer) route(k int) [][2]float64 {
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
	side := func(p linePoint, dx, dy float64) bool {
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

func (g *placer) lineDist(k int, x, y float64) float64 {
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
func (g *placer) entity(e endRef) entityRef {
	switch e.kind {
	case refNode:
		n := g.raw.nodes[e.idx]
		name := nodeName(n)
		return entityRef{name, cmp.Or(n.label, name)}
	case refGroup:
		return entityRef{g.groupIDs[e.idx], g.groupLbl[e.idx]}
	case refText:
		t := g.raw.texts[e.idx]
		return entityRef{t.label, t.label}
	}
	return entityRef{}
}

// describe says what an end is attached to, for messages.
func (g *placer) describe(e endRef) string {
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
func (g *placer) interID(k int) string { return g.interIDs[k] }

func (g *placer) nameInteractions() {
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
