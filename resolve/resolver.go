package resolve

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bonemet/bonemet/graph"
)

// Status is the outcome of a resolution. The zero value is invalid.
type Status uint8

// Statuses.
const (
	StatusInvalid Status = iota
	Resolved             // one entity (or, for a list, one entity per part)
	Ambiguous            // several entities match equally well
	Unknown              // nothing matches
)

var statusNames = [...]string{"invalid", "resolved", "ambiguous", "unknown"}

// String returns "resolved", "ambiguous" or "unknown".
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", s)
}

// Result is the answer to a resolution.
type Result struct {
	Query  string
	Status Status
	// Candidates holds, when Resolved, the entity (or, when List is set,
	// one entity per part of the list); when Ambiguous, every candidate,
	// strongest match first. It may share memory with the lexicon and
	// must not be modified.
	Candidates []graph.Node
	// List is set when the name was a slash list ("RANK/RANKL") whose
	// parts resolved to separate entities that form no known group.
	List bool
	// Tier is how the (first) candidate matched.
	Tier Tier
	// Reason says why, in a few words.
	Reason string
}

// Node returns the entity of a Resolved, non-list result.
func (r Result) Node() (graph.Node, bool) {
	if r.Status != Resolved || r.List || len(r.Candidates) != 1 {
		return graph.Node{}, false
	}
	return r.Candidates[0], true
}

// Resolver turns names into entities by looking them up in lexicons, in
// order: an entity found in an earlier lexicon hides the matches of later
// ones for the same name, so a domain lexicon can override a genome-wide
// one. It is immutable and safe for concurrent use.
type Resolver struct {
	lexicons []*Lexicon
}

// New returns a resolver over the lexicons, earliest first.
func New(lexicons ...*Lexicon) *Resolver {
	return &Resolver{lexicons: slices.Clone(lexicons)}
}

// Entry returns the entry with the given CURIE from the first lexicon that
// has it.
func (r *Resolver) Entry(id string) (Entry, bool) {
	for _, l := range r.lexicons {
		if e, ok := l.Entry(id); ok {
			return e, true
		}
	}
	return Entry{}, false
}

type match struct {
	node *graph.Node // in a lexicon: must not be modified
	tier Tier
}

// hits are the postings of a key in the first lexicon that has any, in
// posting order (strongest tier first, then by ID).
type hits struct {
	lex *Lexicon
	ps  []posting
}

func (h hits) len() int               { return len(h.ps) }
func (h hits) node(i int) *graph.Node { return &h.lex.nodes[h.ps[i].entry] }
func (h hits) tier(i int) Tier        { return h.ps[i].tier }

// find returns the postings of the normalised key in the first lexicon that
// has any. The conversion in the map index does not allocate.
func (r *Resolver) find(key []byte) hits {
	for _, l := range r.lexicons {
		if ps := l.postingsOf(key); len(ps) > 0 {
			return hits{l, ps}
		}
	}
	return hits{}
}

// Resolve looks a name up: a CURIE of a known entity, a symbol, name,
// synonym or previous symbol (after [Normalize]; a plural falls back to its
// singular), or a slash list whose parts resolve ("cIAP1/2" is cIAP1 and
// cIAP2; when the parts are exactly the members of a group, the answer is
// the group). Among several matches the strongest [Tier] wins when it holds
// a single entity; otherwise the result is Ambiguous. A name found in a
// lexicon costs no allocation.
func (r *Resolver) Resolve(name string) Result {
	if len(name) > 0 && (name[0] <= ' ' || name[len(name)-1] <= ' ') {
		name = strings.TrimSpace(name)
	}
	res := Result{Query: name, Status: Unknown}
	if name == "" {
		res.Reason = "empty name"
		return res
	}
	if strings.IndexByte(name, ':') > 0 {
		if e, ok := r.Entry(name); ok {
			res.Status, res.Candidates, res.Tier, res.Reason = Resolved, []graph.Node{e.Node}, TierID, "identifier"
			return res
		}
	}
	if h, how := r.findName(name); h.len() > 0 {
		if p := h.ps[0]; len(h.ps) == 1 {
			// The common case, settled without building a reason.
			res.Status, res.Tier, res.Reason = Resolved, p.tier, p.tier.String()
			if how != "" {
				res.Reason = p.tier.asSingular()
			}
		} else {
			res = settle(res, h.len(), h.tier, h.node, how)
		}
		if res.Status == Resolved {
			i := h.ps[0].entry
			res.Candidates = h.lex.nodes[i : i+1 : i+1] // shared: no allocation
		}
		return res
	}
	if strings.Contains(name, "/") {
		return r.resolveList(res)
	}
	res.Reason = "no entry matches"
	return res
}

func (r *Resolver) lookupName(name string) ([]match, string) {
	h, how := r.findName(name)
	ms := make([]match, h.len())
	for i := range ms {
		ms[i] = match{h.node(i), h.tier(i)}
	}
	return ms, how
}

// findName looks up the key of name, then of its singular. The key is
// built on the stack for names of up to 64 bytes.
func (r *Resolver) findName(name string) (hits, string) {
	var buf [64]byte
	key := appendKey(buf[:0], name)
	if len(key) == 0 {
		return hits{}, ""
	}
	if h := r.find(key); h.len() > 0 {
		return h, ""
	}
	if s := singularKey(key); s != nil {
		if h := r.find(s); h.len() > 0 {
			return h, singularNote
		}
	}
	return hits{}, ""
}

// decide settles matches, giving a Resolved result its own copy of the
// node.
func decide(res Result, ms []match, how string) Result {
	res = settle(res, len(ms), func(i int) Tier { return ms[i].tier }, func(i int) *graph.Node { return ms[i].node }, how)
	if res.Status == Resolved {
		res.Candidates = []graph.Node{*ms[0].node}
	}
	return res
}

// settle decides among n matches, strongest first: the strongest tier
// wins when it holds a single entity (the caller sets the candidate);
// otherwise the result is ambiguous.
func settle(res Result, n int, tier func(int) Tier, node func(int) *graph.Node, how string) Result {
	best := 1
	t0 := tier(0)
	for best < n && tier(best) == t0 {
		best++
	}
	res.Tier = t0
	if best == 1 {
		res.Status = Resolved
		res.Reason = t0.String() + how
		if n > 1 {
			var others []string
			for i := 1; i < n; i++ {
				others = append(others, node(i).Label())
			}
			res.Reason += "; also a weaker match of " + strings.Join(others, ", ")
		}
		return res
	}
	res.Status = Ambiguous
	res.Candidates = make([]graph.Node, n)
	for i := range res.Candidates {
		res.Candidates[i] = *node(i)
	}
	res.Reason = fmt.Sprintf("%d entities share this %s%s", best, t0, how)
	return res
}

// resolveList resolves "A/B/C" and the suffix shorthand "cIAP1/2".
func (r *Resolver) resolveList(res Result) Result {
	parts := expandSlash(res.Query)
	if len(parts) < 2 {
		res.Reason = "no entry matches"
		return res
	}
	var options [][]match
	for _, p := range parts {
		ms, _ := r.lookupName(p)
		if len(ms) == 0 {
			res.Reason = fmt.Sprintf("list part %q matches no entry", p)
			return res
		}
		options = append(options, ms)
	}
	// A group whose members are exactly one candidate of each part.
	if g, ok := r.groupOf(options); ok {
		res.Status, res.Candidates, res.Tier = Resolved, []graph.Node{g}, TierSynonym
		res.Reason = "slash list of the members of a group: " + strings.Join(parts, ", ")
		return res
	}
	for i, ms := range options {
		sub := decide(Result{Query: parts[i]}, ms, "")
		if sub.Status != Resolved {
			res.Status, res.Candidates = Ambiguous, sub.Candidates
			res.Reason = fmt.Sprintf("list part %q is ambiguous", parts[i])
			return res
		}
		res.Candidates = append(res.Candidates, sub.Candidates[0])
	}
	res.Status, res.List, res.Tier = Resolved, true, TierSynonym
	res.Reason = "slash list: " + strings.Join(parts, ", ")
	return res
}

func (r *Resolver) groupOf(options [][]match) (graph.Node, bool) {
	for _, l := range r.lexicons {
		for _, e := range l.entries {
			n := e.Node
			if n.Kind != graph.Group || len(n.Members) != len(options) {
				continue
			}
			ok := true
			for _, ms := range options {
				found := false
				for _, m := range ms {
					if slices.Contains(n.Members, m.node.ID) {
						found = true
						break
					}
				}
				if !found {
					ok = false
					break
				}
			}
			if ok {
				return n, true
			}
		}
	}
	return graph.Node{}, false
}

// expandSlash splits "p52/RelB" into its parts and expands a numeric
// suffix shorthand: "cIAP1/2" → cIAP1, cIAP2; "IL-1/6" → IL-1, IL-6.
func expandSlash(s string) []string {
	raw := strings.Split(s, "/")
	var parts []string
	for i, p := range raw {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil
		}
		if i > 0 && isDigits(p) {
			prev := parts[0]
			stem := strings.TrimRight(prev, "0123456789")
			if stem != prev && stem != "" {
				p = stem + p
			}
		}
		parts = append(parts, p)
	}
	return parts
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Members returns the member entities of a group entry, in ID order,
// skipping members the resolver does not know.
func (r *Resolver) Members(id string) []graph.Node {
	e, ok := r.Entry(id)
	if !ok {
		return nil
	}
	var out []graph.Node
	for _, m := range e.Node.Members {
		if me, ok := r.Entry(m); ok {
			out = append(out, me.Node)
		}
	}
	return out
}
