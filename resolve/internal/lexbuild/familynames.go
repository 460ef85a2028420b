package lexbuild

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
)

// familyNames gives a FamPlex family the long form its members' names
// share when no entry has that name yet: JAK1, JAK2 and JAK3 are "Janus
// kinase 1", "2" and "3", so the family is "Janus kinase"; GSK3A and
// GSK3B make the GSK3 family "glycogen synthase kinase 3", CDC25A to C
// "cell division cycle 25". The long form is the longest run of two
// words or more that begins the names of all the family's genes (all but
// one, from four genes up: TYK2 is a JAK), each of those names ending after it with member
// designators only (a number, a letter, a Greek letter's name, a Roman
// numeral). It is left out when it ends in a word of naming scaffolds
// ("member", "subunit", "type", ...) or also begins, so followed, the
// name of a gene outside the family ("C-C motif chemokine ligand" is
// more than the eotaxins). Members are counted through nested families.
func (b *builder) familyNames() error {
	taken := make(map[string]bool)
	prefixes := make(map[string]int) // "Janus kinase" → genes named it plus designators
	for _, it := range b.items {
		e := it.e
		for _, list := range [][]string{{e.Node.Symbol, e.Node.Name}, e.Synonyms, e.Previous, e.Preferred, it.curated} {
			for _, s := range list {
				taken[resolve.Normalize(s)] = true
			}
		}
		if e.Node.Kind == graph.Gene {
			w := nameWords(e.Node.Name)
			for k := max(len(w)-2, 1); k < len(w); k++ {
				if designators(w[k:]) {
					prefixes[strings.Join(w[:k], " ")]++
				}
			}
		}
	}
	for _, it := range b.items {
		n := it.e.Node
		if n.Kind != graph.Group || n.Group != graph.Family || !strings.HasPrefix(n.ID, "FPLX:") {
			continue
		}
		var names [][]string
		for _, g := range b.memberGenes(n.ID, 0) {
			names = append(names, nameWords(b.byID[g].e.Node.Name))
		}
		if len(names) < 2 {
			continue
		}
		long, count := sharedLongForm(names)
		if long == "" || prefixes[long] > count || taken[resolve.Normalize(long)] {
			continue
		}
		taken[resolve.Normalize(long)] = true
		addNames(&it.e, long)
		b.stats.FamilyNames++
	}
	return nil
}

// memberGenes returns the genes of a group, through nested groups, in
// member order, each once.
func (b *builder) memberGenes(id string, depth int) []string {
	it := b.byID[id]
	if it == nil || depth > 8 {
		return nil
	}
	var out []string
	for _, m := range it.e.Node.Members {
		mi := b.byID[m]
		switch {
		case mi == nil:
		case mi.e.Node.Kind == graph.Gene:
			out = append(out, m)
		case mi.e.Node.Kind == graph.Group:
			out = append(out, b.memberGenes(m, depth+1)...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// scaffold holds last words that make a shared prefix a naming pattern
// rather than a name: "solute carrier family 2 member".
var scaffold = map[string]bool{"member": true, "subunit": true, "type": true, "family": true,
	"subfamily": true, "group": true, "class": true, "containing": true, "locus": true,
	"like": true, "domain": true, "protein": true, "and": true, "of": true, "motif": true}

// nameWords splits a gene name into words, a number's trailing letter a
// word of its own ("cell division cycle 25A" → ..., "25", "A").
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		d := strings.TrimLeft(w, "0123456789")
		if n := len(w) - len(d); n > 0 && len(d) == 1 && unicode.IsLetter(rune(d[0])) {
			out = append(out, w[:n], d)
			continue
		}
		out = append(out, w)
	}
	return out
}

// sharedLongForm returns the longest word prefix that all the names
// begin with (all but one, from four names up), followed only by
// designators, and how many names it begins; or "".
func sharedLongForm(names [][]string) (string, int) {
	need := len(names)
	if need >= 4 {
		need--
	}
	best, bestCount := "", 0
	for _, first := range names {
		for k := len(first) - 1; k >= 2; k-- {
			prefix := first[:k]
			if !designators(first[k:]) {
				continue
			}
			count := 0
			for _, other := range names {
				if len(other) > k && slices.Equal(other[:k], prefix) && designators(other[k:]) {
					count++
				}
			}
			if count < need {
				continue
			}
			last := prefix[len(prefix)-1]
			if scaffold[strings.ToLower(last)] || strings.ContainsAny(last[len(last)-1:], ",;:(") {
				break
			}
			if s := strings.Join(prefix, " "); len(s) > len(best) {
				best, bestCount = s, count
			}
			break
		}
	}
	return best, bestCount
}

var greek = map[string]bool{"alpha": true, "beta": true, "gamma": true, "delta": true, "epsilon": true,
	"zeta": true, "eta": true, "theta": true, "iota": true, "kappa": true, "lambda": true, "mu": true,
	"nu": true, "xi": true, "omicron": true, "pi": true, "rho": true, "sigma": true, "tau": true, "omega": true}

// designators reports whether one or two words only tell members apart:
// "1", "B", "alpha", "II", "3 beta".
func designators(words []string) bool {
	if len(words) == 0 || len(words) > 2 {
		return false
	}
	for _, w := range words {
		digits := strings.TrimLeft(w, "0123456789") == ""
		switch {
		case greek[strings.ToLower(w)]:
		case utf8.RuneCountInString(w) == 1 && unicode.IsLetter([]rune(w)[0]):
		case w != "" && strings.Trim(w, "IVX") == "":
		case w != "" && digits && len(w) <= 3:
		default:
			return false
		}
	}
	return true
}
