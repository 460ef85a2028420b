package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// DefaultMinConfidence is the confidence below which a [Reader] drops a
// statement when its MinConfidence is zero. Negated statements fall below
// it; speculative ones stay.
const DefaultMinConfidence = 0.3

// Reader extracts signed statements from the titles, captions and
// abstracts of documents with rules over the mentions that its resolver
// finds: verbs ("X induces Y", "X inhibits Y", "X secretes Y"), passives
// ("Y induced by X"), compounds ("X-induced Y", "RANKL-secreting
// osteoblasts", "tumor-derived RANKL"), inhibitors ("blocking Y with X",
// "inhibition of Y by X", "X inhibitors such as D"), nominal forms ("X
// enhances the degradation of Y"), coordination on either side (one
// statement per pair) and chains ("X induces Y through upregulation of
// Z"). The zero value reads with [resolve.Default] and drops statements
// below [DefaultMinConfidence]. A Reader is safe for concurrent use.
type Reader struct {
	// Resolver finds and resolves the mentions; nil means
	// [resolve.Default].
	Resolver *resolve.Resolver
	// MinConfidence drops statements with a lower confidence; 0 means
	// [DefaultMinConfidence], a negative value keeps every statement,
	// negated ones included.
	MinConfidence float64
}

// Read returns the statements the reader finds in the sections of doc, at
// most one per section, sentence, subject, relation and object (the most
// confident). Each has Method [graph.Extracted], the document ID and
// section name, Subject and Object set to CURIEs that [Build] resolves
// exactly, Quote set to the sentence (Section.Text[Start:End]), Rule to the
// name of the pattern that fired ("act.verb", "inh.blocking-with",
// "sec.y-secreting", "chain.through", ...), a Confidence in 0..1, and
// Hedge "negated", "speculative" or "". Statements are sorted by section
// (in document order), Start, Rule, Subject and Object. Time is linear in
// the length of the text times the number of mentions per sentence.
func (rd *Reader) Read(doc *source.Document) []source.Statement {
	if doc == nil {
		return nil
	}
	r := rd.Resolver
	if r == nil {
		r = resolve.Default()
	}
	minConf := rd.MinConfidence
	if minConf == 0 {
		minConf = DefaultMinConfidence
	}
	type keyed struct {
		sec int
		st  source.Statement
	}
	var all []keyed
	for si, sec := range doc.Sections {
		if sec.Text == "" {
			continue
		}
		ms := r.Mentions(sec.Text)
		k := 0
		for _, sp := range SplitSentences(sec.Text) {
			for k < len(ms) && ms[k].Start < sp.Start {
				k++
			}
			j := k
			for j < len(ms) && ms[j].End <= sp.End {
				j++
			}
			if j-k == 0 {
				continue
			}
			s := newSentence(r, sec.Text, sp, ms[k:j])
			for _, f := range s.extract() {
				conf := clamp01(f.conf)
				if minConf > 0 && conf < minConf {
					continue
				}
				all = append(all, keyed{si, source.Statement{
					Doc: doc.ID, Section: sec.Name, Subject: f.subj, Object: f.obj, Relation: f.rel,
					Quote: sec.Text[sp.Start:sp.End], Start: sp.Start, End: sp.End,
					Method: graph.Extracted, Rule: f.rule, Confidence: conf, Hedge: f.hedge, Pos: sec.Pos,
				}})
			}
		}
	}
	// One statement per sentence and triple: the most confident.
	slices.SortStableFunc(all, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.sec, b.sec), cmp.Compare(a.st.Start, b.st.Start),
			cmp.Compare(a.st.Subject, b.st.Subject), cmp.Compare(a.st.Relation, b.st.Relation),
			cmp.Compare(a.st.Object, b.st.Object), cmp.Compare(b.st.Confidence, a.st.Confidence),
			cmp.Compare(a.st.Rule, b.st.Rule))
	})
	var out []keyed
	for _, x := range all {
		if n := len(out); n > 0 {
			p := out[n-1]
			if p.sec == x.sec && p.st.Start == x.st.Start && p.st.Subject == x.st.Subject &&
				p.st.Relation == x.st.Relation && p.st.Object == x.st.Object {
				continue
			}
		}
		out = append(out, x)
	}
	slices.SortStableFunc(out, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.sec, b.sec), cmp.Compare(a.st.Start, b.st.Start), cmp.Compare(a.st.Rule, b.st.Rule),
			cmp.Compare(a.st.Subject, b.st.Subject), cmp.Compare(a.st.Relation, b.st.Relation), cmp.Compare(a.st.Object, b.st.Object))
	})
	stmts := make([]source.Statement, len(out))
	for i, x := range out {
		stmts[i] = x.st
	}
	return stmts
}

func clamp01(x float64) float64 { return max(0, min(1, x)) }

// ---- vocabulary ----

type trigClass uint8

const (
	trigNone trigClass = iota
	trigAct
	trigInh
	trigSec
)

// verb forms: finite or infinitive ("induces", "induce", "induced"),
// gerunds ("inducing") and nominalisations ("induction").
type trig struct {
	class trigClass
	form  byte // 'v' verb, 'g' gerund/participle, 'p' past (verb or participle), 'n' noun
	amt   bool // changes the amount of its object (degrade, stabilise, increase)
}

// triggers maps the words of the patterns to their class and form.
var triggers = buildTriggers()

func addTriggers(triggers map[string]trig, class trigClass, amt bool, stems ...string) {
	for _, s := range stems {
		parts := strings.Split(s, "|")
		for i, f := range parts {
			if f == "" {
				continue
			}
			form := byte('v')
			switch i {
			case 1:
				form = 'p'
			case 2:
				form = 'g'
			case 3:
				form = 'n'
			}
			triggers[f] = trig{class, form, amt}
		}
	}
}

func buildTriggers() map[string]trig {
	triggers := make(map[string]trig)
	// base|past|gerund|noun; the third person as a separate base form
	addTriggers(triggers, trigAct, false,
		"induce|induced|inducing|induction", "induces", "stimulate|stimulated|stimulating|stimulation", "stimulates",
		"promote|promoted|promoting|promotion", "promotes", "enhance|enhanced|enhancing|enhancement", "enhances",
		"activate|activated|activating|activation", "activates", "trigger|triggered|triggering", "triggers",
		"drive|driven|driving", "drives", "drove", "augment|augmented|augmenting", "augments",
		"potentiate|potentiated|potentiating|potentiation", "potentiates", "accelerate|accelerated|accelerating", "accelerates",
		"facilitate|facilitated|facilitating", "facilitates", "cause|caused|causing", "causes",
		"mediate|mediated|mediating", "mediates", "support|supported|supporting", "supports",
		"favor|favored|favoring", "favors", "favour|favoured|favouring", "favours", "boost|boosted|boosting", "boosts",
		"initiate|initiated|initiating", "initiates")
	addTriggers(triggers, trigAct, true,
		"upregulate|upregulated|upregulating|upregulation", "upregulates", "up-regulate|up-regulated|up-regulating|up-regulation", "up-regulates",
		"increase|increased|increasing", "increases", "elevate|elevated|elevating|elevation", "elevates",
		"stabilize|stabilized|stabilizing|stabilization", "stabilizes", "stabilise|stabilised|stabilising|stabilisation", "stabilises")
	addTriggers(triggers, trigInh, false,
		"inhibit|inhibited|inhibiting|inhibition", "inhibits", "block|blocked|blocking|blockade", "blocks",
		"suppress|suppressed|suppressing|suppression", "suppresses", "antagonize|antagonized|antagonizing|antagonism", "antagonizes",
		"antagonise|antagonised|antagonising", "antagonises", "interrupt|interrupted|interrupting|interruption", "interrupts",
		"attenuate|attenuated|attenuating|attenuation", "attenuates", "abrogate|abrogated|abrogating", "abrogates",
		"prevent|prevented|preventing|prevention", "prevents", "impair|impaired|impairing|impairment", "impairs",
		"repress|repressed|repressing|repression", "represses", "hinder|hindered|hindering", "hinders",
		"abolish|abolished|abolishing", "abolishes", "disrupt|disrupted|disrupting|disruption", "disrupts",
		"counteract|counteracted|counteracting", "counteracts", "limit|limited|limiting", "limits",
		"inactivate|inactivated|inactivating|inactivation", "inactivates", "neutralize|neutralized|neutralizing|neutralization", "neutralizes",
		"negatively")
	addTriggers(triggers, trigInh, true,
		"reduce|reduced|reducing|reduction", "reduces", "decrease|decreased|decreasing", "decreases",
		"degrade|degraded|degrading|degradation", "degrades", "downregulate|downregulated|downregulating|downregulation", "downregulates",
		"down-regulate|down-regulated|down-regulating|down-regulation", "down-regulates", "diminish|diminished|diminishing", "diminishes",
		"lower|lowered|lowering", "lowers", "deplete|depleted|depleting|depletion", "depletes",
		"destabilize|destabilized|destabilizing|destabilization", "destabilizes")
	addTriggers(triggers, trigSec, false,
		"secrete|secreted|secreting|secretion", "secretes", "produce|produced|producing", "produces",
		"release|released|releasing", "releases", "express|expressed|expressing", "expresses",
		"synthesize|synthesized|synthesizing", "synthesizes")
	// nouns that are also verbs: "increase", "release"
	triggers["increase"] = trig{trigAct, 'v', true}
	triggers["decrease"] = trig{trigInh, 'v', true}
	triggers["release"] = trig{trigSec, 'v', false}
	// neutral heads of amount that "secretion of" and "production of" also are
	for _, w := range []string{"secretion", "production", "expression", "synthesis"} {
		triggers[w] = trig{trigSec, 'n', false}
	}
	return triggers
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// neutral words may stand between a verb and its object, or between an
// entity and its head.
var neutral = set("the", "a", "an", "its", "their", "his", "her", "more", "further", "both", "of", "expression",
	"production", "secretion", "release", "levels", "level", "activity", "activities", "signaling", "signalling",
	"pathway", "pathways", "formation", "generation", "number", "numbers", "accumulation", "phosphorylation",
	"translocation", "transcription", "synthesis", "function", "functions", "amount", "amounts", "concentration",
	"proliferation", "differentiation", "survival", "maturation", "gene", "genes", "protein", "proteins", "mrna",
	"intracellular", "nuclear", "nucleus", "significantly", "markedly", "strongly", "directly", "also", "subsequent",
	"and", "or", "this", "these", "those", "such", "as", "including", "target", "cascade", "axis", "canonical",
	"signal", "signals", "in", "local", "osteoclastic", "osteoblastic", "growth", "factor", "factors", "cell", "cells",
	"extracellular", "serum", "circulating", "active", "endogenous", "other", "whole", "mediated", "dependent", "ligand", "ligands",
	"receptor", "receptors", "stability", "abundance", "recruitment", "biphasic", "monophasic")

// aux may stand before a verb.
var aux = set("can", "could", "may", "might", "would", "will", "should", "must", "also", "further", "directly",
	"indirectly", "significantly", "strongly", "markedly", "potently", "thereby", "thus", "then", "in", "turn",
	"has", "have", "had", "been", "is", "are", "was", "were", "be", "being", "to", "act", "acts", "seem", "seems",
	"appear", "appears", "reportedly", "potentially", "possibly", "ultimately", "subsequently", "consequently",
	"finally", "both", "not", "also", "able", "shown", "known", "reported", "found", "implicated", "as", "factor",
	"factors", "that", "which", "who", "expression", "signaling", "signalling", "pathway", "pathways", "activity",
	"levels", "production", "secretion", "release", "long", "often", "usually", "normally", "then", "therefore",
	"hence", "still", "largely", "mainly", "mostly", "partly", "partially", "in", "vivo", "vitro", "temporarily",
	"suggested", "thought", "believed", "proposed", "likely", "the", "major", "main", "key", "principal", "critical",
	"important", "only", "one", "of", "cytokine", "cytokines", "molecule", "molecules", "together", "moreover",
	"additionally", "furthermore", "however", "first", "next", "in", "turn", "its", "their", "receptor", "receptors",
	"ligand", "ligands", "protein", "proteins", "gene", "genes", "mainly", "predominantly", "primarily", "did",
	"does", "do", "no", "never", "cannot", "fail", "fails", "failed", "unable", "all", "each", "two", "these", "both")

// byFill may stand between "by" and the agent of a passive.
var byFill = set("the", "factors", "factor", "produced", "secreted", "released", "or", "and", "induced", "cytokines",
	"signals", "molecules", "activated", "mature", "these", "those", "its", "their", "cells", "cell", "including",
	"such", "as", "bm", "bone", "marrow", "lining", "local", "other", "various", "specific", "adding", "addition", "of", "by")

var breakers = set(";", "but", "whereas", "while", "although", "though", "however", "unlike", "than", "because",
	"since", "if", "whether", "interaction", "interactions", "interact", "interacts", "binding", "binds", "bind",
	"effects", "effect", "actions", "action", "response", "despite", "except", "instead")

var negations = set("not", "no", "never", "cannot", "neither", "nor", "without", "fail", "fails", "failed",
	"unable", "lack", "lacks", "lacking", "absence", "unknown", "n't")

var speculations = set("may", "might", "could", "potentially", "possibly", "seem", "seems", "seemed", "appear",
	"appears", "suggest", "suggests", "suggested", "likely", "proposed", "hypothesized", "hypothesised", "putative",
	"presumably", "perhaps", "thought", "believed", "speculate", "speculated", "hypothesis", "hypotheses")

var modSuffix = map[string]trigClass{
	"induced": trigAct, "mediated": trigAct, "stimulated": trigAct, "driven": trigAct, "triggered": trigAct,
	"activated": trigAct, "enhanced": trigAct, "promoted": trigAct, "evoked": trigAct, "elicited": trigAct,
	"inhibited": trigInh, "suppressed": trigInh,
	"derived": trigSec, "secreted": trigSec, "produced": trigSec, "released": trigSec,
	"secreting": trigSec, "producing": trigSec, "expressing": trigSec, "releasing": trigSec,
}

// heads may follow a member of a coordination ("RANKL expression and OPG").
var heads = set("expression", "signaling", "signalling", "pathway", "pathways", "levels", "level", "activity",
	"production", "secretion", "release", "proteins", "signal", "signals", "ligands", "cells", "effects")

// modFill may stand between a modifier ("tumor-derived") and its group.
var modFill = set("factors", "factor", "cytokines", "signals", "molecules", "proteins", "such", "as", "including",
	"the", "osteogenic", "biphasic", "monophasic", "activation", "of", "paracrine", "signaling", "signalling", "growth")

// ---- sentence model ----

type ent struct {
	ids    []string
	cells  bool // every entity is a cell
	procs  bool // every entity is a process
	text   string
	start  int
	end    int
	suffix string // lower-case word after a hyphen: "induced"
	node   graph.Node
	res    resolve.Result
}

func (e *ent) known() bool { return len(e.ids) > 0 }

type group struct {
	ents []*ent
	mods []*ent // "RANKL-induced", "tumor-derived": modifiers before the group
	fill []tok  // words between the modifiers and the group
	expr bool   // preceded by "expression of"
}

type tok struct {
	w     string // lower-case word or punctuation, "" for a group
	g     *group
	start int
}

type found struct {
	subj, obj string
	rel       graph.Relation
	rule      string
	conf      float64
	hedge     source.Hedge
}

type sentence struct {
	r     *resolve.Resolver
	text  string
	span  Span
	toks  []tok
	out   []found
	stmts []emitted // statements in order, for participles and coordinated verbs
}

type emitted struct {
	derived bool // inferred by a chain: not a subject for later clauses
	subj    *group
	obj     *group
	sign    int
	amt     bool
	objAt   int // index of the object group in toks
}

func newSentence(r *resolve.Resolver, text string, sp Span, ms []resolve.Mention) *sentence {
	s := &sentence{r: r, text: text, span: sp}
	// raw sequence of entities and words
	type raw struct {
		w string
		e *ent
		p int
	}
	var seq []raw
	addWords := func(from, to int, skipSuffix bool) {
		i := from
		first := true
		for i < to {
			c, n := utf8.DecodeRuneInString(text[i:to])
			switch {
			case c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '/' || c == '[' || c == ']':
				w := string(c)
				if c == '[' {
					w = "("
				} else if c == ']' {
					w = ")"
				}
				seq = append(seq, raw{w: w, p: i})
				i += n
				first = false
			case unicode.IsLetter(c) || unicode.IsDigit(c) || c == '-' || c == '\u2010' || c == '\'' || c == '’':
				j := i
				for j < to {
					d, m := utf8.DecodeRuneInString(text[j:to])
					if unicode.IsLetter(d) || unicode.IsDigit(d) || d == '-' || d == '\u2010' || d == '\'' || d == '’' || d == '/' && j+m < to && isLetterAt(text, j+m) && strings.HasPrefix(strings.ToLower(text[i:j]), "and") {
						j += m
						continue
					}
					break
				}
				w := strings.ToLower(strings.Trim(text[i:j], "-\u2010'’"))
				if first && skipSuffix && (c == '-' || c == '\u2010') {
					// the suffix of the preceding entity: consumed
				} else if w != "" {
					seq = append(seq, raw{w: w, p: i})
				}
				i = j
				first = false
			default:
				i += n
			}
		}
	}
	pos := sp.Start
	for k := range ms {
		m := ms[k]
		if m.Start < pos {
			continue
		}
		addWords(pos, m.Start, k > 0 && seq != nil && len(seq) > 0 && seq[len(seq)-1].e != nil && seq[len(seq)-1].e.suffix != "")
		e := &ent{text: m.Text, start: m.Start, end: m.End, res: m.Result}
		if m.Result.Status == resolve.Resolved {
			e.cells, e.procs = true, true
			for _, n := range m.Result.Candidates {
				e.ids = append(e.ids, n.ID)
				e.cells = e.cells && n.Kind == graph.Cell
				e.procs = e.procs && n.Kind == graph.Process
			}
			e.node = m.Result.Candidates[0]
		}
		// suffix: "-induced"
		if m.End < sp.End && (text[m.End] == '-' || strings.HasPrefix(text[m.End:], "\u2010")) {
			rest := text[m.End:sp.End]
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
		if strings.HasSuffix(m.Text, "+") && !e.cells && !e.procs {
			// a marker ("RANK+"): a word, not an entity
			seq = append(seq, raw{w: "marker", p: m.Start})
			pos = m.End
			continue
		}
		seq = append(seq, raw{e: e, p: m.Start})
		pos = m.End
	}
	addWords(pos, sp.End, len(seq) > 0 && seq[len(seq)-1].e != nil && seq[len(seq)-1].e.suffix != "")
	// drop a trailing sentence stop
	// appositions and heads: "osteoclasts formation" → osteoclastogenesis,
	// "sclerostin (SOST)" → one entity.
	var cleaned []raw
	for i := 0; i < len(seq); i++ {
		x := seq[i]
		if x.e != nil && x.e.known() && len(x.e.ids) == 1 {
			// X ( X' [, words] ): the same entity, or the abbreviation of a
			// member of the family X names ("growth factor (EGF)")
			if i+3 < len(seq) && seq[i+1].w == "(" && seq[i+2].e != nil && seq[i+2].e.known() && len(seq[i+2].e.ids) == 1 {
				c := i + 3
				for c < len(seq) && c <= i+5 && seq[c].e == nil && seq[c].w != ")" && seq[c].w != "(" {
					c++
				}
				if c < len(seq) && seq[c].w == ")" && (c == i+3 || seq[i+3].w == ",") {
					inner := seq[i+2].e
					switch {
					case slices.Equal(inner.ids, x.e.ids):
						x.e.end = inner.end
					case x.e.node.Kind == graph.Group && inner.node.Kind != graph.Group && inner.node.Kind != graph.Process && inner.node.Kind != graph.Cell:
						x = raw{e: inner, p: x.p}
					default:
						c = -1
					}
					if c > 0 {
						for m := i + 1; m <= c; m++ {
							seq[m].w, seq[m].e = "", nil
						}
						i = c
					}
				}
			}
			// X head → process
			j := i + 1
			for j < len(seq) && seq[j].w == "" && seq[j].e == nil {
				j++
			}
			if j < len(seq) && seq[j].e == nil && (seq[j].w == "formation" || seq[j].w == "differentiation" || seq[j].w == "maturation") && x.e.suffix == "" {
				for _, name := range []string{x.e.node.Name, x.e.node.Symbol} {
					if name == "" {
						continue
					}
					res := s.r.Resolve(name + " " + seq[j].w)
					if n, ok := res.Node(); ok && n.Kind == graph.Process {
						e := *x.e
						e.ids, e.node, e.res, e.procs, e.cells = []string{n.ID}, n, res, true, false
						x = raw{e: &e, p: x.p}
						seq[j].w = ""
						break
					}
				}
			}
		}
		if x.e != nil && i+1 < len(seq) && seq[i+1].e == nil && notTheEntity(seq[i+1].w, x.e) {
			e := *x.e
			e.ids = nil // "Wnt target genes" are not Wnt
			x = raw{e: &e, p: x.p}
		}
		if x.e == nil && x.w == "" {
			continue
		}
		cleaned = append(cleaned, x)
	}
	seq = cleaned[:0:0]
	for _, x := range cleaned {
		if x.e == nil && x.w == "" {
			continue
		}
		seq = append(seq, x)
	}
	// groups by coordination
	isCoord := func(w string) bool {
		return w == "," || w == "and" || w == "or" || w == "and/or" || w == "/" || w == "nor"
	}
	for i := 0; i < len(seq); {
		if seq[i].e == nil {
			s.toks = append(s.toks, tok{w: seq[i].w, start: seq[i].p})
			i++
			continue
		}
		g := &group{ents: []*ent{seq[i].e}}
		j := i + 1
		conjoined := false
		for {
			k := j
			for k < len(seq) && seq[k].e == nil && heads[seq[k].w] {
				k++
			}
			sawCoord := false
			for k < len(seq) && seq[k].e == nil && (isCoord(seq[k].w) || seq[k].w == ")" && k+1 < len(seq) && seq[k+1].w == "/" || (sawCoord && (seq[k].w == "the" || seq[k].w == "both" || seq[k].w == "its" || seq[k].w == "their"))) {
				if isCoord(seq[k].w) {
					sawCoord = true
					conjoined = conjoined || seq[k].w != ","
				}
				k++
			}
			// "growth factors, such as IGF1": a family and its examples
			if k+2 < len(seq) && g.ents[len(g.ents)-1].node.Kind == graph.Group && (k == j || seq[k-1].w == ",") {
				m := k
				if m+2 < len(seq) && seq[m].w == "such" && seq[m+1].w == "as" && seq[m+2].e != nil {
					k, sawCoord, conjoined = m+2, true, true
				} else if m+1 < len(seq) && seq[m].w == "including" && seq[m+1].e != nil {
					k, sawCoord, conjoined = m+1, true, true
				}
			}
			if k < len(seq) && sawCoord && seq[k].e != nil && k > j {
				// stop before a clause ("..., and Z promotes W", "X, Y was
				// activated") and before "Z by W"
				get := func(x raw) (string, bool) { return x.w, x.e != nil }
				if seq[k-1].w == "and" && k >= 2 && seq[k-2].w == "," && followsVerb(seq, k, get) {
					break
				}
				if k+2 < len(seq) && seq[k+1].w == "by" && !strings.HasSuffix(seq[k+2].w, "ing") {
					break // "A and B by X": B is a process with its agent
				}
				if k+1 < len(seq) && seq[k-1].w == "," && beVerbs[seq[k+1].w] {
					break
				}
				g.ents = append(g.ents, seq[k].e)
				j = k + 1
				continue
			}
			break
		}
		if len(g.ents) > 1 && !conjoined {
			// "A, B verb": a list needs "and", "or" or "/"
			for n, e := range g.ents {
				s.toks = append(s.toks, tok{g: &group{ents: []*ent{e}}, start: e.start})
				if n < len(g.ents)-1 {
					s.toks = append(s.toks, tok{w: ",", start: e.end})
				}
			}
			i = j
			continue
		}
		s.toks = append(s.toks, tok{g: g, start: seq[i].p})
		i = j
	}
	// modifiers: "RANKL-induced NF-κB", "tumor-derived factors such as X"
	var toks []tok
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if t.g != nil {
			last := t.g.ents[len(t.g.ents)-1]
			if _, ok := modSuffix[last.suffix]; ok {
				j := i + 1
				for j < len(s.toks) && s.toks[j].g == nil && modFill[s.toks[j].w] && j-i <= 4 {
					j++
				}
				if j < len(s.toks) && s.toks[j].g != nil && j-i <= 4 {
					ng := s.toks[j].g
					ng.mods = append(ng.mods, t.g.ents...)
					ng.fill = append(ng.fill, s.toks[i+1:j]...)
					// the modified group takes the modifier's place
					toks = append(toks, tok{g: ng, start: t.start})
					i = j
					continue
				}
			}
		}
		toks = append(toks, t)
	}
	s.toks = toks
	// "expression of X"
	for i, t := range s.toks {
		if t.g != nil && i >= 2 && s.toks[i-1].w == "of" && s.toks[i-2].w == "expression" {
			t.g.expr = true
		}
	}
	return s
}

// notTheEntity reports whether the word after an entity makes the phrase
// name something else: "Wnt target genes", "osteoclast precursors", "BMP
// receptor", "FZD promoter".
func notTheEntity(w string, e *ent) bool {
	switch w {
	case "target", "targets", "downstream", "precursor", "precursors", "progenitor", "progenitors",
		"promoter", "promoters", "lineage", "antibody", "antibodies":
		return true
	}
	if strings.HasPrefix(w, "receptor") { // "BMP receptor", "IL-1 receptor-activating kinase"
		return !strings.Contains(strings.ToLower(e.node.Name), "receptor")
	}
	return false
}

func isLetterAt(s string, i int) bool {
	c, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(c)
}

// followsVerb reports whether a finite verb trigger follows the entity at k
// within two words.
func followsVerb[T any](seq []T, k int, get func(T) (string, bool)) bool {
	for j := k + 1; j < len(seq) && j <= k+3; j++ {
		w, isEnt := get(seq[j])
		if isEnt {
			return false
		}
		if t, ok := triggers[w]; ok && (t.form == 'v' || t.form == 'p') {
			return true
		}
		if !aux[w] {
			return false
		}
	}
	return false
}

// ---- extraction ----

func (s *sentence) extract() []found {
	s.modifierRules()
	s.nameRules()
	s.producedBySuchAs()
	s.pairs()
	// again without bracketed asides: "Ihh stimulates (through PTHrP
	// synthesis) chondrocyte proliferation"
	if bare, ok := withoutAsides(s.toks); ok {
		t := &sentence{r: s.r, text: s.text, span: s.span, toks: bare}
		t.pairs()
		s.out = append(s.out, t.out...)
	}
	return s.out
}

// withoutAsides returns toks without closed bracketed parts that hold a
// group and a word, and whether there were any.
func withoutAsides(toks []tok) ([]tok, bool) {
	var out []tok
	changed := false
	for i := 0; i < len(toks); i++ {
		if toks[i].w == "(" {
			depth, groups, words, end := 0, 0, 0, -1
			for k := i; k < len(toks) && k < i+30; k++ {
				switch {
				case toks[k].w == "(":
					depth++
				case toks[k].w == ")":
					depth--
				case toks[k].g != nil:
					groups++
				default:
					words++
				}
				if depth == 0 {
					end = k
					break
				}
			}
			if end > 0 && groups > 0 && words > 0 {
				changed = true
				i = end
				continue
			}
		}
		out = append(out, toks[i])
	}
	return out, changed
}

func (s *sentence) pairs() {
	for i := range s.toks {
		if s.toks[i].g == nil {
			continue
		}
		j := i + 1
		for j < len(s.toks) && s.toks[j].g == nil {
			j++
		}
		if j >= len(s.toks) {
			break
		}
		s.pair(i, j)
	}
}

func (s *sentence) emit(subj, obj *ent, rel graph.Relation, rule string, conf float64, from, to int) {
	if !subj.known() || !obj.known() {
		return
	}
	hedge := s.hedge(from, to)
	switch hedge {
	case source.Negated:
		conf *= 0.1
	case source.Speculative:
		conf *= 0.6
	}
	if len(subj.ids) > 1 || len(obj.ids) > 1 {
		conf *= 0.95
	}
	for _, a := range subj.ids {
		for _, b := range obj.ids {
			if a == b {
				continue
			}
			s.out = append(s.out, found{a, b, rel, rule, conf, hedge})
		}
	}
}

func (s *sentence) emitGroups(subj, obj *group, rel graph.Relation, rule string, conf float64, from, to int) {
	for _, a := range subj.ents {
		for _, b := range obj.ents {
			s.emit(a, b, rel, rule, conf, from, to)
		}
	}
}

// hedge looks for negation and speculation from a few words before token
// from to token to.
func (s *sentence) hedge(from, to int) source.Hedge {
	from = max(0, from-4)
	to = min(len(s.toks)-1, to)
	h := source.NotHedged
	for i := from; i <= to; i++ {
		w := s.toks[i].w
		if negations[w] {
			if w == "no" && i+1 <= to && (s.toks[i+1].w == "longer") {
				continue
			}
			return source.Negated
		}
		if speculations[w] {
			h = source.Speculative
		}
	}
	return h
}

func relOf(c trigClass, sign int) graph.Relation {
	switch {
	case c == trigSec:
		return graph.Secretes
	case sign > 0:
		return graph.Activates
	case sign < 0:
		return graph.Inhibits
	}
	return graph.RelationInvalid
}

// modifierRules handles "X-induced Y", "X-derived Y" and "Y-secreting X".
func (s *sentence) modifierRules() {
	for i, t := range s.toks {
		g := t.g
		if g == nil || len(g.mods) == 0 {
			continue
		}
		last := g.mods[len(g.mods)-1]
		class := modSuffix[last.suffix]
		sign := 1
		for _, f := range g.fill {
			if tr, ok := triggers[f.w]; ok && tr.form == 'n' && tr.class == trigInh {
				sign = -sign
			}
		}
		for _, m := range g.mods {
			for _, e := range g.ents {
				switch {
				case class == trigSec && (last.suffix == "secreting" || last.suffix == "producing" || last.suffix == "expressing" || last.suffix == "releasing"):
					if e.cells && !m.cells {
						s.emit(e, m, graph.Secretes, "sec.y-secreting", 0.85, i, i)
					}
				case class == trigSec:
					if m.cells && !e.cells && !e.procs {
						s.emit(m, e, graph.Secretes, "sec.x-derived", 0.8, i, i)
					}
				case class == trigInh:
					s.emit(m, e, graph.Inhibits, "inh.x-induced", 0.8, i, i)
				default:
					s.emit(m, e, relOf(trigAct, sign), "act.x-induced", 0.85, i, i)
				}
			}
		}
	}
}

var inhibitorWords = []string{" antagonists", " antagonist", " inhibitors", " inhibitor", " blockers", " blocker", " mimetics", " mimetic"}

// nameRules handles names that say what they inhibit: "IAP antagonists",
// "RANKL inhibitors".
func (s *sentence) nameRules() {
	for i, t := range s.toks {
		if t.g == nil {
			continue
		}
		for _, e := range t.g.ents {
			if !e.known() || len(e.ids) != 1 || (e.node.Kind != graph.Drug && e.node.Kind != graph.Group) {
				continue
			}
			low := strings.ToLower(e.text)
			for _, suf := range inhibitorWords {
				if !strings.HasSuffix(low, suf) {
					continue
				}
				stem := strings.TrimSpace(e.text[:len(e.text)-len(suf)])
				if k := strings.LastIndex(stem, " "); k >= 0 && strings.Contains(strings.ToLower(stem[:k]), "anti") {
					stem = stem[k+1:] // "anti-cancer IAP" → "IAP"
				}
				res := s.r.Resolve(stem)
				if n, ok := res.Node(); ok && n.ID != e.ids[0] && n.Kind != graph.Drug && n.Kind != graph.Process {
					target := &ent{ids: []string{n.ID}, node: n, text: stem}
					if strings.HasPrefix(suf, " mimetic") {
						s.emit(e, target, graph.Activates, "act.x-mimetics", 0.7, i, i)
					} else {
						s.emit(e, target, graph.Inhibits, "inh.x-inhibitors", 0.8, i, i)
					}
				}
				break
			}
		}
	}
}

// producedBySuchAs handles "factors produced by X ..., such as Y".
func (s *sentence) producedBySuchAs() {
	for i := 0; i+2 < len(s.toks); i++ {
		tr, ok := triggers[s.toks[i].w]
		if !ok || tr.class != trigSec || tr.form != 'p' || s.toks[i+1].w != "by" || s.toks[i+2].g == nil {
			continue
		}
		x := s.toks[i+2].g
		if !allCells(x) {
			continue
		}
		for j := i + 3; j < len(s.toks); j++ {
			w := s.toks[j].w
			if w == "such" && j+2 < len(s.toks) && s.toks[j+1].w == "as" && s.toks[j+2].g != nil {
				s.emitGroupsIf(x, s.toks[j+2].g, graph.Secretes, "sec.produced-by", 0.8, i, j+2)
				break
			}
			if (w == "including" || w == "e.g") && j+1 < len(s.toks) && s.toks[j+1].g != nil {
				s.emitGroupsIf(x, s.toks[j+1].g, graph.Secretes, "sec.produced-by", 0.8, i, j+1)
				break
			}
			if w == ";" || w == "whereas" || w == "but" || w == "while" {
				break
			}
			if t, ok := triggers[w]; ok && t.form == 'v' {
				break
			}
		}
	}
}

func (s *sentence) emitGroupsIf(subj, obj *group, rel graph.Relation, rule string, conf float64, from, to int) {
	if rel == graph.Secretes {
		for _, b := range obj.ents {
			if b.cells || b.procs {
				return
			}
		}
	}
	s.emitGroups(subj, obj, rel, rule, conf, from, to)
}

func allCells(g *group) bool {
	for _, e := range g.ents {
		if !e.known() || !e.cells {
			return false
		}
	}
	return len(g.ents) > 0
}

func allProcs(g *group) bool {
	for _, e := range g.ents {
		if !e.known() || !e.procs {
			return false
		}
	}
	return len(g.ents) > 0
}

// words returns the words of toks[i+1:j].
func (s *sentence) words(i, j int) []string {
	var ws []string
	for k := i + 1; k < j; k++ {
		ws = append(ws, s.toks[k].w)
	}
	return ws
}

func (s *sentence) wordAt(k int) string {
	if k < 0 || k >= len(s.toks) {
		return ""
	}
	return s.toks[k].w
}

var inhibitorNouns = set("inhibitor", "inhibitors", "antagonist", "antagonists", "blocker", "blockers")
var agentNouns = set("agents", "agent", "drugs", "drug", "compounds", "compound", "molecules", "therapies", "therapy", "antibodies", "antibody")
var exemplify = set("such", "as", "including", "like", "e.g", "namely", ",", "(", ")")
var blockingWords = set("blocking", "inhibiting", "targeting", "neutralizing", "neutralising", "antagonizing",
	"antagonising", "suppressing")
var blockingNouns = set("inhibition", "blockade", "suppression", "degradation", "targeting", "neutralization", "blocking", "antagonism")

// pair applies the rules between the groups at toks[i] and toks[j].
func (s *sentence) pair(i, j int) {
	a, b := s.toks[i].g, s.toks[j].g
	ws := s.words(i, j)
	for _, w := range ws {
		if w == ";" {
			return
		}
	}
	// By adding X, Y was activated
	if len(ws) == 1 && ws[0] == "," && (s.wordAt(i-1) == "adding" || s.wordAt(i-1) == "of" && s.wordAt(i-2) == "addition") &&
		beVerbs[s.wordAt(j+1)] && s.wordAt(j+3) != "by" {
		if t, ok := triggers[s.wordAt(j+2)]; ok && t.form == 'p' && t.class != trigSec {
			if t.class == trigInh {
				s.emitGroups(a, b, graph.Inhibits, "inh.adding", 0.75, i-1, j+2)
			} else {
				s.emitGroups(a, b, graph.Activates, "act.adding", 0.75, i-1, j+2)
			}
			return
		}
	}
	// X inhibitors such as D; X inhibiting agents such as D; Wnt antagonist Dkk1
	if k := inhibitorPhrase(ws); k > 0 {
		s.emitGroups(b, a, graph.Inhibits, "inh.x-inhibitors", 0.85, i, j)
		return
	}
	// sclerostin, an inhibitor of Wnt
	if len(ws) >= 2 && ws[len(ws)-1] == "of" && inhibitorNouns[ws[len(ws)-2]] {
		ok := true
		for _, w := range ws[:len(ws)-2] {
			if !(w == "," || w == "is" || w == "are" || w == "an" || w == "a" || w == "the" || w == "as" || w == "potent" || w == "endogenous" || w == "natural" || w == "known" || w == "secreted") {
				ok = false
			}
		}
		if ok {
			s.emitGroups(a, b, graph.Inhibits, "inh.inhibitor-of", 0.8, i, j)
			return
		}
	}
	// blocking Y with X; inhibition of Y by X
	if len(ws) == 1 && (ws[0] == "with" || ws[0] == "by" || ws[0] == "using") {
		pre := s.wordAt(i - 1)
		pre2 := s.wordAt(i - 2)
		rule := ""
		switch {
		case blockingWords[pre]:
			rule = "inh.blocking-with"
		case pre == "of" && blockingNouns[pre2]:
			rule = "inh.inhibition-of-by"
		case (pre == "the" || pre == "of") && blockingWords[pre2]:
			rule = "inh.blocking-with"
		}
		if rule != "" && !allCells(b) {
			s.emitGroups(b, a, graph.Inhibits, rule, 0.9, i-1, j)
			// blocking C through blocking Y by X
			at := i - 1
			if pre == "of" || pre == "the" {
				at = i - 2
			}
			if s.wordAt(at-1) == "through" || s.wordAt(at-1) == "via" || s.wordAt(at-1) == "by" {
				if c := at - 2; c >= 0 && s.toks[c].g != nil && blockingWords[s.wordAt(c-1)] {
					s.emitGroups(b, s.toks[c].g, graph.Inhibits, "chain.through", 0.75, c-1, j)
				}
			}
			return
		}
	}
	// Y inhibition with X
	if len(ws) == 2 && blockingNouns[ws[0]] && (ws[1] == "with" || ws[1] == "by" || ws[1] == "using") && !allCells(b) {
		s.emitGroups(b, a, graph.Inhibits, "inh.inhibition-with", 0.9, i, j)
		return
	}
	// the osteolytic and pro-tumor effects of X
	if len(ws) >= 1 && ws[len(ws)-1] == "of" && allProcs(a) {
		last := strings.ToLower(a.ents[len(a.ents)-1].text)
		if (len(ws) == 1 && strings.HasSuffix(last, "effects")) || (len(ws) == 2 && (ws[0] == "effects" || ws[0] == "effect")) {
			s.emitGroups(b, a, graph.Activates, "act.effects-of", 0.75, i, j)
			return
		}
	}
	// bone resorption by osteoclasts
	if (len(ws) == 1 && ws[0] == "by" || len(ws) == 2 && ws[0] == "by" && ws[1] == "the") && allProcs(a) && !anyProc(b) {
		s.emitGroups(b, a, graph.Activates, "act.process-by", 0.7, i, j)
		s.chain(j, b, a, 1, i)
		return
	}
	if s.passive(i, j, ws) {
		return
	}
	s.active(i, j, ws)
}

func anyProc(g *group) bool {
	for _, e := range g.ents {
		if e.procs && e.known() {
			return true
		}
	}
	return false
}

// inhibitorPhrase matches "inhibitors such as", "inhibiting agents such
// as", "antagonist" between X and D, returning its length.
func inhibitorPhrase(ws []string) int {
	k := 0
	if k < len(ws) && (ws[k] == "inhibiting" || ws[k] == "inhibitory" || ws[k] == "blocking") {
		k++
		if k < len(ws) && agentNouns[ws[k]] {
			k++
		}
	} else if k < len(ws) && inhibitorNouns[ws[k]] {
		k++
	} else {
		return 0
	}
	ex := 0
	for k < len(ws) && exemplify[ws[k]] {
		k++
		ex++
	}
	if k != len(ws) {
		return 0
	}
	if ex == 0 && ws[0] != "antagonist" && ws[0] != "inhibitor" {
		return 0
	}
	return k
}

// passive handles "Y is induced by X", "Y produced by X", "Y may be
// attenuated via X" and "Y occurs through the activation of X".
func (s *sentence) passive(i, j int, ws []string) bool {
	at, end := -1, -1
	var t trig
	for k := 0; k+1 < len(ws); k++ {
		w, next := ws[k], ws[k+1]
		if tr, ok := triggers[w]; ok && tr.form == 'p' && (next == "by" || (next == "via" || next == "through") && tr.class != trigSec) {
			at, end, t = k, k+2, tr
			break
		}
		if (w == "occur" || w == "occurs" || w == "occurred" || w == "occurring") && (next == "through" || next == "via") {
			at, end, t = k, k+2, trig{trigAct, 'p', false}
			break
		}
	}
	if at < 0 {
		return false
	}
	unknown := 0
	for n, w := range ws[:at] {
		if breakers[w] {
			return false
		}
		if tr, ok := triggers[w]; ok && tr.class != trigSec && w != "negatively" {
			if tr.form == 'n' && n > 0 && (determiners[ws[n-1]] || ws[n-1] == "of") {
				continue
			}
			return false
		}
		if !aux[w] && !neutral[w] && w != "," && w != "/" {
			unknown++
		}
	}
	if unknown > 2 {
		return false
	}
	sign := 1
	if t.class == trigInh || at > 0 && ws[at-1] == "negatively" {
		sign = -1
	}
	fill := 0
	for _, w := range ws[end:] {
		if tr, ok := triggers[w]; ok && tr.form == 'n' && tr.class != trigSec {
			if tr.class == trigInh {
				sign = -sign
			}
			continue
		}
		if !byFill[w] && !neutral[w] {
			fill++
		}
	}
	if fill > 1 {
		return false
	}
	unknown += fill
	conf := 0.85 - 0.05*float64(unknown)
	a, b := s.toks[i].g, s.toks[j].g
	switch t.class {
	case trigSec:
		if allCells(b) {
			s.emitGroupsIf(b, a, graph.Secretes, "sec.produced-by", conf, i, j)
		}
	default:
		if sign > 0 && allCells(b) && a.expr {
			s.emitGroupsIf(b, a, graph.Secretes, "sec.produced-by", conf, i, j)
		} else {
			rule := "act.passive"
			if sign < 0 {
				rule = "inh.passive"
			}
			s.emitGroups(b, a, relOf(trigAct, sign), rule, conf, i, j)
		}
	}
	return true
}

// verbPhrase finds the verb of ws that governs the object after it: the
// last finite verb or participle that is not the complement of a
// preposition ("in supporting", "by increasing"), nor a passive
// participle. It returns the verb's first and one-past-last index, its
// trigger and a rule name for multi-word verbs ("result in", "lead to",
// "play a role in", "is required for", "provide ... for", "negatively
// regulate"), or -1.
func verbPhrase(ws []string) (int, int, trig, string) {
	bk, ba, bt, br := -1, -1, trig{}, ""
	for k := 0; k < len(ws); k++ {
		w := ws[k]
		prev := ""
		if k > 0 {
			prev = ws[k-1]
		}
		found := func(end int, t trig, rule string) {
			bk, ba, bt, br = k, end, t, rule
		}
		switch w {
		case "result", "results", "resulted", "resulting":
			if k+1 < len(ws) && ws[k+1] == "in" {
				found(k+2, trig{trigAct, formOf(w), false}, "act.verb")
				k++
				continue
			}
		case "lead", "leads", "led", "leading", "contribute", "contributes", "contributed", "contributing":
			if k+1 < len(ws) && ws[k+1] == "to" {
				found(k+2, trig{trigAct, formOf(w), false}, "act.verb")
				k++
				continue
			}
		case "play", "plays", "played", "playing":
			for m := k + 1; m < len(ws) && m <= k+5; m++ {
				if (ws[m] == "role" || ws[m] == "roles" || ws[m] == "part") && m+1 < len(ws) && (ws[m+1] == "in" || ws[m+1] == "for") {
					found(m+2, trig{trigAct, formOf(w), false}, "act.role-in")
					k = m + 1
					break
				}
			}
			continue
		case "required", "essential", "critical", "necessary", "crucial", "indispensable", "needed", "important":
			if k+1 < len(ws) && ws[k+1] == "for" && (prev == "is" || prev == "are" || prev == "be" || prev == "was" || prev == "were" || prev == "also") {
				found(k+2, trig{trigAct, 'v', false}, "act.required-for")
				k++
				continue
			}
			if k+1 < len(ws) && ws[k+1] == "in" && w == "essential" {
				found(k+2, trig{trigAct, 'v', false}, "act.required-for")
				k++
				continue
			}
		case "provide", "provides", "provided", "providing":
			for m := k + 1; m < len(ws) && m <= k+5; m++ {
				if ws[m] == "for" {
					found(m+1, trig{trigAct, formOf(w), false}, "act.provide-for")
					k = m
					break
				}
			}
			continue
		case "negatively", "positively":
			if k+1 < len(ws) && strings.HasPrefix(ws[k+1], "regulat") {
				c := trigInh
				if w == "positively" {
					c = trigAct
				}
				found(k+2, trig{c, formOf(ws[k+1]), false}, "")
				k++
				continue
			}
		}
		t, ok := triggers[w]
		if !ok || t.form == 'n' || w == "negatively" {
			continue
		}
		next := ""
		if k+1 < len(ws) {
			next = ws[k+1]
		}
		switch {
		case t.form == 'p' && (determiners[prev] || prev == "to" || prev == "of" || prev == "with"):
			continue // an adjective: "the increased accumulation", "to elevated levels"
		case t.form == 'p' && (beVerbs[prev] || next == "by" || next == "via"):
			continue // a passive
		case t.form == 'p' && (prev == "and" || prev == "or") && k >= 2 && ws[k-2] != "," && !aux[ws[k-2]]:
			continue // "disruption of bone homeostasis and increased bone resorption"
		case (w == "release" || w == "increase" || w == "decrease") && (determiners[prev] || prepositions[prev] && prev != "to"):
			continue // a noun
		case prev == "in" && (w == "favor" || w == "favour"):
			continue // "in favor of"
		case t.form == 'g' && prepositions[prev] && bk >= 0:
			continue // "plays a role in supporting": a complement
		}
		found(k+1, t, "")
	}
	return bk, ba, bt, br
}

// unsigned words say that X acts on Y without saying how.
var unsigned = set("regulation", "regulating", "regulate", "regulates", "control", "controlling", "modulation",
	"modulating", "modulate", "modulates", "affect", "affects", "affecting", "balance", "homeostasis")

var determiners = set("the", "a", "an", "this", "these", "those", "its", "their", "his", "her")
var beVerbs = set("is", "are", "was", "were", "be", "been", "being", "become", "becomes", "became")
var subjectFlips = set("inhibition", "blockade", "suppression", "loss", "deletion", "deficiency", "knockdown",
	"depletion", "ablation", "absence", "lack", "inactivation", "silencing")

func formOf(w string) byte {
	switch {
	case strings.HasSuffix(w, "ing"):
		return 'g'
	case strings.HasSuffix(w, "ed") || w == "led":
		return 'p'
	}
	return 'v'
}

// precededByVerb reports whether a finite verb stands before the group at
// toks[i] in its clause: the group is then an object.
func (s *sentence) precededByVerb(i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		w := s.toks[k].w
		if w == ";" || w == "which" || w == "that" {
			return false
		}
		if t, ok := triggers[w]; ok && t.form != 'n' && w != "negatively" {
			if t.form == 'p' && k > 0 && (determiners[s.toks[k-1].w] || beVerbs[s.toks[k-1].w]) {
				continue
			}
			return true
		}
	}
	return false
}

// subjectsOf returns the subjects of the statements whose object is the
// group at toks[i].
func (s *sentence) subjectsOf(i int) ([]*group, emitted) {
	var out []*group
	var last emitted
	for _, e := range s.stmts {
		if e.objAt == i && !e.derived && !slices.Contains(out, e.subj) {
			out = append(out, e.subj)
			last = e
		}
	}
	return out, last
}

// active handles "X VERB Y" with the verb's subject found by clause rules.
func (s *sentence) active(i, j int, ws []string) {
	k, after, t, rule := verbPhrase(ws)
	if k < 0 {
		return
	}
	pre, post := ws[:k], ws[after:]
	if t.form == 'g' && k > 0 && prepositions[ws[k-1]] {
		return // "through blocking Y", "by increasing Y": a complement
	}
	unknown := 0
	list := false // a verb list: "inhibits A, reduces B, and decreases C"
	for n, w := range pre {
		if breakers[w] {
			return
		}
		if tr, ok := triggers[w]; ok && !neutral[w] && !aux[w] {
			if tr.form == 'p' && n > 0 && beVerbs[pre[n-1]] {
				continue // "ephrinB2 was activated, which inhibited ..."
			}
			if tr.form == 'n' || tr.form == 'g' && n > 0 && prepositions[pre[n-1]] {
				continue
			}
			list = true
			continue
		}
		if !aux[w] && !neutral[w] && w != "," && w != "(" && w != ")" && w != "/" {
			unknown++
		}
	}
	if unknown > 3 {
		return
	}
	// the clause marker nearest the verb
	lead := ""
	for n := len(pre) - 1; n >= 0; n-- {
		w := pre[n]
		if w == "thereby" || w == "thus" {
			lead = w
			continue
		}
		if w == "which" || w == "that" || w == "and" || w == "," || w == "or" {
			lead = w
			if w == "or" {
				lead = "and"
			}
			break
		}
		if w == "to" && (n == 0 || pre[n-1] == ",") {
			lead = "to"
			break
		}
		if _, ok := triggers[w]; ok {
			break
		}
	}
	if list && lead != "and" && lead != "," {
		return
	}
	// a pronoun is the subject: "..., this results in ...", "it suppresses"
	for n, w := range pre {
		if w == "it" || w == "they" || w == "we" || (w == "this" || w == "these") && n == len(pre)-1 {
			return
		}
	}
	sign := 1
	if t.class == trigInh {
		sign = -1
	}
	nominal := ""
	amt := t.amt
	convert := false
	byAgent := false
	vsign := sign
	for n, w := range post {
		if breakers[w] {
			return
		}
		if w == "and" || w == "or" {
			sign = vsign // "disruption of A and increased B"
			continue
		}
		if w == "by" {
			byAgent = n == len(post)-1
			if !byAgent {
				return
			}
			continue
		}
		if tr, ok := triggers[w]; ok {
			if tr.class == trigSec {
				continue // "secretion of", "production of"
			}
			if tr.class == trigInh {
				sign = -sign
				if nominal == "" {
					nominal = w
				}
			}
			amt = amt || tr.amt
			continue
		}
		if w == "converting" || w == "conversion" || w == "convert" || w == "converts" {
			convert = true
			continue
		}
		if unsigned[w] {
			return // "plays a role in the regulation of"
		}
		if !neutral[w] && w != "," && w != "(" && w != ")" && w != "/" {
			unknown++
		}
	}
	if unknown > 4 {
		return
	}
	conf := 0.9 - 0.05*float64(unknown)
	a := s.toks[i].g
	subjs := []*group{a}
	participle := t.form == 'g' && (lead == "," || lead == "thereby" || lead == "thus" || lead == "")
	if participle && lead == "" && len(pre) > 0 {
		participle = false
	}
	switch {
	case participle:
		// "X degrades Y, stabilizing Z": the subject of the clause
		ss, e := s.subjectsOf(i)
		if len(ss) == 0 {
			if lead == "" {
				break // "Y stabilizing Z": Y is the subject
			}
			// "X, which binds to Y, thereby preventing its activation"
			if byAgent && (s.wordAt(i-1) == "to" || s.wordAt(i-1) == "with" || s.wordAt(i-2) == "to") {
				if g, ok := s.relativeAntecedent(i); ok {
					s.emitGroups(g, a, relOf(trigAct, sign), "chain.participle", conf-0.2, s.indexOf(g, i), j)
				}
			}
			return
		}
		if byAgent {
			return
		}
		subjs = ss
		conf -= 0.15
		// the object's change passes on: Y –(s1·s2)→ Z
		if e.amt {
			if obj := s.objOf(j, convert); obj != nil {
				s.emitGroups(a, obj, relOf(trigAct, e.sign*sign), "chain.participle", conf-0.1, i, j)
				s.stmts = append(s.stmts, emitted{derived: true, subj: a, obj: obj, sign: e.sign * sign, objAt: j})
				s.chain(j, a, obj, e.sign*sign, i)
			}
		}
	case byAgent:
		return
	case lead == "to":
		// purpose: "X, which interacts with Y to induce Z"; "X secretes Y
		// to initiate Z" (both X and Y)
		if g, ok := s.purposeSubject(i); ok {
			subjs = []*group{g}
			conf -= 0.1
			if s.wordAt(i-1) == "with" && strings.HasPrefix(s.wordAt(i-2), "cooperat") {
				subjs = append(subjs, a) // "Kremen cooperates with DKK1 to decrease Wnt"
			}
		} else if ss, _ := s.subjectsOf(i); len(ss) > 0 {
			subjs = append(subjs, ss...)
		}
	case lead == "that" || lead == "which":
		if g, ok := s.copulaSubject(i); ok {
			subjs = []*group{g}
			conf -= 0.1
		}
	case lead == "and" || lead == ",":
		if ss, _ := s.subjectsOf(i); len(ss) > 0 {
			subjs = ss
			conf -= 0.1
		} else if list || s.precededByVerb(i) {
			return
		}
	case s.wordAt(i+1) == ")" || s.wordAt(i+1) == "," && prepositions[s.wordAt(i-1)]:
		return // "(... in the presence of M-CSF) promotes", "In presence of BMP2, Wnt3a ...": not the subject
	default:
		// "inhibition of Wnt decreases bone mass"
		p := i - 1
		for p > 0 && s.wordAt(p) != "of" && (neutral[s.wordAt(p)] || s.wordAt(p) == "canonical" || s.wordAt(p) == "non-canonical") && p > i-4 {
			p--
		}
		if s.wordAt(p) == "of" && subjectFlips[s.wordAt(p-1)] {
			sign = -sign
		}
	}
	obj := s.objOf(j, convert)
	if obj == nil {
		return
	}
	// "induces GSK3β inhibition": a noun after the object
	if tr, ok := triggers[s.wordAt(j+1)]; ok && tr.form == 'n' && tr.class == trigInh && !convert {
		sign = -sign
		if nominal == "" {
			nominal = s.wordAt(j + 1)
		}
	}
	if t.class == trigSec {
		if nominal != "" {
			return
		}
		for _, sg := range subjs {
			if allCells(sg) {
				s.emitGroupsIf(sg, obj, graph.Secretes, "sec.verb", conf, s.indexOf(sg, i), j)
			}
			s.record(sg, obj, 1, false, j)
		}
		return
	}
	rel := relOf(trigAct, sign)
	if rule == "" || sign < 0 {
		switch {
		case sign < 0 && nominal == "degradation":
			rule = "inh.degradation-of"
		case sign < 0:
			rule = "inh.verb"
		case participle && strings.HasPrefix(ws[k], "stabili"):
			rule = "act.stabilizing"
		default:
			rule = "act.verb"
		}
	}
	for _, sg := range subjs {
		s.emitGroups(sg, obj, rel, rule, conf, min(i, s.indexOf(sg, i)), j)
		s.record(sg, obj, sign, amt, j)
		s.chain(j, sg, obj, sign, min(i, s.indexOf(sg, i)))
	}
}

// relativeAntecedent returns the group before the "which" or "that" that
// opens the clause holding toks[i]: the nearest group within a few words
// ("RANKL on their surface, which ...").
func (s *sentence) relativeAntecedent(i int) (*group, bool) {
	for k := i - 1; k >= 0; k-- {
		if w := s.toks[k].w; w == "which" || w == "that" {
			for m := k - 1; m >= 0 && m >= k-6; m-- {
				if s.toks[m].g != nil {
					return s.toks[m].g, true
				}
				if w := s.toks[m].w; breakers[w] || w == "which" || w == "that" {
					return nil, false
				}
				if _, ok := triggers[w]; ok {
					return nil, false
				}
			}
			return nil, false
		}
		if s.toks[k].w == ";" {
			return nil, false
		}
	}
	return nil, false
}

func (s *sentence) indexOf(g *group, def int) int {
	for k, t := range s.toks {
		if t.g == g {
			return k
		}
	}
	return def
}

func (s *sentence) record(subj, obj *group, sign int, amt bool, at int) {
	s.stmts = append(s.stmts, emitted{subj: subj, obj: obj, sign: sign, amt: amt, objAt: at})
}

// objOf returns the object group at toks[j], or the group after "into"
// when the verb converts ("converting T cells into Tregs").
func (s *sentence) objOf(j int, convert bool) *group {
	if !convert {
		return s.toks[j].g
	}
	for k := j + 1; k < len(s.toks) && k <= j+2; k++ {
		if s.toks[k].w == "into" && k+1 < len(s.toks) && s.toks[k+1].g != nil {
			return s.toks[k+1].g
		}
		if s.toks[k].g != nil {
			break
		}
	}
	return nil
}

// lastWithObject returns the last statement whose object is the group at
// toks[i].
func (s *sentence) lastWithObject(i int) (emitted, bool) {
	for k := len(s.stmts) - 1; k >= 0; k-- {
		if s.stmts[k].objAt == i {
			return s.stmts[k], true
		}
	}
	return emitted{}, false
}

var prepositions = set("on", "in", "at", "from", "of", "through", "with", "into", "onto", "within", "via", "by", "to", "for")

// purposeSubject finds the subject of "to VERB" after the group at
// toks[i] when that group follows a preposition ("VEGF acts through its
// receptors on endothelial cells to induce angiogenesis"): the antecedent
// of a "which" or "that" before it, or else the first group of the
// sentence that no preposition or bracket precedes.
func (s *sentence) purposeSubject(i int) (*group, bool) {
	if !prepositions[s.wordAt(i-1)] {
		return nil, false
	}
	var best *group
	for k := i - 1; k >= 0; k-- {
		if g := s.toks[k].g; g != nil {
			if p := s.wordAt(k - 1); k == 0 || !prepositions[p] && p != "(" && s.toks[k-1].g == nil {
				best = g
			}
			continue
		}
		if w := s.toks[k].w; w == "which" || w == "that" {
			if g, ok := s.relativeAntecedent(k + 1); ok {
				return g, true
			}
			return nil, false
		}
		if s.toks[k].w == ";" {
			break
		}
	}
	return best, best != nil
}

// copulaSubject finds the subject of "that VERB" after a group that is
// the agent of "factor produced by": "PTHrP seems to be the major factor
// produced by breast cancer cells that induces ...".
func (s *sentence) copulaSubject(i int) (*group, bool) {
	if s.wordAt(i-1) != "by" {
		return nil, false
	}
	if tr, ok := triggers[s.wordAt(i-2)]; !ok || tr.class != trigSec || tr.form != 'p' {
		return nil, false
	}
	copula := false
	for k := i - 3; k >= 0; k-- {
		if s.toks[k].g != nil {
			if copula {
				return s.toks[k].g, true
			}
			return nil, false
		}
		switch s.toks[k].w {
		case "is", "are", "be", "was", "were":
			copula = true
		}
		if _, ok := triggers[s.toks[k].w]; ok && s.toks[k].w != "factor" {
			return nil, false
		}
	}
	return nil, false
}

// chain handles "X VERB Y through/via/by (VERBing|the NOUN of) Z": X acts
// on Z, and Z on Y.
func (s *sentence) chain(j int, subj, obj *group, s1 int, from int) {
	k := j + 1
	for k < len(s.toks) && s.toks[k].g == nil && (s.toks[k].w == "signaling" || s.toks[k].w == "signalling" || s.toks[k].w == "expression" || s.toks[k].w == "formation" || s.toks[k].w == "in") && k <= j+2 {
		k++
	}
	if k >= len(s.toks) {
		return
	}
	w := s.toks[k].w
	if w != "through" && w != "via" && w != "by" {
		return
	}
	s2 := 0
	sec := false
	m := k + 1
	unknown := 0
	for ; m < len(s.toks) && s.toks[m].g == nil && m <= k+6; m++ {
		x := s.toks[m].w
		if tr, ok := triggers[x]; ok {
			if tr.class == trigSec {
				sec = true
				continue
			}
			if s2 != 0 {
				return
			}
			s2 = 1
			if tr.class == trigInh {
				s2 = -1
			}
			continue
		}
		if x == "negatively" {
			s2 = -1
			continue
		}
		if neutral[x] || x == "more" {
			continue
		}
		if breakers[x] || x == "," {
			return
		}
		unknown++
	}
	if m >= len(s.toks) || s.toks[m].g == nil || unknown > 2 {
		return
	}
	if w == "by" && s2 == 0 && !sec {
		return // "by Z" alone is an agent, not a route
	}
	z := s.toks[m].g
	if s2 == 0 {
		s2 = s1
	}
	conf := 0.7 - 0.05*float64(unknown)
	if sec && allCells(subj) {
		s.emitGroupsIf(subj, z, graph.Secretes, "chain.through", conf, from, m)
	} else if !sec || s2 != 0 {
		s.emitGroups(subj, z, relOf(trigAct, s2), "chain.through", conf, from, m)
	}
	s.emitGroups(z, obj, relOf(trigAct, s1*s2), "chain.through", conf, j, m)
	s.stmts = append(s.stmts, emitted{derived: true, subj: subj, obj: z, sign: s2, amt: true, objAt: m})
}
