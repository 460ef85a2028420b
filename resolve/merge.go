package resolve

import (
	"fmt"
	"slices"

	"github.com/bonemet/bonemet/graph"
)

// Merge returns one lexicon holding the entries of all, in order. Entries
// that share an ID are merged into the first: their names, previous
// symbols, members and xrefs are united, and an empty symbol or name is
// filled from the later entry. Entries sharing an ID must agree on kind.
func Merge(lexicons ...*Lexicon) (*Lexicon, error) {
	var entries []Entry
	at := make(map[string]int)
	for _, l := range lexicons {
		for _, e := range l.Entries() {
			i, ok := at[e.Node.ID]
			if !ok {
				at[e.Node.ID] = len(entries)
				e.Synonyms = slices.Clone(e.Synonyms)
				e.Previous = slices.Clone(e.Previous)
				e.Preferred = slices.Clone(e.Preferred)
				e.Node.Xrefs = slices.Clone(e.Node.Xrefs)
				e.Node.Members = slices.Clone(e.Node.Members)
				entries = append(entries, e)
				continue
			}
			old := &entries[i]
			if old.Node.Kind != e.Node.Kind {
				return nil, fmt.Errorf("%w: %s is a %v and a %v", graph.ErrNodeConflict, e.Node.ID, old.Node.Kind, e.Node.Kind)
			}
			if old.Node.Symbol == "" {
				old.Node.Symbol = e.Node.Symbol
			} else if e.Node.Symbol != "" && e.Node.Symbol != old.Node.Symbol {
				old.Synonyms = append(old.Synonyms, e.Node.Symbol)
			}
			if old.Node.Name == "" {
				old.Node.Name = e.Node.Name
			} else if e.Node.Name != "" && e.Node.Name != old.Node.Name {
				old.Synonyms = append(old.Synonyms, e.Node.Name)
			}
			if old.Node.Group == graph.NotGroup {
				old.Node.Group = e.Node.Group
			}
			old.Synonyms = union(old.Synonyms, e.Synonyms)
			old.Previous = union(old.Previous, e.Previous)
			old.Preferred = union(old.Preferred, e.Preferred)
			old.Node.Xrefs = union(old.Node.Xrefs, e.Node.Xrefs)
			old.Node.Members = union(old.Node.Members, e.Node.Members)
		}
	}
	return NewLexicon(entries)
}

func union(a, b []string) []string {
	for _, s := range b {
		if !slices.Contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}
