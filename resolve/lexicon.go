package resolve

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve/internal/lexdata"
)

// Errors of the lexicon parsers, wrapped in a [*source.ParseError].
var (
	ErrColumns    = errors.New("wrong number of columns")
	ErrDuplicate  = errors.New("duplicate entry")
	ErrEmptyField = errors.New("empty required field")
)

// Tier ranks how a name matched an entry; a lower tier is a stronger match.
type Tier uint8

// Tiers, strongest first.
const (
	TierID        Tier = iota + 1 // the CURIE itself
	TierSymbol                    // the approved symbol
	TierPreferred                 // a synonym the lexicon prefers for this entity
	TierName                      // the full name
	TierSynonym                   // an alias or curated synonym
	TierPrevious                  // a previous (withdrawn) symbol
)

var tierNames = [...]string{"", "id", "symbol", "preferred synonym", "name", "synonym", "previous symbol"}

// asSingular returns the reason for a match of the tier through the
// singular of the name.
func (t Tier) asSingular() string {
	if int(t) < len(tierSingular) {
		return tierSingular[t]
	}
	return t.String() + singularNote
}

// singularNote marks a match made through the singular of a name.
const singularNote = " (as singular)"

// tierWeaker are the reasons of a match of each tier that other, weaker
// matches share: constant, so that resolving allocates nothing.
var tierWeaker = [2][]string{
	func() []string {
		out := make([]string, len(tierNames))
		for i, n := range tierNames {
			out[i] = n + "; other entities match more weakly"
		}
		return out
	}(),
	func() []string {
		out := make([]string, len(tierNames))
		for i, n := range tierNames {
			out[i] = n + singularNote + "; other entities match more weakly"
		}
		return out
	}(),
}

var tierSingular = func() []string {
	out := make([]string, len(tierNames))
	for i, n := range tierNames {
		out[i] = n + singularNote
	}
	return out
}()

// String returns "id", "symbol", "preferred synonym", "name", "synonym" or
// "previous symbol".
func (t Tier) String() string {
	if int(t) < len(tierNames) {
		return tierNames[t]
	}
	return fmt.Sprintf("Tier(%d)", t)
}

// Entry is one entity of a [Lexicon] with the names it is known by.
type Entry struct {
	// Node is the entity as the graph holds it.
	Node      graph.Node
	Synonyms  []string // aliases and curated synonyms
	Preferred []string // synonyms that mean this entity when others share them
	Previous  []string // previous symbols
}

// posting is an entry a key names: how the key matched it, and the rank
// of its source (0 for a hand-made lexicon; in the compiled index, a
// lower rank wins at the same tier, see [Resolver.Resolve]).
type posting struct {
	entry int32
	tier  Tier
	rank  uint8
}

// Lexicon maps names to entities. Build one with [ParseLexicon],
// [LoadHGNC] or [NewLexicon]; [DefaultLexicon] stacks the domain lexicon
// on the compiled index of every HGNC gene, FamPlex family and complex,
// Cell Ontology cell, ChEBI chemical and MeSH chemical. A lexicon is
// immutable and safe for concurrent use.
type Lexicon struct {
	entries  []Entry
	nodes    []graph.Node // entries[i].Node, contiguous: results share them
	byID     map[string]int32
	keys     map[string][]posting // normalised name → postings, strongest tier first, then by ID
	memberOf map[string][]string  // member ID → IDs of the groups listing it
	// filter has the bit h&filterMask set for the hash h of every key, so
	// that most look-ups of names the lexicon lacks skip the map.
	filter []uint64
	// prefixes holds every key and every prefix of one (see
	// [lexdata.PrefixFilter]).
	prefixes *lexdata.PrefixFilter

	xrefOnce sync.Once
	byXref   map[string][]int32 // cross-reference → entries carrying it

	// pk, when set, holds the entries instead of the fields above.
	pk *packed
	// parts, when set, are the lexicons this one stacks, earliest first:
	// a resolver consults them in order, as if each had been passed to
	// [New] (see [Resolver]).
	parts   []*Lexicon
	stkOnce sync.Once
	stkAll  []Entry
}

// NewLexicon indexes the entries. Two entries with the same ID are an
// error.
func NewLexicon(entries []Entry) (*Lexicon, error) {
	l := &Lexicon{entries: entries, byID: make(map[string]int32, len(entries)), keys: make(map[string][]posting, 4*len(entries)),
		memberOf: make(map[string][]string)}
	l.nodes = make([]graph.Node, len(entries))
	byKey := l.keys
	// add records that entry i is known by name, with its strongest tier.
	add := func(i int, name string, t Tier) {
		k := Normalize(name)
		if k == "" {
			return
		}
		ps := byKey[k]
		for j, p := range ps {
			if p.entry == int32(i) {
				ps[j].tier = min(p.tier, t)
				return
			}
		}
		byKey[k] = append(ps, posting{entry: int32(i), tier: t})
	}
	for i, e := range entries {
		l.nodes[i] = e.Node
		for _, m := range e.Node.Members {
			l.memberOf[m] = append(l.memberOf[m], e.Node.ID)
		}
		if _, dup := l.byID[e.Node.ID]; dup {
			return nil, fmt.Errorf("%w: %s", ErrDuplicate, e.Node.ID)
		}
		l.byID[e.Node.ID] = int32(i)
		add(i, e.Node.Symbol, TierSymbol)
		add(i, e.Node.Name, TierName)
		for _, s := range e.Preferred {
			add(i, s, TierPreferred)
		}
		for _, s := range e.Synonyms {
			add(i, s, TierSynonym)
		}
		for _, s := range e.Previous {
			add(i, s, TierPrevious)
		}
	}
	l.filter = make([]uint64, (filterMask+1)/64)
	l.prefixes = lexdata.NewPrefixFilter(len(byKey))
	// Postings are kept strongest tier first, then by ID, so that lookups
	// need not sort.
	for k, ps := range byKey {
		h := lexdata.Hash(k) & filterMask
		l.filter[h/64] |= 1 << (h % 64)
		l.prefixes.Add(k)
		if len(ps) > 1 {
			slices.SortFunc(ps, func(a, b posting) int {
				return cmp.Or(cmp.Compare(a.tier, b.tier), strings.Compare(entries[a.entry].Node.ID, entries[b.entry].Node.ID))
			})
		}
	}
	return l, nil
}

// stack returns a lexicon of the parts, earliest first.
func stack(parts ...*Lexicon) *Lexicon {
	var flat []*Lexicon
	for _, p := range parts {
		flat = append(flat, p.leaves()...)
	}
	return &Lexicon{parts: flat}
}

// leaves returns the lexicons a resolver consults for this one.
func (l *Lexicon) leaves() []*Lexicon {
	if l.parts != nil {
		return l.parts
	}
	return []*Lexicon{l}
}

// filterMask selects the bits of a key's hash that a lexicon's filter
// holds.
const filterMask = 1<<16 - 1

// lookup returns the postings of a normalised key, strongest first: the
// stored slice of a hand-made lexicon, or the postings of a compiled one
// appended to dst. h is [lexdata.HashBytes] of the key. It is for leaves
// only, and the result must not be modified.
func (l *Lexicon) lookup(dst []posting, key []byte, h uint64) []posting {
	if l.pk != nil {
		return l.pk.lookup(dst, key, h)
	}
	if f := h & filterMask; l.filter[f/64]&(1<<(f%64)) == 0 {
		return nil
	}
	return l.keys[string(key)]
}

// has reports whether a leaf knows a normalised key whose
// [lexdata.Hash] is h.
func (l *Lexicon) has(key []byte, h uint64) bool {
	if l.pk != nil {
		return l.pk.x.FindHash(key, h).Len() > 0
	}
	if f := h & filterMask; l.filter[f/64]&(1<<(f%64)) == 0 {
		return false
	}
	return len(l.keys[string(key)]) > 0
}

// mayBegin reports whether a key of a leaf may begin with the normalised
// string whose [lexdata.Hash] is h; false means that none does.
func (l *Lexicon) mayBegin(h uint64) bool {
	if l.pk != nil {
		return l.pk.x.Prefixes().MayBegin(h)
	}
	return l.prefixes.MayBegin(h)
}

// node returns the node of entry i of a leaf; it must not be modified.
func (l *Lexicon) node(i int32) *graph.Node {
	if l.pk != nil {
		return &l.pk.get(i).node[0]
	}
	return &l.nodes[i]
}

// nodeSlice returns the node of entry i of a leaf as a slice of one that
// results can share without allocating.
func (l *Lexicon) nodeSlice(i int32) []graph.Node {
	if l.pk != nil {
		return l.pk.get(i).node[:1:1]
	}
	return l.nodes[i : i+1 : i+1]
}

// entryAt returns entry i of a leaf.
func (l *Lexicon) entryAt(i int32) Entry {
	if l.pk != nil {
		return l.pk.get(i).entry
	}
	return l.entries[i]
}

// indexOf returns the index of the entry with the ID in a leaf, or -1.
func (l *Lexicon) indexOf(id string) int32 {
	if l.pk != nil {
		return l.pk.index(id)
	}
	if i, ok := l.byID[id]; ok {
		return i
	}
	return -1
}

// withXref returns the entries of a leaf that carry a cross-reference.
func (l *Lexicon) withXref(x string) []int32 {
	if l.pk != nil {
		if i := l.pk.xref(x); i >= 0 {
			return []int32{i}
		}
		return nil
	}
	l.xrefOnce.Do(func() {
		l.byXref = make(map[string][]int32)
		for i, e := range l.entries {
			for _, x := range e.Node.Xrefs {
				l.byXref[x] = append(l.byXref[x], int32(i))
			}
		}
	})
	return l.byXref[x]
}

// GroupsOf returns the IDs of the groups of this lexicon that list the
// entity with the given ID as a member (direct membership), in lexicon
// order. The slice is shared and must not be modified.
func (l *Lexicon) GroupsOf(id string) []string {
	switch {
	case l.parts != nil:
		var out []string
		for _, p := range l.parts {
			for _, g := range p.GroupsOf(id) {
				if !slices.Contains(out, g) {
					out = append(out, g)
				}
			}
		}
		return out
	case l.pk != nil:
		return l.pk.groupsOf(id)
	}
	return l.memberOf[id]
}

// Len returns the number of entries.
func (l *Lexicon) Len() int {
	switch {
	case l.parts != nil:
		return len(l.Entries())
	case l.pk != nil:
		return l.pk.x.Len()
	}
	return len(l.entries)
}

// Entries returns the entries in file order (for a stacked lexicon such
// as [DefaultLexicon], those of each part in turn, each ID once, from
// the earliest part that has it). The slice is shared and must not be
// modified. For the default lexicon this decodes every entry of the
// compiled index (some 100,000): resolving never needs it.
func (l *Lexicon) Entries() []Entry {
	switch {
	case l.parts != nil:
		l.stkOnce.Do(func() {
			seen := make(map[string]bool)
			for _, p := range l.parts {
				for _, e := range p.Entries() {
					if !seen[e.Node.ID] {
						seen[e.Node.ID] = true
						l.stkAll = append(l.stkAll, e)
					}
				}
			}
		})
		return l.stkAll
	case l.pk != nil:
		return l.pk.entries()
	}
	return l.entries
}

// Entry returns the entry with the given CURIE.
func (l *Lexicon) Entry(id string) (Entry, bool) {
	for _, p := range l.leaves() {
		if i := p.indexOf(id); i >= 0 {
			return p.entryAt(i), true
		}
	}
	return Entry{}, false
}
