package resolve

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve/internal/lexdata"
)

// Mention is a name found in a text by [Resolver.Mentions].
type Mention struct {
	// Start and End are the byte offsets of the name in the text:
	// Text == text[Start:End].
	Start, End int
	Text       string // the name as written
	// Result is the resolution of the name. It is Resolved or Ambiguous
	// for names of the lexicon (a slash list such as "RANK/RANKL" is
	// Resolved with List set, or resolves to the group whose members it
	// lists), and Unknown for symbol-like words ("AKT", "NFATc1") that no
	// entry matches. A short form defined in the text ("parathyroid
	// hormone-related protein (PTHrP)", or a legend "OC, osteoclast;")
	// carries the result of its long form when it does not resolve to one
	// entity by itself; its Reason then starts with "abbreviation". A
	// short alias set aside (see [Resolver.Mentions]) is Unknown with its
	// gene as the one candidate and a Reason starting "set aside".
	Result Result
}

// Resolved reports whether the mention names one entity or a list of
// entities (Status Resolved).
func (m Mention) Resolved() bool { return m.Result.Status == Resolved }

// maxNgram is the most sub-tokens a name may span, and maxKey the longest
// normalised name looked up.
const (
	maxNgram = 14
	maxKey   = 96
)

// subTok is a piece of a word between hyphens and slashes.
type subTok struct {
	start, end int
	key        string // Normalize(text[start:end])
	word       int    // index of the word it belongs to
	startOK    bool   // a name may start here
	endOK      bool   // a name may end here
}

// word is a maximal run of word characters, with leading and trailing
// hyphens and slashes trimmed.
type word struct {
	start, end int
	first      int // index of its first sub-token
	last       int // index one past its last sub-token
}

// Mentions finds the names of entities in a text: every run of up to 14
// words and word parts whose normalised form is a name of the lexicon
// (see [Normalize]; plurals fall back to their singular), chosen longest
// first and then leftmost, never overlapping. Hyphenated words and slash
// lists are kept whole when they name something ("NF-κB", "p52/RelB",
// "cIAP1/2", "RANK/RANKL"); otherwise their parts are tried, so that
// "AKT/ERK/NF-κB" yields "NF-κB", and a name can end before a hyphen
// followed by a suffix such as "-secreting", "-derived", "-induced" or
// "-mediated", which stays in the text for a reader's patterns. A name
// never spans a comma, semicolon, colon, full stop or unbalanced
// parenthesis, so the parts of a coordination ("IL-1, IL-6 and MIP-1α")
// are separate mentions. English words, units and short aliases that are
// mostly used for something else ("AP", "ER", "find") never become gene
// mentions; "pERK" and the "-β" of "GSK-3α and -β" name their proteins.
// Short forms defined in the text are recorded (see [Mention]),
// and symbol-like words that match nothing are returned as Unknown
// mentions. A word in lower case that genes' entries write only in
// capitals ("marks", "minor") is no mention. A gene named only by a short
// alias or previous symbol ("CSR", "TGs") that shares no pathway (of
// lexicon/pathways.tsv) with any other gene the text names is set aside:
// the mention is Unknown, its candidate kept and its Reason starting
// "set aside". A symbol shared by several genes ("TRIF": TICAM1 or
// TRIM69) names the one of them that shares WikiPathways pathways with two
// genes of the text or more, when only one does and no "cells" follows
// it ("PC-3 cells"); otherwise it stays Ambiguous. The result is sorted by Start. Time is linear in the length of
// the text (a bounded number of map look-ups per word): a phrase stops
// growing as soon as no name can begin with it, which a filter of the
// names' prefixes tells; the first call builds that filter for the
// compiled lexicon (a few tens of milliseconds and 4 MiB, once per
// process).
func (r *Resolver) Mentions(text string) []Mention {
	bufs := tokenPool.Get().(*tokenBufs)
	words, subs := tokenize(bufs, text)
	cands := bufs.cands[:0]
	defer func() { bufs.put(words, subs, cands) }()
	if len(subs) == 0 {
		return nil
	}
	var buf []byte
	for i := range subs {
		if !subs[i].startOK || tables().noStart[subs[i].key] {
			continue
		}
		buf = buf[:0]
		depth := 0
		hs := lexdata.HashStart // the unfolded hash of buf
		for j := i; j < len(subs) && j < i+maxNgram; j++ {
			if j > i {
				ok, d := gapOK(text[subs[j-1].end:subs[j].start], depth)
				if !ok {
					break
				}
				depth = d
			}
			buf = append(buf, subs[j].key...)
			if len(buf) > maxKey {
				break
			}
			if len(buf) == 0 {
				continue
			}
			hs = lexdata.HashMoreString(hs, subs[j].key)
			h := lexdata.HashFold(hs)
			// When no key begins with buf, only its singular may still
			// be one, and no longer phrase can be.
			singular := func() bool {
				return hasPlural(buf) && r.hasKey(buf[:len(buf)-1], lexdata.HashBytes(buf[:len(buf)-1]))
			}
			may := r.mayBegin(h)
			if !may && !singular() {
				break
			}
			if !subs[j].endOK || depth != 0 {
				continue
			}
			if !(may && r.hasKey(buf, h)) && !singular() {
				continue
			}
			if m, ok := r.candidate(text, subs, i, j); ok {
				cands = append(cands, m)
			}
		}
	}
	// "Tumor-derived RANKL": a word before a suffix of origin may name a
	// cell ("tumor cell").
	for i := range subs {
		if i+1 >= len(subs) || !subs[i].startOK || subs[i+1].word != subs[i].word || !tables().origin[strings.ToLower(text[subs[i+1].start:subs[i+1].end])] {
			continue
		}
		if !isDash(rune(text[subs[i].end])) && text[subs[i].end] != 0xe2 {
			continue
		}
		// The longest phrase of up to three words that names a cell:
		// "breast cancer-induced" is the breast cancer cell's doing.
		for k := max(i-2, 0); k <= i; k++ {
			if !subs[k].startOK || !spacedWords(text, subs[k:i+1]) {
				continue
			}
			res := r.inText(text[subs[k].start:subs[i].end] + " cell")
			if n, ok := res.Node(); ok && n.Kind == graph.Cell {
				res.Query = text[subs[k].start:subs[i].end]
				res.Reason += " (a cell, before " + text[subs[i+1].start:subs[i+1].end] + ")"
				cands = append(cands, Mention{Start: subs[k].start, End: subs[i].end, Text: res.Query, Result: res})
				break
			}
		}
	}
	// Slash lists that do not name an entry as a whole: "RANK/RANKL";
	// with the word before when the first part has two ("MAPKAP K2/3").
	for k, w := range words {
		s := text[w.start:w.end]
		if !strings.Contains(s, "/") || stopPhrase(s) {
			continue // "serine/threonine" is no list of amino acids
		}
		if k > 0 && words[k-1].end+1 == w.start && text[words[k-1].end] == ' ' {
			start := words[k-1].start
			if s2 := text[start:w.end]; r.listParts(s2) && !stopPhrase(s2) {
				if res := r.inText(s2); res.Status == Resolved && res.List {
					cands = append(cands, Mention{Start: start, End: w.end, Text: s2, Result: res})
					continue
				}
			}
		}
		if !r.listParts(s) {
			continue
		}
		if res := r.inText(s); res.Status != Unknown && res.Status != StatusInvalid {
			cands = append(cands, Mention{Start: w.start, End: w.end, Text: s, Result: res})
		}
	}
	// Hyphen lists that do not name an entry as a whole: "the PI3K-AKT
	// pathway", "JAK-STAT signalling".
	for _, w := range words {
		s := text[w.start:w.end]
		if w.last-w.first < 2 || strings.Contains(s, "/") || !nameLike(s) || r.hasKey([]byte(Normalize(s)), lexdata.Hash(Normalize(s))) {
			continue
		}
		if last := text[subs[w.last-1].start:subs[w.last-1].end]; tables().compound[strings.ToLower(last)] {
			continue // "RANKL-induced"
		}
		if res := r.inText(s); res.Status == Resolved && res.List && strings.HasPrefix(res.Reason, "hyphen list") {
			cands = append(cands, Mention{Start: w.start, End: w.end, Text: s, Result: res})
		}
	}
	cands = append(cands, r.parenCompounds(text, words)...)

	chosen := r.numbered(text, words, r.variants(text, words, r.tagged(text, words, selectMentions(cands))))
	chosen = r.abbreviations(text, words, chosen)
	r.coherence(text, chosen)
	return chosen
}

// candidate resolves the sub-tokens i..j and applies the stop rules.
func (r *Resolver) candidate(text string, subs []subTok, i, j int) (Mention, bool) {
	s := text[subs[i].start:subs[j].end]
	res := r.inText(s)
	if res.Status != Resolved && res.Status != Ambiguous {
		return Mention{}, false
	}
	if i == j && stopped(s, res) {
		return Mention{}, false
	}
	if i == j && wordPrefix(text, s, subs[j].end) {
		return Mention{}, false // "co-activation", "Co-culture": a prefix, not CO
	}
	if i == j && aminoCode(s) && genesOnly(res) {
		return Mention{}, false // "Tyr", "Trp": an amino acid's code, not TYR or the TRP channels
	}
	if i < j && genesOnly(res) && englishPhrase(s) {
		return Mention{}, false // "It is" read as the symbol ITIS
	}
	if i < j && joinedWords(s, res) {
		return Mention{}, false // "could inhibit or augment" read as "inhibitor"
	}
	if stopPhrase(s) {
		// a phrase of the stop table, whatever it resolves to:
		// "serine/threonine kinase" (an alias of MARK2) describes any,
		// "serine/threonine" is no list of amino acids
		return Mention{}, false
	}
	if r.lowerAlias(s, res) {
		return Mention{}, false // "marks" read as the alias MARK of MARK1
	}
	return Mention{Start: subs[i].start, End: subs[j].end, Text: s, Result: res}, true
}

// joinedWords reports whether s is lower-case words separated by
// spaces that glued together spell a candidate's one-word name or symbol:
// "could inhibit or augment" is no "inhibitor".
func joinedWords(s string, res Result) bool {
	if !strings.Contains(s, " ") || strings.ContainsFunc(s, func(c rune) bool { return c != ' ' && !unicode.IsLower(c) }) {
		return false
	}
	glued := strings.ReplaceAll(s, " ", "")
	for _, n := range res.Candidates {
		if strings.EqualFold(n.Name, glued) || strings.EqualFold(n.Symbol, glued) {
			return true
		}
	}
	return false
}

// wordPrefixes are prefixes written with a hyphen before a word that are
// also names of something ("co": carbon monoxide, cobalt), as a sentence
// or a word writes them.
var wordPrefixes = map[string]bool{"co": true, "Co": true}

// wordPrefix reports whether the part s, which ends at text[end], is a
// prefix joined by a hyphen to a lower-case word: "co-activation",
// "Co-culture" (not "CO-releasing": the gas, written as a symbol).
func wordPrefix(text, s string, end int) bool {
	if !wordPrefixes[s] || end+2 > len(text) || !isDash(rune(text[end])) {
		return false
	}
	c, _ := utf8.DecodeRuneInString(text[end+1:])
	return unicode.IsLower(c)
}

// stopped reports whether a one-part name must not become a mention.
func stopped(s string, res Result) bool {
	letters, upper := 0, 0
	for _, c := range s {
		if unicode.IsLetter(c) {
			letters++
			if unicode.IsUpper(c) {
				upper++
			}
		}
	}
	if letters == 0 {
		return true
	}
	low := strings.ToLower(s)
	if englishWord(s, low, upper) {
		return true // "no", "role", "leads", "mice": English, whatever an entry says
	}
	if !genesOnly(res) {
		return false
	}
	if tables().stop[low] || tables().stop[strings.TrimSuffix(low, "+")] {
		return true
	}
	strong := res.Tier <= TierPreferred
	if letters <= 2 && letters == utf8.RuneCountInString(s) && !strong && res.Tier != TierName {
		return true // "ER", "AR", "HS": two-letter aliases
	}
	// An ordinary word ("pink", "set"): lower case, short, matched only
	// through an alias. Capitalised words are left to the stop list.
	if upper == 0 && len(s) <= 4 && res.Tier >= TierSynonym {
		return true
	}
	return false
}

// englishWord reports whether a one-part name is an English word of the
// stop or english tables written as a word: in lower case, or capitalised
// (as at the start of a sentence) when it has three letters or more or is
// an English word HGNC uses ("No"). "NO", "ATP" and "Ca" stay names.
func englishWord(s, low string, upper int) bool {
	t := tables()
	if !t.stop[low] && !t.english[low] {
		return false
	}
	if upper == 0 {
		return true
	}
	first, _ := utf8.DecodeRuneInString(s)
	if upper > 1 || !unicode.IsUpper(first) {
		return false
	}
	return utf8.RuneCountInString(s) >= 3 || t.english[low]
}

// englishPhrase reports whether a name of several words is written as
// English words of the stop or english tables, in lower case but for a
// capital starting the first ("It is", "as well"; not "RANK ligand").
func englishPhrase(s string) bool {
	parts := strings.FieldsFunc(s, func(c rune) bool { return c == ' ' || isDash(c) || c == '/' })
	if len(parts) < 2 {
		return false
	}
	for k, p := range parts {
		low := strings.ToLower(p)
		if !tables().stop[low] && !tables().english[low] {
			return false
		}
		if k > 0 && p != low || k == 0 && strings.ToLower(p[:1])+p[1:] != low {
			return false
		}
	}
	return true
}

// shortFormOK reports whether a word may be a short form defined in the
// text: it has a letter, and it is not a citation number ("(61)"), a
// figure ("Fig.4A"), a residue ("Tyr14") or a mutation ("Y14F", "T27N").
func shortFormOK(short string) bool {
	low := strings.ToLower(short)
	for _, p := range []string{"fig", "table", "ref"} {
		if strings.HasPrefix(low, p) {
			return false
		}
	}
	return strings.ContainsFunc(short, unicode.IsLetter) && !residue(short)
}

// aminoCode reports whether s is an amino acid's three-letter code as
// written for one ("Tyr", "Trp", "Ser"); "Met" is left out, as the HGF
// receptor is written so too.
func aminoCode(s string) bool {
	switch s {
	case "Ala", "Arg", "Asn", "Asp", "Cys", "Gln", "Glu", "Gly", "His", "Ile", "Leu", "Lys", "Phe", "Pro", "Ser",
		"Thr", "Trp", "Tyr", "Val":
		return true
	}
	return false
}

// residue reports whether a word names an amino-acid residue ("Tyr14",
// "Ser473") or a point mutation at a position of two digits or more
// ("Y14F", "T27N"; not "E2F").
func residue(s string) bool {
	const one, three = "ACDEFGHIKLMNPQRSTVWY", "Ala Arg Asn Asp Cys Gln Glu Gly His Ile Leu Lys Met Phe Pro Ser Thr Trp Tyr Val"
	digits := func(t string) int { return len(t) - len(strings.TrimLeft(t, "0123456789")) }
	if len(s) > 3 && strings.Contains(three, s[:3]) && !strings.Contains(s[:3], " ") {
		return digits(s[3:]) == len(s)-3
	}
	n := len(s) - 2
	return n >= 2 && strings.ContainsRune(one, rune(s[0])) && digits(s[1:]) == n && strings.ContainsRune(one, rune(s[len(s)-1]))
}

// lowerAlias reports whether a name written in lower-case letters
// matches only genes, through aliases or previous symbols that their
// entries write as symbols, in capitals ("marks", "minor", "act as" for
// MARK, MINOR, ACTAS): running text, not a name. A name an entry writes
// with small letters ("survivin", "Hepcidin") stays a name, and so do
// symbols ("rela" in a zebrafish text).
func (r *Resolver) lowerAlias(s string, res Result) bool {
	if res.Tier < TierSynonym || !genesOnly(res) || len(res.Candidates) == 0 {
		return false
	}
	for _, c := range s {
		if !unicode.IsLower(c) && c != ' ' {
			return false
		}
	}
	key := Normalize(s)
	single := string(singularKey([]byte(key)))
	for _, n := range res.Candidates {
		e, ok := r.Entry(n.ID)
		if !ok || wordForm(e, key) || single != "" && wordForm(e, single) {
			return false
		}
	}
	return true
}

// wordForm reports whether one of an entry's names with the key is
// written with a small letter.
func wordForm(e Entry, key string) bool {
	for _, list := range [][]string{{e.Node.Symbol, e.Node.Name}, e.Preferred, e.Synonyms, e.Previous} {
		for _, f := range list {
			if f != "" && strings.ContainsFunc(f, unicode.IsLower) && Normalize(f) == key {
				return true
			}
		}
	}
	return false
}

// genesOnly reports whether every candidate is a gene or a group.
func genesOnly(res Result) bool {
	for _, n := range res.Candidates {
		if n.Kind != graph.Gene && n.Kind != graph.Group {
			return false
		}
	}
	return len(res.Candidates) > 0
}

func hasPlural(b []byte) bool {
	n := len(b)
	return n > 3 && b[n-1] == 's' && b[n-2] != 's'
}

// hasKey reports whether any lexicon has the key, without allocating.
func (r *Resolver) hasKey(b []byte, h uint64) bool {
	for _, l := range r.lexicons {
		if l.has(b, h) {
			return true
		}
	}
	return false
}

// mayBegin reports whether a key of any lexicon may begin with the
// normalised string whose [lexdata.Hash] is h; false means that none does.
func (r *Resolver) mayBegin(h uint64) bool {
	for _, l := range r.lexicons {
		if l.mayBegin(h) {
			return true
		}
	}
	return false
}

// listParts reports whether every part of a slash list has a key.
func (r *Resolver) listParts(s string) bool {
	parts := expandSlash(s)
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		k := Normalize(p)
		if k == "" {
			return false
		}
		if !r.hasKey([]byte(k), lexdata.Hash(k)) && !(hasPlural([]byte(k)) && r.hasKey([]byte(k[:len(k)-1]), lexdata.Hash(k[:len(k)-1]))) {
			return false
		}
	}
	return true
}

// spacedWords reports whether the sub-tokens are whole words apart from
// the last one's end, one space between each two.
func spacedWords(text string, subs []subTok) bool {
	for k := 1; k < len(subs); k++ {
		if subs[k].word == subs[k-1].word || text[subs[k-1].end:subs[k].start] != " " {
			return false
		}
	}
	return true
}

// gapOK reports whether a name may span the text between two sub-tokens,
// and the parenthesis depth after it.
func gapOK(gap string, depth int) (bool, int) {
	if rest, ok := primeGap(gap); ok {
		gap = rest // "PI3'-kinase", "PI 3′ kinase": a prime after a position
	}
	for _, c := range gap {
		switch c {
		case ' ', '-', '/', '\u2010', '\u2011', '+', '\u00a0':
		case '\u2013':
			// an en dash written for a hyphen, between two words
			// ("IL–6", "homeobox–5"); spaced, it sets a phrase apart
			if len(gap) != len("\u2013") {
				return false, depth
			}
		case '(', '[':
			depth++
		case ')', ']':
			if depth == 0 {
				return false, depth
			}
			depth--
		default:
			return false, depth
		}
	}
	return true, depth
}

// primeGap returns, for a gap that opens with a prime ("'", "′", "’") and
// goes on with one hyphen or space or with nothing, what follows the
// prime.
func primeGap(gap string) (string, bool) {
	for _, p := range []string{"'", "\u2032", "\u2019"} {
		if rest, ok := strings.CutPrefix(gap, p); ok && (rest == "" || rest == "-" || rest == " ") {
			return rest, true
		}
	}
	return "", false
}

func isDash(c rune) bool { return c == '-' || c == '\u2010' || c == '\u2011' }

// isWordRune reports whether c belongs to a word: letters, digits, marks,
// hyphens, slashes and the "+" of "RANK+" and "Ca2+".
func isWordRune(c rune) bool {
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '/' || c == '+' || c == '_'
	}
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) || c == '\u2010' || c == '\u2011'
}

func isAlnum(c rune) bool {
	return c != utf8.RuneError && (unicode.IsLetter(c) || unicode.IsDigit(c))
}

// tokenBufs are the words and sub-tokens of a text, kept in tokenPool
// between calls of [Resolver.Mentions] to spare the allocations.
type tokenBufs struct {
	words []word
	subs  []subTok
	cands []Mention
}

var tokenPool = sync.Pool{New: func() any { return new(tokenBufs) }}

// put returns the buffers to the pool, unless they grew large.
func (b *tokenBufs) put(words []word, subs []subTok, cands []Mention) {
	if cap(subs) > 1<<14 || cap(cands) > 1<<12 {
		return
	}
	clear(words)
	clear(subs)
	clear(cands)
	b.words, b.subs, b.cands = words[:0], subs[:0], cands[:0]
	tokenPool.Put(b)
}

// tokenize splits text into words and sub-tokens, in the buffers of b.
func tokenize(b *tokenBufs, text string) ([]word, []subTok) {
	words := slices.Grow(b.words[:0], len(text)/6+1)
	subs := slices.Grow(b.subs[:0], len(text)/5+1)
	i := 0
	for i < len(text) {
		c, n := utf8.DecodeRuneInString(text[i:])
		if c == utf8.RuneError && n <= 1 || !isWordRune(c) {
			i += max(n, 1)
			continue
		}
		start, end := wordSpan(text, i)
		i = end
		start, end = trimWord(text, start, end)
		if start >= end {
			continue
		}
		w := word{start: start, end: end, first: len(subs)}
		wi := len(words)
		// Split into sub-tokens at hyphens and slashes.
		ps := start
		var seps []rune // separator before each sub-token after the first
		for k := start; k <= end; {
			var c rune
			n := 1
			if k < end {
				c, n = utf8.DecodeRuneInString(text[k:end])
			}
			if k == end || isDash(c) || c == '/' {
				if k > ps {
					subs = append(subs, subTok{start: ps, end: k, key: Normalize(text[ps:k]), word: wi})
					if k < end {
						seps = append(seps, c)
					}
				} else if k < end && len(subs) > w.first {
					// a doubled separator: keep the stronger one
					if c == '/' {
						seps[len(seps)-1] = c
					}
				}
				ps = k + n
			}
			k += n
		}
		w.last = len(subs)
		if w.last == w.first {
			continue
		}
		seps = seps[:w.last-w.first-1]
		markSubs(text, subs, w, seps)
		words = append(words, w)
	}
	return words, subs
}

// wordSpan returns the run of word characters from i: a full stop or
// comma between alphanumerics stays in the word ("1,25-dihydroxyvitamin",
// "B7.1").
func wordSpan(text string, i int) (start, end int) {
	start, end = i, i
	for end < len(text) {
		c, n := utf8.DecodeRuneInString(text[end:])
		if c == utf8.RuneError && n <= 1 {
			break
		}
		if isWordRune(c) {
			end += n
			continue
		}
		if (c == '.' || c == ',') && end > start {
			p, _ := utf8.DecodeLastRuneInString(text[start:end])
			q, _ := utf8.DecodeRuneInString(text[end+n:])
			if isAlnum(p) && isAlnum(q) && (c == '.' && unicode.IsDigit(q) || c == ',' && unicode.IsDigit(p) && unicode.IsDigit(q)) {
				end += n
				continue
			}
		}
		break
	}
	return start, end
}

// trimWord trims hyphens, slashes, underscores and a leading "+" from a
// word.
func trimWord(text string, start, end int) (int, int) {
	for start < end {
		c, n := utf8.DecodeRuneInString(text[start:end])
		if isDash(c) || c == '/' || c == '+' || c == '_' {
			start += n
			continue
		}
		break
	}
	for start < end {
		c, n := utf8.DecodeLastRuneInString(text[start:end])
		if isDash(c) || c == '/' || c == '_' {
			end -= n
			continue
		}
		break
	}
	return start, end
}

// markSubs says where in a word a name may start and end: at its ends,
// at slashes, after "anti-", and before a compound suffix ("-induced").
// seps holds the separator before each sub-token after the first.
func markSubs(text string, subs []subTok, w word, seps []rune) {
	for k := w.first; k < w.last; k++ {
		s := &subs[k]
		s.startOK = k == w.first || seps[k-w.first-1] == '/'
		s.endOK = k == w.last-1 || seps[k-w.first] == '/'
		if !s.startOK && k > w.first && seps[k-w.first-1] != '/' && strings.EqualFold(text[subs[k-1].start:subs[k-1].end], "anti") && k-1 == w.first {
			s.startOK = true // "anti-RANKL"
		}
	}
	// A name may end before "-induced", "-secreting", ...
	for k := w.first; k < w.last-1; k++ {
		if seps[k-w.first] == '/' {
			continue
		}
		// the rest of the word up to the next slash
		m := k + 1
		for m+1 < w.last && seps[m-w.first] != '/' {
			m++
		}
		if m == k+1 && tables().compound[strings.ToLower(text[subs[m].start:subs[m].end])] {
			subs[k].endOK = true
		}
	}
}

// parenCompounds finds "interleukin (IL)-1" and "interferon regulatory
// factor (IRF)3": a long form of up to four words, a parenthesised short
// form and a number, read as "interleukin 1", "interferon regulatory
// factor 3".
func (r *Resolver) parenCompounds(text string, words []word) []Mention {
	var out []Mention
	for k := 0; k+2 < len(words); k++ {
		a, b, c := words[k], words[k+1], words[k+2]
		if text[a.end:b.start] != " (" || b.end+1 > len(text) || text[b.end] != ')' {
			continue
		}
		if c.start != b.end+1 && (c.start != b.end+2 || !isDash(rune(text[b.end+1]))) {
			continue
		}
		num := text[c.start:c.end]
		if !isDigits(strings.TrimRight(num, "abcdefghijklmnopqrstuvwxyzαβγδ")) {
			continue
		}
		for n := min(k, 3); n >= 0; n-- {
			first := words[k-n]
			if strings.ContainsAny(text[first.start:a.end], "(),;:.") {
				continue
			}
			res := r.inText(text[first.start:a.end] + " " + num)
			if res.Status != Resolved && res.Status != Ambiguous {
				continue
			}
			out = append(out, Mention{Start: first.start, End: c.end, Text: text[first.start:c.end], Result: res})
			break
		}
	}
	return out
}

// selectMentions keeps the longest candidates first, then the leftmost,
// dropping those that overlap a kept one, and sorts them by Start.
func selectMentions(cands []Mention) []Mention {
	// Sort indices: a Mention is large to move.
	order := make([]int32, len(cands))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		a, b := &cands[i], &cands[j]
		return cmp.Or(cmp.Compare(b.End-b.Start, a.End-a.Start), cmp.Compare(a.Start, b.Start),
			cmp.Compare(a.Result.Status, b.Result.Status), cmp.Compare(firstID(a.Result), firstID(b.Result)))
	})
	var kept []Mention
	for _, i := range order {
		c := &cands[i]
		overlap := false
		for _, k := range kept {
			if c.Start < k.End && k.Start < c.End {
				overlap = true
				break
			}
		}
		if !overlap {
			kept = append(kept, *c)
		}
	}
	slices.SortFunc(kept, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
	return kept
}

func firstID(r Result) string {
	if len(r.Candidates) == 0 {
		return ""
	}
	return r.Candidates[0].ID
}

type abbrev struct {
	at  int // offset from which the definition holds
	res Result
	def string
}

// abbreviations records short forms defined in the text, applies them to
// later occurrences that do not resolve to one entity, adds the genes of
// point mutants ("RasV12") and microRNAs ("miR-218-5p") no mention
// covers, and adds Unknown mentions for symbol-like words.
func (r *Resolver) abbreviations(text string, words []word, ms []Mention) []Mention {
	defs := make(map[string]abbrev)
	parenDefinitions(text, ms, defs)
	legendDefinitions(text, ms, defs)
	apply := func(m *Mention) bool {
		d, ok := defs[Normalize(m.Text)]
		if !ok || m.Start < d.at {
			return false
		}
		if m.Result.Status == Resolved && (m.Result.Tier <= TierSymbol || m.Result.List || firstID(m.Result) == firstID(d.res)) &&
			!spelledOut(m, d) {
			return false
		}
		q := m.Result.Query
		if q == "" {
			q = m.Text
		}
		m.Result = d.res
		m.Result.Query = q
		m.Result.Reason = "abbreviation of " + d.def
		return true
	}
	for i := range ms {
		if ms[i].Result.Status != Unknown {
			apply(&ms[i])
		}
	}
	// Words that no mention covers.
	var extra []Mention
	j := 0
	for _, w := range words {
		for j < len(ms) && ms[j].End <= w.start {
			j++
		}
		if j < len(ms) && ms[j].Start < w.end {
			continue // covered, at least in part
		}
		s := text[w.start:w.end]
		if k := strings.LastIndexFunc(s, isDash); k > 0 && !strings.Contains(s, "/") && tables().compound[strings.ToLower(s[k+1:])] {
			s = s[:k] // "TiPs-stimulated": the name before the suffix
		}
		m := Mention{Start: w.start, End: w.start + len(s), Text: s, Result: Result{Query: s, Status: Unknown, Reason: "no entry matches"}}
		if len(defs) > 0 && apply(&m) {
			extra = append(extra, m)
			continue
		}
		_, plural := pluralHead(s)
		if _, ok := pointMutant(s); ok || microRNAGenes(s) != nil || greekMemberLike(s) || formPrefixed(s) || greekFirstLike(s) || plural {
			// "RasV12", "N17Rac1": the gene of a point mutant;
			// "miR-218": the gene of a microRNA; "PI3K-delta": the
			// member a group's Greek letter names; "sRANKL": a form
			// of a protein; "caspases-3": a head in the plural
			if res := r.inText(s); res.Status == Resolved && !res.List {
				m.Result = res
				extra = append(extra, m)
				continue
			}
		}
		if symbolLike(s) {
			extra = append(extra, m)
		}
	}
	if len(extra) == 0 {
		return ms
	}
	ms = append(ms, extra...)
	slices.SortFunc(ms, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
	return ms
}

// spelledOut reports whether a definition overrides a gene's symbol: the
// long form names a process or a cell, and its words' initials spell the
// short form ("mesenchymal-epithelial transition (MET)" defines MET as the
// transition, not the receptor the symbol names).
func spelledOut(m *Mention, d abbrev) bool {
	n, ok := d.res.Node()
	if !ok || n.Kind != graph.Process && n.Kind != graph.Cell || len(m.Result.Candidates) == 0 {
		return false
	}
	for _, c := range m.Result.Candidates {
		if c.Kind != graph.Gene {
			return false
		}
	}
	var initials []rune
	for _, w := range strings.FieldsFunc(d.def, func(r rune) bool { return r == ' ' || isDash(r) || r == '/' }) {
		r, _ := utf8.DecodeRuneInString(w)
		initials = append(initials, unicode.ToLower(r))
	}
	var letters []rune
	for _, r := range m.Text {
		if unicode.IsLetter(r) {
			letters = append(letters, unicode.ToLower(r))
		}
	}
	return len(letters) >= 2 && slices.Equal(initials, letters)
}

// parenDefinitions records the short forms the text defines as
// "long form (SHORT)", valid after the definition.
func parenDefinitions(text string, ms []Mention, defs map[string]abbrev) {
	// "long form (SHORT)"
	for _, m := range ms {
		if m.Result.Status != Resolved || m.Result.List {
			continue
		}
		rest := text[m.End:]
		k := 0
		for k < len(rest) && rest[k] == ' ' {
			k++
		}
		if k >= len(rest) || rest[k] != '(' {
			continue
		}
		closeAt := strings.IndexByte(rest[k:], ')')
		if closeAt < 0 {
			continue
		}
		short := strings.TrimSpace(rest[k+1 : k+closeAt])
		if short == "" || strings.ContainsAny(short, " ,;") || len(short) > 15 || !shortFormOK(short) || plainWord(short) {
			continue
		}
		key := Normalize(short)
		if key == "" || key == Normalize(m.Text) {
			continue
		}
		if inner, ok := mentionIn(ms, m.End+k+1, m.End+k+closeAt); ok && inner.Resolved() && firstID(inner.Result) != firstID(m.Result) &&
			len(inner.Result.Candidates) == 1 && !abbreviates(short, m.Text) {
			// "growth factors (VEGF)", "cytokines (IL-6)": an example
			// of the class, a name of its own, not a short form of it
			continue
		}
		if _, dup := defs[key]; !dup {
			defs[key] = abbrev{at: m.End, res: m.Result, def: m.Text}
		}
		// "proteasome inhibitors (PIs)": a later "PI" is one of them
		if n := len(short); n > 2 && short[n-1] == 's' && 'A' <= short[n-2] && short[n-2] <= 'Z' {
			if _, dup := defs[key[:len(key)-1]]; !dup {
				defs[key[:len(key)-1]] = abbrev{at: m.End, res: m.Result, def: m.Text}
			}
		}
	}
}

// mentionIn returns the first mention of ms (sorted by Start) that
// starts in [lo, hi).
func mentionIn(ms []Mention, lo, hi int) (Mention, bool) {
	i, _ := slices.BinarySearchFunc(ms, lo, func(m Mention, s int) int { return cmp.Compare(m.Start, s) })
	if i < len(ms) && ms[i].Start < hi {
		return ms[i], true
	}
	return Mention{}, false
}

// plainWord reports whether a bracketed word is written in lower-case
// letters only: a note ("IL-12p35 (right)", "TNF (green)"), not a short
// form, which has a capital or a digit ("(sRANKL)", "(p53)").
func plainWord(w string) bool {
	return !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) })
}

// legendDefinitions records the short forms a legend defines as
// "SHORT, long form;" or "SHORT: long form;", valid for the whole text.
func legendDefinitions(text string, ms []Mention, defs map[string]abbrev) {
	// A legend: "SHORT, long form;" or "SHORT: long form;", valid for the
	// whole text.
	for _, m := range ms {
		if m.Result.Status != Resolved || m.Result.List {
			continue
		}
		after := strings.TrimLeft(text[m.End:], " ")
		if after != "" && after[0] != ';' && after[0] != '.' {
			continue
		}
		before := strings.TrimRight(text[:m.Start], " ")
		if !strings.HasSuffix(before, ",") && !strings.HasSuffix(before, ":") {
			continue
		}
		before = strings.TrimRight(before[:len(before)-1], " ")
		// the short form is the last word before the separator
		k := strings.LastIndexAny(before, " ;.:(")
		short := before[k+1:]
		if short == "" || len(short) > 15 || !shortFormOK(short) {
			continue
		}
		if k >= 0 {
			p := strings.TrimRight(before[:k+1], " ")
			if p != "" && !strings.HasSuffix(p, ";") && !strings.HasSuffix(p, ".") && !strings.HasSuffix(p, ":") {
				continue
			}
		}
		key := Normalize(short)
		if key == "" || key == Normalize(m.Text) {
			continue
		}
		if _, dup := defs[key]; !dup {
			defs[key] = abbrev{at: 0, res: m.Result, def: m.Text}
		}
	}
}

// symbolLike reports whether a word looks like a gene or protein symbol:
// upper-case letters after the first character, or letters mixed with
// digits, and not a stop word or a Roman numeral.
func symbolLike(s string) bool {
	s = strings.TrimSuffix(s, "+")
	if len(s) < 2 || len(s) > 20 {
		return false
	}
	letters, upperAfter, digits, roman := 0, 0, 0, true
	for k, c := range s {
		switch {
		case unicode.IsLetter(c):
			letters++
			if unicode.IsUpper(c) && k > 0 {
				upperAfter++
			}
			if !strings.ContainsRune("IVX", c) {
				roman = false
			}
		case unicode.IsDigit(c):
			digits++
		}
	}
	if letters < 2 || roman {
		return false
	}
	if c, _ := utf8.DecodeRuneInString(s); !unicode.IsLetter(c) {
		return false
	}
	// the stop list last: most words fail the shape, without lowering
	return (upperAfter > 0 || digits > 0) && !tables().stop[strings.ToLower(s)]
}
