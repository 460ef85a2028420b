package resolve

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
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
	r    *Resolver
	ctx  Context
	once sync.Once
	an   *analysis
}

// InContext returns a scope that resolves names in ctx. The text is read
// (its mentions found) on the first call of [Scope.Resolve] that needs
// it; reading is linear in the length of the text.
func (r *Resolver) InContext(ctx Context) *Scope {
	return &Scope{r: r, ctx: ctx}
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
			a.mentions = s.r.Mentions(s.ctx.Text)
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
	lex    int  // index of the first lexicon that has it under this key
	hidden bool // an earlier lexicon also knows the name
	w      float64
	// support is set when the text speaks for the candidate, defined
	// when it defines the name as the candidate.
	support, defined bool
	strong           bool    // named, grouped or listed in the text
	share            float64 // of the words of its names found in the text
}

// Evidence weights. A candidate's weight is its prior (by tier) times the
// factors of its evidence; "none of them" has a weight of its own. The
// numbers were set by hand on the bone-metastasis captions of the gold set
// (testdata/resolve_gold.tsv) and are documented in ResolveIn.
const (
	wDefined      = 50   // the text defines the name as this entity
	wDefinedOther = 0.05 // the text defines the name as something else
	wNamed        = 8    // named elsewhere in the text by another name
	wGroup        = 6    // member of a named group, or group of a named member
	wSibling      = 4    // shares a group with a named entity
	wStem         = 2.5  // same symbol family as a named gene
	wListed       = 3    // listed beside genes ("OPN, PTHrP, IL-1")
	wNameWords    = 4    // times the share of its name's words in the text
	wNoSupport    = 0.3  // a short alias the text says nothing for
	wPreferredBy  = 0.2  // an alias that another entry prefers
	wHidden       = 0.3  // found only behind an earlier lexicon's entry
	wPseudogene   = 0.1
	wReadthrough  = 0.3
	wOtherSense   = 0.5  // the name has a common non-gene sense
	wTwoLetters   = 0.05 // a one- or two-letter alias the text does not define
	wShortPlural  = 0.3  // a short alias found only as the singular of the name
	wCaseMismatch = 0.02 // "marks", "types": lower case where every name of the gene has capitals
	maxEvidence   = 500
)

func tierWeight(t Tier) float64 {
	switch t {
	case TierID:
		return 1000
	case TierSymbol, TierPreferred:
		return 10
	case TierName:
		return 8
	case TierSynonym:
		return 3
	case TierPrevious:
		return 2
	}
	return 1
}

// nullWeight is the prior weight of "none of the candidates" for a key:
// the shorter the name, the likelier it means something else.
func nullWeight(key string) float64 {
	switch n := utf8.RuneCountInString(key); {
	case n <= 1:
		return 20
	case n == 2:
		return 5
	case n == 3:
		return 2
	case n == 4:
		return 1
	case n == 5:
		return 0.5
	}
	return 0.2
}

// Resolve resolves a name in the scope's context; see [Resolver.ResolveIn].
func (s *Scope) Resolve(name string) ContextResult {
	name = strings.TrimSpace(name)
	out := ContextResult{Result: Result{Query: name, Status: Unknown}}
	key := Normalize(name)
	if key == "" {
		out.Reason, out.Score = "empty name", 1
		return out
	}
	if e, ok := s.r.Entry(name); ok {
		out.Status, out.Candidates, out.Tier, out.Reason, out.Score = Resolved, []graph.Node{e.Node}, TierID, "identifier", 1
		return out
	}
	a := s.analysis()
	var why []string
	cands, how := s.r.gatherForms(name, key, a.species)
	plural := how == readAsPlural
	formKey := key
	if plural {
		formKey = singular(key)
	}
	if how != "" {
		why = append(why, how)
	}
	if len(cands) == 0 && strings.Contains(name, "/") {
		return s.resolveList(name)
	}

	null := nullWeight(key)
	shape := nameShape(name)
	if shape.lower && englishWords[strings.ToLower(name)] {
		null *= 1000
		why = append(why, fmt.Sprintf("%q is an English word written in lower case, never a gene here", name))
	} else if shape.capitalised && englishWords[strings.ToLower(name)] {
		null *= 20
		why = append(why, fmt.Sprintf("%q is a capitalised English word", name))
	}
	if shape.symbolLike {
		null *= 0.5
	}

	// Weigh each candidate by how the name matched it.
	preferred := false
	for _, c := range cands {
		if c.tier == TierPreferred && !c.hidden {
			preferred = true
		}
	}
	for i := range cands {
		c := &cands[i]
		c.w = tierWeight(c.tier)
		n := c.entry.Node
		if c.hidden {
			c.w *= wHidden
		}
		if preferred && c.tier >= TierSynonym {
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
		if shape.lower && !shape.symbolLike && !lowerForm(c.entry, formKey) && !((a.species.zebrafish || a.species.xenopus) && symbolForm(c.entry, formKey)) {
			c.w *= wCaseMismatch
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

	// Definitions in the text.
	defs := s.definitions(name)
	for _, d := range defs {
		why = append(why, s.applyDefinition(d, &cands, key)...)
	}

	// What else the text names.
	other := senses[key]
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
		geneLike := c.entry.Node.Kind == graph.Gene || c.entry.Node.Kind == graph.Group && c.entry.Node.Group != graph.DrugClass
		if len(other) > 0 && geneLike && !c.strong && !c.defined {
			c.w *= wOtherSense / float64(1+2*cues)
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

	out = decideIn(out, cands, null, why)
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

// gather returns every entity of every lexicon under the key, each once,
// with its strongest tier, in lexicon order then tier then ID.
func (r *Resolver) gather(key string) []candidate {
	var out []candidate
	first := -1
	for li, l := range r.lexicons {
		ps := l.postings(key)
		if len(ps) == 0 {
			continue
		}
		if first < 0 {
			first = li
		}
		for _, p := range ps {
			e := l.entries[p.entry]
			if j := slices.IndexFunc(out, func(c candidate) bool { return c.entry.Node.ID == e.Node.ID }); j >= 0 {
				if p.tier < out[j].tier && out[j].lex == li {
					out[j].tier = p.tier
				}
				continue
			}
			out = append(out, candidate{entry: e, tier: p.tier, lex: li, hidden: li != first})
		}
	}
	slices.SortStableFunc(out, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(a.lex, b.lex), cmp.Compare(a.tier, b.tier), cmp.Compare(a.entry.Node.ID, b.entry.Node.ID))
	})
	return out
}

// definition is a long form the text gives for a name.
type definition struct {
	long string
	form string // "legend", "long (short)" or "short (long)"
}

// definitions finds the long forms the text gives for name: a legend
// item "name, long;" or "name: long;", "long (name)" and "name (long)".
// A long form counts only when the name could abbreviate it (its letters
// occur in order, the first at the start of a word).
func (s *Scope) definitions(name string) []definition {
	text := s.ctx.Text
	var out []definition
	add := func(long, form string) {
		long = strings.TrimSpace(long)
		if long == "" || Normalize(long) == Normalize(name) || !abbreviates(name, long) {
			return
		}
		for _, d := range out {
			if d.long == long {
				return
			}
		}
		out = append(out, definition{long, form})
	}
	for _, at := range occurrences(text, name) {
		end := at + len(name)
		before := strings.TrimRight(text[:at], " ")
		after := text[end:]
		// legend: "; NAME, long form;" (or at the start, or after ":" "." "(")
		if b := lastRune(before); before == "" || strings.ContainsRune(";.:(", b) {
			rest := strings.TrimLeft(after, " ")
			if strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "=") {
				item := rest[1:]
				if k := strings.IndexAny(item, ";\n"); k >= 0 {
					item = item[:k]
				}
				if k := strings.Index(item, ". "); k >= 0 {
					item = item[:k]
				}
				item = strings.TrimSuffix(strings.TrimSpace(item), ".")
				if len(item) <= 120 {
					add(item, "legend")
				}
			}
		}
		// "long form (NAME)"
		if strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")") {
			lead := strings.TrimRight(strings.TrimSuffix(before, "("), " ")
			if long := longFormBefore(lead, name); long != "" {
				add(long, "long (short)")
			}
		}
		// "NAME (long form)"
		if rest := strings.TrimLeft(after, " "); strings.HasPrefix(rest, "(") {
			if k := strings.IndexByte(rest, ')'); k > 1 {
				inner := rest[1:k]
				if !strings.ContainsAny(inner, "()") && strings.Contains(strings.TrimSpace(inner), " ") && len(inner) <= 120 {
					add(inner, "short (long)")
				}
			}
		}
	}
	return out
}

// longFormBefore returns the shortest run of words at the end of lead
// that the short form abbreviates, looking back at most
// min(len+5, 2·len) words (Schwartz and Hearst, 2003).
func longFormBefore(lead, short string) string {
	words := strings.Fields(lead)
	n := min(utf8.RuneCountInString(short)+5, 2*utf8.RuneCountInString(short))
	for k := 1; k <= n && k <= len(words); k++ {
		long := strings.Join(words[len(words)-k:], " ")
		if abbreviates(short, long) {
			return long
		}
	}
	return ""
}

// abbreviates reports whether short could abbreviate long: its letters
// and digits occur in long in order, matched from the end, and its first
// one starts a word of long (Schwartz and Hearst, 2003).
func abbreviates(short, long string) bool {
	s := []rune(strings.ToLower(short))
	l := []rune(strings.ToLower(long))
	si, li := len(s)-1, len(l)-1
	for si >= 0 {
		c := s[si]
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			si--
			continue
		}
		for li >= 0 && (l[li] != c || si == 0 && li > 0 && (unicode.IsLetter(l[li-1]) || unicode.IsDigit(l[li-1]))) {
			li--
		}
		if li < 0 {
			return false
		}
		si--
		li--
	}
	return true
}

// applyDefinition weighs the candidates by a definition of the name,
// adding the entity the long form names when it is not among them.
func (s *Scope) applyDefinition(d definition, cands *[]candidate, key string) []string {
	res := s.r.Resolve(d.long)
	var why []string
	if n, ok := res.Node(); ok {
		found := false
		for i := range *cands {
			c := &(*cands)[i]
			if c.entry.Node.ID == n.ID || slices.Contains(c.entry.Node.Members, n.ID) {
				c.w *= wDefined
				c.support, c.defined, found = true, true, true
				why = append(why, fmt.Sprintf("the text defines it as %q (%s)", d.long, n.Label()))
			} else {
				c.w *= wDefinedOther
			}
		}
		if !found {
			e, _ := s.r.Entry(n.ID)
			*cands = append(*cands, candidate{entry: e, tier: res.Tier, lex: -1, w: tierWeight(TierSymbol) * wDefined, support: true, defined: true})
			why = append(why, fmt.Sprintf("the text defines it as %q: %s", d.long, n.Label()))
		}
		return why
	}
	if res.Status == Ambiguous {
		hit := false
		for i := range *cands {
			c := &(*cands)[i]
			if slices.ContainsFunc(res.Candidates, func(n graph.Node) bool { return n.ID == c.entry.Node.ID }) {
				c.w *= wDefined / 2
				c.support, c.defined, hit = true, true, true
			}
		}
		if hit {
			return []string{fmt.Sprintf("the text defines it as %q", d.long)}
		}
	}
	// The long form resolves to nothing: compare its words with the
	// candidates' names.
	lw := contentWords(d.long)
	best := 0.0
	shares := make([]float64, len(*cands))
	for i, c := range *cands {
		shares[i] = overlap(lw, entryWords(c.entry))
		best = max(best, shares[i])
	}
	if best >= 0.5 {
		for i := range *cands {
			c := &(*cands)[i]
			if shares[i] >= 0.5 {
				c.w *= 1 + (wDefined-1)*shares[i]
				c.support, c.defined = true, true
				why = append(why, fmt.Sprintf("the text defines it as %q, close to the name of %s", d.long, c.entry.Node.Label()))
			} else {
				c.w *= wDefinedOther
			}
		}
		return why
	}
	// No informative word in common: a long form that shares half its
	// words with a name, generic words included ("epithelial growth
	// factor" for EGF), neither supports nor rejects it.
	aw := allWords(d.long)
	loose := false
	for i := range *cands {
		c := &(*cands)[i]
		if overlap(aw, allEntryWords(c.entry)) >= 0.5 {
			loose = true
			continue
		}
		c.w *= wDefinedOther
	}
	if loose {
		why = append(why, fmt.Sprintf("the text defines it loosely as %q", d.long))
	} else if len(*cands) > 0 {
		why = append(why, fmt.Sprintf("the text defines it as %q, which names none of the candidates", d.long))
	}
	return why
}

// contextEvidence returns the factor by which the text's mentions and
// words support a candidate, and why.
func (s *Scope) contextEvidence(c *candidate, key, name string) (float64, []string) {
	a := s.an
	if a == nil || len(a.words) == 0 {
		return 1, nil
	}
	n := c.entry.Node
	f := 1.0
	var why []string
	// byOther returns the text of a mention naming id by another name
	// than the one resolved, or "".
	byOther := func(id string) string {
		for _, b := range a.named[id] {
			if b.key != key {
				return b.text
			}
		}
		return ""
	}
	if t := byOther(n.ID); t != "" {
		c.strong = true
		f *= wNamed
		why = append(why, fmt.Sprintf("%s is also named in the text (%q)", n.Label(), t))
	}
	// A member of a group named in the text, or a group with a named
	// member.
	grouped := false
	for _, g := range a.groupsOf(n.ID) {
		if t := byOther(g); t != "" {
			ge, _ := s.r.Entry(g)
			f *= wGroup
			grouped, c.strong = true, true
			why = append(why, fmt.Sprintf("%s belongs to %s, named in the text (%q)", n.Label(), ge.Node.Label(), t))
			break
		}
	}
	if !grouped && n.Kind == graph.Group {
	members:
		for _, m := range n.Members {
			t := byOther(m)
			if t == "" {
				for _, g := range a.groupsOf(m) {
					if g != n.ID {
						if t = byOther(g); t != "" {
							break
						}
					}
				}
			}
			if t != "" {
				me, _ := s.r.Entry(m)
				f *= wGroup
				grouped, c.strong = true, true
				why = append(why, fmt.Sprintf("%s has the member %s, named in the text (%q)", n.Label(), me.Node.Label(), t))
				break members
			}
		}
	}
	if !grouped {
	sibling:
		for _, g := range a.groupsOf(n.ID) {
			ge, _ := s.r.Entry(g)
			for _, m := range ge.Node.Members {
				if m == n.ID {
					continue
				}
				if t := byOther(m); t != "" {
					me, _ := s.r.Entry(m)
					f *= wSibling
					grouped, c.strong = true, true
					why = append(why, fmt.Sprintf("%s shares the group %s with %s, named in the text (%q)", n.Label(), ge.Node.Label(), me.Node.Label(), t))
					break sibling
				}
			}
		}
	}
	if n.Kind == graph.Gene && n.Symbol != "" {
		if st := familyStem(n.Symbol); st != "" {
			if sym, ok := a.stems[st]; ok && sym != n.Symbol {
				f *= wStem
				why = append(why, fmt.Sprintf("%s is of the family of %s, named in the text", n.Symbol, sym))
			}
		}
	}
	if n.Kind == graph.Gene || n.Kind == graph.Group {
		if nb := s.listedBeside(name, key); nb != "" {
			f *= wListed
			c.strong = true
			why = append(why, fmt.Sprintf("listed beside %s", nb))
		}
	}
	share, hits := wordShare(entryWords(c.entry), a.words)
	c.share = share
	if len(hits) > 0 {
		f *= 1 + wNameWords*share
		why = append(why, fmt.Sprintf("words of the name of %s occur in the text: %s", n.Label(), strings.Join(hits, ", ")))
	}
	f = min(f, maxEvidence)
	if f > 1 {
		c.support = true
	}
	return f, why
}

// listedBeside returns the text of a gene or group mention that the name
// is listed beside ("OPN, PTHrP", "IL-1 and IL-6"), or "".
func (s *Scope) listedBeside(name, key string) string {
	text := s.ctx.Text
	ms := s.an.mentions
	geneMention := func(m Mention) bool {
		if m.Result.Status != Resolved || Normalize(m.Text) == key {
			return false
		}
		for _, n := range m.Result.Candidates {
			if n.Kind != graph.Gene && !(n.Kind == graph.Group && n.Group != graph.DrugClass) {
				return false
			}
		}
		return true
	}
	for _, at := range occurrences(text, name) {
		end := at + len(name)
		for _, m := range ms {
			if m.End <= at && listGap(text[m.End:at]) && geneMention(m) {
				return m.Text
			}
			if m.Start >= end && listGap(text[end:m.Start]) && geneMention(m) {
				return m.Text
			}
		}
	}
	return ""
}

// listGap reports whether the text between two names joins them in a
// list.
func listGap(gap string) bool {
	switch strings.TrimSpace(gap) {
	case ",", "and", ", and", "or", ", or", "/":
		return true
	}
	return false
}

// decideIn chooses among the weighed candidates and "none of them".
func decideIn(out ContextResult, cands []candidate, null float64, why []string) ContextResult {
	out.Why = why
	live := cands[:0:0]
	total := null
	for _, c := range cands {
		if c.w > 0 && !math.IsInf(c.w, 0) && !math.IsNaN(c.w) {
			live = append(live, c)
			total += c.w
		}
	}
	slices.SortStableFunc(live, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.w, a.w), cmp.Compare(a.tier, b.tier), cmp.Compare(a.entry.Node.ID, b.entry.Node.ID))
	})
	if len(live) == 0 {
		if out.Reason == "" {
			out.Reason = "no entry matches"
		}
		out.Score = 1
		return out
	}
	best := live[0]
	pBest := best.w / total
	if null >= best.w {
		var labels []string
		for _, c := range live {
			labels = append(labels, c.entry.Node.Label())
		}
		out.Score = null / total
		out.Reason = "in this context not a name of " + strings.Join(labels, ", ")
		if len(why) > 0 {
			out.Reason += ": " + why[len(why)-1]
		}
		return out
	}
	second := 0.0
	if len(live) > 1 {
		second = live[1].w
	}
	out.Tier = best.tier
	if pBest >= 0.5 && best.w >= 2*second {
		out.Status, out.Candidates, out.Score = Resolved, []graph.Node{best.entry.Node}, pBest
		out.Reason = best.tier.String()
		if len(out.Why) > 0 {
			out.Reason += "; " + strongest(out.Why, best.entry.Node)
		}
		return out
	}
	for _, c := range live {
		if c.w >= best.w/10 {
			out.Candidates = append(out.Candidates, c.entry.Node)
		}
	}
	out.Score = pBest
	if len(out.Candidates) == 1 {
		out.Status = Resolved
		out.Reason = best.tier.String() + " (weakly: the text gives little support)"
		return out
	}
	out.Status = Ambiguous
	out.Reason = fmt.Sprintf("%d candidates remain after reading the context", len(out.Candidates))
	return out
}

// strongest returns the first reason that mentions the chosen entity, or
// the first reason.
func strongest(why []string, n graph.Node) string {
	for _, w := range why {
		if strings.Contains(w, n.Label()) || strings.Contains(w, "written") || strings.Contains(w, "species") {
			return w
		}
	}
	return why[0]
}

// speciesNote explains how a non-human way of writing a symbol, or a
// non-human document, was mapped to the human gene.
func speciesNote(name string, c candidate, sp speciesSet) string {
	n := c.entry.Node
	if n.Kind != graph.Gene || c.tier != TierSymbol || name == n.Symbol {
		if n.Kind == graph.Gene && sp.nonHumanOnly() {
			return fmt.Sprintf("a document about another species than human: %s is the human gene (HGNC), the ortholog by shared symbol", n.Symbol)
		}
		return ""
	}
	sh := nameShape(name)
	var style string
	switch {
	case sh.capitalised || sh.mouseCase:
		style = "written as a mouse or rat symbol (or a protein name)"
	case sh.lower:
		style = "written in lower case as zebrafish and Xenopus symbols are"
	default:
		return ""
	}
	msg := fmt.Sprintf("%q is %s; bonemet maps it to the human gene %s (HGNC), the ortholog by shared symbol", name, style, n.Symbol)
	if sp.nonHumanOnly() {
		msg += "; the document is about another species than human"
	}
	return msg
}

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

// genericWords are words of gene names that say nothing about a
// particular gene.
var genericWords = map[string]bool{
	"protein": true, "factor": true, "receptor": true, "member": true, "family": true,
	"subunit": true, "domain": true, "contain": true, "containing": true, "like": true, "type": true, "chain": true,
	"complex": true, "associat": true, "relat": true, "homolog": true, "activat": true,
	"regulat": true, "bind": true, "interact": true, "kinase": true, "superfamily": true,
	"cell": true, "gene": true, "human": true, "open": true, "read": true, "frame": true,
	"pseudogene": true, "small": true, "large": true, "light": true, "heavy": true, "class": true,
	"group": true, "subfamily": true, "isoform": true, "alpha": true, "beta": true, "gamma": true,
	"delta": true, "kappa": true, "signal": true, "pathway": true, "molecule": true,
	"transcript": true, "transcription": true, "nuclear": true, "with": true, "from": true,
	"that": true, "this": true, "into": true, "which": true, "both": true, "also": true,
	"their": true, "other": true, "than": true, "such": true, "have": true, "been": true,
	"were": true, "when": true, "through": true, "during": true, "express": true, "figure": true,
	"increas": true, "decreas": true, "induc": true, "promot": true, "effect": true, "role": true,
	"level": true, "activity": true, "function": true, "process": true, "specific": true,
	"depend": true, "mediat": true, "novel": true, "putative": true, "probable": true,
	"uncharacteriz": true, "unknown": true, "fragment": true, "antisense": true, "long": true,
	"intergenic": true, "coding": true, "noncoding": true, "non": true, "rna": true,
	"high": true, "variant": true, "activator": true, "inhibitor": true, "inhibiting": true,
	"members": true, "growth": true, "tumor": true, "cancer": true,
	"development": true, "differentiation": true, "formation": true, "response": true,
}

// genericStems are the stems of genericWords.
var genericStems = func() map[string]bool {
	m := make(map[string]bool, len(genericWords))
	for w := range genericWords {
		m[stem(w)] = true
		m[w] = true
	}
	return m
}()

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
		if len(w) < 4 || genericStems[w] {
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

// sense is a common meaning of a short name that is not a gene, with
// stems of words that signal it.
type sense struct {
	meaning string
	cues    []string
}

// senses lists, by key, the non-gene meanings of names that HGNC gives
// to genes. Cue words are stems as [contentWords] makes them.
var senses = map[string][]sense{
	"ros":  {{"reactive oxygen species", []string{"oxygen", "oxidative", "antioxidant", "redox", "superoxide", "peroxide", "oxidase", "scaveng", "mitochondria", "nadph"}}},
	"hs":   {{"heparan sulfate or horse serum", []string{"heparan", "sulfate", "proteoglycan", "glycosaminoglycan", "heparin", "serum", "horse"}}},
	"plp":  {{"pyridoxal 5'-phosphate", []string{"pyridoxal", "vitamin", "cofactor"}}},
	"er":   {{"the endoplasmic reticulum", []string{"reticulum", "endoplasmic", "stress", "unfold", "chaperone", "golgi", "lumen"}}},
	"sos":  {{"the bacterial SOS response", []string{"bacteria", "lexa", "reca", "damage"}}},
	"cat":  {{"chloramphenicol acetyltransferase (a reporter)", []string{"chloramphenicol", "reporter"}}},
	"tr1":  {{"type 1 regulatory T cells", []string{"regulatory", "tolerance", "lymphocyte", "treg"}}},
	"odf":  {{"the outer dense fiber of sperm", []string{"sperm", "flagell", "spermat", "fiber"}}},
	"iap":  {{"intracisternal A particles (retrotransposons)", []string{"retrotransposon", "intracisternal", "endogenous", "retroviral", "transposon"}}},
	"camp": {{"cyclic AMP", []string{"cyclase", "adenylate", "adenylyl", "messenger", "coupl"}}},
	"pin":  {{"a compound (pinocembrin) or a pin", []string{"pinocembrin", "compound"}}},
	"nbp":  {{"a compound (butylphthalide)", []string{"butylphthalide", "compound"}}},
	"ip":   {{"immunoprecipitation or intraperitoneal", []string{"immunoprecipitat", "intraperitoneal", "inject"}}},
	"ec":   {{"endothelial cells", []string{"endothelial", "vessel", "angiogen"}}},
	"ti":   {{"titanium", []string{"titanium", "particle", "implant", "wear"}}},
	"cas":  {{"a compound (casticin) or CRISPR-Cas", []string{"casticin", "crispr", "compound"}}},
	"msc":  {{"mesenchymal stem cells", []string{"mesenchymal", "stem", "stromal"}}},
	"oc":   {{"osteoclasts", []string{"osteoclast"}}},
	"dbp":  {{"vitamin D binding protein (GC)", []string{"vitamin"}}},
	"ca":   {{"calcium or carbonic anhydrase", []string{"calcium", "ion"}}},
}

// englishWords are English words that HGNC uses as symbols or aliases;
// written in lower case they are never read as genes.
var englishWords = wordSet(`a an and are as at be but by can cat did do for from had has have he her
	his if in into is it its may me my no not of on or our out per set she so than that the this to up
	us was we were who why with all any end fat hole impact large mass rest tip type via find van
	age aid aim air arc arch arm arms art axe bad bag ban band bar bat bed bet bid big bin bit boy bud
	bus cage camp can cap car cast cell chip cord cot cry cup cut damage dark day dim dot ear egg elf
	eye fast fig fit flap fog fox gap gas gem get got grasp gut hat hip hit hog hop hope ice ink jet
	key kit lab lamp lap led leg let lid light link lip lobe log lot low mad man map mark mars mask
	mat mice mid mild mind mist mix mod mol mud nap net nice nit noon nut oak odd one ore pal pan par
	pat peg pen pest pet pig pin pit pole pop post pot pride put rab raft ram rank rap rat ray red
	rex rib rip rod rot row sad sag sand sax scar sea sense sex shot sit six sky slim soul spam
	spin spring star step stop sun super tab tag tan tap tar tea tear ten tick tie tin top toy trap
	tube two use war wave web wee wish yes zip best bite bone both call came chop clock cold cool
	core dream drop each fate fear fish flash gain gold good hand head heart hole host kind king lamb
	last lead left line lock long loss love maker mama mast match mint moon more most near need nest
	nine noble note once open over pace page pass peak pick plan plastic plug point pore power
	prime quiet rain rare ring rock rose rush safe salt same scale seal seed shadow sharp shine side
	sign single sink slow smart snap soft solo spot spur stable steel still storm strap sure swift
	tail talk tall task tight time tiny tired token tone total tough tram tree trim true turn twin
	unc vamp vast wave wide will wing wire wise yolk`)

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
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
