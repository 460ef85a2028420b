package extract

import (
	"slices"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// slotRef is where a slot matched: the token of its group, and whether
// it is the modifier of that group ("RANKL" in "RANKL-induced NF-κB").
type slotRef struct {
	at   int // -1 when unset
	mods bool
	bare bool // read without the mention's loss of function
	also int  // a second group the slot stands for ("X secretes Y to induce Z": X and Y), or -1
}

// match is one match of an entry.
type match struct {
	rule     *Rule
	slots    [4]slotRef // X, Y, Z, T
	consumed []int      // tokens the literal and anchor elements matched
	lo, hi   int        // first and last token of the match
	anchor   int        // the anchor's token
	unknown  int        // plain words admitted by "~" fillers
}

func slotIndex(c byte) int {
	switch c {
	case 'X':
		return 0
	case 'Y':
		return 1
	case 'Z':
		return 2
	}
	return 3
}

func (m *match) slot(c byte) slotRef { return m.slots[slotIndex(c)] }

func (m *match) reset(r *Rule) {
	m.rule = r
	m.slots = [4]slotRef{{at: -1, also: -1}, {at: -1, also: -1}, {at: -1, also: -1}, {at: -1, also: -1}}
	m.consumed = m.consumed[:0]
	m.lo, m.hi, m.unknown = 1<<30, -1, 0
}

func (m *match) cover(i int) {
	m.lo, m.hi = min(m.lo, i), max(m.hi, i)
}

// sentence is the state of the engine on one sentence.
type sentence struct {
	rs      *Rules
	r       *resolve.Resolver
	toks    []tok
	out     []found
	m       match
	also    int  // a second subject the last subject search found, or -1
	bare    bool // the last subject search went through a relative pronoun
	saved   []saveState
	depth   int // of the subject search
	chained int // depth of the routes followed
	work    int // elements tried: a measure of the work done
	budget  int // elements left to try for the current match
}

// found is a statement read from a sentence.
type found struct {
	subj, obj string
	rel       graph.Relation
	rule      string
	conf      float64
	hedge     source.Hedge
	anaphor   bool // an end was read through an anaphor of the sentence before
}

// elemFits reports whether the element e (of count one) matches toks[i],
// recording slots and consumed tokens in m.
func (s *sentence) w(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].w
}

func (s *sentence) elemFits(e *elem, i int) bool {
	s.work++
	s.budget--
	t := &s.toks[i]
	switch e.kind {
	case eSlot:
		if t.g == nil || t.covered || !consOK(e.cons, t.g.ents) {
			return false
		}
		if t.g.unknownOnly() && e.slot == 'Y' && s.modHead(i+1) > i+1 {
			// "inhibited HOBIT CM-induced proliferation": the unknown
			// name is part of the modifier; the object is its head
			return false
		}
		if e.cons&consAgent != 0 && s.afterLossGerund(i) {
			return false
		}
		if e.cons&consNotByAgent != 0 && s.w(s.wordBefore(i)) == "by" {
			return false
		}
		if s.cellPossessor(i) > i {
			// "upregulating osteoblast expression of PTHrP": the cells
			// whose expression it is, not the object
			return false
		}
		if e.cons&consNotInhibitedReceptor != 0 && slices.ContainsFunc(t.g.ents, func(x *ent) bool { return s.rs.inSet(setLigandInhibited, x) }) {
			return false
		}
		if e.cons&consLiving != 0 && slices.ContainsFunc(t.g.ents, func(x *ent) bool { return s.rs.sets[setStores][lastWord(x.text)] }) {
			return false
		}
		if e.cons&consNotWay != 0 && i+1 < len(s.toks) && (s.rs.sets[setSignal][s.toks[i+1].w] || s.toks[i+1].w == "pathway" || s.toks[i+1].w == "pathways") {
			return false
		}
		if e.suffix != nil {
			last := t.g.ents[len(t.g.ents)-1]
			if !e.suffix[last.suffix] {
				return false
			}
		} else if answersTo[t.g.ents[len(t.g.ents)-1].suffix] {
			// "insulin-responsive genes", "cAMP-response element",
			// "palbociclib-resistant cells": what answers to the mention,
			// not the mention
			return false
		}
		s.m.slots[slotIndex(e.slot)] = slotRef{at: i, also: -1}
	case eMerged:
		g := t.g
		if g == nil || t.covered || g.mods == nil || !e.suffix[g.modSuffix] || !consOK(e.cons, g.mods) || !consOK(e.cons2, g.ents) {
			return false
		}
		s.m.slots[slotIndex(e.slot)] = slotRef{at: i, mods: true, also: -1}
		s.m.slots[slotIndex(e.slot2)] = slotRef{at: i, also: -1}
	case eWords:
		if t.g != nil || !e.words[t.w] {
			return false
		}
		s.m.consumed = append(s.m.consumed, i)
	case eAnchor, eClass:
		if t.g != nil || !s.formFits(e, i) || e.kind == eAnchor && t.covered && e.forms&(formNoun|formAgent|formPart) == 0 && s.hasForm(i, formNoun) {
			// "SOCS3 levels increase in osteoclasts": a word a modifier
			// read as a noun ("an increase in Y") is no verb here
			return false
		}
		s.m.consumed = append(s.m.consumed, i)
	case eSet:
		if t.g != nil || !e.words[t.w] {
			return false
		}
	}
	s.m.cover(i)
	return true
}

// answersTo are the suffixes that make a mention the stimulus of what it
// names: "insulin-responsive genes", "palbociclib-resistant cells".
var answersTo = map[string]bool{
	"responsive": true, "response": true, "resistant": true, "resistance": true, "sensitive": true,
	"insensitive": true, "refractory": true, "tolerant": true, "naive": true, "naïve": true,
}

// formFits reports whether toks[i] is a word of e's classes in e's forms.
// A past form read as a finite verb must not follow a form of "be" nor
// precede "by": it is then a participle.
func (s *sentence) formFits(e *elem, i int) bool {
	for _, f := range s.toks[i].forms {
		if f.form&e.forms == 0 || !containsInt(e.classes, f.class) {
			continue
		}
		if f.form == formVerb && f.past && e.forms&formPart == 0 && (s.passiveAt(i) || s.rs.sets[setDet][s.w(i-1)] && !s.floatingQuantifier(i-1) || s.rs.sets[setPrep][s.w(i-1)]) {
			continue // a participle: "is induced", "the increased accumulation", "due to increased Y"
		}
		if f.form == formVerb && !f.past && (s.w(i-1) == "a" || s.w(i-1) == "an" || s.w(i-1) == "the") {
			continue // a noun: "in association with a decrease in Y"
		}
		if f.form == formVerb && !f.past && s.w(i-1) != "to" && s.rs.sets[setPrep][s.w(i-1)] {
			continue // an adjective or a noun: "with lower concentration", "in decline"
		}
		return true
	}
	return false
}

// floatingQuantifier reports whether toks[i] is "each", "both" or "all"
// right after a mention: "TGF-β and PTH each induced PTHrP", where the
// past form after it is a finite verb.
func (s *sentence) floatingQuantifier(i int) bool {
	switch s.w(i) {
	case "each", "both", "all":
		return i > 0 && s.toks[i-1].g != nil
	}
	return false
}

// passiveAt reports whether the past form at toks[i] is a participle: a
// form of "be" before it (adverbs between) or "by" after it.
func (s *sentence) passiveAt(i int) bool {
	if i+1 < len(s.toks) {
		switch s.toks[i+1].w {
		case "by", "via", "through":
			return true // "NFATc1 activated via calcium signalling"
		}
	}
	be, skip := s.rs.sets[setBe], s.rs.sets[setSkip]
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		w := s.toks[k].w
		if be[w] {
			return true
		}
		if s.toks[k].g != nil || !skip[w] {
			return false
		}
	}
	return false
}

func consOK(c cons, ents []*ent) bool {
	if c == 0 {
		return true
	}
	if c&consEffects != 0 {
		last := strings.ToLower(ents[len(ents)-1].text)
		if !strings.HasSuffix(last, "effects") && !strings.HasSuffix(last, "effect") {
			return false
		}
	}
	for _, e := range ents {
		if e.target {
			continue
		}
		switch {
		case c&consCell != 0 && (!e.known() || !e.cells),
			c&consNotCell != 0 && e.known() && e.cells,
			c&consProc != 0 && (!e.known() || !e.procs),
			c&consNotProc != 0 && e.known() && e.procs,
			c&consMol != 0 && e.known() && (e.cells || e.procs),
			c&consChem != 0 && (!e.known() || !e.chems),
			c&consNotChem != 0 && e.known() && e.chems,
			c&consMiRNA != 0 && !microRNA(e),
			c&consNotMiRNA != 0 && microRNA(e):
			return false
		}
	}
	return true
}

// run matches elems in order from token i in direction dir (+1 or -1;
// for -1, elems are given nearest first), calling done at the end. A
// quantified element takes as few tokens as it can (the nearest reading
// first).
func (s *sentence) run(elems []elem, i, dir int, done func(end int) bool) bool {
	if len(elems) == 0 {
		return done(i - dir)
	}
	if s.budget <= 0 {
		return false
	}
	e := &elems[0]
	if i < 0 && dir < 0 && e.kind == eSet && e.words[sentenceStartWord] {
		// a set with "^" matches the start of the sentence: "Inactive
		// IKK sequesters NF-κB" (@adjctx)
		return s.run(elems[1:], i, dir, done)
	}
	// covered tokens and asides before a slot, literal or set are skipped
	if e.max == 1 {
		i0 := i
		for i >= 0 && i < len(s.toks) {
			j, next := i, i+dir
			if e.kind == eMerged {
				// the phrase "X-induced ... Y" spans from the modifier to
				// its head
				if h := s.modHead(i); dir > 0 && h >= 0 {
					j, next = h, h+1
				} else if g := s.toks[i].g; dir < 0 && g != nil && g.mods != nil {
					next = g.modAt - 1
				}
			}
			if s.elemFitsSaved(e, j) {
				return s.run(elems[1:], next, dir, done) || s.undo(e)
			}
			if !s.toks[i].covered {
				break
			}
			i += dir
		}
		if e.optional() {
			// the next element starts where this one would have: the
			// covered words skipped here may be its own ("and
			// repression of": taken by a loss-of-function modifier)
			return s.run(elems[1:], i0, dir, done)
		}
		return false
	}
	return s.runSet(e, elems[1:], i, dir, 0, 0, done)
}

// modHead returns the head whose modifier is the group at toks[i]
// ("NF-κB" for "RANKL" in "RANKL-induced NF-κB"), or -1.
func (s *sentence) modHead(i int) int {
	if i < 0 || i >= len(s.toks) || s.toks[i].g == nil || !s.toks[i].covered {
		return -1
	}
	for j := i + 1; j < len(s.toks) && j <= i+5; j++ {
		if g := s.toks[j].g; g != nil && g.mods != nil && g.modAt == i {
			return j
		}
	}
	return -1
}

// sentenceStartWord, in a set of the table, lets the set match the start
// of the sentence, before its first word.
const sentenceStartWord = "^"

// workLimit bounds the elements tried per entry and anchor.
const workLimit = 1 << 12

// runSet matches a quantified set element lazily: first with n tokens,
// then with one more.
func (s *sentence) runSet(e *elem, rest []elem, i, dir, n, unknown int, done func(int) bool) bool {
	if n >= e.min {
		saved := s.m.unknown
		s.m.unknown += unknown
		if s.run(rest, i, dir, done) {
			return true
		}
		s.m.unknown = saved
	}
	if n >= e.max || i < 0 || i >= len(s.toks) {
		return false
	}
	s.work++
	s.budget--
	t := &s.toks[i]
	switch {
	case t.covered:
		return s.runSet(e, rest, i+dir, dir, n, unknown, done)
	case t.g != nil:
		if j := s.cellPossessor(i); j > i && dir > 0 && e.unknown && unknown < s.rs.maxUnknown {
			return s.runSet(e, rest, j+1, dir, n+1, unknown+1, done)
		}
		if dir > 0 && e.unknown && unknown < s.rs.maxUnknown && t.g.unknownOnly() && i+1 < len(s.toks) &&
			s.toks[i+1].covered && s.toks[i+1].g != nil && s.toks[i+1].g.unknownOnly() {
			// "HOBIT CM-induced proliferation": a name nobody knows
			// before the modifier, itself unknown, of the object
			return s.runSet(e, rest, i+1, dir, n+1, unknown+1, done)
		}
		return false
	case e.words[t.w]:
		return s.runSet(e, rest, i+dir, dir, n+1, unknown, done)
	case (t.w == "(" && dir > 0 || t.w == ")" && dir < 0) && e.max > 1:
		if j := s.aside(i, dir); j >= 0 && s.runSet(e, rest, j+dir, dir, n+1, unknown, done) {
			return true
		}
		// "genes (A, B)", "enzyme (i.e., COX-1 and -2)": into the
		// brackets, as a plain word
		if e.unknown && unknown < s.rs.maxUnknown && dir > 0 {
			j := i + 1
			for j < len(s.toks) && s.toks[j].g == nil && exampleMarker[s.toks[j].w] {
				j++
			}
			return s.runSet(e, rest, j, dir, n+1, unknown+1, done)
		}
	case e.unknown && unknown < s.rs.maxUnknown && (s.plain(i) && !s.unsignedNoun(i) || s.innerComma(i)):
		return s.runSet(e, rest, i+dir, dir, n+1, unknown+1, done)
	case e.unknown && unknown < s.rs.maxUnknown && dir > 0 && n == 0 && (t.w == "in" || t.w == "within"):
		// "TNF induced in HUVEC, a marked activation of p38": where,
		// between the verb and its object
		if j := s.cellSetting(i); j > i {
			return s.runSet(e, rest, j+1, dir, n+1, unknown+1, done)
		}
	}
	return false
}

// cellSetting returns, for "in HUVEC" or "in osteoblasts," at toks[i], the
// index of its last token (the comma after the cells, if any); i when
// there is none.
func (s *sentence) cellSetting(i int) int {
	if (s.toks[i].w != "in" && s.toks[i].w != "within") || i+1 >= len(s.toks) {
		return i
	}
	g := s.toks[i+1].g
	if g == nil || s.toks[i+1].covered || !g.cellsOnly() {
		return i
	}
	end := i + 1
	if end+1 < len(s.toks) && s.toks[end+1].w == "," {
		end++
	}
	if end+1 >= len(s.toks) {
		return i
	}
	// a determiner opens the object; not a new clause ("increased in
	// osteoblasts, and OPG decreased") nor the cells' description
	// ("increased in osteoblasts treated with PTH")
	if next := s.toks[end+1].w; s.toks[end+1].g != nil || !s.rs.sets[setDet][next] {
		return i
	}
	return end
}

// aside returns the index of the bracket that closes the aside opened at
// toks[i] (in direction dir), or -1; an aside is at most 16 tokens.
func (s *sentence) aside(i, dir int) int {
	open, close := "(", ")"
	if dir < 0 {
		open, close = ")", "("
	}
	depth := 0
	for k := i; k >= 0 && k < len(s.toks) && k != i+dir*16; k += dir {
		switch s.toks[k].w {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return k
			}
		case ";":
			return -1
		}
	}
	return -1
}

// plain reports whether toks[i] is a word a "~" filler may admit: not a
// group, punctuation, breaker, preposition, form of "be" or verb.
func (s *sentence) plain(i int) bool {
	t := &s.toks[i]
	if t.g != nil || len(t.w) == 0 || isPunct(t.w) {
		return false
	}
	if s.rs.sets[setBreakers][t.w] || s.rs.sets[setPrep][t.w] || s.rs.sets[setBe][t.w] || s.rs.sets[setClause][t.w] {
		return false
	}
	if t.w == "targets" && i > 0 && s.w(i+1) != "of" && (s.rs.sets[setDet][s.toks[i-1].w] || targetQualifiers[s.toks[i-1].w]) {
		// "stimulates its downstream targets c-Myc and cyclins": a noun
		// before the names it stands for; "the targets of X" are not X
		return true
	}
	for _, f := range t.forms {
		if f.form&(formVerb|formPart|formGer) != 0 {
			return false
		}
	}
	// an unknown participle opens a clause: "the complex containing Y";
	// a hyphenated one is an adjective ("bone-resorbing"), and one after
	// a determiner a noun ("triggers the processing of p100")
	return !(len(t.w) > 5 && strings.HasSuffix(t.w, "ing") && !strings.Contains(t.w, "-")) || i > 0 && s.rs.sets[setDet][s.toks[i-1].w]
}

// targetQualifiers are the words before "targets" that make it a noun.
var targetQualifiers = map[string]bool{"downstream": true, "upstream": true, "direct": true,
	"transcription": true, "transcriptional": true, "known": true, "putative": true, "gene": true,
	"key": true, "major": true, "main": true, "nuclear": true, "cellular": true, "molecular": true}

// unsignedNoun reports whether toks[i] is the nominal of a class without
// a sign ("the regulation of Y", "the modulation of Y"): a "~" filler
// does not pass it, since it says nothing of the direction.
func (s *sentence) unsignedNoun(i int) bool {
	for _, f := range s.toks[i].forms {
		if f.form == formNoun && s.rs.classes[f.class].sign == 0 {
			return true
		}
	}
	return false
}

// innerComma reports whether toks[i] is a comma inside a phrase, which a
// "~" filler may pass: "X stimulates, directly or indirectly, Y". A comma
// before a conjunction, a relative pronoun or a new clause's subject and
// verb ends the phrase.
func (s *sentence) innerComma(i int) bool {
	if s.toks[i].w != "," || i+1 >= len(s.toks) {
		return false
	}
	if s.toks[i+1].g != nil && i+2 < len(s.toks) && s.finite(i+2) {
		// "While A increases X, B decreases Y": a subject and its verb
		// open a clause of their own
		return false
	}
	next := s.toks[i+1].w
	return !s.rs.sets[setClause][next] && !s.rs.sets[setBreakers][next]
}

// afterLossGerund reports whether the group at toks[i] follows a gerund
// that a modifier of loss covered ("by targeting NFATc1"), determiners
// aside.
func (s *sentence) afterLossGerund(i int) bool {
	for k := i - 1; k >= 0 && i-k <= 4; k-- {
		t := &s.toks[k]
		switch {
		case t.covered && t.g == nil && strings.HasSuffix(t.w, "ing"):
			return true
		case t.covered, s.rs.sets[setDet][t.w]:
		default:
			return false
		}
	}
	return false
}

// finite reports whether toks[i] is a finite verb of a class.
func (s *sentence) finite(i int) bool {
	for _, f := range s.toks[i].forms {
		if f.form&formVerb != 0 {
			return true
		}
	}
	return false
}

func isPunct(w string) bool {
	switch w {
	case ",", ";", ":", "(", ")", "/":
		return true
	}
	return false
}

// elemFitsSaved is elemFits, remembering what to undo.
func (s *sentence) elemFitsSaved(e *elem, i int) bool {
	s.saved = append(s.saved, saveState{s.m.slots, len(s.m.consumed), s.m.lo, s.m.hi})
	if s.elemFits(e, i) {
		return true
	}
	s.restore()
	return false
}

type saveState struct {
	slots    [4]slotRef
	consumed int
	lo, hi   int
}

func (s *sentence) restore() {
	st := s.saved[len(s.saved)-1]
	s.saved = s.saved[:len(s.saved)-1]
	s.m.slots, s.m.consumed, s.m.lo, s.m.hi = st.slots, s.m.consumed[:st.consumed], st.lo, st.hi
}

// undo restores the state before e matched and reports false.
func (s *sentence) undo(*elem) bool {
	s.restore()
	return false
}

// lastWord returns the last word of a name, in lower case.
func lastWord(name string) string {
	return strings.ToLower(name[strings.LastIndexByte(name, ' ')+1:])
}

// cellPossessor returns, for cells at toks[i] followed by a noun of
// expression and "of" before a name ("osteoblast expression of PTHrP",
// "osteoclasts' production of IL-6"), the index of "of"; otherwise i.
func (s *sentence) cellPossessor(i int) int {
	g := s.toks[i].g
	if g == nil || !g.cellsOnly() || i+3 >= len(s.toks) {
		return i
	}
	j := i + 1
	if s.toks[j].w == "'" || s.toks[j].w == "’" || s.toks[j].w == "'s" {
		j++
	}
	if !s.rs.sets[setPossessed][s.toks[j].w] || s.toks[j+1].w != "of" || j+2 >= len(s.toks) || s.toks[j+2].g == nil {
		return i
	}
	return j + 1
}

// microRNA reports whether e names a microRNA gene or family (MIR21,
// MIRLET7).
func microRNA(e *ent) bool {
	return e.known() && (e.node.Kind == graph.Gene || e.node.Kind == graph.Group) && strings.HasPrefix(e.node.Symbol, "MIR")
}
