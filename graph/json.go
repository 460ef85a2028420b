package graph

import (
	"encoding/json"
	"fmt"
	"math"
)

// The JSON forms below are bonemet's wire format, shared by the command
// line tool and the exporters.

// MarshalText returns the kind's name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText parses a kind's name.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	*k = v
	return err
}

// MarshalText returns the relation's name.
func (r Relation) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText parses a relation's name.
func (r *Relation) UnmarshalText(b []byte) error {
	v, err := ParseRelation(string(b))
	*r = v
	return err
}

// MarshalText returns "+", "-", "±" or "0".
func (s Sign) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText parses "+", "-", "±" or "0".
func (s *Sign) UnmarshalText(b []byte) error {
	switch string(b) {
	case "+":
		*s = Positive
	case "-":
		*s = Negative
	case "±":
		*s = Ambivalent
	case "0":
		*s = NoSign
	default:
		return fmt.Errorf("unknown sign %q", b)
	}
	return nil
}

// MarshalText returns the method's name.
func (m Method) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText parses a method's name.
func (m *Method) UnmarshalText(b []byte) error {
	v, err := ParseMethod(string(b))
	*m = v
	return err
}

type nodeJSON struct {
	ID      string   `json:"id"`
	Kind    Kind     `json:"kind"`
	Symbol  string   `json:"symbol,omitempty"`
	Name    string   `json:"name,omitempty"`
	Group   string   `json:"group,omitempty"`
	Members []string `json:"members,omitempty"`
	Xrefs   []string `json:"xrefs,omitempty"`
}

// MarshalJSON writes {"id", "kind", "symbol", "name"} and, when set,
// "group" (the group type), "members" and "xrefs".
func (n Node) MarshalJSON() ([]byte, error) {
	return json.Marshal(nodeJSON{n.ID, n.Kind, n.Symbol, n.Name, n.Group.String(), n.Members, n.Xrefs})
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (n *Node) UnmarshalJSON(b []byte) error {
	var j nodeJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*n = Node{ID: j.ID, Kind: j.Kind, Symbol: j.Symbol, Name: j.Name, Members: j.Members, Xrefs: j.Xrefs}
	if j.Group != "" {
		t, err := ParseGroupType(j.Group)
		if err != nil {
			return err
		}
		n.Group = t
	}
	return nil
}

type evidenceJSON struct {
	Doc        string  `json:"doc"`
	Section    string  `json:"section,omitempty"`
	Quote      string  `json:"quote"`
	Start      int     `json:"start,omitempty"`
	End        int     `json:"end,omitempty"`
	Method     Method  `json:"method"`
	Rule       string  `json:"rule,omitempty"`
	Confidence float64 `json:"confidence"`
	Note       string  `json:"note,omitempty"`
}

// MarshalJSON writes {"doc", "quote"} and the other fields of the
// evidence, the confidence rounded to three decimals.
func (e Evidence) MarshalJSON() ([]byte, error) {
	e.Confidence = math.Round(e.Confidence*1000) / 1000
	return json.Marshal(evidenceJSON(e))
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (e *Evidence) UnmarshalJSON(b []byte) error {
	var j evidenceJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*e = Evidence(j)
	return nil
}

// EdgeJSON is the JSON form of an edge: {"from", "relation", "to",
// "evidence"}.
type EdgeJSON struct {
	// From is the ID of the source node.
	From string `json:"from"`
	// Relation is the relation's name ("activates", "inhibits", "secretes").
	Relation Relation `json:"relation"`
	// To is the ID of the target node.
	To string `json:"to"`
	// Belief is [Edge.Belief], rounded to three places; it is computed
	// from the evidence and ignored when read.
	Belief float64 `json:"belief"`
	// Evidence is the edge's evidence, in the order of [Edge.Evidence].
	Evidence []Evidence `json:"evidence"`
}

// MarshalJSON writes the edge as an [EdgeJSON].
func (e Edge) MarshalJSON() ([]byte, error) {
	return json.Marshal(EdgeJSON{e.From, e.Relation, e.To, math.Round(e.Belief()*1000) / 1000, e.Evidence})
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (e *Edge) UnmarshalJSON(b []byte) error {
	var j EdgeJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*e = Edge{From: j.From, To: j.To, Relation: j.Relation, Evidence: j.Evidence}
	return nil
}

// PathJSON is the JSON form of a path: its sign and its edges, with the
// groups it enters or leaves through.
type PathJSON struct {
	// Sign is the path's net sign ([Path.Sign]): "+" or "-".
	Sign Sign `json:"sign"`
	// Path is the path's edges in order; [] (never null) when empty.
	Path []*Edge `json:"path"`
	// FromGroup is [Path.FromGroup], the group the path starts at; omitted
	// when none.
	FromGroup string `json:"from_group,omitempty"`
	// ToGroup is [Path.ToGroup], the group the path ends at; omitted when
	// none.
	ToGroup string `json:"to_group,omitempty"`
}

// MarshalJSON writes the path as a [PathJSON].
func (p Path) MarshalJSON() ([]byte, error) {
	edges := p.Edges
	if edges == nil {
		edges = []*Edge{}
	}
	return json.Marshal(PathJSON{p.Sign(), edges, p.FromGroup, p.ToGroup})
}

// ReachJSON is the JSON form of a [Reach]: {"node", "sign", "depth",
// "path"}, with "via" naming the group the path goes through, and
// "opposite" the path of the other sign for an ambivalent node.
type ReachJSON struct {
	// Node is the node reached.
	Node *Node `json:"node"`
	// Sign is the net sign ([Reach.Sign]): "+", "-" or "±".
	Sign Sign `json:"sign"`
	// Depth is the number of edges of the shortest path.
	Depth int `json:"depth"`
	// Belief is the path's belief ([Path.Belief]); RestsOn the methods
	// of its evidence ([Path.Methods]).
	Belief float64 `json:"belief"`
	// RestsOn lists the methods of the path's evidence ([Path.Methods]).
	RestsOn []Method `json:"rests_on"`
	// Path is the edges of [Reach.Path] in order; [] (never null) when empty.
	Path []*Edge `json:"path"`
	// Via is the ID of the group the path starts at (downstream) or ends at
	// (upstream), omitted when the path goes through no group.
	Via string `json:"via,omitempty"`
	// Opposite is the edges of [Reach.Opposite], omitted when there is none.
	Opposite []*Edge `json:"opposite,omitempty"`
}

// MarshalJSON writes the reach as a [ReachJSON].
func (r Reach) MarshalJSON() ([]byte, error) {
	path := r.Path()
	j := ReachJSON{Node: r.Node, Sign: r.Sign, Depth: r.Depth, Path: path.Edges, Opposite: r.Opposite().Edges,
		Belief: math.Round(path.Belief()*1000) / 1000, RestsOn: path.Methods()}
	j.Via = path.FromGroup + path.ToGroup
	if j.Path == nil {
		j.Path = []*Edge{}
	}
	return json.Marshal(j)
}
