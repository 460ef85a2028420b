package gpml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/bonemet/bonemet/source"
)

// GPML elements as read.

type linePoint struct {
	x, y       float64 // NaN when absent or malformed
	relX, relY float64
	ref        string
	head       string
}

type rect struct{ x0, y0, x1, y1 float64 }

func (b rect) valid() bool {
	return !math.IsNaN(b.x0+b.y0+b.x1+b.y1) && !math.IsInf(b.x0+b.y0+b.x1+b.y1, 0) && b.x1 >= b.x0 && b.y1 >= b.y0
}

// dist returns the distance from (x, y) to the box, 0 inside.
func (b rect) dist(x, y float64) float64 {
	dx := max(b.x0-x, 0, x-b.x1)
	dy := max(b.y0-y, 0, y-b.y1)
	return math.Hypot(dx, dy)
}

type dataNode struct {
	graphID, label, typ, groupRef string
	db, xid                       string
	box                           rect
	pos                           source.Pos
}

type textBox struct { // a Label or a Shape
	graphID, label, elem string
	box                  rect
}

type groupElem struct {
	groupID, graphID, style, label, groupRef string
	pos                                      source.Pos
}

type rawInteraction struct {
	graphID   string
	connector string
	points    []linePoint
	anchors   []string
	pos       source.Pos
}

type rawPathway struct {
	file, id, revision, title string
	nodes                     []dataNode
	texts                     []textBox
	groups                    []groupElem
	states                    map[string]string // State GraphId → DataNode GraphId
	inters                    []rawInteraction
	problems                  []*source.ParseError
}

var wpID = regexp.MustCompile(`^(WP\d+)(?:_r(\d+))?`)

func parse(r io.Reader, file string) (*rawPathway, error) {
	d := xml.NewDecoder(r)
	raw := &rawPathway{file: file, states: make(map[string]string)}
	var (
		stack []string
		root  bool
		cur   cursor
	)
	pos := func(line, col int) source.Pos { return source.Pos{File: file, Line: line, Column: col} }
	for {
		line, col := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			e := source.XMLError(file, d, err)
			if !errors.Is(e, source.ErrSyntax) {
				e.Err = fmt.Errorf("%w: %v", source.ErrSyntax, err) // an I/O or encoding error leaves the XML unreadable too
			}
			return nil, e
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			parent := ""
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			stack = append(stack, name)
			attr := func(key string) string { return attrOf(t, key) }
			if len(stack) == 1 {
				if name != "Pathway" {
					return nil, source.ErrorAt(pos(line, col), fmt.Errorf("%w: root element <%s>", ErrNotGPML, name))
				}
				if strings.Contains(t.Name.Space, "GPML/2021") {
					return nil, source.ErrorAt(pos(line, col), fmt.Errorf("%w: GPML 2021 (%s) is not supported; save as GPML 2013a", ErrNotGPML, t.Name.Space))
				}
				root = true
				raw.title = source.Collapse(attr("Name"))
				if m := wpID.FindStringSubmatch(attr("Version")); m != nil {
					raw.id, raw.revision = m[1], m[2]
				}
				continue
			}
			raw.element(t, parent, len(stack), pos(line, col), &cur)
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 1 {
				cur = cursor{}
			}
		}
	}
	if !root {
		return nil, source.ErrorAt(source.Pos{File: file, Line: 1, Column: 1}, fmt.Errorf("%w: no Pathway element", ErrNotGPML))
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

// cursor points at the top-level element being read, whose children
// complete it.
type cursor struct {
	node  *dataNode
	text  *textBox
	inter *rawInteraction
}

// attrOf returns the value of an attribute without namespace, or "".
func attrOf(t xml.StartElement, key string) string {
	for _, a := range t.Attr {
		if a.Name.Local == key && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// element reads the start of an element below the Pathway, at depth
// (2 for the Pathway's children) under parent.
func (raw *rawPathway) element(t xml.StartElement, parent string, depth int, at source.Pos, cur *cursor) {
	name := t.Name.Local
	attr := func(key string) string { return attrOf(t, key) }
	switch {
	case name == "DataNode" && depth == 2:
		raw.nodes = append(raw.nodes, dataNode{graphID: attr("GraphId"), label: source.Collapse(attr("TextLabel")),
			typ: attr("Type"), groupRef: attr("GroupRef"), box: rect{math.NaN(), 0, 0, 0}, pos: at})
		cur.node = &raw.nodes[len(raw.nodes)-1]
	case (name == "Label" || name == "Shape") && depth == 2:
		raw.texts = append(raw.texts, textBox{graphID: attr("GraphId"), label: source.Collapse(attr("TextLabel")), elem: name,
			box: rect{math.NaN(), 0, 0, 0}})
		cur.text = &raw.texts[len(raw.texts)-1]
	case name == "State" && depth == 2:
		if id := attr("GraphId"); id != "" {
			raw.states[id] = attr("GraphRef")
		}
	case name == "Group" && depth == 2:
		raw.groups = append(raw.groups, groupElem{groupID: attr("GroupId"), graphID: attr("GraphId"), style: attr("Style"),
			label: source.Collapse(attr("TextLabel")), groupRef: attr("GroupRef"), pos: at})
	case name == "Interaction" && depth == 2:
		raw.inters = append(raw.inters, rawInteraction{graphID: attr("GraphId"), pos: at})
		cur.inter = &raw.inters[len(raw.inters)-1]
	case name == "Graphics" && parent == "DataNode" && cur.node != nil:
		cur.node.box = raw.box(t, at)
	case name == "Graphics" && (parent == "Label" || parent == "Shape") && cur.text != nil:
		cur.text.box = raw.box(t, at)
	case name == "Xref" && parent == "DataNode" && cur.node != nil:
		cur.node.db, cur.node.xid = strings.TrimSpace(attr("Database")), strings.TrimSpace(attr("ID"))
	case name == "Graphics" && parent == "Interaction" && cur.inter != nil:
		cur.inter.connector = attr("ConnectorType")
	case name == "Point" && parent == "Graphics" && cur.inter != nil:
		p := linePoint{x: raw.float(attr("X"), "X", at), y: raw.float(attr("Y"), "Y", at),
			ref: attr("GraphRef"), head: attr("ArrowHead")}
		p.relX, _ = strconv.ParseFloat(attr("RelX"), 64)
		p.relY, _ = strconv.ParseFloat(attr("RelY"), 64)
		cur.inter.points = append(cur.inter.points, p)
	case name == "Anchor" && parent == "Graphics" && cur.inter != nil:
		if id := attr("GraphId"); id != "" {
			cur.inter.anchors = append(cur.inter.anchors, id)
		}
	}
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

func (raw *rawPathway) float(s, what string, p source.Pos) float64 {
	if s == "" {
		return math.NaN()
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		raw.problems = append(raw.problems, source.ErrorAt(p, fmt.Errorf("%w: %s=%q is not a number", source.ErrWrongType, what, s)))
		return math.NaN()
	}
	return f
}

func (raw *rawPathway) box(t xml.StartElement, p source.Pos) rect {
	get := func(key string) float64 {
		for _, a := range t.Attr {
			if a.Name.Local == key {
				return raw.float(a.Value, key, p)
			}
		}
		return math.NaN()
	}
	cx, cy, w, h := get("CenterX"), get("CenterY"), get("Width"), get("Height")
	return rect{cx - w/2, cy - h/2, cx + w/2, cy + h/2}
}
