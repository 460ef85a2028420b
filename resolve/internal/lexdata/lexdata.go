// Package lexdata is the binary format of bonemet's compiled lexicon
// index: the entries of the generated sources (HGNC, FamPlex, Cell
// Ontology, ChEBI, MeSH) as lexicon TSV lines, and a hash table from
// every normalised name, identifier and cross-reference to the entries it
// names. The generator (resolve/internal/lexgen) writes it with [Write];
// package resolve reads it in place with [Open]: the hash table is probed
// where it lies, and the entries are compressed in small blocks that are
// inflated when first read, so that an embedded index costs almost no
// start-up time and heap, and a fraction of its text in the binary.
//
// Layout (integers little-endian):
//
//	magic      "BMLEX01\n"
//	header     7 × uint32: entries, slots, groups, off(records), off(keys), off(slots), off(groups)
//	records    blocks+1 × uint32 offsets (from the end of this table) of the
//	           blocks, then the blocks: each the raw DEFLATE of the lexicon
//	           TSV lines of RecordsPerBlock entries, each line ending in
//	           '\n'; a block is inflated the first time one of its
//	           entries is read, and kept
//	keys       per key: uvarint length, the key, uvarint count, then per
//	           posting: uvarint entry, one byte tier<<4 | rank
//	slots      slots × uint32: the hash's top byte << 24 | the key's offset + 1
//	           (0 is empty); open addressing with linear probing; slots is
//	           a power of two at least twice the number of keys
//	groups     groups × uint32: the entries that are groups
//
// Keys are [resolve.Normalize]d names; identifiers are stored as
// IDPrefix + CURIE, cross-references as XrefPrefix + CURIE and curated
// names as written as ExactPrefix + name.
package lexdata

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// RecordsPerBlock is the number of entries compressed together.
const RecordsPerBlock = 64

// Magic starts every index.
const Magic = "BMLEX01\n"

// Key prefixes of identifiers and cross-references: bytes Normalize
// never produces.
const (
	IDPrefix   = "\x00"
	XrefPrefix = "\x01"
	// ExactPrefix keys a curated name as written, case and all, so that
	// case variants a curator told apart ("ARF", "Arf") stay apart.
	ExactPrefix = "\x02"
)

const headerLen = len(Magic) + 7*4

// ErrFormat is returned by [Open] for data that is not an index.
var ErrFormat = errors.New("lexdata: not a lexicon index")

// Posting is an entry a key names: its index, how the key matched it
// (a resolve.Tier) and the rank of its source (lower is preferred at the
// same tier).
type Posting struct {
	Entry uint32 // the entry's index
	Tier  uint8  // how the key matched it, a resolve.Tier
	Rank  uint8  // the rank of its source; lower is preferred at the same tier
}

// Hash is the hash of a key: 64-bit FNV-1a, folded so that its low bits
// pick the slot and its high bits are the tag.
func Hash(key string) uint64 { return HashFold(hashMore(HashStart, key)) }

// HashBytes is [Hash] of a key held in bytes.
func HashBytes(key []byte) uint64 { return HashFold(hashMore(HashStart, key)) }

// hashMore continues the unfolded FNV-1a hash h with the bytes of b.
func hashMore[T string | []byte](h uint64, b T) uint64 {
	for i := 0; i < len(b); i++ {
		h ^= uint64(b[i])
		h *= 1099511628211
	}
	return h
}

// Key is one key of an index with its postings, in the order lookups
// return them.
type Key struct {
	Key      string    // the normalised name
	Postings []Posting // the entries it names, in lookup order
}

// Write builds an index of the records (lexicon TSV lines without their
// newline), the keys and the indices of the group records. The output
// depends only on its input.
func Write(records []string, keys []Key, groups []uint32) []byte {
	keys = append([]Key(nil), keys...)
	sort.Slice(keys, func(i, j int) bool { return keys[i].Key < keys[j].Key })
	n := len(records)
	var out []byte
	out = append(out, Magic...)
	out = append(out, make([]byte, 7*4)...)
	put := func(i int, v int) { binary.LittleEndian.PutUint32(out[len(Magic)+4*i:], uint32(v)) }

	offRecords := len(out)
	nb := (n + RecordsPerBlock - 1) / RecordsPerBlock
	table := len(out)
	out = append(out, make([]byte, 4*(nb+1))...)
	base := len(out)
	for b := 0; b < nb; b++ {
		binary.LittleEndian.PutUint32(out[table+4*b:], uint32(len(out)-base))
		var text bytes.Buffer
		for _, r := range records[b*RecordsPerBlock : min(n, (b+1)*RecordsPerBlock)] {
			text.WriteString(r)
			text.WriteByte('\n')
		}
		var z bytes.Buffer
		w, _ := flate.NewWriter(&z, flate.BestCompression)
		w.Write(text.Bytes()) // a bytes.Buffer does not fail
		w.Close()
		out = append(out, z.Bytes()...)
	}
	binary.LittleEndian.PutUint32(out[table+4*nb:], uint32(len(out)-base))
	for len(out)%4 != 0 {
		out = append(out, 0)
	}

	offKeys := len(out)
	keyAt := make([]uint32, len(keys))
	for i, k := range keys {
		keyAt[i] = uint32(len(out) - offKeys)
		out = binary.AppendUvarint(out, uint64(len(k.Key)))
		out = append(out, k.Key...)
		out = binary.AppendUvarint(out, uint64(len(k.Postings)))
		for _, p := range k.Postings {
			out = binary.AppendUvarint(out, uint64(p.Entry))
			out = append(out, p.Tier<<4|p.Rank&0xf)
		}
	}
	for len(out)%4 != 0 {
		out = append(out, 0)
	}

	offSlots := len(out)
	if len(out)-offKeys >= 1<<24-1 {
		panic("lexdata: keys section over 16 MiB")
	}
	nslots := 1 << bits.Len(uint(2*len(keys)))
	slots := make([]byte, 4*nslots)
	mask := uint64(nslots - 1)
	for i, k := range keys {
		h := Hash(k.Key)
		for s := h & mask; ; s = (s + 1) & mask {
			if binary.LittleEndian.Uint32(slots[4*s:]) == 0 {
				binary.LittleEndian.PutUint32(slots[4*s:], uint32(h>>56)<<24|(keyAt[i]+1))
				break
			}
		}
	}
	out = append(out, slots...)

	offGroups := len(out)
	for _, g := range groups {
		out = binary.LittleEndian.AppendUint32(out, g)
	}
	for i, v := range []int{n, nslots, len(groups), offRecords, offKeys, offSlots, offGroups} {
		put(i, v)
	}
	return out
}

// Index is an index read in place. It is safe for concurrent use.
type Index struct {
	data                    string
	entries, slots, groups  int
	records, text, keys, sl int
	grp                     int
	mask                    uint64
	blocks                  []atomic.Pointer[block]

	prefixOnce sync.Once
	prefix     *PrefixFilter
}

// block is an inflated block of records and where each line starts.
type block struct {
	text  string
	start []int
}

// Open reads the header of an index held in data, which it keeps and
// never modifies.
func Open(data string) (*Index, error) {
	if len(data) < headerLen || data[:len(Magic)] != Magic {
		return nil, ErrFormat
	}
	h := func(i int) int {
		return int(binary.LittleEndian.Uint32([]byte(data[len(Magic)+4*i : len(Magic)+4*i+4])))
	}
	x := &Index{data: data, entries: h(0), slots: h(1), groups: h(2), records: h(3), keys: h(4), sl: h(5), grp: h(6)}
	nb := (x.entries + RecordsPerBlock - 1) / RecordsPerBlock
	x.text = x.records + 4*(nb+1)
	x.mask = uint64(x.slots - 1)
	x.blocks = make([]atomic.Pointer[block], nb)
	if x.slots&(x.slots-1) != 0 || x.records != headerLen || x.text > x.keys || x.keys > x.sl ||
		x.sl+4*x.slots != x.grp || x.grp+4*x.groups != len(data) {
		return nil, fmt.Errorf("%w: inconsistent header", ErrFormat)
	}
	return x, nil
}

func (x *Index) u32(off int) uint32 {
	d := x.data[off : off+4]
	return uint32(d[0]) | uint32(d[1])<<8 | uint32(d[2])<<16 | uint32(d[3])<<24
}

// Len returns the number of entries.
func (x *Index) Len() int { return x.entries }

// Record returns the TSV line of entry i, without its newline. The first
// read of an entry of a block inflates the block, which is then kept.
func (x *Index) Record(i int) (string, error) {
	b, err := x.block(i / RecordsPerBlock)
	if err != nil {
		return "", err
	}
	k := i % RecordsPerBlock
	if k+1 >= len(b.start) {
		return "", fmt.Errorf("%w: entry %d beyond its block", ErrFormat, i)
	}
	return b.text[b.start[k] : b.start[k+1]-1], nil
}

func (x *Index) block(n int) (*block, error) {
	if b := x.blocks[n].Load(); b != nil {
		return b, nil
	}
	from := x.text + int(x.u32(x.records+4*n))
	to := x.text + int(x.u32(x.records+4*(n+1)))
	if from > to || to > x.keys {
		return nil, fmt.Errorf("%w: block %d out of range", ErrFormat, n)
	}
	r := flate.NewReader(strings.NewReader(x.data[from:to]))
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%w: block %d: %v", ErrFormat, n, err)
	}
	b := &block{text: string(raw), start: []int{0}}
	for i, c := range raw {
		if c == '\n' {
			b.start = append(b.start, i+1)
		}
	}
	if !x.blocks[n].CompareAndSwap(nil, b) {
		return x.blocks[n].Load(), nil
	}
	return b, nil
}

// Groups returns the number of group entries; Group(i) is the i-th.
func (x *Index) Groups() int { return x.groups }

// Group returns the entry index of the i-th group.
func (x *Index) Group(i int) int { return int(x.u32(x.grp + 4*i)) }

// Find returns the postings of a key as a [Postings] iterator; its Len is
// 0 when the index lacks the key. It does not allocate.
func (x *Index) Find(key []byte) Postings { return x.FindHash(key, HashBytes(key)) }

// FindHash is [Index.Find] for a key whose [HashBytes] the caller has.
// It and FindString are the same loop written twice on purpose: a []byte
// key compared as a string allocates nothing only outside generic code,
// and a comparison passed as a function would cost every look-up (see
// resolve's TestResolveAllocations and BenchmarkResolveDefault).
func (x *Index) FindHash(key []byte, h uint64) Postings {
	tag := uint32(h>>56) << 24
	for s := h & x.mask; ; s = (s + 1) & x.mask {
		v := x.u32(x.sl + 4*int(s))
		if v == 0 {
			return Postings{}
		}
		if v&0xff000000 != tag {
			continue
		}
		p := x.keys + int(v&0xffffff) - 1
		n, w := uvarint(x.data, p)
		p += w
		if int(n) != len(key) || x.data[p:p+int(n)] != string(key) {
			continue
		}
		return x.postingsAfter(p + int(n))
	}
}

// FindString is [Index.Find] for a key held in a string.
func (x *Index) FindString(key string) Postings {
	h := Hash(key)
	tag := uint32(h>>56) << 24
	for s := h & x.mask; ; s = (s + 1) & x.mask {
		v := x.u32(x.sl + 4*int(s))
		if v == 0 {
			return Postings{}
		}
		if v&0xff000000 != tag {
			continue
		}
		p := x.keys + int(v&0xffffff) - 1
		n, w := uvarint(x.data, p)
		p += w
		if int(n) != len(key) || x.data[p:p+int(n)] != key {
			continue
		}
		return x.postingsAfter(p + int(n))
	}
}

// postingsAfter decodes the postings that follow a key ending at p.
func (x *Index) postingsAfter(p int) Postings {
	c, w := uvarint(x.data, p)
	return Postings{data: x.data[p+w:], n: int(c)}
}

// Postings are the postings of one key, decoded as they are read.
type Postings struct {
	data string
	n    int
}

// Len returns the number of postings.
func (p Postings) Len() int { return p.n }

// Next returns the first posting and the rest.
func (p Postings) Next() (Posting, Postings) {
	e, w := uvarint(p.data, 0)
	b := p.data[w]
	return Posting{Entry: uint32(e), Tier: b >> 4, Rank: b & 0xf}, Postings{data: p.data[w+1:], n: p.n - 1}
}

func uvarint(s string, at int) (uint64, int) {
	if b := s[at]; b < 0x80 {
		return uint64(b), 1
	}
	return uvarintLong(s, at)
}

func uvarintLong(s string, at int) (uint64, int) {
	var x uint64
	var shift uint
	for i := 0; ; i++ {
		b := s[at+i]
		if b < 0x80 {
			return x | uint64(b)<<shift, i + 1
		}
		x |= uint64(b&0x7f) << shift
		shift += 7
	}
}
