package resolve

// The variant forms of names that the mention finder reads after it has
// chosen the mentions (see [Resolver.Mentions]): phosphorylated forms and
// the parts of an elliptic coordination.

import (
	"cmp"

	"github.com/bonemet/bonemet/graph"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// variants reads the names written in a variant form: a name whose
// last Greek letter a source writes as its Latin initial ("PGC-1β"), a
// phosphorylated protein ("pERK", "p-AKT", "phospho-c-Jun": the protein, not the symbol
// PERK), and the second part of an elliptic coordination ("GSK-3α and
// -β", "C/EBPα and β", "IRS-1, -2": GSK-3β, C/EBPβ, IRS-2; a number
// only after a dash), each a gene or a group.
func (r *Resolver) variants(text string, words []word, ms []Mention) []Mention {
	n, j, prev := len(ms), 0, -1 // prev: the last mention before the word
	for _, w := range words {
		for ; j < n && ms[j].End <= w.start; j++ {
			prev = j
		}
		if a := len(ms) - 1; a >= n && ms[a].End <= w.start && (prev < 0 || ms[a].End > ms[prev].End) {
			prev = a // an elliptic part found before: "IRS-1, -2 and -3"
		}
		s, covered := text[w.start:w.end], j < n && ms[j].Start < w.end
		if _, plural := pluralHead(s); plural && !covered {
			// "caspases-3, -6 and -7": the head in the plural is read
			// here, so that the numbers after it have a base
			if res := r.inText(s); res.Status == Resolved && !res.List && genesOnly(res) {
				ms = append(ms, Mention{Start: w.start, End: w.end, Text: s, Result: res})
				continue
			}
		}
		name, ok := phospho(s)
		if ok && covered && ms[j].Result.Status == Resolved && !genesOnly(ms[j].Result) {
			ok = false // "pDC" names a cell, not a phosphorylated DC
		}
		if !ok || covered && (ms[j].Start != w.start || ms[j].End != w.end) {
			name, ok = "", false
			if !covered && prev >= 0 {
				name, ok = ellipsis(ms[prev].Result.Query, text[ms[prev].End:w.start], s, text[w.end:])
			}
		}
		if !ok && !covered && endsInGreek(s) {
			// "PGC-1β": a name whose last Greek letter some sources
			// write as its Latin initial ("PGC-1b"); see Resolve
			if res := r.inText(s); res.Status == Resolved && genesOnly(res) {
				ms = append(ms, Mention{Start: w.start, End: w.end, Text: s, Result: res})
				continue
			}
		}
		if !ok {
			if prev >= 0 && (!covered || ms[j].Start == w.start && ms[j].End == w.end) {
				if res, ok := r.processEllipsis(ms[prev].Result, text[ms[prev].End:w.start], s); ok {
					if covered {
						ms[j].Result = res
					} else {
						ms = append(ms, Mention{Start: w.start, End: w.end, Text: s, Result: res})
					}
				}
			}
			continue
		}
		if res := r.inText(name); res.Status == Resolved && genesOnly(res) {
			if covered {
				ms[j].Result = res
			} else {
				ms = append(ms, Mention{Start: w.start, End: w.end, Text: s, Result: res})
			}
		}
	}
	if len(ms) > n {
		slices.SortFunc(ms, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
	}
	return ms
}

// epitopeTags are the tags written before the name of a tagged protein:
// "HA-GSK-3β", "Flag-TRAF6", "GFP-dnRab5".
var epitopeTags = []string{"GFP-", "EGFP-", "eGFP-", "YFP-", "CFP-", "RFP-", "mCherry-", "HA-", "Flag-", "FLAG-",
	"flag-", "Myc-", "myc-", "His-", "6xHis-", "His6-", "GST-", "V5-", "T7-", "Strep-"}

// tagged reads a protein written with its epitope tag ("HA-GSK-3β",
// "Flag-TRAF6", "Myc-AKT1") as the protein, the tag left out of the
// mention; a dominant-negative form after the tag ("GFP-dnRab5") keeps
// its "dn" in the mention's text, for a reader of loss of function. Only
// a word whose whole is no name of its own is read so.
func (r *Resolver) tagged(text string, words []word, ms []Mention) []Mention {
	added := false
	for _, w := range words {
		s := text[w.start:w.end]
		var tag string
		for _, t := range epitopeTags {
			if len(s) > len(t)+1 && strings.HasPrefix(s, t) {
				tag = t
				break
			}
		}
		if tag == "" {
			continue
		}
		if whole := r.inText(s); whole.Status == Resolved && !whole.List {
			continue // a name of its own ("HA-1"); "Myc-AKT1" is only a hyphen list
		}
		rest := s[len(tag):]
		res := r.inText(rest)
		if res.Status != Resolved {
			if base, ok := DominantNegative(rest); ok {
				if res = r.inText(base); res.Status == Resolved {
					res.Reason += " (a dominant-negative form, " + rest + ")"
				}
			}
		}
		if res.Status != Resolved || !genesOnly(res) && !geneLikeResult(res) {
			continue
		}
		res.Query = rest
		res.Reason += " (tagged " + strings.TrimSuffix(tag, "-") + ")"
		ms = slices.DeleteFunc(ms, func(m Mention) bool { return m.Start < w.end && m.End > w.start })
		ms = append(ms, Mention{Start: w.start + len(tag), End: w.end, Text: rest, Result: res})
		added = true
	}
	if added {
		slices.SortFunc(ms, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
	}
	return ms
}

// DominantNegative returns the name after the prefix of a
// dominant-negative form: "dn-" or "DN-" before a name ("dn-Rab5",
// "DN-Ras"), "dn" glued to a capital ("dnRab5", "dnIKKβ"); or the name
// of a small GTPase in the point mutant that blocks its activators
// ("N17Rac1", "RasN17", "Cdc42T17N", "RhoAN19").
func DominantNegative(name string) (string, bool) {
	switch {
	case len(name) > 4 && (name[:3] == "dn-" || name[:3] == "DN-" || name[:3] == "Dn-"):
		return name[3:], true
	case len(name) > 3 && name[:2] == "dn" && name[2] >= 'A' && name[2] <= 'Z':
		return name[2:], true
	}
	stem, ok := pointMutant(name)
	if !ok {
		return "", false
	}
	mut := strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(name, stem), stem), "-")
	mut = strings.TrimSuffix(mut, "-")
	low := strings.ToLower(stem)
	for _, g := range gtpaseNegatives {
		if slices.Contains(g.mutants, mut) && slices.ContainsFunc(g.stems, func(s string) bool { return strings.HasPrefix(low, s) }) {
			return stem, true
		}
	}
	return "", false
}

// gtpaseNegatives are the dominant-negative point mutants of the small
// GTPases, which hold their exchange factors: Ras, Rac, Cdc42 and Rap at
// residue 17, Rho at 19.
var gtpaseNegatives = []struct {
	stems, mutants []string
}{
	{[]string{"ras", "h-ras", "hras", "k-ras", "kras", "n-ras", "nras", "rac", "cdc42", "rap"}, []string{"N17", "S17N", "T17N"}},
	{[]string{"rho"}, []string{"N19", "T19N"}},
}

// geneLikeResult reports whether a result's candidates are genes or
// groups of genes.
func geneLikeResult(res Result) bool {
	for _, n := range res.Candidates {
		if n.Kind != graph.Gene && n.Kind != graph.Group {
			return false
		}
	}
	return len(res.Candidates) > 0
}

// endsInGreek reports whether s ends in a Greek letter that
// [greekInitial] reads.
func endsInGreek(s string) bool {
	c, _ := utf8.DecodeLastRuneInString(s)
	for _, g := range greekInitials {
		if g.letter == c {
			return true
		}
	}
	return false
}

// phospho returns the protein a phosphorylated form names: "pERK1/2",
// "p-AKT", "phospho-c-Jun"; the name has two letters or more.
func phospho(s string) (string, bool) {
	rest := s
	switch {
	case len(s) > 8 && strings.EqualFold(s[:8], "phospho-"):
		rest = s[8:]
	case strings.HasPrefix(s, "p-"):
		rest = s[2:]
	case len(s) > 1 && s[0] == 'p' && 'A' <= s[1] && s[1] <= 'Z':
		rest = s[1:]
	}
	return rest, rest != s && len(strings.TrimFunc(rest, func(c rune) bool { return !unicode.IsLetter(c) })) >= 2
}

// processEllipsis reads the noun w after a process and a coordination as
// the process it names with the process's first words: "osteoclast
// formation, activation and survival" (osteoclast activation), "bone
// formation and resorption" (bone resorption). The reading must be a
// process.
func (r *Resolver) processEllipsis(base Result, gap, w string) (Result, bool) {
	if len(base.Candidates) != 1 || base.Candidates[0].Kind != graph.Process || !isLowerWord(w) || !coordination(gap) {
		return Result{}, false
	}
	words := strings.Fields(base.Query)
	for k := len(words) - 1; k >= 1; k-- {
		res := r.inText(strings.Join(words[:k], " ") + " " + w)
		if res.Status == Resolved && len(res.Candidates) == 1 && res.Candidates[0].Kind == graph.Process {
			return res, true
		}
	}
	return Result{}, false
}

// isLowerWord reports whether w is a word of lower-case letters.
func isLowerWord(w string) bool {
	for _, c := range w {
		if !unicode.IsLower(c) {
			return false
		}
	}
	return w != ""
}

// coordination reports whether the gap between two names is a comma,
// "and" or "or", or a comma with either.
func coordination(gap string) bool {
	if len(gap) > 8 {
		return false
	}
	g := strings.ReplaceAll(gap, " ", "")
	return g == "," || g == "and" || g == "or" || g == ",and" || g == ",or"
}

// ellipsis returns the name the word w stands for after the name base and
// the gap between them: base with its final Greek letter, or its final
// number when a dash precedes w, replaced by w.
func ellipsis(base, gap, w, after string) (string, bool) {
	// The gap without its spaces and dashes: at most ",and".
	var kept [4]byte
	n, dash := 0, false
	for _, c := range gap {
		switch {
		case c == ' ':
		case isDash(c) || c == '\u2013':
			dash = true
		case n == len(kept) || c >= utf8.RuneSelf:
			return "", false
		default:
			kept[n] = byte(c)
			n++
		}
	}
	g := string(kept[:n])
	if g != "," && g != "and" && g != "or" && g != ",and" && g != ",or" {
		return "", false
	}
	last, size := utf8.DecodeLastRuneInString(base)
	if first, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.Is(unicode.Greek, first) && unicode.Is(unicode.Greek, last) {
		return base[:len(base)-size] + w, true
	}
	stem := strings.TrimRight(base, "0123456789")
	if !isDigits(w) || len(w) > 2 || stem == base {
		return "", false
	}
	// "BMP-4 and 6": without a dash before the number, only after "and"
	// or "or", a base whose number follows a dash, and no unit after it
	// ("IL-6 and 24 h")
	end, _ := utf8.DecodeLastRuneInString(stem)
	bare := g != "," && isDash(end) && !unitFollows(after)
	if alt, ok := pluralHead(stem + w); ok {
		return alt, dash || bare // "caspases-3, -6 and -7": caspase-6
	}
	return stem + w, dash || bare
}

// unitFollows reports whether the text after a number starts with a unit
// or a sign that makes the number a quantity: "24 h", "5 %", "10 nM".
func unitFollows(after string) bool {
	f := strings.Fields(after)
	if len(f) == 0 {
		return false
	}
	w := strings.ToLower(strings.TrimRight(f[0], ".,;:)"))
	if strings.HasPrefix(after, "%") || strings.HasPrefix(after, " %") {
		return true
	}
	switch w {
	case "h", "hr", "hrs", "hours", "hour", "min", "minutes", "s", "sec", "days", "day", "d", "weeks", "week",
		"months", "years", "nm", "µm", "um", "mm", "m", "mg", "µg", "ug", "ng", "kg", "g", "ml", "µl", "l",
		"%", "fold", "times", "patients", "mice", "cells", "samples", "cases":
		return true
	}
	return false
}

// numbered reads the members a plural name lists by number: "Smads 1, 5,
// and 8" (SMAD1, SMAD5, SMAD8... as the name with each number resolves),
// "MMPs 2 and 9", "Wnts 3a and 5a". The plural becomes the first member's
// mention ("Smads 1"), each later number a mention of its own; the list
// is read only when every name resolves to a gene.
func (r *Resolver) numbered(text string, words []word, ms []Mention) []Mention {
	changed := false
	for i := 0; i+1 < len(words); i++ {
		plural := text[words[i].start:words[i].end]
		if len(plural) < 3 || plural[len(plural)-1] != 's' || !isNumberWord(text[words[i+1].start:words[i+1].end]) ||
			strings.TrimSpace(text[words[i].end:words[i+1].start]) != "" {
			continue
		}
		stem := plural[:len(plural)-1]
		items := []word{words[i+1]}
		for j := i + 2; j < len(words); j++ {
			w := text[words[j].start:words[j].end]
			if (w == "and" || w == "or") && j+1 < len(words) {
				continue // the conjunction is a word of its own
			}
			if !isNumberWord(w) || !coordination(text[items[len(items)-1].end:words[j].start]) {
				break
			}
			items = append(items, words[j])
		}
		var found []Mention
		for k, it := range items {
			num := text[it.start:it.end]
			res := r.inText(stem + num)
			if res.Status != Resolved || !genesOnly(res) {
				found = nil
				break
			}
			start := it.start
			if k == 0 {
				start = words[i].start // "Smads 1"
			}
			found = append(found, Mention{Start: start, End: it.end, Text: text[start:it.end], Result: res})
		}
		if len(found) < 2 {
			continue
		}
		// the list replaces whatever mentions overlapped it ("Smads")
		lo, hi := found[0].Start, found[len(found)-1].End
		ms = slices.DeleteFunc(ms, func(m Mention) bool { return m.Start < hi && lo < m.End })
		ms = append(ms, found...)
		i += len(items)
		changed = true
	}
	if changed {
		slices.SortFunc(ms, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
	}
	return ms
}

// isNumberWord reports whether w is a member number: one or two digits
// and at most one lower-case letter ("5", "12", "3a").
func isNumberWord(w string) bool {
	d := 0
	for d < len(w) && w[d] >= '0' && w[d] <= '9' {
		d++
	}
	return d >= 1 && d <= 2 && (len(w) == d || len(w) == d+1 && w[d] >= 'a' && w[d] <= 'z')
}
