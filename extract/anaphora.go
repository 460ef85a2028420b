package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
)

// Anaphors: a sentence that goes on about what the sentence before named
// ("Cathepsin K is made by osteoclasts. It is also produced by tumour
// cells.", "... TAK1 and MEKK3. These kinases activate IKK.") speaks of
// that entity through a pronoun or a definite description. The reader
// reads such a word as a mention of the entity it stands for, marks the
// statements read through it "+anaphor", lowers their confidence, and
// quotes both sentences.
//
// The antecedent is the first fitting mention of the sentence before,
// usually its subject, or of the one before that when the sentence
// between names nothing known ("... by SDS-PAGE (Figure 3A)."): for "it"
// and "they", any named entity but a process; for "this protein", "these
// kinases" and the like, a gene or a family ("both kinases": exactly
// two); for "this drug", "these compounds", a chemical or drug; for
// "these cells", a cell. Only a mention that resolves to one entity is
// an antecedent. "Its" or "their" before a noun such as "expression" or
// "activity" ("Its expression is induced by PTH") stands for the entity
// whose expression it is: for expression, production and the like a
// molecule (for "their", the molecules named together); after "binds
// (to) the promoter(s) of Y", "its" or "their" before such a noun stands
// for the genes named there ("and induces their expression"). Only the first
// words of a sentence (its subject) or the words after a comma, "and" or
// "which" are read as anaphors, with one exception: "this gene" or "these
// kinases" after a name of their sentence, in no clause's opening place
// ("HBP1 is an activator for this gene"), stands for what the sentence
// before named other than the entities its own sentence names, unless
// its own sentence named such things by example before it ("factors
// including SNAIL1, ... these factors": SNAIL1). An "it"
// or "they" that opens the main clause after a subordinate one ("When
// GLP-1 binds GLP-1R, it inhibits ...") stands for the first named entity
// of the subordinate clause; its statements quote their own sentence.

// anaphorReason is the Reason of the mentions the reader adds for
// anaphors whose antecedent is in the sentence before; anaphorHereReason
// for those whose antecedent is in their own sentence.
const (
	anaphorReason     = "anaphor"
	anaphorHereReason = "anaphor in its sentence"
)

// anaphorKind is what an anaphor may stand for.
type anaphorKind int

const (
	anyEntity anaphorKind = iota // it, they
	molecule                     // this protein, these kinases
	chemical                     // this drug, these compounds
	cellKind                     // these cells
)

// descriptionNouns are the nouns of a definite description and what each
// may stand for.
var descriptionNouns = map[string]anaphorKind{
	"protein": molecule, "proteins": molecule, "kinase": molecule, "kinases": molecule,
	"cytokine": molecule, "cytokines": molecule, "factor": molecule, "factors": molecule,
	"molecule": molecule, "molecules": molecule, "gene": molecule, "genes": molecule,
	"receptor": molecule, "receptors": molecule, "ligand": molecule, "ligands": molecule,
	"enzyme": molecule, "enzymes": molecule, "protease": molecule, "proteases": molecule,
	"phosphatase": molecule, "hormone": molecule, "peptide": molecule, "chemokine": molecule,
	"chemokines": molecule, "adaptor": molecule, "regulator": molecule, "regulators": molecule,
	"drug": chemical, "drugs": chemical, "compound": chemical, "compounds": chemical,
	"agent": chemical, "agents": chemical,
	"cells": cellKind, "cell": cellKind,
}

// possessedNouns are the nouns after "its" or "their" that make the
// possessive an anaphor: what is said of an entity's expression or
// activity is said of the entity.
// Expression and production are a molecule's; activity may be a cell's.
var possessedNouns = map[string]anaphorKind{
	"expression": molecule, "production": molecule, "secretion": molecule, "release": molecule,
	"synthesis": molecule, "transcription": molecule, "level": molecule, "levels": molecule,
	"phosphorylation": molecule, "abundance": molecule, "stability": molecule, "degradation": molecule,
	"mrna": molecule, "activation": anyEntity, "activity": anyEntity, "signaling": anyEntity,
	"signalling": anyEntity,
}

// specificNoun holds the nouns of a description that the name of what
// it stands for holds ("these kinases": TAK1, "mitogen-activated protein
// kinase kinase kinase 7").
var specificNoun = map[string]bool{"kinase": true, "phosphatase": true, "receptor": true, "ligand": true,
	"protease": true, "hormone": true, "enzyme": true, "chemokine": true, "peptide": true}

// impersonal holds the words after "it is"/"it was" that make the "it"
// impersonal ("it is likely that", "it has been shown").
var impersonal = map[string]bool{
	"likely": true, "unlikely": true, "possible": true, "known": true, "shown": true, "thought": true,
	"believed": true, "suggested": true, "proposed": true, "unclear": true, "clear": true,
	"important": true, "noteworthy": true, "interesting": true, "conceivable": true, "evident": true,
	"apparent": true, "necessary": true, "essential": true, "difficult": true, "tempting": true,
	"plausible": true, "reported": true, "hypothesized": true, "demonstrated": true, "notable": true,
	"worth": true, "unknown": true, "established": true, "accepted": true, "assumed": true,
	"expected": true, "noted": true, "found": true, "speculated": true, "reasonable": true,
	"been": true, "remains": true, "seems": true, "appears": true, "seemed": true, "appeared": true,
	"remained": true, "follows": true, "should": true, "must": true, "may": true, "might": true,
	"could": true, "would": true, "will": true, "can": true, "cannot": true,
}

// anaphors returns the mentions that stand for the anaphors of the
// sentence text[sp.Start:sp.End], given the mentions of the sentence
// before (prev) and of this one (ms).
func anaphors(text string, sp Span, prevStart int, prev, ms []resolve.Mention) []resolve.Mention {
	ws := sentenceWords(text, sp)
	if a, ok := subordinateAnaphor(text, ws, ms); ok {
		return []resolve.Mention{a}
	}
	if len(prev) == 0 {
		return append(possessiveHere(text, ws, ms, nil), promoterPossessive(text, ws, ms, nil)...)
	}
	var out []resolve.Mention
	for i := 0; i < len(ws); i++ {
		if i > 0 && !opensClause(text, ws[i-1]) {
			continue
		}
		w := ws[i]
		if len(ms) > 0 && ms[0].Start < w.start {
			break // a name before it: the anaphor may stand for that one
		}
		low := strings.ToLower(text[w.start:w.end])
		var (
			kind      anaphorKind
			end       int
			ok        bool
			singular  bool
			pluralUse bool
			// possessive: "its"/"their" before a noun of possessedNouns
			possessive bool
		)
		switch low {
		case "it":
			if i+1 < len(ws) && impersonalIt(text, ws[i+1:]) {
				continue
			}
			kind, end, ok, singular = anyEntity, w.end, true, true
		case "they":
			kind, end, ok, pluralUse = anyEntity, w.end, true, true
		case "its", "their":
			// "Its expression is induced by PTH": the possessive before
			// a head noun ("expression", "activity") stands for the
			// entity, and the noun stays a word of its phrase
			if i+1 >= len(ws) || mentionAt(ms, ws[i+1].start) {
				continue
			}
			k, known := possessedNouns[strings.ToLower(text[ws[i+1].start:ws[i+1].end])]
			if !known {
				continue
			}
			kind, end, ok = k, w.end, true
			singular, pluralUse = low == "its", low == "their"
			possessive = true
		case "this", "these", "the", "such", "both":
			if i+1 >= len(ws) {
				continue
			}
			n := ws[i+1]
			noun := strings.ToLower(text[n.start:n.end])
			k, known := descriptionNouns[noun]
			if !known || mentionAt(ms, n.start) || low == "both" && !strings.HasSuffix(noun, "s") {
				continue
			}
			if i+2 < len(ws) && mentionAt(ms, ws[i+2].start) || nextIsMention(text, n.end, ms) {
				continue // "the kinase TAK1", "these cells, osteoclasts": an apposition names it
			}
			if low == "the" && k != cellKind {
				continue // "the protein" is rarely the one just named
			}
			kind, end, ok = k, n.end, true
		}
		if !ok || mentionOverlaps(ms, w.start, end) {
			continue
		}
		var as []resolve.Mention
		switch {
		case possessive && kind != anyEntity:
			// what is expressed or produced: a molecule, or the
			// molecules named together for "their"
			noun := "protein"
			if pluralUse {
				noun = "proteins"
			}
			as = described(text, prev, kind, noun)
		case kind != anyEntity:
			as = described(text, prev, kind, strings.ToLower(text[ws[i+1].start:ws[i+1].end]))
			if low == "both" && len(as) != 2 {
				as = nil // "both kinases" stands for a pair
			}
		default:
			if a, found := antecedent(prev, kind, singular, pluralUse); found && wordsBefore(text, prevStart, a.Start) <= maxSubjectWords {
				as = []resolve.Mention{a}
			}
		}
		if len(as) == 0 {
			continue
		}
		var cands []graph.Node
		for _, a := range as {
			cands = append(cands, a.Result.Candidates[0])
		}
		out = append(out, resolve.Mention{Start: w.start, End: end, Text: text[w.start:end],
			Result: resolve.Result{Query: as[0].Result.Query, Status: resolve.Resolved, Candidates: cands,
				Reason: anaphorReason}})
	}
	out = append(out, objectDescriptions(text, ws, prev, ms, out)...)
	out = append(out, possessiveHere(text, ws, ms, out)...)
	return append(out, promoterPossessive(text, ws, ms, out)...)
}

// promoterPossessive reads "X binds to the promoters of Snail and Twist
// and induces their expression": "its" or "their" before a molecule's
// noun, after the names that follow "promoter(s) of" in the same
// sentence, stands for those names (one for "its").
func promoterPossessive(text string, ws []span, ms, done []resolve.Mention) []resolve.Mention {
	var out []resolve.Mention
	for i := 1; i+1 < len(ws); i++ {
		w := ws[i]
		poss := strings.ToLower(text[w.start:w.end])
		if poss != "its" && poss != "their" || mentionOverlaps(done, w.start, w.end) || mentionAt(ms, ws[i+1].start) {
			continue
		}
		if k, ok := possessedNouns[strings.ToLower(text[ws[i+1].start:ws[i+1].end])]; !ok || k != molecule {
			continue
		}
		// the nearest "promoter(s) of" before, within 20 words
		of := -1
		for j := i - 1; j > 0 && i-j <= 20; j-- {
			if strings.EqualFold(text[ws[j].start:ws[j].end], "of") {
				if p := strings.ToLower(text[ws[j-1].start:ws[j-1].end]); p == "promoter" || p == "promoters" {
					of = j
					break
				}
			}
		}
		if of < 0 {
			continue
		}
		// the molecules named right after it, joined by "and", "or" or commas
		var as []resolve.Mention
		pos := ws[of].end
		for _, m := range ms {
			if m.Start < pos || m.Start >= w.start {
				continue
			}
			if gap := strings.TrimSpace(text[pos:m.Start]); gap != "" && gap != "the" && !coordGap(gap) {
				break
			}
			if !m.Resolved() || len(m.Result.Candidates) != 1 || !fitsKind(m.Result.Candidates[0], molecule) {
				break
			}
			as = append(as, m)
			pos = m.End
		}
		if len(as) == 0 || poss == "its" && len(as) != 1 {
			continue
		}
		var cands []graph.Node
		for _, a := range as {
			cands = append(cands, a.Result.Candidates[0])
		}
		out = append(out, resolve.Mention{Start: w.start, End: w.end, Text: text[w.start:w.end],
			Result: resolve.Result{Query: as[0].Result.Query, Status: resolve.Resolved, Candidates: cands, Reason: anaphorHereReason}})
	}
	return out
}

// coordGap reports whether gap joins two names of a list: a comma, "and",
// "or", or a comma with either.
func coordGap(gap string) bool {
	switch strings.Join(strings.Fields(gap), " ") {
	case ",", "and", "or", ", and", ", or":
		return true
	}
	return false
}

// maxSubjectWords is the most words before the antecedent of "it" or
// "they" in its sentence: past them, the sentence's subject is something
// unnamed ("Chromosome segregation errors can promote chromosome 9p loss,
// which harbors the interferon gene cluster. Furthermore, they activate
// p38": they are the errors, not interferon).
const maxSubjectWords = 8

// wordsBefore counts the words of text[from:to].
func wordsBefore(text string, from, to int) int {
	if from < 0 || to > len(text) || from >= to {
		return 0
	}
	return len(strings.Fields(text[from:to]))
}

// possessiveHere reads "its expression" after a clause of its own
// sentence ("Nox2 is a component of the oxidase, and its expression is
// increased by TNF"): "its" before a molecule's noun, opening a clause
// after the sentence named a molecule, stands for the first molecule it
// named.
func possessiveHere(text string, ws []span, ms, done []resolve.Mention) []resolve.Mention {
	first := slices.IndexFunc(ms, func(m resolve.Mention) bool {
		return m.Resolved() && len(m.Result.Candidates) == 1 && fitsKind(m.Result.Candidates[0], molecule)
	})
	if first < 0 {
		return nil
	}
	for i := 1; i+1 < len(ws); i++ {
		w := ws[i]
		if !strings.EqualFold(text[w.start:w.end], "its") || w.start < ms[first].End || !opensClause(text, ws[i-1]) ||
			mentionOverlaps(done, w.start, w.end) {
			continue
		}
		if k, ok := possessedNouns[strings.ToLower(text[ws[i+1].start:ws[i+1].end])]; !ok || k != molecule || mentionAt(ms, ws[i+1].start) {
			continue
		}
		a := ms[first]
		return []resolve.Mention{{Start: w.start, End: w.end, Text: text[w.start:w.end],
			Result: resolve.Result{Query: a.Result.Query, Status: resolve.Resolved, Candidates: a.Result.Candidates, Reason: anaphorHereReason}}}
	}
	return nil
}

// objectDescriptions reads "this gene", "these kinases" after a name of
// their sentence ("HBP1 is an activator for this gene"): such a
// description stands for what the sentence before named, other than the
// entities its own sentence names. Descriptions found as subjects (done)
// are skipped.
func objectDescriptions(text string, ws []span, prev, ms, done []resolve.Mention) []resolve.Mention {
	if len(ms) == 0 || !slices.ContainsFunc(ws, func(w span) bool {
		return w.start > ms[0].Start && (strings.EqualFold(text[w.start:w.end], "this") || strings.EqualFold(text[w.start:w.end], "these"))
	}) {
		return nil
	}
	here := map[string]bool{}
	for _, m := range ms {
		for _, c := range m.Result.Candidates {
			here[c.ID] = true
		}
	}
	var others []resolve.Mention
	for _, m := range prev {
		if m.Resolved() && len(m.Result.Candidates) == 1 && !here[m.Result.Candidates[0].ID] {
			others = append(others, m)
		}
	}
	var out []resolve.Mention
	for i := 0; i+1 < len(ws); i++ {
		w, n := ws[i], ws[i+1]
		if low := text[w.start:w.end]; !strings.EqualFold(low, "this") && !strings.EqualFold(low, "these") || w.start < ms[0].Start ||
			i > 0 && opensClause(text, ws[i-1]) {
			continue // a description that opens a clause may stand for a name of its own sentence
		}
		noun := strings.ToLower(text[n.start:n.end])
		kind, known := descriptionNouns[noun]
		if !known || mentionAt(ms, n.start) || mentionOverlaps(ms, w.start, n.end) || mentionOverlaps(done, w.start, n.end) ||
			i+2 < len(ws) && mentionAt(ms, ws[i+2].start) || nextIsMention(text, n.end, ms) {
			continue
		}
		as := examplesBefore(text, ms, noun, w.start)
		if len(as) == 0 {
			as = described(text, others, kind, noun)
		}
		if len(as) == 0 {
			continue
		}
		var cands []graph.Node
		for _, a := range as {
			cands = append(cands, a.Result.Candidates[0])
		}
		out = append(out, resolve.Mention{Start: w.start, End: n.end, Text: text[w.start:n.end],
			Result: resolve.Result{Query: as[0].Result.Query, Status: resolve.Resolved, Candidates: cands,
				Reason: anaphorReason}})
	}
	return out
}

// examplesBefore returns the mentions that a phrase of the same noun
// names by example before at in the sentence ("transcription factors
// including SNAIL1 ..., whereas p38 activates these factors": SNAIL1),
// or nil.
func examplesBefore(text string, ms []resolve.Mention, noun string, at int) []resolve.Mention {
	low := strings.ToLower(text[:at])
	for _, intro := range []string{" including ", " such as ", ", e.g. ", " e.g., "} {
		k := strings.LastIndex(low, noun+intro)
		if k < 0 {
			k = strings.LastIndex(low, noun+","+intro)
		}
		if k < 0 {
			continue
		}
		from := k + len(noun)
		var out []resolve.Mention
		pos := -1
		for _, m := range ms {
			if m.Start < from || m.Start >= at {
				continue
			}
			if pos >= 0 && !coordGap(text[pos:m.Start]) {
				break
			}
			if pos < 0 && strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text[from:m.Start]), ",")) != strings.TrimSpace(intro) {
				break
			}
			if !m.Resolved() || len(m.Result.Candidates) != 1 || isAnaphor(m) {
				break
			}
			out = append(out, m)
			pos = m.End
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// isAnaphor reports whether the reader added m for an anaphor.
func isAnaphor(m resolve.Mention) bool {
	return m.Result.Reason == anaphorReason || m.Result.Reason == anaphorHereReason
}

// subordinators open a clause before the main one: "When GLP-1 binds
// GLP-1R, it inhibits MAPK".
// Concessive and contrastive ones ("although", "whereas") are left out:
// the "it" after them seldom names their subject.
var subordinators = map[string]bool{"when": true, "once": true, "after": true, "because": true, "since": true,
	"upon": true, "as": true, "if": true}

// subordinateAnaphor reads the "it" or "they" that opens a main clause
// after a subordinate one ("When GLP-1 binds to GLP-1R, it inhibits ...")
// as the first named entity of the subordinate clause.
func subordinateAnaphor(text string, ws []span, ms []resolve.Mention) (resolve.Mention, bool) {
	for i := 0; i+1 < len(ws) && i < 4; i++ {
		if !subordinators[strings.ToLower(text[ws[i].start:ws[i].end])] {
			continue
		}
		for c := i + 1; c+1 < len(ws); c++ {
			if text[ws[c].start:ws[c].end] != "," {
				continue
			}
			p := ws[c+1]
			low := strings.ToLower(text[p.start:p.end])
			if low != "it" && low != "they" || c+2 < len(ws) && impersonalIt(text, ws[c+2:]) {
				return resolve.Mention{}, false
			}
			var clause []resolve.Mention
			for _, m := range ms {
				if m.Start > ws[i].end && m.End <= ws[c].start {
					clause = append(clause, m)
				}
			}
			a, ok := antecedent(clause, anyEntity, low == "it", low == "they")
			if !ok {
				return resolve.Mention{}, false
			}
			return resolve.Mention{Start: p.start, End: p.end, Text: text[p.start:p.end],
				Result: resolve.Result{Query: a.Result.Query, Status: resolve.Resolved, Candidates: a.Result.Candidates, Reason: anaphorHereReason}}, true
		}
		return resolve.Mention{}, false
	}
	return resolve.Mention{}, false
}

// antecedent returns the first mention of prev that an anaphor of kind
// may stand for.
func antecedent(prev []resolve.Mention, kind anaphorKind, singular, plural bool) (resolve.Mention, bool) {
	for _, m := range prev {
		if !m.Resolved() || len(m.Result.Candidates) != 1 || isAnaphor(m) {
			continue
		}
		k := m.Result.Candidates[0].Kind
		fits := fitsKind(m.Result.Candidates[0], kind)
		if singular && k == graph.Cell || plural && k == graph.Gene && !strings.Contains(m.Text, "/") {
			fits = false // "it" is no cell type, "they" no single gene
		}
		if fits {
			return m, true
		}
		if k != graph.Process {
			return resolve.Mention{}, false // the first named entity or none
		}
	}
	return resolve.Mention{}, false
}

// described returns the mentions of prev that a definite description
// with the noun stands for: those whose name holds the noun ("these
// kinases": the kinases named before), else the first that fits kind; for
// a plural noun, the whole coordination ("TAK1 and MEKK3") it opens.
func described(text string, prev []resolve.Mention, kind anaphorKind, noun string) []resolve.Mention {
	stem := strings.TrimSuffix(noun, "s")
	first := -1
	var named []int
	for i, m := range prev {
		if !m.Resolved() || len(m.Result.Candidates) != 1 || isAnaphor(m) {
			continue
		}
		n := m.Result.Candidates[0]
		if !fitsKind(n, kind) {
			continue
		}
		if first < 0 {
			first = i
		}
		if kind == molecule && specificNoun[stem] && strings.Contains(strings.ToLower(n.Name), stem) {
			named = append(named, i)
		}
	}
	plural := noun != stem
	if plural && len(named) == 1 {
		return nil // "these kinases" after one kinase named: others, unnamed
	}
	switch {
	case len(named) == 1 || len(named) > 1 && !plural:
		return []resolve.Mention{prev[named[0]]}
	case len(named) > 1:
		out := make([]resolve.Mention, 0, len(named))
		for _, i := range named {
			out = append(out, prev[i])
		}
		return out
	case first < 0:
		return nil
	}
	out := []resolve.Mention{prev[first]}
	for i := first + 1; plural && i < len(prev); i++ {
		gap := strings.TrimSpace(text[prev[i-1].End:prev[i].Start])
		if gap != "," && gap != "and" && gap != "or" && gap != ", and" || !fitsKind(prev[i].Result.Candidates[0], kind) {
			break
		}
		out = append(out, prev[i])
	}
	return out
}

// fitsKind reports whether an anaphor of kind k may stand for n.
func fitsKind(n graph.Node, k anaphorKind) bool {
	switch k {
	case molecule:
		return n.Kind == graph.Gene || n.Kind == graph.Group && n.Group != graph.DrugClass
	case chemical:
		return n.Kind == graph.Chemical || n.Kind == graph.Drug || n.Group == graph.DrugClass
	case cellKind:
		return n.Kind == graph.Cell
	}
	return n.Kind != graph.Process
}

// impersonalIt reports whether the words after "it" make it impersonal:
// "it is likely that", "it has been shown", "it seems".
func impersonalIt(text string, ws []span) bool {
	for i := 0; i < len(ws) && i < 3; i++ {
		w := strings.ToLower(text[ws[i].start:ws[i].end])
		if impersonal[w] {
			return true
		}
		if w != "is" && w != "was" && w != "has" && w != "had" && w != "also" && w != "not" {
			return false
		}
	}
	return false
}

// opensClause reports whether the word w lets a subject follow it: a
// comma, "and", "but", "which", "whereas", "while", "because".
func opensClause(text string, w span) bool {
	switch strings.ToLower(text[w.start:w.end]) {
	case ",", ";", "and", "but", "which", "whereas", "while", "because", "since", "although", "where":
		return true
	}
	return false
}

// span is a word of a sentence, or a comma or semicolon.
type span struct{ start, end int }

// sentenceWords returns the words (letters and digits joined by hyphens)
// and the commas and semicolons of the sentence.
func sentenceWords(text string, sp Span) []span {
	var out []span
	i := sp.Start
	for i < sp.End {
		c, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case c == ',' || c == ';':
			out = append(out, span{i, i + n})
			i += n
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			j := i + n
			for j < sp.End {
				d, m := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(d) && !unicode.IsDigit(d) && d != '-' {
					break
				}
				j += m
			}
			out = append(out, span{i, j})
			i = j
		default:
			i += n
		}
	}
	return out
}

func mentionAt(ms []resolve.Mention, start int) bool {
	for _, m := range ms {
		if m.Start == start {
			return true
		}
	}
	return false
}

func mentionOverlaps(ms []resolve.Mention, start, end int) bool {
	for _, m := range ms {
		if m.Start < end && start < m.End {
			return true
		}
	}
	return false
}

// nextIsMention reports whether a mention follows the offset at, past
// spaces, a comma or an opening bracket.
func nextIsMention(text string, at int, ms []resolve.Mention) bool {
	i := at
	for i < len(text) && (text[i] == ' ' || text[i] == ',' || text[i] == '(') {
		i++
	}
	return mentionAt(ms, i)
}
