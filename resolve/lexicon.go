package resolve

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/source"
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
	Node      graph.Node
	Synonyms  []string // aliases and curated synonyms
	Preferred []string // synonyms that mean this entity when others share them
	Previous  []string // previous symbols
}

type posting struct {
	entry int32
	tier  Tier
}

// postings returns the postings of a normalised key, strongest tier first,
// then by ID.
func (l *Lexicon) postings(key string) []posting { return l.keys[key] }

// postingsOf is [Lexicon.postings] for a key held in bytes; it does not
// allocate.
func (l *Lexicon) postingsOf(key []byte) []posting { return l.keys[string(key)] }

// Lexicon maps names to entities. Build one with [ParseLexicon],
// [LoadHGNC] or [NewLexicon]; it is immutable and safe for concurrent use.
type Lexicon struct {
	entries  []Entry
	nodes    []graph.Node // entries[i].Node, contiguous: results share them
	byID     map[string]int32
	keys     map[string][]posting // normalised name → postings, strongest tier first, then by ID
	memberOf map[string][]string  // member ID → IDs of the groups listing it
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
		byKey[k] = append(ps, posting{int32(i), t})
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
	// Postings are kept strongest tier first, then by ID, so that lookups
	// need not sort.
	for _, ps := range byKey {
		if len(ps) > 1 {
			slices.SortFunc(ps, func(a, b posting) int {
				return cmp.Or(cmp.Compare(a.tier, b.tier), strings.Compare(entries[a.entry].Node.ID, entries[b.entry].Node.ID))
			})
		}
	}
	return l, nil
}

// GroupsOf returns the IDs of the groups of this lexicon that list the
// entity with the given ID as a member, in lexicon order. The slice is
// shared and must not be modified.
func (l *Lexicon) GroupsOf(id string) []string { return l.memberOf[id] }

// Len returns the number of entries.
func (l *Lexicon) Len() int { return len(l.entries) }

// Entries returns the entries in file order. The slice is shared and must
// not be modified.
func (l *Lexicon) Entries() []Entry { return l.entries }

// Entry returns the entry with the given CURIE.
func (l *Lexicon) Entry(id string) (Entry, bool) {
	i, ok := l.byID[id]
	if !ok {
		return Entry{}, false
	}
	return l.entries[i], true
}

// lexicon TSV columns
const (
	colID = iota
	colKind
	colSymbol
	colName
	colSynonyms
	colPrevious
	colMembers
	colXrefs
	colGroup
	nCols
)

// ParseLexicon reads a lexicon in bonemet's TSV format: one entry per line,
// nine tab-separated columns
//
//	id  kind  symbol  name  synonyms  previous  members  xrefs  group
//
// where synonyms, previous, members and xrefs are |-separated lists (a
// synonym written with a leading "!" is preferred: it names this entry when
// other entries share it, as "NIK" names MAP3K14 rather than MAP4K4), kind is
// a [graph.Kind] name and group a [graph.GroupType] name (for kind group).
// Blank lines and lines starting with # are skipped. file names the input
// in errors, which are [*source.ParseError]s joined with [errors.Join].
func ParseLexicon(r io.Reader, file string) (*Lexicon, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	var entries []Entry
	var errs []error
	seen := make(map[string]int)
	var text string
	bad := func(line, col int, err error) {
		errs = append(errs, &source.ParseError{File: file, Line: line, Column: col, Text: text, Err: err})
	}
	for line := 1; sc.Scan(); line++ {
		text = strings.TrimSuffix(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != nCols {
			bad(line, 1, fmt.Errorf("%w: %d, want %d", ErrColumns, len(f), nCols))
			continue
		}
		col := func(c int) int { // 1-based byte column of field c
			n := 1
			for _, s := range f[:c] {
				n += len(s) + 1
			}
			return n
		}
		var e Entry
		e.Node.ID = strings.TrimSpace(f[colID])
		if !graph.ValidID(e.Node.ID) {
			bad(line, col(colID), fmt.Errorf("%w: %q", graph.ErrBadID, f[colID]))
			continue
		}
		if prev, dup := seen[e.Node.ID]; dup {
			bad(line, col(colID), fmt.Errorf("%w: %s (first on line %d)", ErrDuplicate, e.Node.ID, prev))
			continue
		}
		seen[e.Node.ID] = line
		k, err := graph.ParseKind(strings.TrimSpace(f[colKind]))
		if err != nil {
			bad(line, col(colKind), err)
			continue
		}
		e.Node.Kind = k
		e.Node.Symbol = strings.TrimSpace(f[colSymbol])
		e.Node.Name = strings.TrimSpace(f[colName])
		if e.Node.Symbol == "" && e.Node.Name == "" {
			bad(line, col(colSymbol), fmt.Errorf("%w: symbol or name", ErrEmptyField))
			continue
		}
		for _, s := range splitList(f[colSynonyms]) {
			if p, ok := strings.CutPrefix(s, "!"); ok {
				e.Preferred = append(e.Preferred, strings.TrimSpace(p))
			} else {
				e.Synonyms = append(e.Synonyms, s)
			}
		}
		e.Previous = splitList(f[colPrevious])
		e.Node.Members = splitList(f[colMembers])
		e.Node.Xrefs = splitList(f[colXrefs])
		if g := strings.TrimSpace(f[colGroup]); g != "" {
			t, err := graph.ParseGroupType(g)
			if err != nil {
				bad(line, col(colGroup), err)
				continue
			}
			e.Node.Group = t
		}
		if (k == graph.Group) != (e.Node.Group != graph.NotGroup) {
			bad(line, col(colGroup), fmt.Errorf("%w: a group needs a group type, and only a group has one", ErrEmptyField))
			continue
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", file, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return NewLexicon(entries)
}

func splitList(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// WriteLexicon writes entries in the format [ParseLexicon] reads.
func WriteLexicon(w io.Writer, entries []Entry) error {
	bw := bufio.NewWriter(w)
	clean := func(s string) string {
		return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ", "|", "/").Replace(s)
	}
	list := func(ss []string) string {
		out := make([]string, 0, len(ss))
		for _, s := range ss {
			out = append(out, clean(s))
		}
		return strings.Join(out, "|")
	}
	for _, e := range entries {
		n := e.Node
		syn := list(e.Synonyms)
		for _, p := range e.Preferred {
			syn = strings.TrimPrefix(syn+"|!"+clean(p), "|")
		}
		fields := []string{n.ID, n.Kind.String(), clean(n.Symbol), clean(n.Name), syn, list(e.Previous),
			list(n.Members), list(n.Xrefs), n.Group.String()}
		if _, err := bw.WriteString(strings.Join(fields, "\t") + "\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}
