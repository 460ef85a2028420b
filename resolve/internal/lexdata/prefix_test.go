package lexdata

import (
	"math/rand/v2"
	"testing"
)

func TestHashMoreFoldIsHash(t *testing.T) {
	for _, k := range []string{"", "a", "rankl", "tumornecrosisfactor", "\x00HGNC:11916"} {
		for cut := 0; cut <= len(k); cut++ {
			h := HashMoreString(HashMore(HashStart, []byte(k[:cut])), k[cut:])
			if got, want := HashFold(h), Hash(k); got != want {
				t.Errorf("HashFold(HashMore(%q)+%q) = %x, want Hash = %x", k[:cut], k[cut:], got, want)
			}
		}
	}
}

// randomKeys returns n distinct lower-case keys of 3 to 20 letters.
func randomKeys(rng *rand.Rand, n int) []string {
	seen := map[string]bool{}
	var keys []string
	for len(keys) < n {
		b := make([]byte, 3+rng.IntN(18))
		for i := range b {
			b[i] = 'a' + byte(rng.IntN(26))
		}
		if k := string(b); !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys
}

func TestPrefixFilter(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	keys := randomKeys(rng, 20000)
	f := NewPrefixFilter(len(keys))
	for _, k := range keys {
		f.Add(k)
	}
	// No false negatives: every key and every prefix of one may begin a key.
	for _, k := range keys {
		for l := 1; l <= len(k); l++ {
			if !f.MayBegin(Hash(k[:l])) {
				t.Fatalf("MayBegin(%q) = false for a prefix of %q", k[:l], k)
			}
		}
	}
	// Few false positives: strings that begin no key mostly fail.
	prefixes := map[string]bool{}
	for _, k := range keys {
		for l := 1; l <= len(k); l++ {
			prefixes[k[:l]] = true
		}
	}
	pass, tried := 0, 0
	for _, s := range randomKeys(rand.New(rand.NewPCG(3, 4)), 20000) {
		s = "z" + s // most do not begin a key
		if prefixes[s] {
			continue
		}
		tried++
		if f.MayBegin(Hash(s)) {
			pass++
		}
	}
	if rate := float64(pass) / float64(tried); rate > 0.1 {
		t.Errorf("%d of %d strings that begin no key passed (%.3f), want at most 0.1", pass, tried, rate)
	}
}

func TestIndexPrefixes(t *testing.T) {
	keys := []Key{
		{Key: "rankl", Postings: []Posting{{Entry: 0}}},
		{Key: "tumornecrosisfactor", Postings: []Posting{{Entry: 1}}},
		{Key: IDPrefix + "HGNC:11916", Postings: []Posting{{Entry: 0}}},
	}
	x, err := Open(string(Write([]string{"a", "b"}, keys, nil)))
	if err != nil {
		t.Fatal(err)
	}
	f := x.Prefixes()
	if f != x.Prefixes() {
		t.Error("Prefixes built twice")
	}
	for _, s := range []string{"r", "rank", "rankl", "tumor", "tumornecrosisfactor"} {
		if !f.MayBegin(Hash(s)) {
			t.Errorf("MayBegin(%q) = false, want true", s)
		}
	}
	// Identifiers are not names: their prefixes need not pass. Strings
	// that begin no key mostly fail; count the ones of this table.
	fails := 0
	for _, s := range []string{"hgnc", "il6", "tnfa", "rankx", "opg", "sost", "wnt", "dkk1"} {
		if !f.MayBegin(Hash(s)) {
			fails++
		}
	}
	if fails < 6 {
		t.Errorf("only %d of 8 strings that begin no key failed", fails)
	}
}

// BenchmarkPrefixesBuild is the one-time cost of a filter of n keys,
// against hashing the same keys once.
func BenchmarkPrefixesBuild(b *testing.B) {
	keys := randomKeys(rand.New(rand.NewPCG(5, 6)), 100000)
	b.Run("filter", func(b *testing.B) {
		for b.Loop() {
			f := NewPrefixFilter(len(keys))
			for _, k := range keys {
				f.Add(k)
			}
		}
	})
	b.Run("hash", func(b *testing.B) {
		for b.Loop() {
			for _, k := range keys {
				hashSink ^= Hash(k)
			}
		}
	})
}

var hashSink uint64
