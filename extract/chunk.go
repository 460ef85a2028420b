package extract

import (
	"slices"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
)

// The word sets the clause machinery itself uses; the table must define
// them (see rules.yaml).
const (
	setSkip     = "subject-skip" // words between a subject and its verb
	setHeads    = "heads"        // heads after a mention ("IL-6 expression")
	setModFill  = "modfill"      // words between "X-induced" and its head
	setPrep     = "prepositions"
	setBe       = "be"
	setBreakers = "breakers" // words no statement reaches across
	setDet      = "determiners"
	setNotSubj  = "not-subject"   // "the effects of X": X is not the subject
	setClause   = "clause-words"  // never a plain word: "and", "which", "to"
	setGeneric  = "generic-names" // names that never stand for an entity: "protein"
	setEnglish  = "english"       // words that are words when written in lower case: "mice"
	setGenotype = "genotype"      // suffixes that say what cells carry: "expressing"
	// setPhosOff, optional, holds the substrates that phosphorylation
	// switches off: "RB1".
	setPhosOff         = "phospho-inactivated"
	setLigandInhibited = "ligand-inhibited"
	// setInhibitorNames holds the nouns of an inhibitor class:
	// "inhibitors", "antagonists".
	setInhibitorNames = "inhibitor-names"
	// setLostAfter, optional, holds the participles that say, after a
	// form of "be", that a subject is lost: "X was relieved, leading to Y"
	setLostAfter = "lost-after-subject"
	// setStores, optional, holds the last words of names of the cell kind
	// that name a store of molecules, not a living cell: "the bone matrix"
	setStores = "stores"
	// setRatioFill, optional, holds the words between the terms of a
	// ratio and the word "ratio": "the RANKL/OPG expression ratio"
	setRatioFill = "ratio-fill"
	// setPossessed, optional, holds the nouns after cells that make the
	// cells a setting: "osteoblast expression of PTHrP" is PTHrP's
	// expression in osteoblasts
	setPossessed = "cell-possessed"
	// setReporter, optional, holds the words of a reporter assay before the
	// promoter it reads: "luciferase activity from the CYP1A1 promoter"
	setReporter = "reporter-words"
	// setReporting, optional, holds the verbs of saying and finding whose
	// "that" opens an object clause: "identified".
	setReporting = "reporting"
	// setBinding and setSignal, optional, hold the verbs of binding
	// ("binds") and the words of signalling ("signaling").
	setBinding = "binding"
	setSignal  = "signal-words"
)

var engineSets = []string{setSkip, setHeads, setModFill, setPrep, setBe, setBreakers, setDet, setNotSubj, setClause, setGeneric, setEnglish, setGenotype}

// maxGroup bounds the mentions of one coordination, so that the pairs a
// statement reads stay few whatever the sentence.
const maxGroup = 16

func isCoord(w string) bool {
	return w == "," || w == "and" || w == "or" || w == "and/or" || w == "/" || w == "nor"
}

// groups joins coordinated mentions into groups ("IL-6, TNF and IL-1",
// "growth factors such as IGF1") and returns the tokens of the sentence.
func (rs *Rules) groups(seq []raw) []tok {
	seq = unbracketExamples(dropListMarkers(seq))
	toks := make([]tok, 0, len(seq)+1)
	for i := 0; i < len(seq); {
		if seq[i].e == nil {
			toks = append(toks, tok{w: seq[i].w, start: seq[i].p, forms: rs.words[seq[i].w]})
			i++
			continue
		}
		g, j, conjoined := rs.coordination(seq, i)
		if len(g.ents) > 1 && !conjoined {
			// "A, B verb": a list needs "and", "or" or "/"
			for n, e := range g.ents {
				toks = append(toks, tok{g: &group{ents: []*ent{e}}, start: e.start})
				if n < len(g.ents)-1 {
					toks = append(toks, tok{w: ",", start: e.end})
				}
			}
		} else {
			toks = append(toks, tok{g: g, start: seq[i].p})
		}
		i = j
	}
	return toks
}

// coordination reads the group that starts at seq[i], returning it, the
// index after it and whether a conjunction joined it.
func (rs *Rules) coordination(seq []raw, i int) (*group, int, bool) {
	g := &group{ents: []*ent{seq[i].e}}
	heads := rs.sets[setHeads]
	j := i + 1
	conjoined := false
	for {
		if n, end := parenExamples(seq, j); n > 0 && classLike(g.ents[len(g.ents)-1]) && len(g.ents)+n <= maxGroup {
			// "growth factors (IGF-1, GH, BMP2) activate": the class and
			// its examples
			for m := j + 1; m < end; m++ {
				if seq[m].e != nil {
					g.ents = append(g.ents, seq[m].e)
				}
			}
			j, conjoined = end+1, true
			continue
		}
		k, wasConjoined := j, conjoined
		for k < len(seq) && seq[k].e == nil {
			if heads[seq[k].w] {
				k++
			} else if k+1 < len(seq) && seq[k].w == "in" && (seq[k+1].w == "vitro" || seq[k+1].w == "vivo") {
				k += 2 // "A in vitro and B in vivo"
			} else {
				break
			}
		}
		sawCoord, onlyComma, det := false, true, false
		// "induced by A and (indirectly) by B": agents of one participle
		agents := i > 0 && seq[i-1].w == "by"
		for k < len(seq) && seq[k].e == nil && (isCoord(seq[k].w) || seq[k].w == ")" && k+1 < len(seq) && seq[k+1].w == "/" ||
			(sawCoord && (seq[k].w == "the" || seq[k].w == "both" || seq[k].w == "its" || seq[k].w == "their" || listAdverb[seq[k].w])) ||
			sawCoord && agents && (seq[k].w == "by" || byAdverb[seq[k].w]) && k+1 < len(seq) && (seq[k+1].w == "by" || seq[k+1].e != nil && seq[k].w == "by")) {
			if isCoord(seq[k].w) {
				sawCoord = true
				onlyComma = onlyComma && seq[k].w == ","
			} else {
				det = det || seq[k].w == "the"
			}
			k++
		}
		if sawCoord && onlyComma && len(g.ents) == 1 && k < len(seq) && seq[k].e != nil &&
			g.ents[0].cells != seq[k].e.cells && openingPhrase(seq, i) {
			// "In cultured adipocytes, insulin and IGF-I activate": the
			// comma closes the opening phrase, whose cells are the
			// setting of what follows, not an item of its list
			return g, j, conjoined
		}
		if sawCoord && onlyComma && conjoined && (det || openingPhrase(seq, i)) {
			// "A and B, the C pathway is ...": after a list closed by
			// "and", a comma and a determiner open a new phrase; so does
			// the comma closing an opening phrase ("In A and B, C ...")
			return g, j, conjoined
		}
		conjoined = conjoined || sawCoord && !onlyComma
		// "growth factors, such as IGF1": a family or class and its
		// examples ("statins, such as atorvastatin", "immune cells such
		// as T cells")
		if k+1 < len(seq) && classLike(g.ents[len(g.ents)-1]) && (k == j || seq[k-1].w == ",") {
			if k+2 < len(seq) && seq[k].w == "such" && seq[k+1].w == "as" && seq[k+2].e != nil {
				k, sawCoord, conjoined = k+2, true, true
			} else if seq[k].w == "including" && seq[k+1].e != nil {
				k, sawCoord, conjoined = k+1, true, true
			}
		}
		if sawCoord && k < len(seq) && seq[k-1].w == "," {
			var and bool
			k, and = rs.skipUnknownItem(seq, k)
			conjoined = conjoined || and
		}
		openList := len(g.ents) >= 2 && !wasConjoined
		if k >= len(seq) || !sawCoord || seq[k].e == nil || k <= j || rs.clauseAfter(seq, k, openList) || len(g.ents) >= maxGroup {
			return g, j, conjoined
		}
		if k+2 < len(seq) && rs.sets[setInhibitorNames][seq[k+1].w] && seq[k+2].e != nil && seq[k].e.suffix == "" ||
			k+1 < len(seq) && rs.sets[setInhibitorNames][seq[k].e.suffix] && seq[k+1].e != nil && seq[k+1].e.chems {
			// "LY294002 or the AKT inhibitor MK2206", "U0126 and the PI3K
			// inhibitor LY294002": the name after the conjunction is the
			// target (or class) of an inhibitor named next, in a phrase
			// of its own
			return g, j, conjoined
		}
		if len(g.ents) == 1 && (seq[k-1].w == "and" || seq[k-1].w == "or") && rs.finitePassiveBefore(seq, i) &&
			rs.verbFollows(seq, k) && !(k+1 < len(seq) && seq[k+1].w == "to") {
			// "CXCR4 is up-regulated by estrogen and CXCR4/CXCL12
			// signaling promotes Y": the name after "and" is the subject
			// of a clause of its own, not a second agent (but "the
			// phosphorylation of Y by A and B blocks Z", "X induced by
			// A or B increases Z": one agent phrase inside the subject)
			return g, j, conjoined
		}
		if len(g.ents) == 1 && (seq[k-1].w == "and" || seq[k-1].w == "or") && rs.objectAt(seq, i) && rs.verbNext(seq, k) {
			// "TNF activates NF-κB and SOCS3 inhibits STAT3": the group
			// is the first verb's object, and the name after "and" the
			// subject of a clause of its own
			return g, j, conjoined
		}
		if i > 0 && (seq[i-1].w == "via" || seq[i-1].w == "through") && rs.wayAfter(seq, k) {
			// "activates AKT via CXCR4 and ERK via CXCR7": the name after
			// "and" has a way of its own, so it is no second way
			return g, j, conjoined
		}
		if e := seq[k].e; e.anaphor && (strings.EqualFold(e.text, "its") || strings.EqualFold(e.text, "their")) && rs.verbFollows(seq, k) {
			// "SOST is secreted by osteocytes and its expression is
			// inhibited by PTH": the possessive opens a clause of its own
			return g, j, conjoined
		}
		if rs.newModifiedPhrase(seq, i, k) {
			// "accumulation of CYP1A1 and AHR-mediated activation of
			// CYP2B6": the name after "and" opens a phrase of its own
			return g, j, conjoined
		}
		g.ents = append(g.ents, seq[k].e)
		j = k + 1
	}
}

// wayAfter reports whether "via" or "through" follows the mention at
// seq[k], over the nouns of its phrase ("ERK pathway via").
func (rs *Rules) wayAfter(seq []raw, k int) bool {
	j := k + 1
	for j < len(seq) && seq[j].e == nil && rs.sets[setHeads][seq[j].w] {
		j++
	}
	return j < len(seq) && (seq[j].w == "via" || seq[j].w == "through")
}

// finitePassiveBefore reports whether "by" and a form of "be" with a
// participle come before the mention at seq[i]: "is up-regulated by".
func (rs *Rules) finitePassiveBefore(seq []raw, i int) bool {
	if i < 3 || seq[i-1].w != "by" || seq[i-2].e != nil || seq[i-3].e != nil || !rs.sets[setBe][seq[i-3].w] {
		return false
	}
	for _, f := range rs.words[seq[i-2].w] {
		if f.past {
			return true
		}
	}
	return false
}

// newModifiedPhrase reports whether the mention at seq[k], after a
// conjunction, opens a phrase of its own rather than joining the group
// that starts at seq[i]: it modifies a noun with a hyphenated participle
// ("AHR-mediated activation of"), the group is the object of "of", and
// no mention follows the participle ("of IL-1 and TNF-induced apoptosis"
// keeps both).
func (rs *Rules) newModifiedPhrase(seq []raw, i, k int) bool {
	e := seq[k].e
	if e.suffix == "" || !rs.sets["induced"][e.suffix] && !rs.sets["inhibited"][e.suffix] && !rs.sets["derived"][e.suffix] {
		return false
	}
	if k+1 < len(seq) && seq[k+1].e != nil {
		return false
	}
	b := i - 1
	for b >= 0 && seq[b].e == nil && rs.sets[setDet][seq[b].w] {
		b--
	}
	return b >= 0 && seq[b].e == nil && seq[b].w == "of"
}

// openingPrepositions open a phrase that sets the scene of a sentence:
// "In osteoblasts, ...", "Upon RANKL stimulation, ...".
var openingPrepositions = map[string]bool{"in": true, "within": true, "at": true, "during": true,
	"after": true, "upon": true, "under": true, "among": true, "from": true, "for": true}

// openingPhrase reports whether seq[i] sits in a phrase that opens the
// sentence with a preposition and is not yet closed by a comma.
func openingPhrase(seq []raw, i int) bool {
	if len(seq) == 0 || seq[0].e != nil || !openingPrepositions[strings.ToLower(seq[0].w)] {
		return false
	}
	for _, r := range seq[1:i] {
		if r.e == nil && (r.w == "," || r.w == ";") {
			return false
		}
	}
	return true
}

// exampleMarker are the words that may open a bracket of examples:
// "i.e.", "e.g.", "namely", and the comma after them.
var exampleMarker = map[string]bool{"i": true, "e": true, "g": true, "i.e": true, "e.g": true, "ie": true,
	"eg": true, "namely": true, ",": true, ".": true}

// parenExamples reports, for a bracket at seq[j] that holds two or more
// mentions joined by commas or conjunctions and nothing else ("(IGF-1,
// GH, BMP2)"), their number and the index of the closing bracket.
func parenExamples(seq []raw, j int) (int, int) {
	if j >= len(seq) || seq[j].w != "(" {
		return 0, 0
	}
	n := 0
	for k := j + 1; k < len(seq); k++ {
		switch {
		case n == 0 && seq[k].e == nil && exampleMarker[seq[k].w]:
			// "enzyme (i.e., COX-1 and -2)", "(e.g. A, B)"
		case seq[k].e != nil:
			n++
		case seq[k].w == ")":
			if n < 2 {
				return 0, 0
			}
			return n, k
		case !isCoord(seq[k].w):
			return 0, 0
		}
	}
	return 0, 0
}

// signalHead holds the words after "X-mediated" that make the phrase X's
// own signal: "ACVR1-mediated signalling".
var signalHead = map[string]bool{"signaling": true, "signalling": true, "signal": true, "signals": true}

// routeHead holds the words after "X-dependent" that make the phrase a
// route through X: "through a JNK2-dependent pathway", "in a
// STAT3-dependent manner".
var routeHead = map[string]bool{"pathway": true, "pathways": true, "manner": true, "fashion": true, "route": true}

// routeBefore reports whether the modifier at toks[i] opens the phrase
// of a route: "through a", "via", "in a" before it.
func routeBefore(toks []tok, i int) bool {
	j := i - 1
	for j >= 0 && toks[j].g == nil && (toks[j].w == "a" || toks[j].w == "an" || toks[j].w == "the") {
		j--
	}
	if j < 0 || toks[j].g != nil {
		return false
	}
	switch toks[j].w {
	case "through", "via", "in", "by":
		return true
	}
	return false
}

// nounAt reports whether toks[i] is a noun of a trigger class: "a
// Gi-mediated pathway inhibition of AC" is an inhibition, not a route.
func nounAt(toks []tok, i int) bool {
	return i < len(toks) && slices.ContainsFunc(toks[i].forms, func(f wordForm) bool { return f.form == formNoun })
}

// agentAfter reports whether a participle and its agent ("mediated by")
// start at toks[i]: the route then has an agent of its own, which acts
// on the route, not on what it depends on.
func agentAfter(toks []tok, i int) bool {
	return i+1 < len(toks) && toks[i].g == nil && strings.HasSuffix(toks[i].w, "ed") && toks[i+1].w == "by"
}

// actionHead holds the nouns of an action after "X-mediated" that,
// without an object of their own, make X the agent of what the phrase
// does: "RIPK3-mediated phosphorylation activates MLKL". With "of Y"
// after them, the modifier's rule reads X and Y.
var actionHead = map[string]bool{"phosphorylation": true, "activation": true}

// rewrite returns seq with runs replaced: at(i) returns the tokens that
// stand for seq[i:end+1], end, and whether a run starts at i. seq itself
// is returned when nothing is replaced.
func rewrite(seq []raw, at func(i int) ([]raw, int, bool)) []raw {
	var out []raw
	for i := 0; i < len(seq); i++ {
		if repl, end, ok := at(i); ok {
			if out == nil {
				out = append(make([]raw, 0, len(seq)), seq[:i]...)
			}
			out = append(out, repl...)
			i = end
			continue
		}
		if out != nil {
			out = append(out, seq[i])
		}
	}
	if out == nil {
		return seq
	}
	return out
}

// dropListMarkers drops the markers of an enumeration: "(1)", "(ii)",
// "(b)".
func dropListMarkers(seq []raw) []raw {
	return rewrite(seq, func(i int) ([]raw, int, bool) {
		ok := i+2 < len(seq) && seq[i].w == "(" && seq[i+2].w == ")" && seq[i+1].e == nil && listMarker(seq[i+1].w)
		return nil, i + 2, ok
	})
}

// listMarker reports whether w numbers an item: 1-9, i-x, a-h.
func listMarker(w string) bool {
	switch w {
	case "1", "2", "3", "4", "5", "6", "7", "8", "9", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
		"a", "b", "c", "d", "e", "f", "g", "h":
		return true
	}
	return false
}

// unbracketExamples drops the brackets around a list of names after a
// noun the resolver does not know ("cytokines (IL-1β, TNF) activate"), so
// that the list is the phrase; after a name, bracketed examples join its
// group in coordination.
func unbracketExamples(seq []raw) []raw {
	return rewrite(seq, func(i int) ([]raw, int, bool) {
		if i == 0 || seq[i-1].e != nil || seq[i-1].w == "" || isPunct(seq[i-1].w) {
			return nil, 0, false
		}
		n, end := parenExamples(seq, i)
		if n == 0 {
			return nil, 0, false
		}
		inner := seq[i+1 : end]
		for len(inner) > 0 && inner[0].e == nil && exampleMarker[inner[0].w] {
			inner = inner[1:] // "(i.e., A and B)": the words that say examples follow
		}
		if slices.ContainsFunc(inner, func(r raw) bool { return r.e == nil && r.w != "," }) {
			return inner, end, true
		}
		// "(IL-1β, TNF)": a list of examples is conjoined, its last comma
		// read as "and"
		last := len(inner) - 1
		repl := append(slices.Clip(inner[:last-1]), raw{w: "and", p: inner[last-1].p}, inner[last])
		return repl, end, true
	})
}

// listAdverb holds the adverbs that may open the last item of a list:
// "proliferation, invasion, and ultimately metastasis".
var listAdverb = map[string]bool{"ultimately": true, "eventually": true, "finally": true, "subsequently": true, "consequently": true}

// byAdverb holds the adverbs that may stand between a conjunction and a
// second "by" of agents: "induced by A and indirectly by B".
var byAdverb = map[string]bool{"also": true, "indirectly": true, "directly": true, "partly": true, "partially": true, "likewise": true, "similarly": true}

// classLike reports whether e may name a class with examples: a group,
// a chemical class, a cell type written in the plural.
func classLike(e *ent) bool {
	switch e.node.Kind {
	case graph.Group, graph.Chemical, graph.Drug:
		return true
	case graph.Cell:
		return strings.HasSuffix(e.text, "s")
	}
	return false
}

// skipUnknownItem passes over an item of a comma list that names nothing
// the resolver knows, one or two plain nouns between commas, so that the
// list goes on: in "A, colony formation, B and C" the list is A, B and C.
// It returns the index of the next item (k when seq[k] starts no such
// item) and whether "and" or "or" came before it.
func (rs *Rules) skipUnknownItem(seq []raw, k int) (int, bool) {
	n := 0
	for n < 2 && k+n < len(seq) && rs.plainNoun(seq[k+n]) {
		n++
	}
	if n == 1 && k+2 < len(seq) && (seq[k+1].w == "and" || seq[k+1].w == "or") && seq[k+2].e != nil && itemCode(seq[k].w) {
		return k + 2, true // "Tollip, A52 and SOCS1": a code names something unknown
	}
	if n == 0 || k+n+1 >= len(seq) || seq[k+n].w != "," {
		return k, false
	}
	m, and := k+n+1, false
	if seq[m].w == "and" || seq[m].w == "or" {
		m, and = m+1, true
	}
	if m < len(seq) && seq[m].e != nil {
		return m, and
	}
	return k, false
}

// plainNoun reports whether r is a lower-case word that no rule reads as
// a verb and that joins or starts no clause.
func (rs *Rules) plainNoun(r raw) bool {
	if r.e != nil || r.w == "" {
		return false
	}
	for _, f := range rs.words[r.w] {
		if f.form != formNoun {
			return false // a verb of the table: a clause, not an item
		}
	}
	for _, set := range [...]string{setSkip, setClause, setBe, setPrep, setDet, setNotSubj, setBreakers, setHeads} {
		if rs.sets[set][r.w] {
			return false
		}
	}
	for _, c := range r.w {
		if (c < 'a' || c > 'z') && !itemCode(r.w) {
			return false
		}
	}
	return true
}

// itemCode reports whether a word is letters and digits with both, as
// the codes of proteins, compounds and viral genes are ("a52", "n1l",
// "k1l"): after a comma, an item of a list whatever it names.
func itemCode(w string) bool {
	letters, digits := 0, 0
	for _, c := range w {
		switch {
		case c >= 'a' && c <= 'z':
			letters++
		case c >= '0' && c <= '9':
			digits++
		default:
			return false
		}
	}
	return letters > 0 && digits > 0 && len(w) <= 8
}

// clauseAfter reports whether the mention at seq[k] starts a clause of
// its own rather than continuing a coordination: "..., and Z promotes W",
// "A and B by X", "X, Y was activated".
//
// When the group is a list opened by commas (openList: two names or more
// before ", and"), ", and Z" ends it: "Smads 1, 5, and 8 are activated",
// "the activity of FAK, RhoA, and ERK reduces"; after one name, ", and Z
// reduces" opens a clause of its own.
func (rs *Rules) clauseAfter(seq []raw, k int, openList bool) bool {
	if !openList && seq[k-1].w == "and" && k >= 2 && seq[k-2].w == "," && rs.verbFollows(seq, k) {
		return true
	}
	if k+2 < len(seq) && seq[k+1].w == "by" && !strings.HasSuffix(seq[k+2].w, "ing") && rs.agentAt(seq, k+2) {
		return true // "A and B by X": B is a process with its agent
	}
	if k+1 < len(seq) && (seq[k+1].w == "→" || seq[k+1].w == "⊣") {
		return true // "AKT or the RAF→MEK": RAF starts a chain of its own
	}
	return k+1 < len(seq) && seq[k-1].w == "," && rs.sets[setBe][seq[k+1].w]
}

// objectAt reports whether the mention at seq[i] follows a finite verb of
// a signed class after its subject, over determiners: it opens the verb's
// object ("TNF activates the NF-κB").
func (rs *Rules) objectAt(seq []raw, i int) bool {
	p := i - 1
	for p >= 0 && seq[p].e == nil && rs.sets[setDet][seq[p].w] {
		p--
	}
	if p < 0 || seq[p].e != nil {
		return false
	}
	// "Upregulated Wnt and BMP induce", "Target genes HES1 and NRARP
	// are": a verb's form that opens the sentence or a phrase is an
	// adjective or a noun, not a verb with an object
	if q := p - 1; q < 0 || seq[q].e == nil && (strings.ContainsAny(seq[q].w, ",:;(") || rs.sets[setDet][seq[q].w]) {
		return false
	}
	verb := false
	for _, f := range rs.words[seq[p].w] {
		if f.form == formNoun || rs.classes[f.class].sign == 0 {
			return false // "Notch target genes", "the increase": no verb of a sign
		}
		verb = verb || f.form == formVerb
	}
	return verb
}

// verbNext reports whether a finite verb follows the mention at seq[k],
// over adverbs and modals, and not as an infinitive ("and CHK2 to induce
// p53"), as the participle of a passive ("and AP-1 activated by") nor as
// a word that is a noun too ("or TRAIL release").
func (rs *Rules) verbNext(seq []raw, k int) bool {
	skip := rs.sets[setSkip]
	for j := k + 1; j < len(seq) && j <= k+3; j++ {
		if seq[j].e != nil {
			return false
		}
		w := seq[j].w
		if rs.sets[setBe][w] || clauseVerbs[w] {
			return true
		}
		verb, noun := false, rs.sets[setHeads][w]
		for _, f := range rs.words[w] {
			verb = verb || f.form == formVerb && (!f.past || j+1 >= len(seq) || seq[j+1].w != "by")
			noun = noun || f.form == formNoun
		}
		if verb && !noun {
			return true // not "TRAIL release", "IL-6 expression"
		}
		if w == "to" || w == "in" || !skip[w] {
			return false
		}
	}
	return false
}

// agentAt reports whether a mention is among the four words from seq[j]
// on, before any comma, "and", "or", bracket or trigger word ("by PTH",
// "by the tumour cells"), not a phrase that names nobody ("by various
// cell types").
func (rs *Rules) agentAt(seq []raw, j int) bool {
	for n := 0; j < len(seq) && n < 4; j, n = j+1, n+1 {
		if seq[j].e != nil {
			return true
		}
		if w := seq[j].w; w == "," || w == "and" || w == "or" || w == "(" || len(rs.words[w]) > 0 {
			return false
		}
	}
	return false
}

// clauseVerbs are verbs no trigger class holds that open a clause after a
// subject: modals and the verbs of an evaluation.
var clauseVerbs = map[string]bool{"may": true, "might": true, "can": true, "could": true, "will": true,
	"would": true, "represents": true, "remains": true, "plays": true, "has": true, "have": true}

// verbFollows reports whether a finite verb follows the mention at seq[k]
// within a few words.
func (rs *Rules) verbFollows(seq []raw, k int) bool {
	skip, heads, be := rs.sets[setSkip], rs.sets[setHeads], rs.sets[setBe]
	for j := k + 1; j < len(seq) && j <= k+3; j++ {
		if seq[j].e != nil {
			return false
		}
		w := seq[j].w
		if be[w] || clauseVerbs[w] || rs.finiteVerb(w) {
			return true
		}
		noun := heads[w]
		for _, f := range rs.words[w] {
			noun = noun || f.form == formNoun
		}
		// "..., and endothelin A receptor blockade represents": a noun
		// of the phrase before its verb
		if !skip[w] && !noun {
			return false
		}
	}
	return false
}

// merge joins attributive modifiers to their heads: in "RANKL-induced
// NF-κB activation" the group of NF-κB gets RANKL as its modifier, and the
// modifier's token is covered. The suffixes are those the table's merged
// slots name.
func (rs *Rules) merge(toks []tok) {
	fill := rs.sets[setModFill]
	for i := range toks {
		g := toks[i].g
		if g == nil || toks[i].covered {
			continue
		}
		suf := g.ents[len(g.ents)-1].suffix
		j := i + 1
		if suf == "" && i+2 < len(toks) && rs.mergeSuffix[toks[i+1].w] && rs.attributive(toks, i) {
			// "blunted insulin induced PKCz activity": as "insulin-induced"
			suf, j = toks[i+1].w, i+2
		}
		if suf == "" || !rs.mergeSuffix[suf] {
			continue
		}
		for j < len(toks) && toks[j].g == nil && (fill[toks[j].w] || toks[j].w == "in" && increaseNoun[toks[j-1].w]) && j-i <= 4 {
			j++ // "PTH-induced increase in RANKL expression"
		}
		if j >= len(toks) || toks[j].g == nil || j-i > 4 || toks[j].g.mods != nil {
			continue
		}
		h := toks[j].g
		h.mods, h.modSuffix, h.modAt = g.ents, suf, i
		toks[i].covered = true
		if j > i+1 && toks[i+1].w == suf {
			toks[i+1].covered = true
		}
	}
	// "osteoclast-mediated bone degradation": the modifier of a phrase
	// whose head names nothing is no slot either; but "ACVR1-mediated
	// signalling" is ACVR1's signalling
	for i := range toks {
		if g := toks[i].g; g != nil {
			suf := g.ents[len(g.ents)-1].suffix
			if rs.mergeSuffix[suf] && !rs.sets[setGenotype][suf] && !(i+1 < len(toks) && (signalHead[toks[i+1].w] || routeHead[toks[i+1].w] && routeBefore(toks, i) && !agentAfter(toks, i+2) && !nounAt(toks, i+2))) &&
				!(i+2 < len(toks) && actionHead[toks[i+1].w] && toks[i+2].w != "of") {
				toks[i].covered = true
			}
		}
	}
}

// increaseNoun are the nouns of an increase that take "in" before what
// increased.
var increaseNoun = map[string]bool{"increase": true, "increases": true, "elevation": true, "rise": true,
	"upregulation": true, "up-regulation": true, "accumulation": true}

// attributive reports whether the group at toks[i] stands where a noun
// phrase begins (after a verb or a determiner), so that a
// participle after it modifies what follows: "blunted insulin induced
// PKCz activity".
func (rs *Rules) attributive(toks []tok, i int) bool {
	if i == 0 {
		return false
	}
	p := toks[i-1]
	if p.g != nil {
		return false
	}
	if rs.sets[setDet][p.w] {
		return true
	}
	for _, f := range p.forms {
		if f.form&(formVerb|formGer) != 0 {
			return true
		}
	}
	return false
}

// ratios splits a slash list of two names that a ratio follows ("the
// RANKL/OPG ratio", "the RANKL/OPG expression ratio") into its terms, the
// second marked as such: what raises the ratio raises the first term and
// lowers the second, and a higher ratio acts as the first term does and
// against the second.
func (rs *Rules) ratios(r *resolve.Resolver, toks []tok) {
	fill := rs.sets[setRatioFill]
	ratioOfTo(toks)
	for i := range toks {
		g := toks[i].g
		if g == nil || len(g.mods) > 0 {
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].g == nil && fill[toks[j].w] {
			j++
		}
		if j >= len(toks) || toks[j].w != "ratio" && toks[j].w != "ratios" {
			continue
		}
		last := g.ents[len(g.ents)-1]
		num, den, ok := ratioTerms(r, last)
		if !ok {
			if j == i+1 {
				last.ids = nil // "X/Y ratio" whose terms cannot be told apart names neither
			}
			continue
		}
		g.ents = append(g.ents[:len(g.ents)-1], num, den)
	}
}

// ratioOfTo reads "the ratio of OPG to RANKL": the term after "to" joins
// the group of the term after "of", read with the opposite sign (as the
// second term of "the OPG/RANKL ratio"), and its words are covered.
func ratioOfTo(toks []tok) {
	for i := 0; i+4 < len(toks); i++ {
		if w := toks[i].w; w != "ratio" && w != "ratios" || toks[i+1].w != "of" {
			continue
		}
		a := i + 2
		if toks[a].g == nil && toks[a].w == "the" {
			a++
		}
		if a+2 >= len(toks) || toks[a].g == nil || toks[a+1].w != "to" || toks[a+2].g == nil {
			continue
		}
		ga, gb := toks[a].g, toks[a+2].g
		if len(ga.mods) > 0 || len(gb.mods) > 0 || len(ga.ents) != 1 || len(gb.ents) != 1 {
			continue
		}
		d := *gb.ents[0]
		d.ratio = true
		ga.ents = append(ga.ents, &d)
		toks[a+1].covered, toks[a+2].covered = true, true
	}
}

// ratioTerms splits the ent of a slash list of two entities into its
// terms, in the order written.
func ratioTerms(r *resolve.Resolver, e *ent) (num, den *ent, ok bool) {
	slash := strings.IndexByte(e.text, '/')
	if len(e.ids) != 2 || slash <= 0 || strings.Count(e.text, "/") != 1 {
		return nil, nil, false
	}
	first, found := r.Resolve(e.text[:slash]).Node()
	if !found || first.ID != e.ids[0] && first.ID != e.ids[1] {
		return nil, nil, false
	}
	second := e.ids[0]
	if second == first.ID {
		second = e.ids[1]
	}
	n, d := *e, *e
	n.ids, d.ids = []string{first.ID}, []string{second}
	n.end, d.start = e.start+slash, e.start+slash+1
	n.text, d.text = e.text[:slash], e.text[slash+1:]
	d.ratio = true
	if nn, ok := r.Resolve(second).Node(); ok {
		d.node = nn
	}
	n.node = first
	return &n, &d, true
}

// reporters covers the words of a reporter assay between a verb and the
// promoter it reads ("induced luciferase activity from the CYP1A1
// promoter", "transcription driven by the IL6 promoter"), so that the
// promoter's gene is the object: what raises the reporter raises the
// gene's transcription.
func (rs *Rules) reporters(toks []tok) {
	words := rs.sets[setReporter]
	for k := range toks {
		g := toks[k].g
		if g == nil || !slices.ContainsFunc(g.ents, func(e *ent) bool { return e.promoter }) {
			continue
		}
		j := k - 1
		if j >= 0 && (toks[j].w == "the" || toks[j].w == "a") {
			j--
		}
		switch {
		case j >= 0 && (toks[j].w == "from" || toks[j].w == "of" || toks[j].w == "on"):
			j--
		case j >= 1 && toks[j].w == "by" && toks[j-1].w == "driven":
			j -= 2
		default:
			continue
		}
		start, named := j+1, false
		for j >= 0 && toks[j].g == nil && words[toks[j].w] {
			named = named || toks[j].w != "gene"
			start = j
			j--
		}
		if !named {
			continue
		}
		for i := start; i < k; i++ {
			toks[i].covered = true
		}
	}
}
