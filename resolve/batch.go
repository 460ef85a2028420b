package resolve

import (
	"cmp"
	"slices"

	"github.com/bonemet/bonemet/graph"
)

// Suggestion is an entity whose name is a few edits away from a name
// that matched nothing: "did you mean".
type Suggestion struct {
	Node  graph.Node // the entity suggested
	Key   string     // the normalised name that matched (see [Normalize])
	Edits int        // edits (deletion, insertion, substitution or swap of neighbours) from the name's key
	Tier  Tier       // how Key names Node
}

// MaxSuggestions is the number of suggestions [Resolver.ResolveAll] gives
// an unknown name.
const MaxSuggestions = 5

// ResolveAll resolves each name as [Resolver.Resolve] does, in order; an
// Unknown result carries up to [MaxSuggestions] suggestions (see
// [Resolver.Suggest]). The slice is new; the results may share memory
// with the lexicons, as Resolve's do.
func (r *Resolver) ResolveAll(names []string) []Result {
	out := make([]Result, len(names))
	for i, n := range names {
		out[i] = r.Resolve(n)
		if out[i].Status == Unknown && len(n) <= MaxName {
			out[i].Suggestions = r.Suggest(n, MaxSuggestions)
		}
	}
	return out
}

// ResolveAll resolves each name in the scope's context, in order, as
// [Scope.Resolve] does; an Unknown result carries suggestions as those of
// [Resolver.ResolveAll] do.
func (s *Scope) ResolveAll(names []string) []ContextResult {
	out := make([]ContextResult, len(names))
	for i, n := range names {
		out[i] = s.Resolve(n)
		if out[i].Status == Unknown && len(n) <= MaxName && s.r.Resolve(n).Status == Unknown {
			out[i].Suggestions = s.r.Suggest(n, MaxSuggestions)
		}
	}
	return out
}

// maxSuggestKey is the longest key Suggest looks for neighbours of, and
// maxSuggestKey2 the longest it looks for neighbours two edits away of.
const (
	maxSuggestKey  = 40
	maxSuggestKey2 = 16
)

// keyAlphabet are the characters of keys that edits insert or substitute.
const keyAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

// Suggest returns up to n entities with a name one edit away from the
// key of name (a deleted, inserted or substituted character, or two
// neighbours swapped: "denosumb" → denosumab, "TP35" → TP53), or, when
// none is and the key has at most 16 characters, two deletions or swaps
// away; fewest edits first, then the strongest tier, then by ID. Keys of
// more than 40 characters get none. Its cost is some 75 look-ups per
// character of the key, none of which allocates.
func (r *Resolver) Suggest(name string, n int) []Suggestion {
	key := []byte(Normalize(name))
	if len(key) == 0 || len(key) > maxSuggestKey || n <= 0 {
		return nil
	}
	var found []Suggestion
	var buf [16]posting
	try := func(k []byte, edits int) {
		h := r.find(k, buf[:0])
		for i := range h.len() {
			nd := h.node(i)
			if slices.ContainsFunc(found, func(s Suggestion) bool { return s.Node.ID == nd.ID }) {
				continue
			}
			found = append(found, Suggestion{Node: *nd, Key: string(k), Edits: edits, Tier: h.tier(i)})
		}
	}
	scratch := make([]byte, 0, len(key)+1)
	eachNeighbour(key, true, scratch, func(k []byte) { try(k, 1) })
	if len(found) == 0 && len(key) > 3 && len(key) <= maxSuggestKey2 {
		scratch2 := make([]byte, 0, len(key)+1)
		eachNeighbour(key, false, scratch, func(k []byte) {
			eachNeighbour(k, false, scratch2, func(k2 []byte) { try(k2, 2) })
		})
	}
	slices.SortStableFunc(found, func(a, b Suggestion) int {
		return cmp.Or(cmp.Compare(a.Edits, b.Edits), cmp.Compare(a.Tier, b.Tier), cmp.Compare(a.Node.ID, b.Node.ID))
	})
	if len(found) > n {
		found = found[:n]
	}
	return found
}

// eachNeighbour calls f with each key one edit from key, built in buf:
// deletions and swaps of neighbours, and, when all is set, substitutions
// and insertions. f must not keep its argument.
func eachNeighbour(key []byte, all bool, buf []byte, f func([]byte)) {
	for i := range key {
		buf = append(append(buf[:0], key[:i]...), key[i+1:]...)
		f(buf)
		if i+1 < len(key) && key[i] != key[i+1] {
			buf = append(buf[:0], key...)
			buf[i], buf[i+1] = buf[i+1], buf[i]
			f(buf)
		}
	}
	if !all {
		return
	}
	for i := 0; i <= len(key); i++ {
		for j := 0; j < len(keyAlphabet); j++ {
			c := keyAlphabet[j]
			buf = append(append(append(buf[:0], key[:i]...), c), key[i:]...)
			f(buf)
			if i < len(key) && key[i] != c {
				buf = append(buf[:0], key...)
				buf[i] = c
				f(buf)
			}
		}
	}
}
