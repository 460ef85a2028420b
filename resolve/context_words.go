package resolve

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// shape says how a name is written.
type shape struct {
	lower       bool // letters all lower case ("mass", "rela", "p52")
	capitalised bool // first letter upper, the other letters lower, no digits ("Mass")
	mouseCase   bool // first letter upper, the others lower, with digits ("Tnfsf11")
	symbolLike  bool // digits with letters, or upper case after lower ("cIAP1", "p52")
}

func nameShape(name string) shape {
	var s shape
	letters, upper, lower, digits := 0, 0, 0, 0
	firstUpper := false
	upperAfterLower := false
	seenLower := false
	for i, r := range name {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
				if i == 0 {
					firstUpper = true
				}
				if seenLower {
					upperAfterLower = true
				}
			} else if unicode.IsLower(r) {
				lower++
				seenLower = true
			}
		case unicode.IsDigit(r):
			digits++
		}
	}
	s.lower = letters > 0 && upper == 0
	s.capitalised = firstUpper && upper == 1 && lower > 0 && digits == 0
	s.mouseCase = firstUpper && upper == 1 && lower > 0 && digits > 0
	s.symbolLike = letters > 0 && digits > 0 || upperAfterLower
	return s
}

// familyStem returns the family part of a gene symbol: trailing digits
// (and a letter after digits) removed, "TRAF6" → "TRAF", "MAP3K14" →
// "MAP3K", "TNFRSF11A" → "TNFRSF"; "" when too short to mean anything.
func familyStem(sym string) string {
	s := strings.ToUpper(sym)
	if i := strings.IndexAny(s, "-_."); i >= 0 {
		s = s[:i]
	}
	end := len(s)
	if end > 1 && s[end-1] >= 'A' && s[end-1] <= 'Z' && s[end-2] >= '0' && s[end-2] <= '9' {
		end--
	}
	j := end
	for j > 0 && s[j-1] >= '0' && s[j-1] <= '9' {
		j--
	}
	if j == end || j < 3 {
		return "" // no number to strip, or too short a stem
	}
	return s[:j]
}

// occurrences returns the byte offsets of name in text where it stands
// as a whole word.
func occurrences(text, name string) []int {
	var out []int
	if name == "" {
		return nil
	}
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], name)
		if i < 0 {
			break
		}
		at := from + i
		end := at + len(name)
		b, _ := utf8.DecodeLastRuneInString(text[:at])
		e, _ := utf8.DecodeRuneInString(text[end:])
		if (at == 0 || !letterOrDigit(b)) && (end == len(text) || !letterOrDigit(e)) {
			out = append(out, at)
		}
		from = at + max(1, len(name))
	}
	return out
}

func letterOrDigit(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// stem reduces a lower-case word to a crude stem, so that "apoptosis"
// and "apoptotic", "inhibitor" and "inhibiting" meet.
func stem(w string) string {
	for _, suf := range []string{"ations", "ation", "ators", "ator", "ings", "ing", "ions", "ion", "osis", "otic", "ories", "ory", "ies", "ors", "or", "ers", "er", "es", "ed", "ic", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// contentWords returns the stems of the informative words of a text:
// letters only, at least four of them, generic words left out.
func contentWords(text string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if utf8.RuneCountInString(f) < 4 {
			continue
		}
		w := stem(Normalize(f))
		if len(w) < 4 || tables().genericStems[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// entryWords returns the distinct content words of an entry's name and
// multi-word synonyms.
func entryWords(e Entry) []string {
	var out []string
	add := func(s string) {
		for _, w := range contentWords(s) {
			if !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	add(e.Node.Name)
	for _, list := range [][]string{e.Preferred, e.Synonyms} {
		for _, s := range list {
			if strings.ContainsRune(s, ' ') {
				add(s)
			}
		}
	}
	return out
}

// lowerForm reports whether one of the entry's names with the key is
// written without capitals, as "heparanase" and "noggin" are and "MARK",
// "ACTA" and "protein S" are not.
func lowerForm(e Entry, key string) bool {
	forms := [][]string{{e.Node.Symbol, e.Node.Name}, e.Preferred, e.Synonyms, e.Previous}
	for _, list := range forms {
		for _, f := range list {
			if f != "" && Normalize(f) == key && strings.ToLower(f) == f {
				return true
			}
		}
	}
	return false
}

// symbolForm reports whether one of the entry's names with the key is a
// symbol: a single word, as zebrafish and Xenopus symbols written in
// lower case are.
func symbolForm(e Entry, key string) bool {
	forms := [][]string{{e.Node.Symbol}, e.Preferred, e.Synonyms, e.Previous}
	for _, list := range forms {
		for _, f := range list {
			if f != "" && !strings.ContainsRune(f, ' ') && Normalize(f) == key {
				return true
			}
		}
	}
	return false
}

// allWords returns the lower-case words of at least three letters of a
// text, generic ones included.
func allWords(text string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if utf8.RuneCountInString(f) >= 3 {
			out = append(out, stem(Normalize(f)))
		}
	}
	return out
}

// allEntryWords returns allWords of an entry's name and multi-word
// synonyms.
func allEntryWords(e Entry) []string {
	out := allWords(e.Node.Name)
	for _, list := range [][]string{e.Preferred, e.Synonyms} {
		for _, s := range list {
			if strings.ContainsRune(s, ' ') {
				out = append(out, allWords(s)...)
			}
		}
	}
	return out
}

// wordShare returns the share of words found in the set, and which.
func wordShare(words []string, set map[string]bool) (float64, []string) {
	if len(words) == 0 {
		return 0, nil
	}
	var hits []string
	for _, w := range words {
		if set[w] {
			hits = append(hits, w)
		}
	}
	return float64(len(hits)) / float64(len(words)), hits
}

// overlap returns the share of the words of a found in b.
func overlap(a, b []string) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for _, w := range a {
		if slices.Contains(b, w) {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// groupsOf returns the groups listing the entity as a member, in every
// lexicon.
func (a *analysis) groupsOf(id string) []string {
	var out []string
	for _, l := range a.lexicons {
		out = append(out, l.GroupsOf(id)...)
	}
	return out
}
