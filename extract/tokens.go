package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
)

// ent is a mention in a sentence.
type ent struct {
	ids    []string // resolved entity ids; none for an unknown name
	node   graph.Node
	cells  bool // every candidate is a cell
	procs  bool // every candidate is a process
	chems  bool // every candidate is a chemical or drug
	text   string
	start  int
	end    int
	suffix string // lower-case word after a hyphen: "induced"
	prefix string // "anti" in "anti-RANKL"
	stem   *ent   // what a name such as "IAP antagonists" acts on
	// promoter is set for "the IGF2R promoter": the gene's expression as
	// the object of a statement, never its subject
	promoter bool
	// anaphor is set for "it", "these kinases": a word that stands for an
	// entity named before, in the sentence before when crossSentence
	anaphor, crossSentence bool

	// set by the modifiers
	pol    int8  // -1 when a loss of function is said of it
	polBy  []int // the tokens that said so
	polMod *Rule // the modifier
	target bool  // the target of an inhibitor, read through it
	// ratio is set for the second term of a ratio ("OPG" of "the
	// RANKL/OPG ratio"): what raises the ratio lowers it
	ratio bool
}

func (e *ent) known() bool { return len(e.ids) > 0 }

// tok is a token of a sentence: a word, a punctuation mark or a group of
// coordinated mentions.
type tok struct {
	w       string // lower-case word or punctuation; "" for a group
	g       *group
	start   int
	covered bool       // taken by a modifier or merged into a phrase
	forms   []wordForm // the word's readings as a trigger
}

// group is one mention or a coordination of mentions ("IL-6 and TNF").
type group struct {
	ents      []*ent
	mods      []*ent // "RANKL-induced": modifiers merged into the phrase
	modSuffix string
	modAt     int // token index of the modifier
}

// cellsOnly reports whether every entity of the group is a cell.
// chemsOnly reports whether every mention of the group is a chemical or
// drug (or a class of them).
func (g *group) chemsOnly() bool {
	for _, e := range g.ents {
		if !e.chems && e.node.Group != graph.DrugClass {
			return false
		}
	}
	return len(g.ents) > 0
}

// unknownOnly reports whether no mention of the group resolved.
func (g *group) unknownOnly() bool {
	for _, e := range g.ents {
		if e.known() {
			return false
		}
	}
	return true
}

// knownCellsOnly reports whether every mention of the group that
// resolved names a cell, and one did ("HOBIT or POB" with POB defined as
// primary osteoblasts).
func (g *group) knownCellsOnly() bool {
	known := false
	for _, e := range g.ents {
		if e.known() {
			if !e.cells {
				return false
			}
			known = true
		}
	}
	return known
}

func (g *group) cellsOnly() bool {
	for _, e := range g.ents {
		if !e.cells {
			return false
		}
	}
	return len(g.ents) > 0
}

// raw is a word or a mention before grouping.
type raw struct {
	w string
	e *ent
	p int
}

func isWordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c) || c == '-' || c == '\u2010' || c == '\'' || c == '’'
}

// words appends the words and punctuation of text[from:to] to seq. With
// skipSuffix, a first word that starts with a hyphen is the suffix of the
// mention before and is left out.
func words(seq []raw, text string, from, to int, skipSuffix bool) []raw {
	i, first := from, true
	if skipSuffix && strings.HasPrefix(text[from:to], "-/-") {
		i, first = from+3, false
	}
	for i < to {
		c, n := utf8.DecodeRuneInString(text[i:to])
		switch {
		case strings.ContainsRune(",;:()/[]→⊣", c):
			w := string(c)
			if c == '[' {
				w = "("
			} else if c == ']' {
				w = ")"
			}
			seq = append(seq, raw{w: w, p: i})
			i += n
			// "(E2)-activated": the suffix after the bracket is the
			// short form's, consumed as well
			first = first && c == ')'
		case isWordRune(c):
			j := i
			for j < to {
				d, m := utf8.DecodeRuneInString(text[j:to])
				if isWordRune(d) || d == '/' && j+m < to && isLetterAt(text, j+m) && strings.HasPrefix(strings.ToLower(text[i:j]), "and") {
					j += m
					continue
				}
				break
			}
			w := strings.ToLower(strings.Trim(text[i:j], "-\u2010'’"))
			if strings.ContainsRune(w, '\u2010') {
				w = strings.ReplaceAll(w, "\u2010", "-") // "loss‐of‐function": a hyphen
			}
			switch {
			case first && skipSuffix && (c == '-' || c == '\u2010'):
				// the suffix of the preceding mention: consumed
			case w == "":
			case codeLike(text[i:j]) && !residueName(text[i:j]):
				// a compound code such as U0126 or SB203580: an unknown name
				seq = append(seq, raw{e: &ent{text: text[i:j], start: i, end: j, pol: 1}, p: i})
			case foldWord(w):
				seq = append(seq, raw{w: "n-fold", p: i}) // "3-fold", "2.5-fold", "twofold"
			default:
				seq = append(seq, raw{w: w, p: i})
			}
			i = j
			first = false
		default:
			i += n
		}
	}
	return seq
}

// foldWord reports whether a lower-case word is a multiple: "3-fold",
// "5-fold", "twofold" (read as the one word "n-fold").
func foldWord(w string) bool {
	n, ok := strings.CutSuffix(w, "fold")
	if !ok || n == "" {
		return false
	}
	n = strings.TrimSuffix(n, "-")
	switch n {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "hundred", "thousand":
		return true
	}
	return n != "" && strings.Trim(n, "0123456789.,") == ""
}

// residueName reports whether a word names an amino-acid residue by its
// position ("Ser473", "Serine1177", "Tyr-705", "T308"): a site of a
// protein, no entity.
func residueName(w string) bool {
	low := strings.ToLower(w)
	for _, p := range []string{"serine", "threonine", "tyrosine", "ser", "thr", "tyr", "s", "t", "y"} {
		if rest, ok := strings.CutPrefix(low, p); ok {
			rest = strings.TrimPrefix(rest, "-")
			if rest != "" && len(rest) <= 4 && strings.Trim(rest, "0123456789") == "" {
				return true
			}
		}
	}
	return false
}

// cellGenesis reads "the formation of (mature) osteoclasts" written
// before the cell x (the words are the last of out) as the process of the
// cell's making, when the lexicon names it ("osteoclast formation"): it
// returns the process and how many words of out the phrase holds.
func cellGenesis(r *resolve.Resolver, out []raw, x raw) (graph.Node, int, bool) {
	k := len(out) - 1
	if k >= 0 && out[k].e == nil && out[k].w != "of" && isLowerWord(out[k].w) {
		k-- // an adjective: "multinucleated", "mature"
	}
	if k < 1 || out[k].e != nil || out[k].w != "of" || out[k-1].e != nil {
		return graph.Node{}, 0, false
	}
	noun := out[k-1].w
	if noun != "formation" && noun != "differentiation" && noun != "maturation" && noun != "generation" {
		return graph.Node{}, 0, false
	}
	// the cell's own names, then the last word of the mention
	// ("multinucleated osteoclasts" is a cell type of its own)
	var last string
	if words := strings.Fields(x.e.text); len(words) > 0 {
		last = strings.TrimSuffix(words[len(words)-1], "s")
	}
	for _, name := range []string{x.e.node.Name, x.e.node.Symbol, last} {
		if name == "" {
			continue
		}
		if n, ok := r.Resolve(name + " " + noun).Node(); ok && n.Kind == graph.Process {
			return n, len(out) - (k - 1), true
		}
	}
	return graph.Node{}, 0, false
}

// isLowerWord reports whether w is a word of lower-case letters and
// hyphens.
func isLowerWord(w string) bool {
	if w == "" {
		return false
	}
	for _, c := range w {
		if !unicode.IsLower(c) && c != '-' {
			return false
		}
	}
	return true
}

// aminoAcids are the amino acids' names, singular.
var aminoAcids = map[string]bool{"glycine": true, "alanine": true, "valine": true, "leucine": true,
	"isoleucine": true, "proline": true, "phenylalanine": true, "tryptophan": true, "methionine": true,
	"serine": true, "threonine": true, "cysteine": true, "tyrosine": true, "asparagine": true,
	"glutamine": true, "aspartate": true, "glutamate": true, "lysine": true, "arginine": true, "histidine": true}

// aminoResidue reports whether the mention x at seq[i] names residues of a
// protein: an amino acid before "residue(s)", after "C-terminal" or
// "N-terminal", or before "of" and a protein ("the glycine of LC3").
func aminoResidue(seq []raw, x raw, i int) bool {
	low := strings.ToLower(x.e.text)
	if aa, ok := strings.CutSuffix(strings.TrimSuffix(low, "s"), " residue"); ok && aminoAcids[aa] {
		return true // "tyrosine residues", one name in ChEBI: a part of a protein
	}
	if !aminoAcids[low] && !aminoAcids[strings.TrimSuffix(low, "s")] {
		return false
	}
	if i+1 < len(seq) && seq[i+1].e == nil && (seq[i+1].w == "residue" || seq[i+1].w == "residues") {
		return true
	}
	if i > 0 && seq[i-1].e == nil && (strings.HasSuffix(seq[i-1].w, "-terminal") || seq[i-1].w == "terminal") {
		return true
	}
	if i+2 < len(seq) && seq[i+1].e == nil && seq[i+1].w == "of" && seq[i+2].e != nil && seq[i+2].e.known() {
		k := seq[i+2].e.node.Kind
		return k == graph.Gene || k == graph.Group
	}
	return false
}

// plainWords reports whether a name the resolver found is rather
// ordinary words: a generic name ("protein", "serine"), or a name written
// in lower case that is a trigger word or holds a function word ("leads",
// "role", "it is", "mice").
func (rs *Rules) plainWords(name string, res resolve.Mention) bool {
	low := strings.ToLower(name)
	if res.Resolved() && !strings.Contains(name, " ") && strings.Contains(res.Result.Query, " ") {
		return false // "activation" read as "osteoclast activation"
	}
	if rs.sets[setGeneric][low] {
		return true
	}
	if rs.tableWords[low] && !res.Resolved() {
		return true // "siRNA": a word of the table that no lexicon knows
	}
	if low != name {
		return false
	}
	if _, ok := rs.words[low]; ok {
		return true
	}
	if !strings.Contains(low, " ") {
		return rs.sets[setEnglish][low]
	}
	first, _, _ := strings.Cut(low, " ")
	for _, set := range [...]string{setClause, setBe, setPrep, setSkip, setDet} {
		if rs.sets[set][first] {
			return true // "it is", "acts as"
		}
	}
	return false
}

// codeLike reports whether a word looks like a compound code: capitals,
// then at least three digits ("U0126", "SB203580", "LY294002").
func codeLike(w string) bool {
	caps, digits := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z' && digits == 0:
			caps++
		case c >= '0' && c <= '9' && caps > 0:
			digits++
		case c == '-' && digits == 0:
		default:
			return false
		}
	}
	return caps >= 1 && caps <= 4 && digits >= 3
}

func isLetterAt(s string, i int) bool {
	c, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(c)
}

// mentionEnt makes the ent of a mention, with the suffix after it, in e.
func (rs *Rules) mentionEnt(e *ent, r *resolve.Resolver, text string, sp Span, m resolve.Mention) *ent {
	*e = ent{text: m.Text, start: m.Start, end: m.End, pol: 1}
	res := m.Result
	if res.Status != resolve.Resolved && len(m.Text) > 5 && strings.EqualFold(m.Text[:5], "anti-") {
		// "anti-E-selectin": the name after the prefix
		if rr := r.Resolve(m.Text[5:]); rr.Status == resolve.Resolved {
			res, e.prefix = rr, "anti"
		}
	}
	if rest, ok := resolve.DominantNegative(m.Text); ok {
		// "dn-Rab5", "dnIKKβ", "DN-Ras": a dominant-negative form, also
		// when the text defined the whole as an abbreviation
		if rr := r.Resolve(rest); rr.Status == resolve.Resolved && (res.Status != resolve.Resolved || sameFirst(rr, res)) {
			res, e.prefix = rr, "dn"
		}
	}
	if res.Status != resolve.Resolved && len(m.Text) > 2 && m.Text[0] == 'p' && (m.Text[1] == '-' || m.Text[1] >= 'A' && m.Text[1] <= 'Z') {
		// "pERK1/2", "p-AKT": the phosphorylated protein
		if rr := r.Resolve(strings.TrimPrefix(m.Text[1:], "-")); rr.Status == resolve.Resolved {
			res = rr
		}
	}
	if res.Status == resolve.Resolved {
		e.cells, e.procs, e.chems = true, true, true
		for _, n := range res.Candidates {
			e.ids = append(e.ids, n.ID)
			e.cells = e.cells && n.Kind == graph.Cell
			e.procs = e.procs && n.Kind == graph.Process
			e.chems = e.chems && (n.Kind == graph.Chemical || n.Kind == graph.Drug)
		}
		e.node = res.Candidates[0]
	}
	end := m.End
	if closesShortForm(text, m.Start, end, sp.End) {
		end++ // "(E2)-activated": the short form's suffix follows the bracket
	}
	if end < sp.End && (text[end] == '-' || strings.HasPrefix(text[end:], "\u2010")) {
		rest := text[end:sp.End]
		if strings.HasPrefix(rest, "-/-") || strings.HasPrefix(rest, "−/−") {
			e.suffix = "null" // "IRS-1-/-"
			return e
		}
		_, dn := utf8.DecodeRuneInString(rest)
		j := dn
		for j < len(rest) {
			d, n := utf8.DecodeRuneInString(rest[j:])
			if !unicode.IsLetter(d) {
				break
			}
			j += n
		}
		e.suffix = strings.ToLower(rest[dn:j])
	}
	if e.suffix == "" {
		rs.nameStem(r, e)
	}
	return e
}

// closesShortForm reports whether the mention at text[start:end] is a
// short form in brackets that a hyphenated suffix follows: "estradiol
// (E2)-activated".
func closesShortForm(text string, start, end, limit int) bool {
	return start > 0 && text[start-1] == '(' && end+1 < limit && text[end] == ')' &&
		(text[end+1] == '-' || strings.HasPrefix(text[end+1:], "\u2010"))
}

// sameFirst reports whether two results name the same first candidate.
func sameFirst(a, b resolve.Result) bool {
	return len(a.Candidates) > 0 && len(b.Candidates) > 0 && a.Candidates[0].ID == b.Candidates[0].ID
}

// nameStem reads a name that says what it acts on: "IAP antagonists"
// (a drug class) acts on IAPs; the last word becomes the suffix that the
// table's modifiers read.
func (rs *Rules) nameStem(r *resolve.Resolver, e *ent) {
	if len(e.ids) != 1 || (e.node.Kind != graph.Drug && e.node.Kind != graph.Group && e.node.Kind != graph.Chemical) {
		return
	}
	k := strings.LastIndexByte(e.text, ' ')
	if k < 0 {
		return
	}
	last := strings.ToLower(e.text[k+1:])
	if !rs.sets[setInhibitorNames][last] && !rs.sets["agonist-names"][last] {
		return
	}
	stem := strings.TrimSpace(e.text[:k])
	if j := strings.LastIndexByte(stem, ' '); j >= 0 && strings.Contains(strings.ToLower(stem[:j]), "anti") {
		stem = stem[j+1:] // "anti-cancer IAP" → "IAP"
	}
	res := r.Resolve(stem)
	if n, ok := res.Node(); ok && n.ID != e.ids[0] && n.Kind != graph.Drug && n.Kind != graph.Process {
		e.stem = &ent{ids: []string{n.ID}, node: n, text: stem, pol: 1}
		e.suffix = last
	}
}

// tokenize returns the words and mentions of a sentence.
func (rs *Rules) tokenize(r *resolve.Resolver, text string, sp Span, ms []resolve.Mention) []raw {
	seq := make([]raw, 0, (sp.End-sp.Start)/5+len(ms)+1)
	pos := sp.Start
	suffixBefore := func() bool {
		return len(seq) > 0 && seq[len(seq)-1].e != nil && seq[len(seq)-1].e.suffix != ""
	}
	slab := make([]ent, len(ms)) // the ents of the mentions, allocated at once
	for k, m := range ms {
		if m.Start < pos {
			continue
		}
		seq = words(seq, text, pos, m.Start, suffixBefore())
		e := rs.mentionEnt(&slab[k], r, text, sp, m)
		pos = m.End
		if e.anaphor = isAnaphor(m); e.anaphor {
			e.crossSentence = m.Result.Reason == anaphorReason
			seq = append(seq, raw{e: e, p: m.Start})
			continue
		}
		if rs.plainWords(m.Text, m) || m.Result.Status == resolve.Unknown && residueName(m.Text) {
			seq = words(seq, text, m.Start, m.End, false) // "protein", "leads", "it is", "Ser473": words
			continue
		}
		if strings.HasSuffix(m.Text, "+") && !e.cells && !e.procs {
			seq = append(seq, raw{w: "marker", p: m.Start}) // "RANK+": a marker
			continue
		}
		if e.prefix != "" {
			seq = append(seq, raw{w: e.prefix, p: m.Start})
		}
		seq = append(seq, raw{e: e, p: m.Start})
	}
	seq = words(seq, text, pos, sp.End, suffixBefore())
	return rs.descriptions(rs.classExamples(rs.adjectivesBeforeNames(rs.cancerAgents(r, text, cleanup(r, markCellLines(text, joinAsWellAs(joinRegulate(seq))), rs.sets[setDet])))))
}

// allCapitals reports whether s is made of capital letters only.
func allCapitals(s string) bool {
	for _, c := range s {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return s != ""
}

// cellLinesOfText returns ms with every mention of a name the text
// writes, somewhere, as a cell line's ("HOBIT cells", "C4-2B cells")
// made unknown: elsewhere in the text the name ("HOBIT CM-induced
// proliferation") is still the line, not the gene whose alias it is.
func cellLinesOfText(text string, ms []resolve.Mention) []resolve.Mention {
	var lines map[string]bool
	for _, m := range ms {
		n, ok := m.Result.Node()
		if !ok || n.Kind != graph.Gene || strings.EqualFold(m.Text, n.Symbol) {
			continue
		}
		after := strings.TrimLeft(text[m.End:], " ")
		if !strings.HasPrefix(after, "cells") && !strings.HasPrefix(after, "cell ") {
			continue
		}
		x := raw{e: &ent{text: m.Text, ids: []string{n.ID}, node: n}, p: m.Start}
		if cellLineName(text, x) {
			if lines == nil {
				lines = map[string]bool{}
			}
			lines[m.Text] = true
		}
	}
	if lines == nil {
		return ms
	}
	out := slices.Clone(ms)
	for i, m := range out {
		if lines[m.Text] && m.Resolved() {
			out[i].Result = resolve.Result{Query: m.Text, Status: resolve.Unknown, Reason: "the name of a cell line in this text"}
		}
	}
	return out
}

// markCellLines reads the name of a cell line before "cells" or "cell"
// ("NIH 3T3 cells", "HEK293 cells", "THP-1 cells", "C4-2B or VCaP cells")
// as one unknown name of cells, and leaves it out before the name of a
// cell ("MDA-MB-231 breast cancer cells"): the line is the setting of
// what is said, and its name is no entity (THP-1 is not the gene GLI2,
// whose alias it is). A name is a line's when it is no mention and has a
// digit, or small letters and a capital after its first letter ("HeLa";
// not "BM"), or when it is a gene's alias with a digit that is not the
// gene's symbol; up to three words make one name ("NIH 3T3", "RAW
// 264.7"), and each name of a list before the cells is one.
func markCellLines(text string, seq []raw) []raw {
	if !slices.ContainsFunc(seq, func(x raw) bool { return x.e == nil && (x.w == "cells" || x.w == "cell") || x.e != nil && x.e.cells }) {
		return seq // the common case: no cells, no copy
	}
	out := make([]raw, 0, len(seq))
	for i := 0; i < len(seq); i++ {
		out = append(out, seq[i])
		if i+1 >= len(seq) {
			continue
		}
		next := seq[i+1]
		if !(next.e == nil && (next.w == "cells" || next.w == "cell") || next.e != nil && next.e.cells && next.e.suffix == "") {
			continue
		}
		for end := len(out); ; {
			n := 0
			for n < 3 && n < end && (cellLineName(text, out[end-1-n]) || n > 0 && unknownName(out[end-1-n])) {
				n++ // "NIH 3T3": an unknown name before a line's
			}
			if n == 0 {
				break
			}
			first, last := out[end-n], out[end-1]
			from, to := first.p, last.p+len(last.w)
			if last.e != nil {
				to = last.e.end
			}
			if from < 0 || to > len(text) || from > to {
				break
			}
			if next.e != nil {
				// "MDA-MB-231 breast cancer cells": the cell's name says it
				out = append(out[:end-n], out[end:]...)
			} else {
				line := &ent{text: text[from:to], start: from, end: to, pol: 1, cells: true}
				out = append(append(out[:end-n], raw{e: line, p: from}), out[end:]...)
			}
			end -= n
			// "C4-2B or VCaP cells": the line before a coordination too
			if end < 2 || out[end-1].e != nil || !isCoord(out[end-1].w) {
				break
			}
			end--
		}
	}
	return out
}

// unknownName reports whether x is a name the resolver does not know.
func unknownName(x raw) bool {
	return x.e != nil && !x.e.known() && !x.e.anaphor && x.e.suffix == "" && x.e.prefix == ""
}

// cellLineName reports whether x may be (part of) the name of a cell
// line: see markCellLines.
func cellLineName(text string, x raw) bool {
	var name string
	switch {
	case x.e == nil:
		if x.p < 0 || x.p+len(x.w) > len(text) {
			return false
		}
		name = text[x.p : x.p+len(x.w)]
	case x.e.suffix != "" || x.e.prefix != "" || x.e.anaphor || x.e.procs || x.e.cells && x.e.known():
		return false
	case !x.e.known():
		name = x.e.text // "HEK293": a compound code, unknown
	case x.e.node.Kind == graph.Gene && !strings.EqualFold(x.e.text, x.e.node.Symbol) && !strings.ContainsAny(x.e.text, "+"):
		name = x.e.text // "THP-1", an alias of GLI2
		if allCapitals(name) && len(name) >= 5 {
			return true // "HOBIT cells": an alias of ZNF683, a line of osteoblasts here
		}
		if !strings.ContainsAny(name, "0123456789") {
			return false
		}
	default:
		return false
	}
	lower, innerUpper := false, false
	for k, c := range name {
		switch {
		case c >= '0' && c <= '9':
			return true // "3T3", "HEK293", "MDA-MB-231"
		case unicode.IsLower(c):
			lower = true
		case k > 0 && unicode.IsUpper(c):
			innerUpper = true
		}
	}
	return lower && innerUpper // "HeLa", "VCaP"; not "BM" nor "MSC"
}

// cancerWords are the nouns of a cancer named as a disease.
var cancerWords = map[string]bool{"cancer": true, "cancers": true, "carcinoma": true, "carcinomas": true,
	"tumor": true, "tumors": true, "tumour": true, "tumours": true, "myeloma": true, "melanoma": true, "pca": true}

// cancerAgents reads a cancer named as a disease that is the subject of a
// verb ("Prostate cancer induces bone metastasis", "Multiple myeloma
// suppresses bone formation", "PCa promotes Y") as its cells, when the
// resolver names them ("prostate cancer cell"). Elsewhere ("patients
// with breast cancer") the disease stays words.
func (rs *Rules) cancerAgents(r *resolve.Resolver, text string, seq []raw) []raw {
	for i := 0; i+1 < len(seq); i++ {
		if seq[i].e != nil || !cancerWords[seq[i].w] || !rs.finiteVerb(seq[i+1].w) {
			continue
		}
		start := i
		if i > 0 && seq[i-1].e == nil && seq[i-1].w != "" && !rs.tableWords[seq[i-1].w] {
			start = i - 1 // "prostate cancer", "multiple myeloma"
		}
		for ; start <= i; start++ {
			from, to := seq[start].p, seq[i].p+len(seq[i].w)
			if to > len(text) {
				break
			}
			n, ok := r.Resolve(text[from:to] + " cell").Node()
			if !ok || n.Kind != graph.Cell || !tumourCell(n) {
				continue
			}
			e := &ent{ids: []string{n.ID}, node: n, cells: true, text: text[from:to], start: from, end: to, pol: 1}
			seq = slices.Replace(seq, start, i+1, raw{e: e, p: from})
			i = start
			break
		}
	}
	return seq
}

// finiteVerb reports whether w is a finite verb of a trigger class.
func (rs *Rules) finiteVerb(w string) bool {
	for _, f := range rs.words[w] {
		if f.form == formVerb {
			return true
		}
	}
	return false
}

// asWord returns the mention of x read as a lower-case word (with its
// hyphenated suffix when withSuffix): a name that stands for no entity
// where it is written.
func asWord(x raw, withSuffix bool) raw {
	w := strings.ToLower(x.e.text)
	if withSuffix && x.e.suffix != "" {
		w += "-" + x.e.suffix
	}
	return raw{w: w, p: x.p}
}

// cleanup merges appositions ("sclerostin (SOST)"), reads "X formation"
// as a process, and unsets mentions that name something else ("Wnt target
// genes"); det holds the table's determiners.
func cleanup(r *resolve.Resolver, seq []raw, det map[string]bool) []raw {
	out := make([]raw, 0, len(seq))
	for i := 0; i < len(seq); i++ {
		x := seq[i]
		if x.e != nil && x.e.procs && adjective(x.e.text) && i+1 < len(seq) && seq[i+1].e != nil {
			// "bone-resorbing osteoclasts", "osteolytic MM cells": an
			// adjective that names a process modifies the name after it
			x = asWord(x, false)
		}
		if x.e != nil && classBefore(r, seq, i) {
			// "the chemokine receptor CCR7", "the MAPK p38": a class
			// that describes the member named after it
			out = append(out, asWord(x, false))
			continue
		}
		if x.e != nil && x.e.procs && strings.HasSuffix(strings.ToLower(x.e.text), "differentiation") || x.e == nil && x.w == "differentiation" {
			x, i = differentiationInto(r, seq, x, i)
		}
		if x.e != nil && x.e.cells && x.e.suffix == "" {
			x, i = keptFrom(r, seq, x, i)
		}
		if x.e != nil && i >= 2 && seq[i-1].w == "than" && seq[i-2].w == "other" {
			// "cells other than osteoblasts": what the phrase leaves out
			out = append(out, asWord(x, false))
			continue
		}
		if x.e != nil && intoNucleus(seq, x, i) {
			// "its migration into the nucleus": a protein's move, not
			// cell migration
			out = append(out, asWord(x, false))
			continue
		}
		if x.e != nil && actsOnFactor(seq, x, i) {
			// "osteoclast-activating factors", "osteoblast inhibitory
			// factors": unnamed factors act on the mention
			out = append(out, asWord(x, false))
			continue
		}
		if x.e != nil && eitherWay(seq, i) {
			// "BMP-dependent and BMP-independent osteoblast
			// differentiation": whichever way, the mediator is no end
			out = append(out, asWord(x, true), seq[i+1], asWord(seq[i+2], true))
			i += 2
			continue
		}
		if x.e != nil && x.e.cells && x.e.suffix == "" {
			if n, drop, ok := cellGenesis(r, out, x); ok {
				// "the formation of multinucleated OCs": osteoclastogenesis
				e := *x.e
				e.ids, e.node, e.procs, e.cells, e.chems = []string{n.ID}, n, true, false, false
				p := out[len(out)-drop].p
				out = append(out[:len(out)-drop], raw{e: &e, p: p})
				continue
			}
		}
		if x.e != nil && aminoResidue(seq, x, i) {
			// "the exposed glycine of LC3", "lysine residues": a residue
			// of a protein, not the free amino acid
			out = append(out, asWord(x, false))
			continue
		}
		if x.e != nil && (x.e.suffix == "negative" || x.e.suffix == "positive" || x.e.suffix == "independent") {
			// "estrogen receptor α-negative breast cancer", "RANK-positive
			// cells", "the T-cell-independent pathway": a trait of what
			// follows, not the molecule
			out = append(out, asWord(x, true))
			continue
		}
		if x.e != nil && !x.e.known() || x.e == nil && alnumCode(x.w) {
			x, i = describedCode(seq, x, i)
		}
		if x.e != nil && x.e.known() && len(x.e.ids) == 1 {
			x, i = apposition(seq, x, i)
			x = processHead(r, seq, x, i)
		}
		if x.e != nil && i+2 < len(seq) && seq[i+1].e == nil && seq[i+2].e == nil && pathwayWord(seq[i+1].w) &&
			(seq[i+2].w == "target" || seq[i+2].w == "targets") && !namedTargets(seq, i+2) && !targetsVerb(seq, i+2) {
			// "Wnt pathway targets", "NF-κB signaling target genes": not
			// the pathway's own entity
			e := *x.e
			e.ids = nil
			x = raw{e: &e, p: x.p}
		}
		if x.e != nil && i+1 < len(seq) && seq[i+1].e == nil && notTheEntity(seq[i+1].w, x.e) && !targetsVerb(seq, i+1) {
			e := *x.e
			if w := seq[i+1].w; w == "promoter" || w == "promoters" {
				e.promoter = true // "activates the IGF2R promoter": IGF2R's expression
			} else if w == "marker" || w == "markers" || x.e.cells && (w == "gene" || w == "genes" || w == "transcription" || w == "proteins" || w == "transcripts") ||
				namedTargets(seq, i+1) || w == "protease" || w == "proteases" || w == "proteinase" || w == "proteinases" {
				// "osteoclast marker genes such as TRAP", "the Wnt
				// target gene AXIN2": words before the genes the
				// sentence names; "a cysteine protease": a kind of
				// enzyme
				out = append(out, asWord(x, false))
				continue
			} else {
				e.ids = nil // "Wnt target genes" are not Wnt
			}
			x = raw{e: &e, p: x.p}
		}
		if x.e == nil && x.w == "" {
			continue
		}
		out = append(out, x)
	}
	out = slices.DeleteFunc(out, func(x raw) bool { return x.e == nil && x.w == "" })
	return dropAsides(chemicalModifiers(longForms(out)), det)
}

// longForms drops the words of a long form that no lexicon knows before
// the short form that names it ("Receptor Activator of Nuclear Factor k B
// Ligand (RANKL)"): the short form's mention stands in their place. The
// words are a long form when the first starts with the short form's
// first letter and the short form's letters occur in them in order
// (after Schwartz and Hearst, 2003), within twice the short form's
// length in words.
func longForms(seq []raw) []raw {
	for i := 1; i+2 < len(seq); i++ {
		if seq[i].w != "(" || seq[i+1].e == nil || !seq[i+1].e.known() || seq[i+2].w != ")" {
			continue
		}
		short := strings.ToLower(seq[i+1].e.text)
		letters := strings.Map(func(c rune) rune {
			if c == 'κ' {
				return 'k' // as inOrder reads the long form: "IκB"
			}
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				return c
			}
			return -1
		}, short)
		if len(letters) < 2 {
			continue
		}
		for start := i - 1; start >= 0 && i-start <= 2*len(letters); start-- {
			w := seq[start].w
			if e := seq[start].e; e != nil {
				// "monocyte–colony stimulating factor (M-CSF)", "tumor
				// necrosis factor receptor 1 (TNFR1)": a name may open
				// the long form, never stand for all of it
				if start == i-1 && e.known() {
					break // an unknown name may end it: "inhibitory κB (IκB)"
				}
				w = strings.ToLower(e.text)
			}
			if w == "" || strings.ContainsAny(w, ",;:()") {
				break
			}
			if !strings.HasPrefix(w, letters[:1]) {
				// a word or a name inside the long form ("stimulator of
				// interferon genes (STING)"): on to its first word
				continue
			}
			words := []string{w}
			if seq[start].e != nil {
				words = strings.Fields(w) // "tumor necrosis factor": t, n, f
			}
			for k := start + 1; k < i; k++ {
				if e := seq[k].e; e != nil {
					// "stimulator of interferon genes (STING)": a name
					// inside the long form spells with its words
					words = append(words, strings.Fields(strings.ToLower(e.text))...)
					continue
				}
				words = append(words, seq[k].w)
			}
			if seq[start].e != nil && seq[start].e.known() {
				// a name opens it only when the words' initials spell
				// the short form: "monocyte colony stimulating factor";
				// and names the same kind of thing ("the RAL-GAP complex
				// (RGC)" is no retinal ganglion cell)
				if initials(words) != letters || !seq[start].e.cells && seq[i+1].e.cells {
					break
				}
			} else if !inOrder(letters, strings.Join(words, " ")) {
				continue
			} else if seq[i+1].e.cells && slices.ContainsFunc(seq[start:i], func(x raw) bool { return x.e != nil }) {
				break // "the Ral-GAP complex (RGC)" names no retinal ganglion cell
			}
			e := seq[i+1]
			e.p = seq[start].p
			for k := start; k <= i+2; k++ {
				seq[k] = raw{}
			}
			seq[start] = e
			break
		}
	}
	return slices.DeleteFunc(seq, func(x raw) bool { return x.e == nil && x.w == "" })
}

// initials returns the first letters of words, lower-case; the parts of
// a hyphenated word count as words ("hypoxia-inducible factor 1-alpha"
// spells "hif1α"), and a Greek letter's name as the letter.
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		for _, part := range strings.FieldsFunc(w, func(c rune) bool { return c == '-' || c == '\u2010' }) {
			if strings.Trim(part, "0123456789") == "" {
				b.WriteString(part) // a number counts whole: "gene 15" spells "15"
				continue
			}
			if g, ok := greekNames[part]; ok {
				b.WriteRune(g)
				continue
			}
			if c, _ := utf8.DecodeRuneInString(part); unicode.IsLetter(c) || unicode.IsDigit(c) {
				if c == 'κ' {
					c = 'k' // "inhibitory κB kinase β (IKKβ)"
				}
				b.WriteRune(unicode.ToLower(c))
			}
		}
	}
	return b.String()
}

// greekNames are the Greek letters written out in names.
var greekNames = map[string]rune{"alpha": 'α', "beta": 'β', "gamma": 'γ', "delta": 'δ', "epsilon": 'ε', "kappa": 'κ'}

// inOrder reports whether the letters of short occur in long in order;
// κ counts as k ("inhibitory κB kinase β (IKKβ)").
func inOrder(short, long string) bool {
	want := []rune(short)
	j := 0
	for _, c := range long {
		if c == 'κ' {
			c = 'k'
		}
		if j < len(want) && c == want[j] {
			j++
		}
	}
	return j == len(want)
}

// chemicalModifiers turns the chemicals that only modify a noun after
// them into words: "guanine nucleotide exchange factor" names neither
// guanine nor a nucleotide; "lupeol synthase", "terpene cyclases" and
// "nicotinamide adenine dinucleotide phosphate (NADPH) oxidases" name
// enzymes, not their substrates; and in "NADH-dependent oxidoreductase",
// "ATP-dependent citrate synthase" the chemical is the enzyme's cofactor
// or substrate, not what activates it (kinases and phosphatases aside:
// "cAMP-dependent protein kinase" is activated by cAMP).
func chemicalModifiers(seq []raw) []raw {
	chem := func(x raw) bool { return x.e != nil && x.e.known() && (x.e.chems || x.e.node.Kind == graph.Chemical) }
	for i, x := range seq {
		if x.e == nil && (x.w == "exchange" || enzymeWord(x.w)) {
			for j := i - 1; j >= 0; j-- {
				switch {
				case chem(seq[j]):
					seq[j] = asWord(seq[j], false)
				case seq[j].e == nil && (seq[j].w == "dinucleotide" || seq[j].w == "dinucleotides"):
				case seq[j].w == ")" && j >= 2 && chem(seq[j-1]) && seq[j-2].w == "(":
					seq[j-1] = asWord(seq[j-1], false)
					j -= 2
				default:
					j = -1
				}
			}
			continue
		}
		if chem(x) && x.e.suffix == "dependent" {
			// the enzyme is the next mention or the words up to its head
			for j := i + 1; j < len(seq) && j <= i+8; j++ {
				head := seq[j].w
				if seq[j].e != nil {
					f := strings.Fields(strings.ToLower(seq[j].e.text))
					head = f[len(f)-1]
				}
				if head == "kinase" || head == "kinases" || head == "phosphatase" || head == "phosphatases" {
					break
				}
				if enzymeWord(head) {
					seq[i] = asWord(x, true)
					break
				}
				if seq[j].e != nil && seq[j].e.known() && !chem(seq[j]) || seq[j].e == nil && !plainModifier(seq[j].w) {
					break
				}
			}
		}
	}
	return seq
}

// notEnzymes are words ending in -ase that name no enzyme.
var notEnzymes = map[string]bool{"base": true, "bases": true, "case": true, "cases": true, "phase": true,
	"phases": true, "release": true, "releases": true, "increase": true, "increases": true, "decrease": true,
	"decreases": true, "disease": true, "diseases": true, "database": true, "databases": true, "ease": true,
	"cease": true, "ceases": true, "phrase": true, "phrases": true, "chase": true, "purchase": true,
	"lease": true, "please": true, "erase": true, "showcase": true, "biphase": true, "interphase": true,
	"metaphase": true, "anaphase": true, "prophase": true, "telophase": true, "prometaphase": true}

// enzymeWord reports whether w (lower case) names an enzyme by its
// ending: "synthase", "oxidoreductases", "glucokinase".
func enzymeWord(w string) bool {
	if len(w) < 6 || notEnzymes[w] {
		return false
	}
	return strings.HasSuffix(w, "ase") || strings.HasSuffix(w, "ases")
}

// plainModifier reports whether w may stand inside an enzyme's name
// between a cofactor and the head: a lower-case word of letters, digits,
// hyphens and brackets ("(red)-nadp").
func plainModifier(w string) bool {
	if w == "" || w == "," || w == ";" || w == "and" || w == "or" || w == "by" || w == "of" {
		return false
	}
	for _, c := range w {
		if !unicode.IsLower(c) && !unicode.IsDigit(c) && c != '-' && c != '(' && c != ')' {
			return false
		}
	}
	return true
}

// dropAsides removes the bracketed asides that name nothing ("(p=0.006)",
// "(Fig. 2A)", "(blue)"): they only break coordinations; and the asides
// that exclude ("X, but not Y, inhibited Z"): they separate a subject
// from its verb, and their "not" negates nothing read around them.
// A name in brackets after a determiner's noun ("its ligand (RANKL)") is
// the noun's: its brackets go; det holds the table's determiners.
func dropAsides(seq []raw, det map[string]bool) []raw {
	out := seq[:0]
	for i := 0; i < len(seq); i++ {
		if seq[i].w == "," && i+1 < len(seq) && seq[i+1].w == "," {
			continue // "in a manner , , , and represses": citations taken out
		}
		if end := butNot(seq, i); end > 0 {
			i = end
			continue
		}
		if end := butNotModifier(seq, i); end > 0 {
			out = append(out, seq[i])
			i = end
			continue
		}
		if seq[i].w == "(" && i > 1 && i+2 < len(seq) && seq[i-1].e == nil && namedHeads[seq[i-1].w] && det[seq[i-2].w] &&
			seq[i+1].e != nil && seq[i+1].e.known() && seq[i+2].w == ")" {
			// "its ligand (RANKL) activates": the name of the noun before
			out = append(out, seq[i+1])
			i += 2
			continue
		}
		if seq[i].w == "(" {
			end := -1
			for j := i + 1; j < len(seq) && j <= i+10; j++ {
				if seq[j].e != nil && (seq[j].e.known() || !mutationCodes(seq[j].e.text)) || seq[j].w == "(" {
					break // "(L858R/T790M)" names no entity
				}
				if seq[j].w == ")" {
					end = j
					break
				}
			}
			if end > 0 {
				i = end
				continue
			}
		}
		out = append(out, seq[i])
	}
	return out
}

// namedHeads are the nouns a name in brackets after them and a
// determiner stands for: "its ligand (RANKL)", "the receptor (RANK)"
// (not "the angiotensin type 1 receptor (AT1)", whose bracket
// abbreviates a name).
var namedHeads = map[string]bool{"ligand": true, "ligands": true, "receptor": true, "receptors": true,
	"kinase": true, "kinases": true, "enzyme": true, "protein": true, "factor": true, "cytokine": true,
	"chemokine": true, "hormone": true, "adaptor": true, "adapter": true, "partner": true,
	"substrate": true, "phosphatase": true, "ligase": true, "protease": true}

// mutationCodes reports whether text is one or more point mutations
// written as residue, position, residue and separated by slashes or
// commas ("L858R", "L858R/T790M").
func mutationCodes(text string) bool {
	n := 0
	for part := range strings.FieldsFuncSeq(text, func(r rune) bool { return r == '/' || r == ',' }) {
		n++
		if len(part) < 3 || part[0] < 'A' || part[0] > 'Z' || part[len(part)-1] < 'A' || part[len(part)-1] > 'Z' {
			return false
		}
		for _, c := range part[1 : len(part)-1] {
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	return n > 0
}

// butNot returns the index of the comma closing an aside ", but not Y,"
// that opens at seq[i], or -1.
func butNot(seq []raw, i int) int {
	if i == 0 || i+3 >= len(seq) || seq[i].w != "," || seq[i+1].w != "but" || seq[i+2].w != "not" {
		return -1
	}
	for j := i + 3; j < len(seq) && j <= i+8; j++ {
		if seq[j].w == "," {
			return j
		}
		if seq[j].w == ";" || seq[j].w == "." || seq[j].w == "(" || seq[j].w == ")" {
			break
		}
	}
	return -1
}

// butNotModifier returns the index of the last token of an excluded
// modifier "but not B-induced" after the modifier "A-induced" at seq[i]
// ("A-induced but not B-induced Y"), or -1. The exclusion names what
// does not act on Y; left in place, it would take Y from A and negate
// every reading around it.
func butNotModifier(seq []raw, i int) int {
	if seq[i].e == nil || seq[i].e.suffix == "" || i+3 >= len(seq) || seq[i+1].w != "but" || seq[i+2].w != "not" {
		return -1
	}
	for j := i + 3; j < len(seq) && j <= i+9; j++ {
		switch {
		case seq[j].e != nil && seq[j].e.suffix != "":
			return j // "but not TNF-α-dependent", "but not IL-6- or TNF-induced"
		case seq[j].e != nil, seq[j].w == "or", seq[j].w == "and", seq[j].w == ",":
		default:
			return -1
		}
	}
	return -1
}

// apposition merges "X (X')" into one mention: the same entity, the
// abbreviation of a member of the family X names ("growth factor (EGF)"),
// or the family X belongs to ("ERK1/2 (p44/42 MAPK)": X).
func apposition(seq []raw, x raw, i int) (raw, int) {
	if i+3 >= len(seq) || seq[i+1].w != "(" || seq[i+2].e == nil || !seq[i+2].e.known() || len(seq[i+2].e.ids) != 1 {
		return x, i
	}
	c := i + 3
	for c < len(seq) && c <= i+5 && seq[c].e == nil && seq[c].w != ")" && seq[c].w != "(" {
		c++
	}
	if c >= len(seq) || seq[c].w != ")" || (c != i+3 && seq[i+3].w != ",") {
		return x, i
	}
	inner := seq[i+2].e
	if x.e.suffix == "" && c == i+3 {
		x.e.suffix = inner.suffix // "estradiol (E2)-activated"
	}
	switch {
	case slices.Equal(inner.ids, x.e.ids):
		x.e.end = inner.end
	case x.e.node.Kind == graph.Group && inner.node.Kind != graph.Group && inner.node.Kind != graph.Process && inner.node.Kind != graph.Cell:
		x = raw{e: inner, p: x.p}
	case len(x.e.ids) == 1 && slices.Contains(inner.node.Members, x.e.ids[0]):
		// "ERK1/2 (p44/42 MAPK)": the family the name belongs to, in
		// brackets, is another name of the same thing; the name stays
		x.e.end = inner.end
	default:
		return x, i
	}
	for m := i + 1; m <= c; m++ {
		seq[m].w, seq[m].e = "", nil
	}
	return x, c
}

// differentiationInto reads "MSC differentiation toward osteoblasts",
// "differentiation of precursors into osteoclasts" as the differentiation
// of the cell named after into|toward|towards when the resolver names it
// ("osteoblast differentiation": osteoblastogenesis).
func differentiationInto(r *resolve.Resolver, seq []raw, x raw, i int) (raw, int) {
	j := i + 1
	if j+1 < len(seq) && seq[j].w == "of" {
		// "of (the) precursors": what differentiates, skipped
		j++
		for k := 0; k < 3 && j < len(seq) && seq[j].w != "into" && seq[j].w != "toward" && seq[j].w != "towards"; k++ {
			j++
		}
	}
	if j >= len(seq) || seq[j].w != "into" && seq[j].w != "toward" && seq[j].w != "towards" {
		return x, i
	}
	j++
	if j < len(seq) && (seq[j].w == "mature" || seq[j].w == "the") {
		j++
	}
	if j >= len(seq) || seq[j].e == nil || !seq[j].e.cells || len(seq[j].e.ids) != 1 {
		return x, i
	}
	cell := seq[j].e
	n, ok := r.Resolve(cell.node.Name + " differentiation").Node()
	if !ok || n.Kind != graph.Process {
		return x, i
	}
	var e ent
	if x.e != nil {
		e = *x.e
	} else {
		e = ent{text: x.w, start: x.p, pol: 1}
	}
	e.ids, e.node, e.end, e.procs, e.cells, e.chems = []string{n.ID}, n, cell.end, true, false, false
	for m := i + 1; m <= j; m++ {
		seq[m].w, seq[m].e = "", nil
	}
	return raw{e: &e, p: x.p}, j
}

// eitherWay reports whether seq[i] and seq[i+2] are "X-dependent and
// Y-independent" (or the other way round).
func eitherWay(seq []raw, i int) bool {
	if i+2 >= len(seq) || seq[i+2].e == nil || seq[i+1].w != "and" && seq[i+1].w != "or" {
		return false
	}
	a, b := seq[i].e.suffix, seq[i+2].e.suffix
	return a == "dependent" && b == "independent" || a == "independent" && b == "dependent"
}

// factorNouns are the nouns of unnamed agents: "osteoclast-activating
// factors".
var factorNouns = map[string]bool{"factor": true, "factors": true, "cytokine": true, "cytokines": true,
	"agent": true, "agents": true, "molecule": true, "molecules": true, "signal": true, "signals": true}

// actingOn are the words between a mention and a factor noun that say the
// factor acts on the mention.
var actingOn = map[string]bool{"activating": true, "inducing": true, "stimulating": true, "promoting": true,
	"inhibiting": true, "suppressing": true, "inhibitory": true, "stimulatory": true, "suppressive": true}

// actsOnFactor reports whether the mention seq[i] is what a factor after
// it acts on: "osteoclast-activating factors" (a suffix) or "osteoblast
// inhibitory factors" (a word).
func actsOnFactor(seq []raw, x raw, i int) bool {
	noun := -1
	switch {
	case actingOn[x.e.suffix] && i+1 < len(seq) && factorNouns[seq[i+1].w]:
		noun = i + 1
	case x.e.suffix == "" && i+2 < len(seq) && actingOn[seq[i+1].w] && factorNouns[seq[i+2].w]:
		noun = i + 2
	default:
		return false
	}
	// "osteoclast inhibiting agents such as bisphosphonates": the rules
	// read the examples' action on the mention
	if n := noun + 1; n < len(seq) {
		if seq[n].e != nil && seq[n].e.known() {
			return false // "the osteoclast-activating factor PTHrP": named
		}
		switch seq[n].w {
		case "such", "including", "like", "(", ",", "e.g":
			return false
		}
	}
	return true
}

// describedCode reads "1D11, a TGF-β neutralizing antibody," or
// "XZ4471, a MEK inhibitor,": a name no lexicon knows, described in
// apposition by a drug or a class of drugs, is that drug or class, and
// the aside goes.
func describedCode(seq []raw, x raw, i int) (raw, int) {
	if i+4 >= len(seq) || seq[i+1].w != "," || seq[i+2].w != "a" && seq[i+2].w != "an" {
		return x, i
	}
	for j := i + 3; j < len(seq) && j <= i+5; j++ {
		e := seq[j].e
		if e == nil {
			continue
		}
		if !e.known() || len(e.ids) != 1 || e.node.Kind != graph.Drug && e.node.Kind != graph.Chemical && e.node.Group != graph.DrugClass ||
			j+1 >= len(seq) || seq[j+1].w != "," {
			return x, i
		}
		for m := i + 1; m <= j+1; m++ {
			seq[m].w, seq[m].e = "", nil
		}
		return raw{e: e, p: x.p}, j + 1
	}
	return x, i
}

// alnumCode reports whether a word mixes letters and digits ("1d11"):
// a code, not an English word.
func alnumCode(w string) bool {
	return strings.ContainsAny(w, "0123456789") && strings.ContainsFunc(w, unicode.IsLetter)
}

// processHead reads "osteoclast formation" as the process the resolver
// names so.
func processHead(r *resolve.Resolver, seq []raw, x raw, i int) raw {
	j := i + 1
	for j < len(seq) && seq[j].w == "" && seq[j].e == nil {
		j++
	}
	if j < len(seq) && seq[j].e != nil && x.e.cells && seq[j].e.suffix == "" && x.e.suffix == "" && i+1 == j &&
		seq[j].e.node.ID == "BONEMET:cell_proliferation" && len(seq[j].e.ids) == 1 {
		// "chondrocyte proliferation, chondrocyte differentiation and Ihh
		// expression": the cells, and the noun a head of their phrase,
		// so that the list goes on
		seq[j] = raw{w: "proliferation", p: seq[j].p}
		return x
	}
	if j < len(seq) && seq[j].e != nil && x.e.cells && seq[j].e.procs && x.e.suffix == "" && i+1 == j &&
		seq[j].e.node.ID != "BONEMET:cell_proliferation" {
		// "osteoclast survival", "osteocyte apoptosis": the process is
		// what the phrase names ("osteoblast proliferation" stays the
		// osteoblasts, whose number grows)
		return raw{w: "cells", p: x.p}
	}
	if j >= len(seq) || seq[j].e != nil || x.e.suffix != "" {
		return x
	}
	if w := seq[j].w; (w == "growth" || w == "progression") && x.e.cells && tumourCell(x.e.node) {
		// "CaP growth", "myeloma progression": the tumour's growth
		if n, ok := r.Resolve("tumor growth").Node(); ok {
			e := *x.e
			e.ids, e.node, e.procs, e.cells, e.chems = []string{n.ID}, n, true, false, false
			seq[j].w = ""
			return raw{e: &e, p: x.p}
		}
	}
	if w := seq[j].w; w != "formation" && w != "differentiation" && w != "maturation" {
		return x
	}
	for _, name := range []string{x.e.node.Name, x.e.node.Symbol} {
		if name == "" {
			continue
		}
		res := r.Resolve(name + " " + seq[j].w)
		if n, ok := res.Node(); ok && n.Kind == graph.Process {
			e := *x.e
			e.ids, e.node, e.procs, e.cells, e.chems = []string{n.ID}, n, true, false, false
			seq[j].w = ""
			return raw{e: &e, p: x.p}
		}
	}
	return x
}

// targetsVerb reports whether "targets" or "target" at seq[i] is the verb
// ("Ononin targets the ERK pathway", "miR-135a and miR-23a target
// SMAD5"), not the noun ("Wnt targets", "Wnt target genes").
func targetsVerb(seq []raw, i int) bool {
	if seq[i].w != "targets" && seq[i].w != "target" || i+1 >= len(seq) {
		return false
	}
	n := seq[i+1]
	return n.e != nil || n.w == "the" || n.w == "a" || n.w == "an" || n.w == "both" || n.w == "multiple" || n.w == "several"
}

// adjective reports whether a name is written as an adjective:
// "osteolytic", "bone-resorbing", "osteoblastic".
func adjective(name string) bool {
	low := strings.ToLower(name)
	return !strings.Contains(low, " ") && (strings.HasSuffix(low, "ic") || strings.HasSuffix(low, "ing"))
}

// tumourCell reports whether n is a cancer cell.
func tumourCell(n graph.Node) bool {
	name := strings.ToLower(n.Name)
	for _, w := range [...]string{"tumor", "tumour", "cancer", "carcinoma", "myeloma", "malignant", "neoplastic"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// notTheEntity reports whether the word after a mention makes the phrase
// name something else: "Wnt target genes", "osteoclast precursors", "BMP
// receptor", "FZD promoter".
// classBefore reports whether seq[i] names a group, with no suffix, of
// which the single entity named right after it is a member (or a member
// of a member): the group describes the name.
func classBefore(r *resolve.Resolver, seq []raw, i int) bool {
	x := seq[i].e
	if i+1 >= len(seq) || x.suffix != "" || len(x.ids) != 1 || x.node.Kind != graph.Group {
		return false
	}
	y := seq[i+1].e
	if y == nil || !y.known() || len(y.ids) != 1 || y.start <= x.end {
		return false
	}
	for _, m := range r.Members(x.ids[0]) {
		if m.ID == y.ids[0] {
			return true
		}
		for _, mm := range r.Members(m.ID) {
			if mm.ID == y.ids[0] {
				return true
			}
		}
	}
	return false
}

// pathwayWord reports whether w names a pathway after its entity: "Wnt
// pathway", "NF-κB signaling".
func pathwayWord(w string) bool {
	switch w {
	case "pathway", "pathways", "signaling", "signalling", "signal":
		return true
	}
	return false
}

// namedTargets reports whether seq[i:] is "target gene(s)" or
// "target(s)" followed by a name: "the Wnt target gene AXIN2", "the p53
// targets p21 and MDM2".
func namedTargets(seq []raw, i int) bool {
	if i >= len(seq) || seq[i].w != "target" && seq[i].w != "targets" {
		return false
	}
	i++
	if i < len(seq) && (seq[i].w == "gene" || seq[i].w == "genes") {
		i++
	}
	return i < len(seq) && seq[i].e != nil && seq[i].e.known()
}

// phosphatase reports whether n is a phosphatase by its name or by the
// stem of its symbol: PTEN, PTPN11, the PPP families, calcineurin.
func phosphatase(n graph.Node) bool {
	name := strings.ToLower(n.Name)
	if strings.Contains(name, "phosphatase") || strings.Contains(name, "calcineurin") {
		return true
	}
	for _, p := range []string{"PPP", "PTP", "DUSP", "PHLPP", "PPM", "CDC25", "CDC14"} {
		if strings.HasPrefix(n.Symbol, p) || strings.HasPrefix(n.ID, "FPLX:"+p) {
			return true
		}
	}
	return false
}

func notTheEntity(w string, e *ent) bool {
	switch w {
	case "target", "targets", "downstream", "precursor", "precursors", "progenitor", "progenitors",
		"promoter", "promoters", "lineage", "marker", "markers", "level-independent",
		"protease", "proteases", "proteinase", "proteinases", // "a cysteine protease" is no cysteine
		"resistance", "element", "elements", // "insulin resistance", "cAMP-responsive element"
		"position", "positions": // "oxidation at the C7 position"
		return true
	}
	if (w == "phosphatase" || w == "phosphatases") && e.known() && !phosphatase(e.node) {
		// "the MLC phosphatase", "PIP3 phosphatases": the enzyme that
		// dephosphorylates it ("the PTEN phosphatase" is PTEN)
		return true
	}
	switch e.suffix {
	case "specific", "related", "associated", "selective", "enriched":
		// "osteoclast-specific genes: CTSK and MMP9" name the genes,
		// not the cell
		switch w {
		case "gene", "genes", "marker", "markers", "protein", "proteins", "transcripts", "transcript", "factors", "factor":
			return true
		}
	}
	if e.cells && e.known() {
		switch w {
		case "transcription", "gene", "genes", "proteins", "transcripts":
			// "osteoblast transcription factors", "osteoclast genes"
			return true
		}
	}
	if w == "ratio" || w == "ratios" {
		// "the RANKL/OPG ratio" names its two terms (see Rules.ratios);
		// "the Bax ratio" names no entity
		return strings.Count(e.text, "/") != 1 || len(e.ids) != 2
	}
	if strings.HasPrefix(w, "receptor") { // "BMP receptor", "IL-1 receptor-activating kinase"
		return !strings.Contains(strings.ToLower(e.node.Name), "receptor")
	}
	return false
}

// fromGerunds are the gerunds after "from" that say what cells are kept
// from doing, with the noun of that process.
var fromGerunds = map[string]string{
	"differentiating": "differentiation", "maturing": "maturation", "forming": "formation",
	"proliferating": "proliferation", "migrating": "migration", "surviving": "survival",
	"fusing": "fusion", "invading": "invasion", "resorbing": "resorption", "metastasizing": "metastasis",
}

// keptFrom reads cells followed by "from" and a gerund as the process the
// cells are kept from ("prevents osteoclast precursors from maturing" is
// osteoclastogenesis; "MSCs from differentiating into osteoblasts"
// osteoblastogenesis; "osteoclasts from resorbing bone" bone resorption;
// "osteoclasts from undergoing apoptosis" and, after a verb that keeps
// from, "osteoblasts from apoptosis" apoptosis): what prevents it inhibits
// the process, not the cells. It returns the index of the last word read.
func keptFrom(r *resolve.Resolver, seq []raw, x raw, i int) (raw, int) {
	j := i + 2
	if j >= len(seq) || seq[i+1].w != "from" {
		return x, i
	}
	var names []string
	switch g := seq[j].w; {
	case g == "undergoing" && j+1 < len(seq) && seq[j+1].e != nil && seq[j+1].e.procs && len(seq[j+1].e.ids) == 1:
		e := *seq[j+1].e
		e.start, e.text = x.e.start, x.e.text
		return raw{e: &e, p: x.p}, j + 1
	case seq[j].e != nil && seq[j].e.procs && len(seq[j].e.ids) == 1 && keepsFrom(seq, i):
		// "protects osteoblasts from apoptosis" (but "tumor cells from
		// bone metastases" are cells)
		e := *seq[j].e
		e.start, e.text = x.e.start, x.e.text
		return raw{e: &e, p: x.p}, j
	case fromGerunds[g] != "":
		noun, cell := fromGerunds[g], x.e
		if j+2 < len(seq) && seq[j+1].w == "into" && seq[j+2].e != nil && seq[j+2].e.cells {
			cell, j = seq[j+2].e, j+2
		} else if noun == "resorption" && j+1 < len(seq) && strings.EqualFold(wordOf(seq[j+1]), "bone") {
			names, j = append(names, "bone resorption"), j+1
		}
		stem := strings.TrimSpace(strings.NewReplacer("precursors", "", "precursor", "", "progenitors", "", "progenitor", "").Replace(strings.ToLower(cell.text)))
		names = append(names, cell.node.Name+" "+noun, stem+" "+noun, "cell "+noun)
	default:
		return x, i
	}
	for _, name := range names {
		if n, ok := r.Resolve(name).Node(); ok && n.Kind == graph.Process {
			e := *x.e
			e.ids, e.node, e.procs, e.cells, e.chems = []string{n.ID}, n, true, false, false
			return raw{e: &e, p: x.p}, j
		}
	}
	return x, i
}

// wordOf returns the word of a raw token, or the text of its mention.
func wordOf(x raw) string {
	if x.e != nil {
		return x.e.text
	}
	return x.w
}

// intoNucleus reports whether a process of movement at seq[i] goes into
// the nucleus ("migration into the nucleus", "translocation to the
// nuclei").
func intoNucleus(seq []raw, x raw, i int) bool {
	if !x.e.procs || x.e.node.ID != "BONEMET:cell_migration" {
		return false
	}
	j := i + 1
	if j >= len(seq) || seq[j].w != "into" && seq[j].w != "to" {
		return false
	}
	j++
	if j < len(seq) && seq[j].w == "the" {
		j++
	}
	return j < len(seq) && (seq[j].w == "nucleus" || seq[j].w == "nuclei" || seq[j].w == "nuclear")
}

// keepsFrom reports whether a verb that keeps its object from something
// ("protects", "prevents", "rescues") comes just before the cells at
// seq[i], a determiner between.
func keepsFrom(seq []raw, i int) bool {
	j := i - 1
	if j >= 0 && (seq[j].w == "the" || seq[j].w == "these" || seq[j].w == "those") {
		j--
	}
	if j < 0 || seq[j].e != nil {
		return false
	}
	for _, stem := range [...]string{"protect", "shield", "rescu", "prevent", "stop", "keep", "kept", "block", "inhibit", "preclud", "spar"} {
		if strings.HasPrefix(seq[j].w, stem) {
			return true
		}
	}
	return false
}

// classExamples lets the examples of a class no lexicon knows stand in
// its place: "osteoclast-derived factors, such as TGF-β and IGF-1,
// stimulate" reads as "osteoclast-derived TGF-β and IGF-1 stimulate",
// "secrete osteolytic factors including PTHrP and IL-11" as "secrete
// osteolytic PTHrP and IL-11", "osteoclast-specific genes: TRAP, MMP9" as
// "osteoclast-specific TRAP, MMP9". The class is a word of the set
// example-heads after a word, an adjective that names a process
// ("osteolytic"), a mention whose suffix is of the set derived
// ("tumor-derived factors") or a name that names nothing here; a word of
// the set quantifiers before it goes with it ("several factors,
// including"). "Osteoclast-activating factors such as IL-6" and
// "inhibitors such as" are the rules' own. The comma that closes the
// examples goes with the one that opened them.
func (rs *Rules) classExamples(seq []raw) []raw {
	heads := rs.sets["example-heads"]
	for h := 0; h+2 < len(seq); h++ {
		if seq[h].e != nil || !heads[seq[h].w] {
			continue
		}
		adj := h > 0 && seq[h-1].e != nil && seq[h-1].e.procs && seq[h-1].e.suffix == "" && adjective(seq[h-1].e.text)
		if h > 0 && seq[h-1].e != nil && seq[h-1].e.known() && !adj && !rs.sets["derived"][seq[h-1].e.suffix] {
			continue // "osteoclast-activating factors such as" is the rules'
		}
		k, comma := h+1, seq[h+1].w == ","
		if comma {
			k++
		}
		switch {
		case k+2 < len(seq) && seq[k].w == "such" && seq[k+1].w == "as":
			k += 2
		case k+1 < len(seq) && (seq[k].w == "including" || seq[k].w == "like"):
			k++
		case !comma && seq[k].w == ":":
			k++ // "osteoclast-specific genes: TRAP, MMP9 and CTSK"
		default:
			continue
		}
		if k >= len(seq) || seq[k].e == nil || !seq[k].e.known() || seq[k].e.cells {
			continue
		}
		// the end of the examples: mentions joined by commas, "and", "or"
		end := k + 1
		for end+1 < len(seq) && seq[end+1].e != nil && (seq[end].w == "," || seq[end].w == "and" || seq[end].w == "or") {
			end += 2
		}
		if end+2 < len(seq) && seq[end].w == "," && (seq[end+1].w == "and" || seq[end+1].w == "or") && seq[end+2].e != nil {
			end += 3 // "A, B, and C"
		}
		if adj {
			seq[h-1] = asWord(seq[h-1], false) // "osteolytic factors including": an adjective
		}
		from := h
		if h > 0 && seq[h-1].e == nil && rs.sets["quantifiers"][seq[h-1].w] {
			from-- // "several factors, including": the quantifier goes with its class
		}
		out := append(seq[:from:from], seq[k:end]...)
		if comma && end+1 < len(seq) && seq[end].w == "," && seq[end+1].e == nil && seq[end+1].w != "and" && seq[end+1].w != "or" && seq[end+1].w != "(" {
			end++ // ", such as A and B," closed
		}
		seq = append(out, seq[end:]...)
	}
	return seq
}

// descriptions leaves out a description between commas after a name (of
// one sense or several: "pS2, a prognostic marker,"), when
// it names nothing and says nothing the rules read: "NaB inhibits p21ras,
// a small G protein, and thereby attenuates NF-κB" reads as "NaB inhibits
// p21ras and thereby attenuates NF-κB". It starts with "a" or "an", holds
// one to six words, none a trigger or "of", and no mention but a kind of
// thing as its head ("SOST, a glycoprotein, which"); it ends before
// "and", "which", "that" or a trigger word.
func (rs *Rules) descriptions(seq []raw) []raw {
	for i := 0; i+4 < len(seq); i++ {
		if seq[i].e == nil || seq[i+1].w != "," || seq[i+2].w != "a" && seq[i+2].w != "an" {
			continue
		}
		c := i + 3
		for c < len(seq) && c <= i+8 && seq[c].e == nil && isLetters(seq[c].w) && seq[c].w != "of" && len(rs.words[seq[c].w]) == 0 {
			c++
		}
		if c < len(seq) && seq[c].e != nil && c+1 < len(seq) && seq[c+1].w == "," && kindOf(seq[c].e) {
			c++ // "SOST, a glycoprotein,", "p21ras, a small G protein,": a kind, no actor
		}
		if c == i+3 || c+1 >= len(seq) || seq[c].w != "," {
			continue
		}
		if next := seq[c+1]; next.e != nil || next.w != "and" && next.w != "which" && next.w != "that" && len(rs.words[next.w]) == 0 {
			continue
		}
		if w := seq[c+1].w; w == "which" || w == "that" {
			c-- // "X, which": the comma stays
		}
		seq = append(seq[:i+1], seq[c+1:]...)
	}
	return seq
}

// kindOf reports whether e names a kind of thing, a family or a class
// of chemicals ("G protein", "glycoprotein"), as the head of a
// description.
func kindOf(e *ent) bool {
	return e.known() && len(e.ids) == 1 && e.suffix == "" && (e.node.Kind == graph.Group || e.node.Kind == graph.Chemical)
}

// isLetters reports whether w is a word of letters and hyphens.
func isLetters(w string) bool {
	return w != "" && strings.IndexFunc(w, func(c rune) bool { return !unicode.IsLetter(c) && c != '-' }) < 0
}

// joinRegulate joins "down regulate" and "up regulated", written in two
// words, into the words the rule table knows ("down-regulate",
// "up-regulated", "down-regulation").
func joinRegulate(seq []raw) []raw {
	for i := 0; i+1 < len(seq); i++ {
		if seq[i].e == nil && (seq[i].w == "down" || seq[i].w == "up") && seq[i+1].e == nil && strings.HasPrefix(seq[i+1].w, "regulat") {
			seq[i].w += "-" + seq[i+1].w
			seq = append(seq[:i+1], seq[i+2:]...)
		}
	}
	return seq
}

// joinAsWellAs reads "as well as" as "and": "induces MMP2 as well as
// claudin-1" joins its objects like any coordination.
func joinAsWellAs(seq []raw) []raw {
	for i := 0; i+2 < len(seq); i++ {
		if seq[i].e == nil && seq[i].w == "as" && seq[i+1].e == nil && seq[i+1].w == "well" && seq[i+2].e == nil && seq[i+2].w == "as" {
			seq[i].w = "and"
			seq = append(seq[:i+1], seq[i+3:]...)
		}
	}
	return seq
}

// adjectivesBeforeNames reads an adjective that names a process as a
// word when one or two plain words and a name follow it: "drives
// osteolytic breast cancer bone metastases" speaks of the metastases,
// not of osteolysis (cleanup does so for a name right after it).
func (rs *Rules) adjectivesBeforeNames(seq []raw) []raw {
	plainWord := func(x raw) bool {
		return x.e == nil && isLetters(x.w) && len(rs.words[x.w]) == 0 && !rs.sets[setPrep][x.w] &&
			!rs.sets[setBe][x.w] && !rs.sets[setClause][x.w] && !rs.sets[setBreakers][x.w] && !rs.sets[setDet][x.w]
	}
	for i := 0; i+2 < len(seq); i++ {
		x := seq[i]
		if x.e == nil || !x.e.procs || x.e.suffix != "" || !adjective(x.e.text) || !plainWord(seq[i+1]) {
			continue
		}
		if seq[i+2].e != nil || i+3 < len(seq) && plainWord(seq[i+2]) && seq[i+3].e != nil {
			seq[i] = asWord(x, false)
		}
	}
	return seq
}
