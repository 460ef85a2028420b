package resolve

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve/internal/lexdata"
)

// Context is what a name was read in: the text around it and the species
// the document is about. The zero value is an empty context, in which
// [Resolver.ResolveIn] judges a name by its shape and the lexicon alone.
type Context struct {
	// Text is the surrounding text: a figure caption, a title, an
	// abstract. The name itself usually occurs in it, but need not (an
	// OCR word of the figure, read with the figure's caption).
	Text string
	// Species lists the organisms the document is about, as PFOCR and
	// PubMed name them ("Homo sapiens", "Mus musculus", "Danio rerio");
	// empty when unknown.
	Species []string
}

// ContextResult is the answer of [Resolver.ResolveIn]: a [Result] with a
// confidence and the evidence behind it.
type ContextResult struct {
	Result
	// Score is in 0..1. For a Resolved result it is the probability
	// given to the chosen entity; for an Ambiguous one, that of the
	// strongest candidate; for an Unknown one, the probability that the
	// name names none of the lexicon's candidates (1 when it has none).
	Score float64
	// Why lists the evidence that was weighed, one short sentence each, in
	// the order it was found.
	Why []string
}

// ResolveIn resolves a name as it is meant in a context. It weighs every
// entity the name can denote in every lexicon of the resolver (an
// earlier lexicon's entities still come first, but no longer hide the
// others completely) against the hypothesis that the name denotes none
// of them, using:
//
//   - how the name matched each entity (symbol, preferred synonym, name,
//     alias, previous symbol; see [Tier]), with a heavy penalty for
//     pseudogenes and for aliases that another entry prefers;
//   - definitions in the text: a legend ("Cas, casticin;"), a long form
//     before a parenthesised short form ("osterix (Osx)") or after it
//     ("OPG (osteoprotegerin)"). A definition that resolves to an entity
//     decides; one that names none of the candidates rejects them all;
//   - the entities the text names ([Resolver.Mentions]): a candidate
//     named elsewhere by another name, a member of a group named in the
//     text (or a group with a member named), a fellow member of a group
//     with a named gene, a gene of the same symbol family (TRAF2 beside
//     TRAF6), a name listed beside other genes ("OPN, PTHrP, IL-1");
//   - the words of each candidate's names found in the text ("IAP" in a
//     caption about apoptosis is the inhibitor-of-apoptosis family, not
//     islet amyloid polypeptide);
//   - the shape of the name: short names are often something else; an
//     English word written in lower case ("mass", "van", "cat") never
//     names a gene; names with a common non-gene sense ("ROS", reactive
//     oxygen species; "HS", heparan sulfate; "ER", endoplasmic reticulum)
//     need support, and cue words of that sense count against the genes.
//
// Species: bonemet's genes are human (HGNC). A symbol written the mouse
// or rat way ("Tnfsf11"), in zebrafish lower case ("rela") or with a
// Xenopus homeolog suffix ("dkk1.L"), or read in a document about another
// species, resolves to the human gene of the same symbol, the ortholog in
// nearly every case; the Reason and Why say so. A zebrafish paralog
// suffix ("gsk3ba") is removed only when Species names Danio rerio.
//
// The answer is Resolved when one candidate has at least half the
// probability and twice the weight of the next, Unknown when "none of
// them" outweighs every candidate, and Ambiguous otherwise, with the
// candidates strongest first. A slash list ("RANK/RANKL") is resolved as
// [Resolver.Resolve] does. To resolve many names in one text, use
// [Resolver.InContext], which reads the text once.
func (r *Resolver) ResolveIn(name string, ctx Context) ContextResult {
	return r.InContext(ctx).Resolve(name)
}

// Scope is a [Context] read once by a [Resolver], for resolving many names
// in it. It is safe for concurrent use.
type Scope struct {
	r     *Resolver
	ctx   Context
	given []Mention // the text's mentions, when the caller had them
	has   bool      // given holds them
	once  sync.Once
	an    *analysis
}

// InContext returns a scope that resolves names in ctx. The text is read
// (its mentions found) on the first call of [Scope.Resolve] that needs
// it; reading is linear in the length of the text.
func (r *Resolver) InContext(ctx Context) *Scope {
	return &Scope{r: r, ctx: ctx}
}

// InContextOf is [Resolver.InContext] for a caller that already has the
// mentions of ctx.Text: the scope reads ms instead of finding them again.
// ms are what [Resolver.Mentions] returned for ctx.Text, or for parts of
// it with their offsets moved to where the parts stand in ctx.Text (a
// document's sections, joined); the scope does not modify ms.
func (r *Resolver) InContextOf(ctx Context, ms []Mention) *Scope {
	return &Scope{r: r, ctx: ctx, given: ms, has: true}
}

// analysis is what a scope learns from its text.
type analysis struct {
	mentions []Mention
	words    map[string]bool      // word stems of the text (see stem)
	named    map[string][]namedBy // entity ID → the mentions naming it
	lexicons []*Lexicon           // for the groups of a member
	stems    map[string]string    // symbol family stem → a named symbol
	species  speciesSet
}

// namedBy is a mention of the text that names an entity.
type namedBy struct{ key, text string }

type speciesSet struct{ human, mouse, rat, zebrafish, xenopus, other bool }

func (s speciesSet) nonHumanOnly() bool {
	return !s.human && (s.mouse || s.rat || s.zebrafish || s.xenopus || s.other)
}

func parseSpecies(list []string) speciesSet {
	var s speciesSet
	for _, sp := range list {
		switch l := strings.ToLower(strings.TrimSpace(sp)); {
		case l == "" || l == "na":
		case strings.HasPrefix(l, "homo sapiens") || l == "human":
			s.human = true
		case strings.HasPrefix(l, "mus musculus") || l == "mouse":
			s.mouse = true
		case strings.HasPrefix(l, "rattus") || l == "rat":
			s.rat = true
		case strings.HasPrefix(l, "danio rerio") || l == "zebrafish":
			s.zebrafish = true
		case strings.HasPrefix(l, "xenopus"):
			s.xenopus = true
		default:
			s.other = true
		}
	}
	return s
}

func (s *Scope) analysis() *analysis {
	s.once.Do(func() {
		a := &analysis{
			words:    make(map[string]bool),
			named:    make(map[string][]namedBy),
			lexicons: s.r.lexicons,
			stems:    make(map[string]string),
			species:  parseSpecies(s.ctx.Species),
		}
		if strings.TrimSpace(s.ctx.Text) != "" {
			for _, w := range contentWords(s.ctx.Text) {
				a.words[w] = true
			}
			if s.has {
				a.mentions = s.given
			} else {
				a.mentions = s.r.Mentions(s.ctx.Text)
			}
			for _, m := range a.mentions {
				if m.Result.Status != Resolved {
					continue
				}
				k := Normalize(m.Text)
				for _, n := range m.Result.Candidates {
					if !slices.ContainsFunc(a.named[n.ID], func(b namedBy) bool { return b.key == k }) {
						a.named[n.ID] = append(a.named[n.ID], namedBy{k, m.Text})
					}
					if n.Kind == graph.Gene && n.Symbol != "" {
						if st := familyStem(n.Symbol); st != "" {
							if _, ok := a.stems[st]; !ok {
								a.stems[st] = n.Symbol
							}
						}
					}
				}
			}
		}
		s.an = a
	})
	return s.an
}

// candidate is an entity a name may denote, with its weight.
type candidate struct {
	entry  Entry
	tier   Tier
	rank   uint8 // of its source, in a compiled lexicon
	lex    int   // index of the first lexicon that has it under this key
	hidden bool  // an earlier lexicon also knows the name
	w      float64
	// support is set when the text speaks for the candidate, defined
	// when it defines the name as the candidate.
	support, defined bool
	strong           bool    // named, grouped or listed in the text
	against          bool    // the text or the name's shape speaks against it
	share            float64 // of the words of its names found in the text
}

// Resolve resolves a name in the scope's context; see [Resolver.ResolveIn].
func (s *Scope) Resolve(name string) ContextResult {
	out := s.resolve(name)
	q := out.Query
	switch {
	case out.Status == Unknown:
		if alt, ok := pluralHead(q); ok {
			// "caspases-3", as Resolve reads it
			if g := s.resolve(alt); g.Status != Unknown {
				note := fmt.Sprintf("read as %q", alt)
				g.Query, g.Reason, g.Why = q, g.Reason+" ("+note+")", append(g.Why, note)
				return g
			}
		}
	case capitalsPlural(q) && s.r.foldedPlural(out.Result):
		// "FAs" is not FAS, as Resolve reads it
		if g := s.resolve(q[:len(q)-1]); g.Status == Resolved {
			if n, ok := g.Node(); ok && n.Kind == graph.Group {
				note := fmt.Sprintf("read as the plural of %q", q[:len(q)-1])
				g.Query, g.Reason, g.Why = q, g.Reason+" ("+note+")", append(g.Why, note)
				return g
			}
		}
		note := fmt.Sprintf("the plural of the short form %q, which names no family; %s is another name", q[:len(q)-1], strings.ToUpper(q))
		return ContextResult{Result: Result{Query: q, Status: Unknown, Reason: note}, Score: 1, Why: []string{note}}
	}
	return out
}

// resolve is Resolve before the plurals of short forms are read.
func (s *Scope) resolve(name string) ContextResult {
	name = strings.TrimSpace(name)
	out := ContextResult{Result: Result{Query: name, Status: Unknown}}
	if len(name) > MaxName {
		out.Result = s.r.Resolve(name)
		out.Score = 1
		return out
	}
	key := Normalize(name)
	if key == "" {
		out.Reason, out.Score = "empty name", 1
		return out
	}
	if strings.IndexByte(name, ':') > 0 {
		if res, ok := s.r.resolveCURIE(out.Result); ok {
			out.Result, out.Score = res, 1/float64(len(res.Candidates))
			out.Why = []string{res.Reason}
			return out
		}
	}
	if ion, ok := ionName(name); ok {
		out.Result, out.Score = s.r.resolveIon(out.Result, ion), 1
		out.Why = []string{out.Reason}
		return out
	}
	if microRNAGenes(name) != nil {
		// "miR-218": the gene of a microRNA, whatever the text ("miR-1"
		// is also an alias of FSD1), as Resolve reads it
		if res := s.r.Resolve(name); microRNAGene(res) {
			out.Result, out.Score = res, 1
			out.Why = []string{res.Reason}
			return out
		}
	}
	a := s.analysis()
	var why []string
	cands, how := s.r.gatherForms(name, key, a.species)
	if how != "" {
		why = append(why, how)
	} else {
		cands = symbolsAsWritten(name, cands)
	}
	null, against := s.nullPrior(name, key, &why)
	why = append(why, s.weighMatches(cands, name, key, how == readAsPlural)...)
	for _, d := range s.definitions(name) {
		why = append(why, s.applyDefinition(d, &cands, key)...)
	}
	if len(cands) == 0 && strings.Contains(name, "/") {
		return s.resolveList(name)
	}
	why = append(why, s.weighText(cands, name, key)...)
	out = decideIn(out, cands, null, why)
	if out.Status != Resolved && !against {
		out = s.keepPlainReading(out, cands, name)
	}
	if n, ok := out.Node(); ok && n.Kind == graph.Group || out.Status == Unknown && len(cands) == 0 {
		// "PKACα", "PI3Kγ": the member a group's letter names, as
		// Resolve reads it
		if m, note, ok := s.r.greekMember(name, out.Result, true); ok {
			out.Result, out.Why = m, append(out.Why, note)
			if out.Score == 0 {
				out.Score = 1
			}
			return out
		}
	}
	if out.Status == Unknown && len(cands) == 0 {
		if alt, ok := greekInitial(name); ok {
			// "PGC-1β" as "PGC-1b", as Resolve reads it
			if g := s.Resolve(alt); g.Status != Unknown {
				note := fmt.Sprintf("read as %q: a last Greek letter as its Latin initial", alt)
				g.Query, g.Reason, g.Why = name, g.Reason+" ("+note+")", append(g.Why, note)
				return g
			}
		}
		if alt, ok := greekFirst(name); ok {
			// "B-catenin" as "β-catenin", as Resolve reads it
			if g := s.Resolve(alt); g.Status == Resolved {
				note := fmt.Sprintf("read as %q: a first Latin letter for its Greek letter", alt)
				g.Query, g.Reason, g.Why = name, g.Reason+" ("+note+")", append(g.Why, note)
				return g
			}
		}
		if stem, ok := pointMutant(name); ok {
			// "RasV12" as "Ras", as Resolve reads it
			if g := s.Resolve(stem); mutantReading(g.Result) {
				note := fmt.Sprintf("read as %q: a point mutant", stem)
				g.Query, g.Reason, g.Why = name, g.Reason+" ("+note+")", append(g.Why, note)
				return g
			}
		}
		if rest, form, ok := formPrefix(name); ok {
			// "tBID" as "BID", as Resolve reads it
			if g := s.Resolve(rest); formReading(g.Result) {
				note := fmt.Sprintf("read as %q: %s", rest, form)
				g.Query, g.Reason, g.Why = name, g.Reason+" ("+note+")", append(g.Why, note)
				return g
			}
		}
		if l, ok := s.r.resolveLabel(name); ok {
			// "AKT1_HUMAN", "COX2 (PTGS2)", as Resolve reads them (last,
			// as there)
			out.Result, out.Score, out.Why = l, 1, append(out.Why, l.Reason)
			return out
		}
	}
	if n, ok := out.Node(); ok {
		for _, c := range cands {
			if c.entry.Node.ID == n.ID {
				if msg := speciesNote(name, c, a.species); msg != "" {
					out.Why = append(out.Why, msg)
					out.Reason += "; " + msg
				}
				break
			}
		}
	}
	return out
}

// nullPrior returns the prior weight of "none of the candidates", from
// the length and shape of the name, and whether the shape speaks against
// every candidate (an English word written as one).
func (s *Scope) nullPrior(name, key string, why *[]string) (float64, bool) {
	null := nullWeight(key)
	sh := nameShape(name)
	against := false
	if sh.lower && tables().english[strings.ToLower(name)] {
		null *= 1000
		against = true
		*why = append(*why, fmt.Sprintf("%q is an English word written in lower case, never a gene here", name))
	} else if sh.capitalised && tables().english[strings.ToLower(name)] {
		null *= 20
		against = true
		*why = append(*why, fmt.Sprintf("%q is a capitalised English word", name))
	}
	if sh.symbolLike {
		null *= 0.5
	}
	return null, against
}

// weighMatches gives each candidate its prior weight: how the name
// matched it, and what the lexicon says of it.
func (s *Scope) weighMatches(cands []candidate, name, key string, plural bool) []string {
	a := s.an
	var why []string
	formKey := key
	if plural {
		formKey = singular(key)
	}
	sh := nameShape(name)
	preferred := slices.ContainsFunc(cands, func(c candidate) bool { return c.tier == TierPreferred && !c.hidden })
	for i := range cands {
		c := &cands[i]
		c.w = tierWeight(c.tier)
		n := c.entry.Node
		if c.hidden {
			c.w *= wHidden
		}
		if slices.ContainsFunc(cands, func(g candidate) bool { return !g.hidden && g.tier == c.tier && g.rank < c.rank }) {
			c.w *= wRankBehind
		}
		if preferred && (c.tier >= TierSynonym || c.hidden) {
			c.w *= wPreferredBy
		} else if c.tier >= TierSynonym && slices.ContainsFunc(cands, func(g candidate) bool {
			return g.tier <= TierName && slices.Contains(g.entry.Node.Members, n.ID)
		}) {
			c.w *= wPreferredBy
			why = append(why, fmt.Sprintf("%s is a member of the group this name stands for", n.Label()))
		}
		if plural && c.tier >= TierSynonym && utf8.RuneCountInString(key) <= 5 {
			c.w *= wShortPlural
		}
		if geneLike(n) && sh.lower && !sh.symbolLike && !lowerForm(c.entry, formKey) && !((a.species.zebrafish || a.species.xenopus) && symbolForm(c.entry, formKey)) {
			c.w *= wCaseMismatch
			c.against = true
			why = append(why, fmt.Sprintf("%q is written in lower case, unlike the names of %s", name, n.Label()))
		}
		lname := strings.ToLower(n.Name)
		switch {
		case strings.Contains(lname, "pseudogene"):
			c.w *= wPseudogene
			why = append(why, n.Label()+" is a pseudogene")
		case strings.Contains(lname, "readthrough"):
			c.w *= wReadthrough
		}
	}
	return why
}

// geneLike reports whether a node is a gene or a group of genes.
func geneLike(n graph.Node) bool {
	return n.Kind == graph.Gene || n.Kind == graph.Group && n.Group != graph.DrugClass
}

// weighText weighs the candidates by what else the text names and says.
func (s *Scope) weighText(cands []candidate, name, key string) []string {
	a := s.an
	var why []string
	other := tables().senses[key]
	cues := 0
	var cueWords []string
	for _, sn := range other {
		for _, cw := range sn.cues {
			if a.words[cw] {
				cues++
				cueWords = append(cueWords, cw)
			}
		}
	}
	for i := range cands {
		c := &cands[i]
		if c.w == 0 {
			continue
		}
		f, msgs := s.contextEvidence(c, key, name)
		c.w *= f
		why = append(why, msgs...)
		if len(other) > 0 && geneLike(c.entry.Node) && !c.strong && !c.defined {
			c.w *= wOtherSense / float64(1+2*cues)
			c.against = true // a name with another common sense needs support
		}
		if !c.support && s.ctx.Text != "" && utf8.RuneCountInString(key) <= 4 && c.tier >= TierSynonym {
			c.w *= wNoSupport
		}
		if !c.defined && c.share < 0.5 && utf8.RuneCountInString(key) <= 2 && c.tier >= TierSynonym {
			c.w *= wTwoLetters
		}
	}
	if len(other) > 0 && len(cands) > 0 && cues > 0 {
		why = append(why, fmt.Sprintf("%q often means %s, and the text speaks of %s", name, other[0].meaning, strings.Join(cueWords, ", ")))
	}
	return why
}

// keepPlainReading keeps the reading a name of three letters or more has
// without context when the text does not reject it: nothing in the text
// speaks against the entity it resolves to (no definition as something
// else, no cue of another sense, no case that names no gene).
func (s *Scope) keepPlainReading(out ContextResult, cands []candidate, name string) ContextResult {
	base := s.r.Resolve(name)
	n, ok := base.Node()
	if !ok {
		return out
	}
	for _, c := range cands {
		if c.entry.Node.ID != n.ID {
			continue
		}
		if c.against || c.w == 0 || utf8.RuneCountInString(Normalize(name)) < 3 {
			return out
		}
		out.Status, out.Candidates, out.Tier = Resolved, []graph.Node{c.entry.Node}, c.tier
		out.Score = max(out.Score, 0.5)
		msg := "resolves so without context, and nothing in the text speaks against it"
		out.Reason = c.tier.String() + "; " + msg
		out.Why = append(out.Why, msg)
		return out
	}
	return out
}

// resolveList resolves a slash list as Resolve does, scored by how its
// parts resolve in the context.
func (s *Scope) resolveList(name string) ContextResult {
	base := s.r.Resolve(name)
	out := ContextResult{Result: base}
	switch base.Status {
	case Resolved:
		out.Score = 0.9
		out.Why = []string{base.Reason}
	case Ambiguous:
		out.Score = 1 / float64(len(base.Candidates))
		out.Why = []string{base.Reason}
	default:
		out.Score = 1
	}
	return out
}

const readAsPlural = "read as a plural"

// gatherForms collects the candidates of a name: under its key, else its
// singular, else without a Xenopus homeolog suffix (".L", ".S"), else,
// in a zebrafish document, without a paralog suffix ("a", "b").
func (r *Resolver) gatherForms(name, key string, sp speciesSet) ([]candidate, string) {
	if cs := r.gather(key); len(cs) > 0 {
		return cs, ""
	}
	if k := singular(key); k != "" {
		if cs := r.gather(k); len(cs) > 0 {
			return cs, readAsPlural
		}
	}
	if len(name) > 2 && name[len(name)-2] == '.' && strings.ContainsRune("LSls", rune(name[len(name)-1])) {
		if cs := r.gather(Normalize(name[:len(name)-2])); len(cs) > 0 {
			return cs, fmt.Sprintf("%q: a Xenopus laevis homeolog suffix, read as %s", name, name[:len(name)-2])
		}
	}
	if sp.zebrafish && len(key) > 3 && (key[len(key)-1] == 'a' || key[len(key)-1] == 'b') && strings.ToLower(name) == name {
		if cs := r.gather(key[:len(key)-1]); len(cs) > 0 {
			return cs, fmt.Sprintf("%q: a zebrafish paralog suffix, read as %s", name, key[:len(key)-1])
		}
	}
	return nil, ""
}

// symbolsAsWritten drops, when one candidate's symbol is name as written
// (letter case aside), the other candidates that match only as symbols
// once punctuation is dropped: "MIR124-3" is not MIR1243.
func symbolsAsWritten(name string, cands []candidate) []candidate {
	exact, other := 0, 0
	for _, c := range cands {
		if c.tier != TierSymbol {
			continue
		}
		if strings.EqualFold(c.entry.Node.Symbol, name) {
			exact++
		} else {
			other++
		}
	}
	if exact != 1 || other == 0 {
		return cands
	}
	return slices.DeleteFunc(slices.Clone(cands), func(c candidate) bool {
		return c.tier == TierSymbol && !strings.EqualFold(c.entry.Node.Symbol, name)
	})
}

// gather returns every entity of every lexicon under the key, each once,
// with its strongest tier, in lexicon order then tier then ID.
func (r *Resolver) gather(key string) []candidate {
	var out []candidate
	first := -1
	var buf [16]posting
	for li, l := range r.lexicons {
		ps := l.lookup(buf[:0], []byte(key), lexdata.Hash(key))
		if len(ps) == 0 {
			continue
		}
		if first < 0 {
			first = li
		}
		for _, p := range ps {
			e := l.entryAt(p.entry)
			if j := slices.IndexFunc(out, func(c candidate) bool { return c.entry.Node.ID == e.Node.ID }); j >= 0 {
				if p.tier < out[j].tier && out[j].lex == li {
					out[j].tier, out[j].rank = p.tier, p.rank
				}
				continue
			}
			out = append(out, candidate{entry: e, tier: p.tier, rank: p.rank, lex: li, hidden: li != first})
		}
	}
	slices.SortStableFunc(out, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.lex, b.lex), cmp.Compare(a.tier, b.tier), cmp.Compare(a.rank, b.rank), cmp.Compare(a.entry.Node.ID, b.entry.Node.ID))
	})
	return out
}
