package extract

import (
	"slices"
	"strings"
)

// The clause rules: how the engine finds the subject of a verb, for the
// slot written just before a VERB, PART or GER element. They stand in for
// the "nsubj" of a dependency parse, over tokens:
//
//   - the nearest group to the left, over words of the set subject-skip
//     ("may", "also", "significantly", "been"), heads ("IL-6 expression
//     increases"), words a modifier took and bracketed asides;
//   - not a group inside a prepositional phrase ("expression of X in
//     osteoblasts increases Y" has X as subject), nor the agent of a
//     reduced relative ("IL-6 induced by TNF activates Z" has IL-6);
//   - after "which" or "that": the antecedent ("X, which activates Y");
//   - after "and", "or" or a comma: the subject of the verb before
//     ("X binds Y and activates Z", "X phosphorylates and activates Y",
//     "X degrades Y, stabilizing Z");
//   - after "to" that follows a group: the purpose's subject ("X acts on
//     Y to induce Z" has X; "Y is inhibited by X to attenuate W" has X).

// adverbsBefore returns the index of the first word before toks[k] that
// is no adverb ("by strongly activating": "by"), or -1.
func (s *sentence) adverbsBefore(k int) int {
	p := s.wordBefore(k)
	for p >= 0 && s.toks[p].g == nil && (s.w(p) == "also" || s.w(p) == "further" || len(s.w(p)) > 4 && strings.HasSuffix(s.w(p), "ly") && s.plain(p)) {
		p = s.wordBefore(p)
	}
	return p
}

// gerundIn reports whether a gerund stands among toks[i:j] ("by
// constitutively activating Y": a means, not an agent).
func (s *sentence) gerundIn(i, j int) bool {
	for ; i < j; i++ {
		if s.toks[i].g == nil && s.hasForm(i, formGer) {
			return true
		}
	}
	return false
}

// maxReach bounds how far left the subject search looks, and maxPlain
// the plain words it passes ("T cells in the tumor microenvironment
// express").
const (
	maxReach = 12
	maxPlain = 4
)

// subjectOf returns the index of the group that is the subject of the
// verb at toks[v], or -1.
func (s *sentence) subjectOf(v int) int {
	if s.depth > 3 {
		return -1
	}
	s.depth++
	defer func() { s.depth-- }()
	if s.toks[v].g == nil && s.hasForm(v, formGer) && !s.hasForm(v, formVerb) && s.rs.sets[setPrep][s.w(s.adverbsBefore(v))] {
		if p := s.adverbsBefore(v); (s.w(p) == "by" || s.w(p) == "via") && s.controls(v) {
			// "SSa slows atherosclerosis by inhibiting p38", "SFRP2
			// induces fibrosis via enhancing BMP1": SSa, SFRP2
			return s.byGerundSubject(p)
		}
		return -1 // "through blocking Y", "by increasing Y": a complement
	}
	if s.toks[v].g == nil && s.hasForm(v, formGer) && !s.hasForm(v, formVerb) {
		// "..., thereby preventing Y": the subject of the clause before
		if q := s.wordBefore(v); s.w(q) == "turn" && s.w(q-1) == "in" && s.w(q-2) == "," {
			// "TNF activates caspase-8, in turn activating caspase-3":
			// what the clause before acted on acts in turn
			if g := s.groupBefore(q - 2); g >= 0 && !s.toks[g].g.unknownOnly() && !s.toks[g].g.cellsOnly() {
				return g
			}
		}
		if q := s.wordBefore(v); s.w(q) == "thereby" || s.w(q) == "thus" || s.w(q) == "while" || s.w(q) == "whilst" {
			// "X enhances A while attenuating B": X attenuates B
			if c := s.coordinatedSubject(q, false); c >= 0 {
				return c
			}
			return s.openingSubject(q)
		} else if s.w(q) == "," {
			if c := s.coordinatedSubject(q, false); c >= 0 {
				return c
			}
			// "X forms a complex with Y, releasing Z": a verb the
			// table does not know, so the sentence's opening subject
			return s.openingSubject(q)
		}
	}
	if s.depth == 1 && s.toks[v].g == nil && slices.ContainsFunc(s.toks[v].forms, func(f wordForm) bool { return f.past }) {
		switch s.w(s.adverbsBefore(v)) {
		case "with", "without", "of", "in", "from", "for", "into":
			// "along with markedly suppressed levels of IL-10": the
			// verb a rule reads, a participle after a preposition,
			// opens a noun phrase and has no subject (a clause's
			// subject search may still pass it: "X is implicated in
			// increased Y and may be activated by Z")
			return -1
		}
	}
	skip, heads, det := s.rs.sets[setSkip], s.rs.sets[setHeads], s.rs.sets[setDet]
	k, plain, unknownItem, demonstrative := v-1, 0, false, false
	for k >= 0 && v-k <= maxReach {
		s.work++
		t := &s.toks[k]
		switch {
		case t.covered, det[t.w]:
			demonstrative = demonstrative || !t.covered && (t.w == "this" || t.w == "these" || t.w == "those") && eventNouns[s.w(k+1)]
			k--
			continue
		case plain < maxPlain && (s.plain(k) || s.rs.sets[setPrep][t.w] && t.w != "by" && t.w != "to"):
			k--
			plain++
			continue
		case plain > 0 && plain < maxPlain && t.w == "by" && !unknownItem && !s.gerundIn(k+1, v+1):
			// "activation of X by extracellular ligands initiates Y": an
			// agent that names nothing, passed like any prepositional
			// phrase
			k--
			plain++
			continue
		case plain < maxPlain && t.g != nil && t.g.unknownOnly() && s.afterPrepOrList(k) && s.listBeforeUnknownItem(k) < 0 && s.unknownHead(k):
			// "Anti-IL-6 antibody added to HOBIT or POB CM inhibited":
			// names nobody knows, in the phrase of a preposition
			k--
			plain++
			unknownItem = true
			continue
		case plain < maxPlain && t.g != nil && !t.covered && s.w(k-1) == "to" && s.w(k-2) == "response" && s.w(k-3) == "in":
			// "accumulation of AhR in response to TCDD leads to": the
			// stimulus, in a phrase of its own
			k -= 4
			plain++
			continue
		case t.g != nil && !t.covered && t.g.cellsOnly() && k > 2 && s.w(k-1) != "by" && s.rs.sets[setPrep][s.w(k-1)] && s.toks[k-2].g == nil && s.participleAfterName(k-2):
			// "RANKL expressed on osteoblasts activates RANK": the
			// cells are where the name is
			k -= 3
			continue
		case t.g != nil && !t.covered && t.g.cellsOnly() && s.cellsPlace(k) >= 0:
			// "activates TLR9 signalling in circulating neutrophils
			// resulting in": the cells are where, not what, acts
			k = s.cellsPlace(k) - 1
			plain++
			continue
		case plain > 0 && t.g == nil && k > 0 && s.participleAfterName(k):
			// "PAR2 activated at the apical surface activates ERK1/2",
			// "IL-6 secreted in the marrow induces": a participle and
			// its phrase qualify the name before them
			k--
			continue
		case (t.w == "to" || t.w == "with") && s.bindingOf(k) >= 0:
			return s.bindingOf(k) // "binding of M-CSF to c-Fms is essential for"
		case t.w == "to" && s.groupBefore(k) >= 0:
			return s.purposeSubject(s.groupBefore(k), v)
		case t.w == "to" && purposeVerb[s.w(s.adverbsBefore(k))]:
			// "PKMYT1 acts to inhibit CDK1": the subject of the verb
			// whose purpose the infinitive says
			return s.subjectOf(s.adverbsBefore(k))
		case t.g == nil && (skip[t.w] || heads[t.w]):
			k--
			continue
		case t.w == ")":
			if j := s.aside(k, -1); j >= 0 {
				k = j - 1
				continue
			}
		case t.w == ",":
			// "X, in turn, inhibited", "X, on the other hand,
			// represses": an adverbial aside
			j := k - 1
			for j >= 0 && k-j <= 5 && s.toks[j].g == nil && (skip[s.toks[j].w] || asideWords[s.toks[j].w]) {
				j--
			}
			if j < k-1 && s.w(j) == "," {
				k = j - 1
				continue
			}
		}
		break
	}
	if k < 0 || v-k > maxReach {
		return -1
	}
	t := &s.toks[k]
	if t.g != nil {
		if h := s.headOf(k); h >= 0 || !t.g.unknownOnly() {
			return h
		}
		return s.listBeforeUnknownItem(k)
	}
	switch t.w {
	case "which", "that", "who":
		if t.w == "that" && s.complementizer(k) {
			return -1 // "we identified that the complex activated Ras": no mention is the subject
		}
		a := s.antecedent(k)
		// the clause is about the mention, not its loss; but mutations
		// lead to what they lead to: "loss-of-function mutations of
		// LRP5, which lead to osteoporosis", and so does a loss that a
		// clause of consequence follows: "loss of miR-34a, which led to
		// increased SIRT1"
		s.bare = a < 0 || !s.mutationLoss(a) && !s.consequence(v)
		return a
	case "and", "or", ",":
		if demonstrative {
			// "IL-6 induced RANKL, and this effect was mediated by
			// STAT3": the clause has a subject of its own, which names
			// nothing
			return -1
		}
		if t.w == "," && s.adverbsBefore(v) == k && s.hasForm(v, formPart) && s.w(v+1) == "by" {
			// "OPG blocks RANKL, induced by PTH": a participle and its
			// agent after a comma qualify the name just before
			if g := s.groupBefore(k); g >= 0 && !s.toks[g].g.unknownOnly() {
				if h := s.headOf(g); h >= 0 {
					return h
				}
				return g
			}
		}
		if t.w == "," && s.hasForm(v, formPart) && s.rs.sets[setDet][s.w(k+1)] {
			// "cathepsin K, a cysteine protease produced by osteoclasts":
			// the participle qualifies the apposition, which is the name
			if g := s.groupBefore(k); g >= 0 && !s.toks[g].g.unknownOnly() {
				if h := s.headOf(g); h >= 0 {
					return h
				}
				return g
			}
		}
		c := s.coordinatedSubject(k, !s.hasForm(v, formGer))
		if c < 0 && unknownItem && t.w != "," {
			// "IL-6, TNF, and serum from VCaP cells induced": a list
			// whose last item names nobody known
			return s.listBeforeUnknownItem(k + 1)
		}
		if g := s.groupBefore(k); c < 0 && t.w == "," && g >= 0 && s.opens(g) {
			return s.headOf(g) // "Statins, such as atorvastatin, induce"
		}
		return c
	case "cells", "cell":
		// "IL-6, TNF, and serum from VCaP cells induced Y": the cells
		// end an unknown last item of a list
		return s.listBeforeUnknownItem(k)
	case "but":
		if demonstrative {
			return -1 // "..., but this effect was blocked by X"
		}
		if g := s.notOnlySubject(k); g >= 0 {
			return g // "X not only uncouples A from B, but also leads to C"
		}
		// "X has no effect on A, but increases B"
		if c := s.coordinatedSubject(k, false); c >= 0 {
			return c
		}
		return s.clauseSubject(k)
	}
	return -1
}

// cellsPlace returns, for cells at toks[k] that a preposition of place
// opens over at most two plain words ("in circulating neutrophils"), the
// index of the preposition when a name comes before it; else -1.
func (s *sentence) cellsPlace(k int) int {
	p := s.wordBefore(k)
	for n := 0; n < 2 && p > 0 && s.toks[p].g == nil && !settingWords[s.w(p)] && s.toks[p].forms == nil && !isPunct(s.w(p)) && !s.rs.sets[setPrep][s.w(p)]; n++ {
		p = s.wordBefore(p)
	}
	if p < 1 || !settingWords[s.w(p)] || s.groupBefore(p) < 0 {
		return -1
	}
	return p
}

// settingWords are the prepositions that make cells after them the
// place of what happens, not its agent.
var settingWords = map[string]bool{"in": true, "within": true, "inside": true}

// participleAfterName reports whether toks[k] is a past participle
// right after a known name and before a preposition other than "by"
// ("PAR2 activated at the surface"), which qualifies the name.
func (s *sentence) participleAfterName(k int) bool {
	g := s.toks[k-1].g
	if g == nil || g.unknownOnly() || s.toks[k-1].covered {
		return false
	}
	if p := s.w(k + 1); p == "by" || p == "to" || !s.rs.sets[setPrep][p] {
		return false
	}
	return slices.ContainsFunc(s.toks[k].forms, func(f wordForm) bool { return f.past }) || s.hasForm(k, formPart)
}

// mutationNouns name a change of a gene without saying whether it
// raises or lowers what the gene does.
var mutationNouns = map[string]bool{"mutation": true, "mutations": true, "mutant": true, "mutants": true,
	"variant": true, "variants": true, "polymorphism": true, "polymorphisms": true, "alteration": true,
	"alterations": true}

// asideWords, with the subject-skip words, make up an adverbial aside
// between commas: "on the other hand", "for example", "as a result".
var asideWords = map[string]bool{
	"on": true, "other": true, "hand": true, "for": true, "example": true, "instance": true,
	"as": true, "a": true, "result": true, "at": true, "same": true, "time": true, "this": true,
	"way": true, "by": true, "summary": true, "short": true, "interestingly": true,
	"importantly": true, "notably": true, "surprisingly": true, "of": true, "course": true,
	"too": true, "again": true, "instead": true, "meanwhile": true, "conversely": true,
}

// eventNouns name what a sentence before said happened: "this effect",
// "these responses".
var eventNouns = map[string]bool{
	"effect": true, "effects": true, "response": true, "responses": true,
	"induction": true, "increase": true, "increases": true, "decrease": true,
	"reduction": true, "suppression": true, "inhibition": true, "activation": true,
	"stimulation": true, "upregulation": true, "downregulation": true, "phenomenon": true,
	"change": true, "changes": true,
}

// unknownHead reports whether the head of the group at toks[k] is none
// or a name nobody knows.
func (s *sentence) unknownHead(k int) bool {
	h := s.headOf(k)
	return h < 0 || s.toks[h].g != nil && s.toks[h].g.unknownOnly()
}

// afterPrepOrList reports whether the words before toks[k] (over
// determiners and unknown names joined by "or", "and" or commas, and
// cells before their unknown product: "added to HOBIT or POB CM") end in
// a preposition other than "by".
func (s *sentence) afterPrepOrList(k int) bool {
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		t := &s.toks[j]
		switch {
		case t.g != nil && (t.g.unknownOnly() || t.g.knownCellsOnly()), t.w == "or", t.w == "and", t.w == ",", s.rs.sets[setDet][t.w]:
		case t.g == nil && s.rs.sets[setPrep][t.w]:
			return t.w != "by"
		default:
			return false
		}
	}
	return false
}

// copulaAntecedent returns, for the relative pronoun at toks[k] after
// the noun a copula says its subject is ("SMAD6 is a member of the
// inhibitory SMAD family that prevents", "PTH1R, which is a receptor
// that activates"), that subject's head; else -1. Only plain words,
// determiners, prepositions and unknown names stand between.
func (s *sentence) copulaAntecedent(k int) int {
	for m := k - 1; m >= 1 && m >= k-10; m-- {
		t := &s.toks[m]
		switch {
		case t.g != nil && !t.g.unknownOnly():
			return -1
		case s.rs.sets[setBe][t.w]:
			j := m - 1
			for j >= 0 && s.toks[j].g == nil && s.rs.sets[setSkip][s.toks[j].w] && !s.rs.sets[setBe][s.toks[j].w] {
				j-- // "X is also a"
			}
			if w := s.w(j); w == "which" || w == "that" {
				// "PTH1R (PTHR1), which is a receptor that activates"
				if j--; s.w(j) == "," {
					j--
				}
				if s.w(j) == ")" {
					j = s.aside(j, -1) - 1
				}
			}
			if j >= 0 && s.toks[j].g != nil && !s.toks[j].covered && !s.toks[j].g.unknownOnly() {
				return s.headOf(j)
			}
			return -1
		case t.g != nil, s.plain(m), s.rs.sets[setDet][t.w], s.rs.sets[setPrep][t.w], s.rs.sets[setHeads][t.w]:
		default:
			return -1
		}
	}
	return -1
}

// oneOfAntecedent returns, for a "which" or "that" at toks[k] before a
// verb in the singular, the subject of "X is one of the Ns, which is":
// X, not the Ns; else -1.
func (s *sentence) oneOfAntecedent(k int) int {
	switch s.w(k + 1) {
	case "is", "was", "has", "acts", "plays":
	default:
		return -1
	}
	for m := k - 1; m >= 2 && m >= k-10; m-- {
		if s.w(m) != "of" || s.w(m-1) != "one" {
			continue
		}
		b := m - 2
		for b >= 0 && s.toks[b].g == nil && s.rs.sets[setSkip][s.w(b)] && !s.rs.sets[setBe][s.w(b)] {
			b--
		}
		if !s.rs.sets[setBe][s.w(b)] {
			return -1
		}
		if g := s.groupBefore(b); g >= 0 && !s.toks[g].g.unknownOnly() {
			return s.headOf(g)
		}
		return -1
	}
	return -1
}

// mutationLoss reports whether a mention of the group at toks[a] lost its
// function through mutations ("loss-of-function mutations of X").
// consequence reports whether the verb at toks[v] says what something
// led to or resulted in (the trigger class "lead").
func (s *sentence) consequence(v int) bool {
	return slices.ContainsFunc(s.toks[v].forms, func(f wordForm) bool { return s.rs.classes[f.class].name == "lead" })
}

func (s *sentence) mutationLoss(a int) bool {
	for _, e := range s.toks[a].g.ents {
		if e.pol >= 0 {
			continue
		}
		for _, i := range e.polBy {
			switch s.w(i) {
			case "mutation", "mutations", "mutant", "mutants", "variant", "variants", "allele", "alleles":
				return true
			}
		}
	}
	return false
}

// subjectOverAside returns the group before the aside that the comma at
// toks[c] closes (", more commonly known as a potent vasoconstrictor,"),
// or -1.
func (s *sentence) subjectOverAside(c int) int {
	for j := c - 1; j >= 1 && c-j <= 12; j-- {
		if s.w(j) == "," {
			if g := j - 1; s.toks[g].g != nil && !s.toks[g].covered {
				return s.headOf(g)
			}
			return -1
		}
		if s.toks[j].g != nil && !s.toks[j].covered || s.hasForm(j, formVerb) {
			return -1
		}
	}
	return -1
}

// betweenBefore reports whether "between" opens the phrase whose "and"
// is at toks[p], within ten tokens and no verb.
func (s *sentence) betweenBefore(p int) bool {
	for j := p - 1; j >= 0 && p-j <= 10; j-- {
		if s.w(j) == "between" {
			return true
		}
		if s.hasForm(j, formVerb) {
			return false
		}
	}
	return false
}

// listBeforeUnknownItem returns the list a subject of unknown names ends
// ("Wnt3a, Wnt5a, and conditioned medium (CM) from C4-2B cells induced
// Y": the last item names nothing the resolver knows, and the names in it
// hang on a preposition), or -1: the group before ", and" or ", or" over
// at most ten plain words, asides and prepositions.
func (s *sentence) listBeforeUnknownItem(k int) int {
	for j := k - 1; j >= 1 && k-j <= 10; j-- {
		t := &s.toks[j]
		switch {
		case t.g != nil && !t.g.unknownOnly():
			return -1
		case t.w == "and" || t.w == "or":
			if s.w(j-1) == "," && j >= 2 && s.toks[j-2].g != nil && !s.toks[j-2].g.unknownOnly() {
				return s.headOf(j - 2)
			}
			return -1
		case t.g != nil, t.w == "(", t.w == ")", s.plain(j), s.rs.sets[setPrep][t.w]:
		default:
			return -1
		}
	}
	return -1
}

// clauseSubject returns the first group of the sentence before toks[k]
// that no preposition precedes and that a verb follows: the subject of
// the main clause.
func (s *sentence) clauseSubject(k int) int {
	for i := 0; i < k && i < 4*maxReach; i++ {
		if s.toks[i].g == nil || s.toks[i].covered {
			continue
		}
		if p := s.wordBefore(i); p >= 0 && (s.rs.sets[setPrep][s.w(p)] || s.toks[p].g != nil) {
			continue
		}
		for j := i + 1; j < k && j <= i+6; j++ {
			if s.hasForm(j, formVerb) {
				return s.headOf(i)
			}
		}
		return -1
	}
	return -1
}

// opens reports whether only determiners and covered words come before
// toks[g] in its sentence.
func (s *sentence) opens(g int) bool {
	for i := 0; i < g; i++ {
		if !s.toks[i].covered && !s.rs.sets[setDet][s.w(i)] {
			return false
		}
	}
	return true
}

// exposureAgent returns, for the cells at toks[k] in "X stimulation of
// (quiescent) cells", the index of X; else -1.
func (s *sentence) exposureAgent(k int) int {
	if s.toks[k].g == nil || !s.toks[k].g.cellsOnly() {
		return -1
	}
	j := k - 1
	for n := 0; n < 2 && j >= 0 && s.plain(j) && s.w(j) != "of"; n++ {
		j-- // "of quiescent NIH 3T3 cells"
	}
	if j < 2 || s.w(j) != "of" || !exposure[s.w(j-1)] || s.toks[j-2].g == nil {
		return -1
	}
	return j - 2
}

// exposedCells reports whether the "to" or "with" at toks[p] follows
// "exposure/treatment/stimulation of (cultured) cells".
func (s *sentence) exposedCells(p int) bool {
	c := p - 1
	if c < 0 {
		return false
	}
	if g := s.toks[c].g; (g == nil || !g.cellsOnly()) && s.w(c) != "cells" && s.w(c) != "cell" {
		return false
	}
	if s.w(c) == "cells" && c > 0 && s.toks[c-1].g != nil && s.toks[c-1].g.unknownOnly() {
		c-- // "of C4-2B cells with": a line's name nobody knows
	}
	j := c - 1
	for n := 0; n < 2 && j >= 0 && s.plain(j) && s.w(j) != "of"; n++ {
		j--
	}
	return j >= 1 && s.w(j) == "of" && exposure[s.w(j-1)]
}

// exposure holds the nouns of "X stimulation of cells": X is what acts
// ("myeloma cell engagement of stromal cells enhanced Y": the myeloma
// cells).
var exposure = map[string]bool{"stimulation": true, "treatment": true, "exposure": true, "challenge": true, "incubation": true,
	"engagement": true, "contact": true, "coculture": true, "co-culture": true, "pretreatment": true,
	"transfection": true, "transduction": true, "infection": true}

// openingSubject returns the group that opens the sentence (after an
// opening phrase and its comma: "In resting cells, X ..."), before
// toks[k], when a plain word follows it ("Tollip forms a complex with
// IRAK1, thereby ..."): the subject of a main clause whose verb no rule
// reads. Otherwise -1.
func (s *sentence) openingSubject(k int) int {
	i := 0
	if s.rs.sets[setPrep][s.w(0)] {
		// "In resting cells, Tollip forms ...": past the opening phrase
		for i < k && s.w(i) != "," {
			i++
		}
		i++
	}
	for i < k && (s.toks[i].covered || s.rs.sets[setDet][s.w(i)]) {
		i++
	}
	if i >= k || s.toks[i].g == nil {
		return -1
	}
	j := i + 1
	for j < k && (s.toks[j].covered || s.rs.sets[setHeads][s.w(j)] || s.rs.sets[setSkip][s.w(j)]) {
		j++
	}
	if j == k && s.w(k) == "," {
		return i // "FGF signaling, acting through the MAPK pathway, ...": an aside on the opening subject
	}
	if j >= k || s.toks[j].g != nil || !s.plain(j) || s.rs.sets[setPrep][s.w(j)] || isCoord(s.w(j)) {
		return -1
	}
	return i
}

// bindingOf returns, for the "to" or "with" at toks[k] in "binding of X
// to Y", the index of X; else -1.
func (s *sentence) bindingOf(k int) int {
	g := s.groupBefore(k)
	if g < 2 || s.w(g-1) != "of" {
		return -1
	}
	switch s.w(g - 2) {
	case "binding", "interaction", "association", "engagement", "ligation", "attachment":
		return g
	}
	return -1
}

// groupBefore returns the index of the group just before toks[k]
// (skipping covered tokens, heads and adverbs), or -1.
func (s *sentence) groupBefore(k int) int {
	for j := k - 1; j >= 0 && k-j <= 4; j-- {
		if s.toks[j].covered || s.rs.sets[setHeads][s.toks[j].w] || s.toks[j].g == nil && len(s.toks[j].w) > 4 && strings.HasSuffix(s.toks[j].w, "ly") && s.plain(j) {
			continue
		}
		if s.toks[j].g != nil {
			return j
		}
		return -1
	}
	return -1
}

// wordBefore returns the index of the first token before toks[k] that no
// modifier took, or -1.
func (s *sentence) wordBefore(k int) int {
	for j := k - 1; j >= 0; j-- {
		if !s.toks[j].covered {
			return j
		}
	}
	return -1
}

// headOf returns the subject a group at toks[k] stands for: itself, the
// head a prepositional phrase hangs on, or the head of a reduced relative
// whose agent it is; -1 when it cannot be a subject.
func (s *sentence) headOf(k int) int {
	if a := s.exposureAgent(k); a >= 0 {
		return s.headOf(a) // "PDGF stimulation of fibroblasts leads to": PDGF
	}
	p := s.wordBefore(k)
	if w := s.w(p); (w == "vivo" || w == "vitro") && s.w(s.wordBefore(p)) == "in" {
		p = s.wordBefore(s.wordBefore(p)) // "In vivo, X ...": an adverb, no phrase X hangs on
	}
	if q := s.settingBefore(p); q >= 0 {
		p = q // "into SNAI1-deficient colon cancer cells": where, not who
	}
	if d := s.wordBefore(p); p >= 0 && s.rs.sets[setDet][s.w(p)] && (s.w(d) == "from" || s.w(d) == "in" || s.w(d) == "into") && s.hasForm(s.wordBefore(d), formPart) {
		p = d // "TGF-β released from the bone matrix": the participle's phrase
	}
	for n := 0; n < 3 && p >= 0 && s.plain(p) && !s.rs.sets[setDet][s.w(p)]; n++ {
		// "between A and secondary osteolytic X", "in early bone marrow
		// osteoblast progenitors": the word before the phrase, over up
		// to three plain words
		if q := s.wordBefore(p); q >= 0 && s.rs.sets[setPrep][s.w(q)] && s.w(q) != "of" && s.w(q) != "by" {
			p = q
			break
		}
		p = s.wordBefore(p)
	}
	if p >= 0 && s.toks[p].g != nil {
		p = s.wordBefore(k)
	}
	if s.w(p) == "and" && s.betweenBefore(p) {
		return -1 // "a link between A and secondary B may facilitate": B is no subject
	}
	if w := s.w(p); w == "both" || w == "either" {
		p = s.wordBefore(p) // "on both tumor cells and stromal cells"
	}
	if s.toks[max(p, 0)].g == nil && s.hasForm(p, formPart) && s.w(s.wordBefore(p)) == "of" {
		p = s.wordBefore(p) // "an inhibitor of activated αIIbβ3"
	}
	pw := s.w(p)
	switch {
	case pw == "by":
		// "IL-6 induced by TNF activates": the head before the participle;
		// "blocking Y by X prevents": the agent X
		q := s.wordBefore(p)
		if q >= 0 && s.hasForm(q, formPart) {
			if h := s.groupBefore(q); h >= 0 {
				return s.headOf(h)
			}
		}
		return k

	case pw == "of":
		q := s.wordBefore(p)
		if q >= 0 && s.rs.sets[setNotSubj][s.w(q)] {
			return -1 // "the effects of X"
		}
		if q >= 0 && !s.toks[q].covered && mutationNouns[s.w(q)] {
			// "mutations of LRP5 lead to": gain or loss, the text does
			// not say which ("inactivating mutations of" does, and a
			// modifier has read it)
			return -1
		}
		if q >= 0 && s.toks[q].g != nil && !s.toks[q].covered && s.toks[q].g.chemsOnly() {
			// "a platelet aggregation inhibitor of activated αIIbβ3
			// prevented": the drug the phrase names
			return s.headOf(q)
		}
		return k
	case pw == "":
		return k
	case s.rs.sets[setPrep][pw]:
		if (pw == "to" || pw == "with") && s.exposedCells(p) {
			return k // "exposure of cultured cells to TNF results in": TNF
		}
		if s.w(k+1) == ")" || s.w(k+1) == "," {
			return -1 // "In the presence of M-CSF, ..."
		}
		if q := s.wordBefore(p); (pw == "from" || pw == "in" || pw == "into") && s.toks[max(q, 0)].g == nil && s.hasForm(q, formPart) {
			// "TGF-β released from the bone matrix stimulates": the head
			// before the participle, as for "IL-6 induced by TNF"
			if h := s.groupBefore(q); h >= 0 {
				return s.headOf(h)
			}
		}
		// "expression of X in osteoblasts increased": X
		plain := 0
		for j := p - 1; j >= 0 && p-j <= 6; j-- {
			if s.toks[j].g != nil && !s.toks[j].covered {
				return s.headOf(j)
			}
			switch w := s.w(j); {
			case s.rs.sets[setHeads][w], s.rs.sets[setDet][w], s.toks[j].covered, w == "of":
			case s.plain(j) && plain < 2:
				plain++
			default:
				return -1
			}
		}
		return -1
	}
	return k
}

func (s *sentence) hasForm(i int, f form) bool {
	if i < 0 || i >= len(s.toks) {
		return false
	}
	for _, x := range s.toks[i].forms {
		if x.form&f != 0 {
			return true
		}
	}
	return false
}

// antecedent returns the group a "which" or "that" at toks[k] refers to:
// the nearest group before it within ten tokens, over at most three plain
// words ("X, implicated as factors that ..."); for "X is the factor
// produced by Y that ...", X.
func (s *sentence) antecedent(k int) int {
	if c := s.copulaAntecedent(k); c >= 0 {
		return c
	}
	if c := s.oneOfAntecedent(k); c >= 0 {
		return c
	}
	if p := s.wordBefore(k); s.w(p) == "," {
		// "sensitizes Y to chemotherapy, which induces": the noun of the
		// phrase just before, which names nothing the resolver knows
		if n := s.wordBefore(p); n >= 0 && s.plain(n) && !s.rs.sets[setHeads][s.w(n)] && s.rs.sets[setPrep][s.w(s.wordBefore(n))] {
			return -1
		}
	}
	plain := 0
	for m := k - 1; m >= 0 && m >= k-10; m-- {
		t := &s.toks[m]
		if t.g != nil && !t.covered {
			if c := s.copulaSubject(m); c >= 0 {
				return c
			}
			if c := s.agentNounSubject(m); c >= 0 {
				return c
			}
			h := s.headOf(m)
			if h >= 0 && h != m && s.toks[h].g != nil && s.toks[h].g.unknownOnly() && !t.g.unknownOnly() {
				h = -1 // "by LMP2A through PI3K/Akt activation, which": not the name nobody knows
			}
			next := m + 1
			for next < k && s.toks[next].g == nil && s.rs.sets[setHeads][s.w(next)] {
				next++ // "through PI3K/Akt activation, which inhibits"
			}
			if pw := s.w(s.wordBefore(m)); h < 0 && (pw == "of" || (relativePrep[pw] || pw == "in" && changeBefore[s.w(s.wordBefore(s.wordBefore(m)))]) && s.w(next) == ",") {
				// "the action of the estrogen receptor, which mediates":
				// the receptor; "associates with NCOR1, which
				// represses": the object of the preposition, which is
				// no subject but is what the clause is about (not a
				// place: "activation of Y in hemocytes, which enhances")
				return m
			}
			return h
		}
		switch {
		case s.rs.sets[setBe][t.w] && s.w(m-1) == ",":
			// "X, known as a vasoconstrictor, is a protein that
			// stimulates": the subject of the copula, over the aside
			return s.subjectOverAside(m - 1)
		case t.covered, t.w == ",", s.rs.sets[setSkip][t.w], s.rs.sets[setHeads][t.w], s.rs.sets[setDet][t.w]:
		case s.hasForm(m, formVerb|formPart) && s.w(m+1) == ",":
			return s.subjectOf(m) // "Y was activated, which inhibited": Y
		case s.hasForm(m, formPart) && m+1 == k && becomes[s.w(s.adverbsBefore(m))]:
			// "caspase-8 becomes activated which activates caspase-3":
			// the subject of the copula
			if g := s.groupBefore(s.adverbsBefore(m)); g >= 0 && !s.toks[g].g.unknownOnly() {
				return s.headOf(g)
			}
			return -1
		case m+1 < k && s.w(m+1) != "," && s.hasForm(m, formVerb) && s.ofClass(m, "secrete"):
			// "tumor cells secrete factors that stimulate osteoclasts":
			// factors the text does not name act for those who make them
			return s.subjectOf(m)
		case s.rs.sets[setBreakers][t.w], t.w == "which", t.w == "that", s.hasForm(m, formVerb|formGer):
			return -1
		case plain < 2 && (s.plain(m) || s.rs.sets[setPrep][t.w] || t.w == "as"):
			plain++
		default:
			return -1
		}
	}
	return -1
}

// byGerundSubject returns, for the "by" at toks[p] before a gerund of a
// signed verb, the subject of the sentence's main clause: its opening
// mention, when the words up to "by" hold no copula (a passive's subject
// is no agent: "B is induced by inhibiting C"), no relative or subordinate
// clause and no other mention ("X induces Y by inhibiting Z" is read by
// the route chain.by-inhibiting).
func (s *sentence) byGerundSubject(p int) int {
	i := s.openingGroup()
	if i < 0 || i >= p {
		return -1
	}
	from := i + 1
	if unknownFinite(s, from) && s.toks[from].forms == nil {
		// "Bmi1 counters senescence by repressing Ink4a/Arf": a verb
		// the table does not know, and its object, between the subject
		// and the means
		from++
		for from < p && (s.toks[from].g != nil || s.plain(from) || s.rs.sets[setDet][s.w(from)]) {
			from++
		}
	}
	for k := from; k < p; k++ {
		t := &s.toks[k]
		switch {
		case t.covered, t.g != nil && t.g.unknownOnly():
			// "IL-6 promotes Th17 development by inducing RORC": a name
			// nobody knows leaves the route chain.by nothing to read
		case t.g != nil, s.rs.sets[setBe][t.w], s.rs.sets[setBreakers][t.w], t.w == "which", t.w == "that",
			t.w == "when", t.w == ":":
			return -1
		}
	}
	return s.headOf(i)
}

// openingGroup returns the index of the group that opens the sentence,
// after an opening prepositional phrase closed by a comma and after
// determiners, or -1.
func (s *sentence) openingGroup() int {
	i := 0
	if s.rs.sets[setPrep][s.w(0)] {
		for i < len(s.toks) && s.w(i) != "," {
			i++
		}
		i++
	}
	for i < len(s.toks) && (s.toks[i].covered || s.rs.sets[setDet][s.w(i)]) {
		i++
	}
	if i >= len(s.toks) || s.toks[i].g == nil {
		return -1
	}
	return i
}

// complementizer reports whether the "that" at toks[k] opens the object
// clause of a verb of saying or finding ("we identified that", "studies
// showed that"), not a relative clause: the word before it is in the
// set reporting.
func (s *sentence) complementizer(k int) bool {
	p := s.wordBefore(k)
	if p < 0 || s.toks[p].g != nil {
		return false
	}
	return s.rs.sets[setReporting][s.w(p)]
}

// signlessAgents name, like the agent nouns of the table's classes
// ("inhibitor", "activator"), what their subject does to the noun after
// "of", without a sign.
var signlessAgents = map[string]bool{"regulator": true, "regulators": true, "modulator": true, "modulators": true}

// agentNounSubject returns, for the group Y at toks[g] of "X is a
// (negative) regulator of Y" or "X is a potent inhibitor of Y", X; else
// -1: a relative clause after Y ("…, which prevents Z") says what X does.
// The agent noun is one of a class of the table or a signless one; up to
// three words stand between the copula and it.
func (s *sentence) agentNounSubject(g int) int {
	p := g - 1 // the words a modifier took count here: "inhibitor of"
	for n := 0; n < 2 && p >= 0 && s.rs.sets[setDet][s.w(p)]; n++ {
		p--
	}
	if s.w(p) != "of" || !s.hasForm(p-1, formAgent) && !signlessAgents[s.w(p-1)] {
		return -1
	}
	for m, n := p-2, 0; m >= 1 && n < 4; m, n = m-1, n+1 {
		t := &s.toks[m]
		switch {
		case s.rs.sets[setBe][t.w]:
			j := m - 1
			for j >= 0 && s.toks[j].g == nil && s.rs.sets[setSkip][s.toks[j].w] {
				j-- // "X is also a"
			}
			if j >= 0 && s.toks[j].g != nil && !s.toks[j].covered && !s.toks[j].g.unknownOnly() {
				return j
			}
			return -1
		case t.g != nil, !s.plain(m) && !s.rs.sets[setDet][t.w]:
			return -1
		}
	}
	return -1
}

// copulaSubject returns, for the agent Y at toks[g] of "X is the factor
// produced by Y", X; else -1.
func (s *sentence) copulaSubject(g int) int {
	p := s.wordBefore(g)
	if s.w(p) != "by" || !s.hasForm(s.wordBefore(p), formPart) {
		return -1
	}
	copula := false
	for m := s.wordBefore(p) - 1; m >= 0 && m >= g-10; m-- {
		t := &s.toks[m]
		switch {
		case t.g != nil:
			if copula {
				return m
			}
			return -1
		case s.rs.sets[setBe][t.w]:
			copula = true
		case s.rs.sets[setBreakers][t.w], s.hasForm(m, formVerb):
			return -1
		}
	}
	return -1
}

// coordinatedSubject returns the subject of the verb a coordinated verb
// continues, for the "and", "or" or comma at toks[k].
func (s *sentence) coordinatedSubject(k int, finite bool) int {
	j := s.wordBefore(k)
	if (s.w(k) == "and" || s.w(k) == "but" || s.w(k) == "thereby" || s.w(k) == "thus") && s.w(j) == "," {
		j = s.wordBefore(j)
	}
	if j < 0 {
		return -1
	}
	if s.w(k) == "," && finite {
		if h := s.appositionHead(k); h >= 0 {
			return h
		}
	}
	if s.toks[j].g == nil && s.hasForm(j, formVerb) {
		return s.subjectOf(j) // "X phosphorylates and activates Y"
	}
	// "X binds Y and activates Z": the verb whose object Y is
	fill := s.rs.sets[setHeads]
	det := s.rs.sets[setDet]
	groups, plain, last := 0, 0, -1
	for m := j; m >= 0 && j-m <= 12; m-- {
		t := &s.toks[m]
		switch {
		case t.covered, det[t.w], fill[t.w], t.w == "of", isCoord(t.w) && groups > 0, t.w == "one" && s.w(m+1) == "of":
		case t.w == "than" && s.comparativeBefore(m):
			// "X stimulated A more efficiently than insulin and
			// increased B": what X is compared with is no subject
			groups--
		case t.g != nil:
			if groups++; groups > 3 {
				return -1
			}
			last = m
		case s.hasForm(m, formVerb|formGer|formPart):
			if s.w(m+1) == "with" && m > 0 && s.rs.sets[setBe][s.w(m-1)] && !s.signed(m) {
				// "Y was associated with A, increased B and reduced C":
				// the list goes on, no second verb shares the subject
				return -1
			}
			return s.subjectOf(m)
		case s.rs.sets[setBe][t.w] && (groups == 0 || det[s.w(m+1)] || s.w(m+1) == "one" && s.w(m+2) == "of"):
			// "X is a prostate cancer mitogen and increases Y", "X is a
			// component of Z signalling and is activated by W", "X is
			// one of the Wnt antagonists and inhibits Y": the copula's
			// subject
			if g := m - 1; g >= 0 && s.toks[g].g != nil && !s.toks[g].covered {
				return s.headOf(g)
			}
			return -1
		case (s.plain(m) || s.rs.sets[setPrep][t.w]) && plain < maxPlain+2:
			plain++
		default:
			return -1
		}
	}
	// "PTCH1 localizes in the cilia and thus prevents Y": the sentence
	// opens with one name and a verb the table does not know
	if groups == 1 && last == s.openingGroup() && unknownFinite(s, last+1) {
		return s.headOf(last)
	}
	return -1
}

// notOnlySubject returns, for the "but" at toks[k] that a "not only"
// before it opens, the name just before "not only" ("X not only A,
// but also B": X), or -1.
func (s *sentence) notOnlySubject(k int) int {
	for q := k - 1; q > 0 && k-q <= 20; q-- {
		if s.w(q) != "only" || s.w(q-1) != "not" {
			continue
		}
		g := q - 2
		for g >= 0 && s.toks[g].g == nil && (s.rs.sets[setSkip][s.w(g)] || s.rs.sets[setBe][s.w(g)] || s.w(g) == "does" || s.w(g) == "do" || s.w(g) == "did") {
			g--
		}
		if g < 0 || s.toks[g].g == nil || s.toks[g].g.unknownOnly() {
			return -1
		}
		return s.headOf(g)
	}
	return -1
}

// comparativeBefore reports whether a comparative ("more", "less",
// "better") stands within three words before the "than" at toks[m].
func (s *sentence) comparativeBefore(m int) bool {
	for i := m - 1; i >= 0 && i >= m-3; i-- {
		switch s.w(i) {
		case "more", "less", "better", "faster", "greater", "stronger", "higher", "lower", "rather":
			return true
		}
	}
	return false
}

// unknownFinite reports whether toks[i] is a plain word shaped as a
// finite verb of the third person or a past tense ("localizes",
// "translocated"), which the table does not know.
func unknownFinite(s *sentence, i int) bool {
	if i >= len(s.toks) || !s.plain(i) {
		return false
	}
	w := s.w(i)
	return len(w) > 4 && (strings.HasSuffix(w, "es") || strings.HasSuffix(w, "ed") ||
		strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"))
}

// appositionHead returns the group before an aside that the comma at
// toks[k] closes: "PTHrP, binding to PTHR, activates", "X, a ligand of
// Y, activates"; -1 when there is none.
func (s *sentence) appositionHead(k int) int {
	for c := k - 1; c >= 0 && k-c <= 12; c-- {
		w := s.toks[c].w
		if w == ";" || s.rs.sets[setBreakers][w] && !(w == "but" && s.w(c+1) == "not" && s.w(c-1) == ",") {
			return -1
		}
		if w != "," {
			continue
		}
		g := s.groupBefore(c)
		if g < 0 || c+1 >= k {
			return -1
		}
		n := c + 1
		if withOpener(s.w(n), s.w(n+1), s.w(n+2)) {
			// "STAT3, together with PI3K, induces": both act
			for m := n + 2; m < k; m++ {
				if s.toks[m].g != nil && !s.toks[m].covered && !s.toks[m].g.unknownOnly() {
					s.also = m
					break
				}
			}
			return s.headOf(g)
		}
		if s.hasForm(n, formGer|formPart) || s.rs.sets[setDet][s.w(n)] || s.w(n) == "which" || s.w(n) == "who" ||
			s.w(n) == "but" && s.w(n+1) == "not" || appositionOpener(s.w(n), s.w(n+1)) {
			return s.headOf(g)
		}
		return -1
	}
	return -1
}

// withOpener reports whether the words a, b, c open an aside that adds
// a partner to the subject: "together with", "along with", "in
// combination with", "in concert with", "in cooperation with", "in
// conjunction with".
func withOpener(a, b, c string) bool {
	switch {
	case (a == "together" || a == "along") && b == "with":
		return true
	case a == "in" && c == "with":
		return b == "combination" || b == "concert" || b == "cooperation" || b == "conjunction"
	}
	return false
}

// becomes holds the verbs before a participle whose subject a relative
// clause right after the participle is about.
var becomes = map[string]bool{"becomes": true, "become": true, "became": true, "gets": true, "get": true, "got": true,
	"is": true, "are": true, "was": true, "were": true}

// purposeVerb holds the verbs without an object whose subject an
// infinitive of purpose after them shares: "X acts to inhibit Y", "X
// functions to promote Y".
var purposeVerb = map[string]bool{"act": true, "acts": true, "acted": true, "acting": true,
	"function": true, "functions": true, "functioned": true, "serve": true, "serves": true, "served": true,
	"work": true, "works": true, "worked": true, "cooperate": true, "cooperates": true, "cooperated": true,
	"synergize": true, "synergizes": true, "synergized": true, "collaborates": true, "collaborate": true}

// relativePrep holds the prepositions whose object a relative clause
// after a comma is about: a partner, a route or a target, not a place.
var relativePrep = map[string]bool{"with": true, "to": true, "through": true, "via": true, "against": true, "towards": true, "toward": true}

// changeBefore holds the words before an "in" that names a change, not
// a place: "results in oxidative stress, which", "increases in cAMP,
// which".
var changeBefore = map[string]bool{"result": true, "results": true, "resulted": true, "resulting": true,
	"increase": true, "increases": true, "decrease": true, "decreases": true, "rise": true, "reduction": true}

// appositionOpener reports whether the words w and next open an aside
// that names again what the phrase before it names: "X, one of the
// factors, ...", "X, another member of ..., ...", "X, also known as Y,
// ...", "X, known as Y, ...".
func appositionOpener(w, next string) bool {
	switch w {
	case "one":
		return next == "of"
	case "another", "two", "three", "four", "both":
		return true // "ruxolitinib and tofacitinib, two JAK inhibitors, reduced"
	case "also", "formerly", "previously", "originally":
		return next == "known" || next == "called" || next == "termed" || next == "named"
	case "known":
		return next == "as"
	}
	return false
}

// controls reports whether the verb at toks[v] makes its object the
// subject of a following "to VERB" ("activates Y to induce Z",
// "stimulates Y to promote Z"): a verb of a signed relation class.
func (s *sentence) controls(v int) bool {
	for _, f := range s.toks[v].forms {
		c := s.rs.classes[f.class]
		if f.form&(formVerb|formGer) != 0 && c.sign != 0 && c.name != "lead" {
			return true // "leads" takes no object
		}
	}
	return false
}

// ofClass reports whether the word at toks[v] has a form of the class
// named c.
func (s *sentence) ofClass(v int, c string) bool {
	for _, f := range s.toks[v].forms {
		if s.rs.classes[f.class].name == c {
			return true
		}
	}
	return false
}

// signed reports whether the word at toks[v] is a verb of a class with a
// sign.
func (s *sentence) signed(v int) bool {
	for _, f := range s.toks[v].forms {
		if s.rs.classes[f.class].sign != 0 {
			return true
		}
	}
	return false
}

// binds reports whether the word at toks[v] is a verb of binding (the
// set binding: "binds", "engages", "interacts"): its object is a receptor or partner that acts
// when the purpose is to activate ("HMGB1 binds CXCR4 to activate
// NF-κB"), and whose own sign is unknown when it is to inhibit ("WWOX
// binds Dvl to suppress Wnt signaling").
func (s *sentence) binds(v int) bool {
	return s.rs.sets[setBinding][s.w(v)]
}

// positive reports whether the verb at toks[v] is of a class of sign +.
func (s *sentence) positive(v int) bool {
	for _, f := range s.toks[v].forms {
		if s.rs.classes[f.class].sign > 0 {
			return true
		}
	}
	return false
}

// purposeSubject returns the subject of "to VERB" after the group at
// toks[g]: the agent of a passive ("inhibited by Z to attenuate W"), the
// group itself after "of" ("the ability of X to induce Y"), the subject
// of the verb whose object it is, or the first group of the sentence that
// no preposition precedes ("X acts on Y to induce Z").
func (s *sentence) purposeSubject(g, v int) int {
	p := s.wordBefore(g)
	for n := 0; n < 4 && p >= 0 && s.toks[p].g == nil && (s.rs.sets[setDet][s.w(p)] || s.plain(p) || s.rs.sets[setHeads][s.w(p)]); n++ {
		// "binds to the IGF-1R to stimulate", "recruits the adaptor
		// protein MAVS to activate"
		p = s.wordBefore(p)
	}
	if s.w(p) == "of" {
		// "X blocks (the) activation of Y to reduce Z": the verb before
		// the nominal decides, as "X blocks Y to reduce Z"
		if n := s.wordBefore(p); n >= 0 && s.toks[n].g == nil && (s.hasForm(n, formNoun) || s.rs.sets[setHeads][s.w(n)]) {
			// "antagonizes the function of p300 to suppress": a head
			// noun of no sign, as a nominal
			q := s.wordBefore(n)
			for q >= 0 && s.toks[q].g == nil && s.rs.sets[setDet][s.w(q)] {
				q = s.wordBefore(q)
			}
			if q >= 0 && s.toks[q].g == nil && s.hasForm(q, formVerb|formGer) && s.controls(q) {
				p = q // a verb of a sign; "regulates the activation of Y to induce Z": Y
			}
		}
	}
	if q := s.wordBefore(p); s.w(p) == "of" && (s.w(q) == "promoter" || s.w(q) == "promoters") {
		// "HDAC1 binds (is recruited to) the promoter of miR-182 to
		// silence its expression": the binder acts
		for m := q - 1; m >= 0 && q-m <= 6; m-- {
			if s.toks[m].g != nil {
				break
			}
			if s.hasForm(m, formVerb|formPart) || s.binds(m) {
				return s.subjectOf(m)
			}
		}
	}
	cells := s.toks[g].g.cellsOnly() // where it acts, not what acts ("on the surface of T cells to activate")
	switch pw := s.w(p); {
	case (pw == "by" || pw == "of") && !cells:
		return g
	case pw == "by" || pw == "of":
	case p >= 0 && s.toks[p].g == nil && s.hasForm(p, formVerb|formGer):
		// "X secretes Y to induce Z": X and Y; "H. pylori activates
		// NOD2 to activate autophagy", the subject unknown: NOD2; "X
		// modulates Y to inhibit Z": X alone
		k := s.subjectOf(p)
		if s.binds(p) && s.positive(v) && k >= 0 {
			s.also = g // "HMGB1 binds CXCR4 to activate NF-κB": HMGB1 and CXCR4
			return k
		}
		if !s.controls(p) {
			return k // "X modulates Y to inhibit Z": Y's own sign is unknown
		}
		if k < 0 {
			return g
		}
		if !s.positive(p) {
			return k // "X antagonizes Y to suppress Z": Y, held back, is no agent of it
		}
		s.also = g
		return k
	case (pw == "with" || pw == "to" || pw == "on") && s.hasForm(s.adverbsBefore(p), formVerb):
		// "X cooperates with Y to decrease Z", "X binds to Y to
		// stimulate Z", "X acts (redundantly) on Y to induce Z": X and Y
		k := s.subjectOf(s.adverbsBefore(p))
		if k >= 0 && !cells {
			s.also = g
		}
		return k
	case s.rs.sets[setPrep][pw] && s.hasForm(s.adverbsBefore(p), formVerb):
		// "AKT signals through TSC1/2 to activate mTORC1": AKT alone
		if k := s.subjectOf(s.adverbsBefore(p)); k >= 0 {
			return k
		}
	case !s.rs.sets[setPrep][pw]:
		return -1
	}
	best := -1
	for k := g - 1; k >= 0 && g-k <= 4*maxReach; k-- {
		t := &s.toks[k]
		if t.g != nil && !t.covered {
			if q := s.wordBefore(k); q < 0 || !s.rs.sets[setPrep][s.w(q)] && s.w(q) != "(" && s.toks[q].g == nil {
				best = k
			}
			continue
		}
		switch t.w {
		case "which", "that":
			return s.antecedent(k)
		case ";":
			return best
		}
	}
	return best
}

// settingBefore returns, for the words before a phrase whose first word
// is at toks[p], the preposition of place that opens it over a name
// written as an adjective ("into SNAI1-deficient colon cancer cells"),
// or -1.
func (s *sentence) settingBefore(p int) int {
	adjective := false
	for n := 0; n < 2 && p >= 0; n++ {
		g := s.toks[p].g
		switch {
		case g != nil && len(g.ents) == 1 && g.ents[0].suffix != "" && !s.toks[p].covered:
			adjective = true
		case g == nil && s.plain(p):
		default:
			return -1
		}
		q := s.wordBefore(p)
		switch s.w(q) {
		case "into", "in", "within", "from":
			if adjective {
				return q
			}
			return -1
		}
		p = q
	}
	return -1
}
