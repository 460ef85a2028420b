package lexbuild

import (
	"slices"
	"strings"

	"github.com/bonemet/bonemet/resolve"
)

// classHeads are the plural last words of ChEBI class names
// ("lysophosphatidic acids", "phorbol esters") that papers write in the
// singular for the class ("lysophosphatidic acid stimulates ...").
var classHeads = map[string]bool{
	"acids": true, "esters": true, "lipids": true, "phospholipids": true, "sphingolipids": true,
	"sterols": true, "oxysterols": true, "ceramides": true, "prostaglandins": true,
	"leukotrienes": true, "eicosanoids": true, "flavonoids": true, "alkaloids": true,
	"steroids": true, "glucocorticoids": true, "corticosteroids": true, "bisphosphonates": true,
	"retinoids": true, "cannabinoids": true, "catecholamines": true, "polyamines": true,
	"phosphoinositides": true, "diacylglycerols": true, "triglycerides": true,
}

// takenNames returns the normalised names every entry already has (its
// symbol, name, synonyms, previous symbols, preferred and curated names):
// a name derived for one entry must not take another's.
func (b *builder) takenNames() map[string]bool {
	taken := make(map[string]bool)
	for _, it := range b.items {
		e := it.e
		for _, list := range [][]string{{e.Node.Symbol, e.Node.Name}, e.Synonyms, e.Previous, e.Preferred, it.curated} {
			for _, n := range list {
				taken[resolve.Normalize(n)] = true
			}
		}
	}
	return taken
}

// classSingulars gives a ChEBI class named in the plural by a name of
// two words or more ending in one of classHeads its singular as a
// synonym, unless another entry (or this one) already has that name.
func (b *builder) classSingulars() error {
	taken := b.takenNames()
	for _, it := range b.items {
		if !strings.HasPrefix(it.e.Node.ID, "CHEBI:") {
			continue
		}
		names := append([]string{it.e.Node.Name}, slices.Clone(it.e.Synonyms)...)
		for _, n := range names {
			sp := strings.LastIndexByte(n, ' ')
			if sp < 0 || !classHeads[strings.ToLower(n[sp+1:])] {
				continue
			}
			s := n[:len(n)-1]
			if k := resolve.Normalize(s); !taken[k] {
				taken[k] = true
				addNames(&it.e, s)
				b.stats.ClassSingulars++
			}
		}
	}
	return nil
}
