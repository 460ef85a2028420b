package resolve

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
)

// definition is a long form the text gives for a name.
type definition struct {
	long string
	form string // "legend", "long (short)" or "short (long)"
}

// definitions finds the long forms the text gives for name: a legend
// item "name, long;" or "name: long;", "long (name)" and "name (long)".
// A long form counts only when the name could abbreviate it (its letters
// occur in order, the first at the start of a word).
func (s *Scope) definitions(name string) []definition {
	text := s.ctx.Text
	var out []definition
	add := func(long, form string) {
		long = strings.TrimSpace(long)
		if long == "" || Normalize(long) == Normalize(name) || !abbreviates(name, long) {
			return
		}
		for _, d := range out {
			if d.long == long {
				return
			}
		}
		out = append(out, definition{long, form})
	}
	for _, at := range occurrences(text, name) {
		end := at + len(name)
		before := strings.TrimRight(text[:at], " ")
		after := text[end:]
		// legend: "; NAME, long form;" (or at the start, or after ":" "." "(")
		if b := lastRune(before); before == "" || strings.ContainsRune(";.:(", b) {
			rest := strings.TrimLeft(after, " ")
			if strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "=") {
				item := rest[1:]
				if k := strings.IndexAny(item, ";\n"); k >= 0 {
					item = item[:k]
				}
				if k := strings.Index(item, ". "); k >= 0 {
					item = item[:k]
				}
				item = strings.TrimSuffix(strings.TrimSpace(item), ".")
				if len(item) <= 120 {
					add(item, "legend")
				}
			}
		}
		// "long form (NAME)"
		if strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")") {
			lead := strings.TrimRight(strings.TrimSuffix(before, "("), " ")
			if long := longFormBefore(lead, name); long != "" {
				add(long, "long (short)")
			}
		}
		// "NAME (long form)"
		if rest := strings.TrimLeft(after, " "); strings.HasPrefix(rest, "(") {
			if k := strings.IndexByte(rest, ')'); k > 1 {
				inner := rest[1:k]
				if !strings.ContainsAny(inner, "()") && strings.Contains(strings.TrimSpace(inner), " ") && len(inner) <= 120 {
					add(inner, "short (long)")
				}
			}
		}
	}
	return out
}

// longFormBefore returns the shortest run of words at the end of lead
// that the short form abbreviates, looking back at most
// min(len+5, 2·len) words (Schwartz and Hearst, 2003).
func longFormBefore(lead, short string) string {
	words := strings.Fields(lead)
	n := min(utf8.RuneCountInString(short)+5, 2*utf8.RuneCountInString(short))
	for k := 1; k <= n && k <= len(words); k++ {
		long := strings.Join(words[len(words)-k:], " ")
		if abbreviates(short, long) {
			return long
		}
	}
	return ""
}

// abbreviates reports whether short could abbreviate long: its letters
// and digits occur in long in order, matched from the end, and its first
// one starts a word of long (Schwartz and Hearst, 2003).
func abbreviates(short, long string) bool {
	s := []rune(strings.ToLower(short))
	l := []rune(strings.ToLower(long))
	si, li := len(s)-1, len(l)-1
	for si >= 0 {
		c := s[si]
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			si--
			continue
		}
		for li >= 0 && (l[li] != c || si == 0 && li > 0 && (unicode.IsLetter(l[li-1]) || unicode.IsDigit(l[li-1]))) {
			li--
		}
		if li < 0 {
			return false
		}
		si--
		li--
	}
	return true
}

// applyDefinition weighs the candidates by a definition of the name,
// adding the entity the long form names when it is not among them.
func (s *Scope) applyDefinition(d definition, cands *[]candidate, key string) []string {
	res := s.r.Resolve(d.long)
	var why []string
	if n, ok := res.Node(); ok {
		found := false
		for i := range *cands {
			c := &(*cands)[i]
			if c.entry.Node.ID == n.ID || slices.Contains(c.entry.Node.Members, n.ID) {
				c.w *= wDefined
				c.support, c.defined, found = true, true, true
				why = append(why, fmt.Sprintf("the text defines it as %q (%s)", d.long, n.Label()))
			} else {
				c.w *= wDefinedOther
				c.against = true
			}
		}
		if !found {
			e, _ := s.r.Entry(n.ID)
			*cands = append(*cands, candidate{entry: e, tier: res.Tier, lex: -1, w: tierWeight(TierSymbol) * wDefined, support: true, defined: true})
			why = append(why, fmt.Sprintf("the text defines it as %q: %s", d.long, n.Label()))
		}
		return why
	}
	if res.Status == Ambiguous {
		hit := false
		for i := range *cands {
			c := &(*cands)[i]
			if slices.ContainsFunc(res.Candidates, func(n graph.Node) bool { return n.ID == c.entry.Node.ID }) {
				c.w *= wDefined / 2
				c.support, c.defined, hit = true, true, true
			}
		}
		if hit {
			return []string{fmt.Sprintf("the text defines it as %q", d.long)}
		}
	}
	// The long form resolves to nothing: compare its words with the
	// candidates' names.
	lw := contentWords(d.long)
	best := 0.0
	shares := make([]float64, len(*cands))
	for i, c := range *cands {
		shares[i] = overlap(lw, entryWords(c.entry))
		best = max(best, shares[i])
	}
	if best >= 0.5 {
		for i := range *cands {
			c := &(*cands)[i]
			if shares[i] >= 0.5 {
				c.w *= 1 + (wDefined-1)*shares[i]
				c.support, c.defined = true, true
				why = append(why, fmt.Sprintf("the text defines it as %q, close to the name of %s", d.long, c.entry.Node.Label()))
			} else {
				c.w *= wDefinedOther
				c.against = true
			}
		}
		return why
	}
	// No informative word in common: a long form that shares half its
	// words with a name, generic words included ("epithelial growth
	// factor" for EGF), neither supports nor rejects it.
	aw := allWords(d.long)
	loose := false
	for i := range *cands {
		c := &(*cands)[i]
		if overlap(aw, allEntryWords(c.entry)) >= 0.5 {
			loose = true
			continue
		}
		c.w *= wDefinedOther
		c.against = true
	}
	if loose {
		why = append(why, fmt.Sprintf("the text defines it loosely as %q", d.long))
	} else if len(*cands) > 0 {
		why = append(why, fmt.Sprintf("the text defines it as %q, which names none of the candidates", d.long))
	}
	return why
}
