package lexbuild

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/bonemet/bonemet/resolve"
)

// chargeSuffix matches the name of an organic anion as ChEBI writes it,
// with its charge: "fumarate(2-)", "L-glutamate(1-)".
var chargeSuffix = regexp.MustCompile(`^(.+ate)\(\d*-\)$`)

// ionNames gives a ChEBI anion named "...ate" its name without the
// charge ("fumarate", "citrate", "2-oxoglutarate"), as papers write it,
// unless another entry already has that name. Cations are left alone:
// "silver" or "zinc" in "silver staining" is a method's word more often
// than the ion. When several charge states share the name, the
// one with the lowest ChEBI number takes it: the oldest entry, as a rule
// the form ChEBI first described (fumarate(2-), citrate(3-),
// glutamate(1-)).
func (b *builder) ionNames() error {
	taken := b.takenNames()
	byBase := make(map[string][]*item)
	var bases []string
	for _, it := range b.items {
		if !strings.HasPrefix(it.e.Node.ID, "CHEBI:") {
			continue
		}
		m := chargeSuffix.FindStringSubmatch(it.e.Node.Name)
		if m == nil {
			continue
		}
		k := resolve.Normalize(m[1])
		if k == "" || taken[k] {
			continue
		}
		if byBase[k] == nil {
			bases = append(bases, m[1])
		}
		byBase[k] = append(byBase[k], it)
	}
	slices.Sort(bases)
	for _, base := range bases {
		k := resolve.Normalize(base)
		its := byBase[k]
		if taken[k] || len(its) == 0 {
			continue
		}
		oldest := slices.MinFunc(its, func(a, b *item) int { return cmp.Compare(chebiNumber(a.e.Node.ID), chebiNumber(b.e.Node.ID)) })
		taken[k] = true
		addNames(&oldest.e, base)
		b.stats.IonNames++
	}
	return nil
}

// chebiNumber returns the number of a ChEBI id ("CHEBI:29806": 29806).
func chebiNumber(id string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(id, "CHEBI:"))
	return n
}
