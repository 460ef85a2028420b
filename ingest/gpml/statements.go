package gpml

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

type reached struct {
	entityRef
	note string
}

// side returns the entities end which (0 first, 1 last) of interaction k
// leads to: asTarget says whether the end is a target (an interaction it
// touches is acted on) or a source (an interaction it touches is branched
// from). seen guards against cycles of anchors.
func (g *placer) side(k, which int, asTarget bool, seen map[int]bool) ([]reached, string) {
	e := g.ends[k][which]
	switch e.kind {
	case refNode, refGroup, refText:
		return []reached{{entityRef: g.entity(e)}}, ""
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
func (g *placer) endLabel(k, which int) string {
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
func (g *placer) connector(x int) []entityRef {
	root := g.find(x)
	if out, ok := g.conns[root]; ok {
		return out
	}
	out := []entityRef{}
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
	slices.SortFunc(out, func(a, b entityRef) int { return cmp.Compare(a.name, b.name) })
	g.conns[root] = out
	return out
}

func (g *placer) connectorIDs(x int) string {
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
func (g *placer) interaction(k int) {
	in := g.raw.inters[k]
	rec := Interaction{ID: g.interID(k), Pos: in.pos}
	if len(in.points) < 2 {
		rec.Reason = fmt.Sprintf("%d points", len(in.points))
		rec.Source, rec.Target = "?", "?"
		g.p.Unplaced = append(g.p.Unplaced, rec)
		g.p.Problems = append(g.p.Problems, source.ErrorAt(in.pos, fmt.Errorf("%w: interaction %s has %d points, want at least 2", ErrUnplaced, rec.ID, len(in.points))))
		return
	}
	h0, h1 := headOf(in.points[0].head), headOf(in.points[len(in.points)-1].head)
	rec.Type = h1
	if h0 != "" && h0 != h1 {
		rec.Type = strings.TrimPrefix(h0+"/"+h1, "/")
		if h1 == "" {
			rec.Type = h0
		}
	}
	rec.Source, rec.Target = g.describe(g.ends[k][0]), g.describe(g.ends[k][1])
	r1, ok1 := relations[h1]
	r0, ok0 := relations[h0]
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
		g.p.Problems = append(g.p.Problems, source.ErrorAt(in.pos, fmt.Errorf("%w: interaction %s (%s, %s → %s): %s",
			ErrUnplaced, rec.ID, rec.Type, rec.Source, rec.Target, rec.Reason)))
	}
}

func (g *placer) statement(k int, rel graph.Relation, head string, s, t reached) {
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
	g.p.Statements = append(g.p.Statements, source.Statement{
		Doc: g.p.ID, Section: section, Subject: s.name, Object: t.name, Relation: rel,
		Quote:  fmt.Sprintf("%s %s %s (%s)", s.label, rel.Arrow(), t.label, head),
		Method: graph.Imported, Rule: "gpml:interaction:" + g.interID(k), Confidence: 1,
		Note: note, Pos: in.pos,
	})
}

// Corpus returns the pathway as a [source.Corpus] for building with the resolver
// r: the statements, and the group nodes with every member r resolves to
// exactly one entity (members r does not know, or finds ambiguous, are
// left out and returned as problems at the Group element's position). A
// name r finds ambiguous (a data node's label such as "TRAP") is settled
// by the data node's cross-reference when exactly one candidate carries it
// (NCBIGene:54 picks ACP5): the statement then names the candidate's ID.
// A statement an end of which is a Metabolite data node whose label r
// reads as something other than a chemical or drug ("AA", arachidonic
// acid, reads as the gene TEAD1) is left out and returned as a problem at
// the interaction's position. The pathway is not modified.
func (p *Pathway) Corpus(r *resolve.Resolver) (source.Corpus, []*source.ParseError) {
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
	var c source.Corpus
	var problems []*source.ParseError
	c.Statements = slices.DeleteFunc(slices.Clone(p.Statements), func(s source.Statement) bool {
		// A metabolite's label that reads as a gene ("AA", arachidonic
		// acid, is a previous symbol of TEAD1) would draw a wrong edge.
		for _, name := range []string{s.Subject, s.Object} {
			if !p.metabolites[name] {
				continue
			}
			if n, ok := r.Resolve(name).Node(); ok && n.Kind != graph.Chemical && n.Kind != graph.Drug {
				problems = append(problems, source.ErrorAt(s.Pos, fmt.Errorf("%w: metabolite %q reads as the %v %s (%s); %s %v %s is left out",
					graph.ErrNoNode, name, n.Kind, n.ID, n.Label(), s.Subject, s.Relation, s.Object)))
				return true
			}
		}
		return false
	})
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
				problems = append(problems, source.ErrorAt(p.groupPos[n.ID], fmt.Errorf("%w: group %s: member %q is %v: %s",
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
