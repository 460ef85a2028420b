package resolve

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve/internal/lexdata"
)

// packed is a lexicon read in place from a compiled index (see package
// resolve/internal/lexdata): its keys are looked up in the index's hash
// table without parsing it, and an entry is decoded from its TSV line
// the first time it is needed, then kept.
type packed struct {
	x     *lexdata.Index
	cache []atomic.Pointer[decoded]

	groupsOnce sync.Once
	memberOf   map[string][]string

	allOnce sync.Once
	all     []Entry
}

// decoded is an entry of a packed lexicon, with its node in an array of
// one so that results can share it.
type decoded struct {
	entry Entry
	node  [1]graph.Node
}

func openPacked(data string) (*packed, error) {
	x, err := lexdata.Open(data)
	if err != nil {
		return nil, err
	}
	return &packed{x: x, cache: make([]atomic.Pointer[decoded], x.Len())}, nil
}

// get returns entry i, decoding it on first use.
func (p *packed) get(i int32) *decoded {
	if d := p.cache[i].Load(); d != nil {
		return d
	}
	rec, err := p.x.Record(int(i))
	var e Entry
	if err == nil {
		e, err = parseRecord(rec)
	}
	if err != nil {
		// The index is generated and tested; reaching this is a build defect.
		panic(fmt.Sprintf("resolve: compiled lexicon entry %d: %v", i, err))
	}
	d := &decoded{entry: e}
	d.node[0] = e.Node
	if !p.cache[i].CompareAndSwap(nil, d) {
		return p.cache[i].Load()
	}
	return d
}

// set replaces entry i (before the lexicon is shared).
func (p *packed) set(i int32, e Entry) {
	d := &decoded{entry: e}
	d.node[0] = e.Node
	p.cache[i].Store(d)
}

// lookup appends the postings of a key to dst.
func (p *packed) lookup(dst []posting, key []byte, h uint64) []posting {
	ps := p.x.FindHash(key, h)
	for ps.Len() > 0 {
		var q lexdata.Posting
		q, ps = ps.Next()
		dst = append(dst, posting{entry: int32(q.Entry), tier: Tier(q.Tier), rank: q.Rank})
	}
	return dst
}

// lookupBest is lookup that stops after the first posting when the
// second is weaker: it returns the postings decoded and how many the key
// has.
func (p *packed) lookupBest(dst []posting, key []byte, h uint64) ([]posting, int) {
	ps := p.x.FindHash(key, h)
	n := ps.Len()
	if n == 0 {
		return dst, 0
	}
	q, rest := ps.Next()
	dst = append(dst, posting{entry: int32(q.Entry), tier: Tier(q.Tier), rank: q.Rank})
	if n == 1 {
		return dst, 1
	}
	if q2, _ := rest.Next(); q2.Tier != q.Tier || q2.Rank != q.Rank {
		return dst, n
	}
	for rest.Len() > 0 {
		q, rest = rest.Next()
		dst = append(dst, posting{entry: int32(q.Entry), tier: Tier(q.Tier), rank: q.Rank})
	}
	return dst, n
}

// index returns the entry with the ID, or -1.
func (p *packed) index(id string) int32 {
	var buf [80]byte
	ps := p.x.Find(append(append(buf[:0], lexdata.IDPrefix...), id...))
	if ps.Len() == 0 {
		return -1
	}
	q, _ := ps.Next()
	return int32(q.Entry)
}

// xref returns the entry that alone carries a cross-reference, or -1.
func (p *packed) xref(x string) int32 {
	var buf [80]byte
	ps := p.x.Find(append(append(buf[:0], lexdata.XrefPrefix...), x...))
	if ps.Len() == 0 {
		return -1
	}
	q, _ := ps.Next()
	return int32(q.Entry)
}

// exact returns the entry a curated name names as written, or -1 when
// none or several do.
func (p *packed) exact(name string) int32 {
	if len(name) > 200 {
		return -1
	}
	var buf [208]byte
	ps := p.x.Find(append(append(buf[:0], lexdata.ExactPrefix...), name...))
	if ps.Len() != 1 {
		return -1
	}
	q, _ := ps.Next()
	return int32(q.Entry)
}

// groupsOf returns the groups listing id as a member.
func (p *packed) groupsOf(id string) []string {
	p.groupsOnce.Do(func() {
		p.memberOf = make(map[string][]string)
		for g := range p.x.Groups() {
			n := p.get(int32(p.x.Group(g))).entry.Node
			for _, m := range n.Members {
				p.memberOf[m] = append(p.memberOf[m], n.ID)
			}
		}
	})
	return p.memberOf[id]
}

// entries decodes every entry.
func (p *packed) entries() []Entry {
	p.allOnce.Do(func() {
		p.all = make([]Entry, p.x.Len())
		for i := range p.all {
			p.all[i] = p.get(int32(i)).entry
		}
	})
	return p.all
}

// parseRecord parses one line of the lexicon TSV format.
func parseRecord(line string) (Entry, error) {
	f := strings.Split(line, "\t")
	if len(f) != nCols {
		return Entry{}, fmt.Errorf("%w: %d, want %d", ErrColumns, len(f), nCols)
	}
	k, err := graph.ParseKind(f[colKind])
	if err != nil {
		return Entry{}, err
	}
	e := Entry{Node: graph.Node{ID: f[colID], Kind: k, Symbol: f[colSymbol], Name: f[colName]}}
	for _, s := range splitList(f[colSynonyms]) {
		if p, ok := strings.CutPrefix(s, "!"); ok {
			e.Preferred = append(e.Preferred, p)
		} else {
			e.Synonyms = append(e.Synonyms, s)
		}
	}
	e.Previous = splitList(f[colPrevious])
	e.Node.Members = splitList(f[colMembers])
	e.Node.Xrefs = splitList(f[colXrefs])
	if f[colGroup] != "" {
		if e.Node.Group, err = graph.ParseGroupType(f[colGroup]); err != nil {
			return Entry{}, err
		}
	}
	return e, nil
}
