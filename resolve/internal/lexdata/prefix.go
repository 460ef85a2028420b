package lexdata

import "math/bits"

// HashStart is the state of [HashMore] before any byte: HashMore(HashStart, k)
// folded by [HashFold] is [Hash] of k. Together they hash a key that grows
// by appending without hashing its start again.
const HashStart uint64 = 14695981039346656037

// HashMore continues the unfolded hash h with the bytes b.
func HashMore(h uint64, b []byte) uint64 { return hashMore(h, b) }

// HashFold folds an unfolded hash into [Hash]'s form.
func HashFold(h uint64) uint64 { return h ^ h>>29 }

// PrefixFilter tells the byte strings that may begin a key (every key and
// every prefix of one) from those that surely do not: a bit per hash, set
// for each such string, with about one string in twenty that begins no key
// passing. A finder of names uses it to stop extending a phrase as soon
// as no key can start with it. It is safe for concurrent use.
type PrefixFilter struct {
	bits []uint64
	mask uint64
}

// NewPrefixFilter sizes a filter for about n keys (64 bits per key, as
// keys have few prefixes of their own on average).
func NewPrefixFilter(n int) *PrefixFilter {
	size := 1 << bits.Len(uint(max(64*n, 1024)-1))
	return &PrefixFilter{bits: make([]uint64, size/64), mask: uint64(size - 1)}
}

// Add records the key and each of its prefixes.
func (f *PrefixFilter) Add(key string) {
	h := HashStart
	for i := 0; i < len(key); i++ {
		h = hashMore(h, key[i:i+1])
		b := HashFold(h) & f.mask
		f.bits[b/64] |= 1 << (b % 64)
	}
}

// MayBegin reports whether some key may begin with the string whose
// [Hash] is h; false means that none does.
func (f *PrefixFilter) MayBegin(h uint64) bool {
	b := h & f.mask
	return f.bits[b/64]&(1<<(b%64)) != 0
}

// Prefixes returns a filter of the index's names (the keys without an
// identifier, cross-reference or exact prefix), built on first use (the
// keys are read once) and then kept.
func (x *Index) Prefixes() *PrefixFilter {
	x.prefixOnce.Do(func() {
		f := NewPrefixFilter(x.slots / 2)
		for p := x.keys; p < x.sl; {
			n, w := uvarint(x.data, p)
			if n == 0 {
				break // the padding before the slots
			}
			p += w
			k := x.data[p : p+int(n)]
			p += int(n)
			c, w := uvarint(x.data, p)
			p += w
			for range c {
				_, w := uvarint(x.data, p)
				p += w + 1
			}
			if k[0] > ExactPrefix[0] {
				f.Add(k)
			}
		}
		x.prefix = f
	})
	return x.prefix
}

// HashMoreString is [HashMore] of bytes held in a string.
func HashMoreString(h uint64, s string) uint64 { return hashMore(h, s) }
