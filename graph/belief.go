package graph

import (
	"fmt"
	"slices"
	"sync"
)

// Prior is how far a piece of evidence of each method is believed before
// its own confidence counts: a person's reading of a document, a curated
// pathway database, and the reader, whose confidence already is its
// rule's measured precision.
var priors = [...]float64{
	Curated:   0.95,
	Imported:  0.9,
	Extracted: 1,
}

// Prior returns the prior belief of evidence of method m: 0.95 for
// curated, 0.9 for imported, 1 for extracted (whose confidence is the
// reader rule's measured precision already), 0 for an invalid method.
func Prior(m Method) float64 {
	if int(m) < len(priors) {
		return priors[m]
	}
	return 0
}

// Belief returns how far the edge is believed from its evidence: each
// document counts once, with its strongest piece of evidence
// (Prior(method) × confidence), and the documents combine as independent
// witnesses, 1 − Π(1 − p). A claim repeated by many sentences of one
// document is one witness; two documents make it stronger than either.
func (e *Edge) Belief() float64 {
	type doc struct {
		id string
		p  float64
	}
	var best []doc
	for _, ev := range e.Evidence {
		p := Prior(ev.Method) * max(0, min(1, ev.Confidence))
		i := slices.IndexFunc(best, func(d doc) bool { return d.id == ev.Doc })
		if i < 0 {
			best = append(best, doc{ev.Doc, p})
		} else if p > best[i].p {
			best[i].p = p
		}
	}
	miss := 1.0
	for _, d := range best {
		miss *= 1 - d.p
	}
	return 1 - miss
}

// Methods returns the methods of the evidence the path rests on, in
// Method order: what kinds of source an answer depends on.
func (p Path) Methods() []Method {
	var ms []Method
	for _, e := range p.Edges {
		for _, ev := range e.Evidence {
			if !slices.Contains(ms, ev.Method) {
				ms = append(ms, ev.Method)
			}
		}
	}
	slices.Sort(ms)
	return ms
}

// Belief returns the belief of the path: the product of its edges'.
func (p Path) Belief() float64 {
	b := 1.0
	for _, e := range p.Edges {
		b *= e.Belief()
	}
	return b
}

// MinBelief makes a query follow only the edges whose [Edge.Belief] is at
// least b.
func MinBelief(b float64) Option { return func(o *options) { o.minBelief = b } }

// Methods makes a query follow only the evidence of the given methods:
// an edge is followed when some of its evidence has one of them, and its
// belief (for [MinBelief]) counts only that evidence.
func Methods(ms ...Method) Option {
	return func(o *options) {
		o.methods = 0
		for _, m := range ms {
			o.methods |= 1 << m
		}
	}
}

// evidenceFilter is what MinBelief and Methods ask of the edges.
type evidenceFilter struct {
	minBelief float64
	methods   uint8 // bit per Method; 0 means all
}

// filtered returns the graph of the edges and evidence a query with these
// options may follow: g itself when the options filter nothing. Filtered
// graphs are built once per filter and kept.
func (g *Graph) filtered(o *options) (*Graph, error) {
	f := evidenceFilter{o.minBelief, o.methods}
	if f == (evidenceFilter{}) {
		return g, nil
	}
	if v, ok := g.views.Load(f); ok {
		return v.(*Graph), nil
	}
	var b Builder
	for _, n := range g.nodes {
		if err := b.AddNode(n); err != nil {
			return nil, err
		}
	}
	for i := range g.edges {
		e := g.edges[i]
		if f.methods != 0 {
			e.Evidence = slices.DeleteFunc(slices.Clone(e.Evidence), func(ev Evidence) bool { return f.methods&(1<<ev.Method) == 0 })
			if len(e.Evidence) == 0 {
				continue
			}
		}
		if e.Belief() < f.minBelief {
			continue
		}
		for _, ev := range e.Evidence {
			if _, err := b.AddEdge(e.From, e.To, e.Relation, ev); err != nil {
				return nil, fmt.Errorf("graph: filtering: %w", err)
			}
		}
	}
	v, err := b.Build()
	if err != nil {
		return nil, err
	}
	got, _ := g.views.LoadOrStore(f, v)
	return got.(*Graph), nil
}

// views holds the filtered graphs of a Graph, by filter.
type views = sync.Map
