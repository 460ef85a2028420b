package extract

import (
	"slices"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
)

// readSentence reads the statements of the sentence text[sp.Start:sp.End]
// whose mentions are ms. It returns the statements and the work done (the
// elements tried).
func (rs *Rules) readSentence(r *resolve.Resolver, text string, sp Span, ms []resolve.Mention) ([]found, int) {
	s := &sentence{rs: rs, r: r}
	s.toks = rs.groups(rs.tokenize(r, text, sp, ms))
	rs.merge(s.toks)
	rs.ratios(r, s.toks)
	rs.reporters(s.toks)
	s.pass(Modifier)
	s.pass(Relation)
	return s.out, s.work
}

// pass applies the entries of one kind at every anchor, in token order
// and, at one token, in table order.
func (s *sentence) pass(kind Kind) {
	for p := range s.toks {
		t := &s.toks[p]
		var refs []anchorRef
		switch {
		case t.g != nil:
			refs = s.rs.suffixAnchors[t.g.ents[len(t.g.ents)-1].suffix]
			if t.g.modSuffix != "" {
				refs = append(refs[:len(refs):len(refs)], s.rs.suffixAnchors[t.g.modSuffix]...)
			}
		default:
			refs = s.rs.anchors[t.w]
		}
		var over []string
		for _, ref := range refs {
			if ref.rule.Kind != kind || (kind == Modifier && t.covered) || slices.Contains(over, ref.rule.ID) {
				continue
			}
			if !s.matchAt(ref.rule, p) {
				continue
			}
			over = append(over, ref.rule.Over...)
			if kind == Modifier {
				s.modify()
			} else {
				s.emitMatch()
			}
		}
	}
}

// matchAt matches r with its anchor at toks[p], leaving the match in s.m.
func (s *sentence) matchAt(r *Rule, p int) bool {
	s.m.reset(r)
	s.saved = s.saved[:0]
	s.budget = workLimit
	s.m.anchor = p
	if !s.elemFits(&r.elems[r.anchor], p) {
		return false
	}
	left, before := r.left, p-1
	if r.elems[r.anchor].kind == eMerged {
		before = s.toks[p].g.modAt - 1 // the phrase starts at its modifier
	}
	return s.run(r.elems[r.anchor+1:], p+1, 1, func(int) bool {
		if !r.subjectMode {
			return s.run(left, before, -1, func(int) bool {
				s.agentHead(left)
				if x := &s.m.slots[slotIndex('X')]; x.at >= 0 && r.Kind == Relation && s.appositive(x.at) {
					// "targeting SOCS6, a repressor of STAT3": the
					// apposition says what X does, whatever is done to X
					x.bare = true
				}
				return true
			})
		}
		// the words before the verb, then its subject by the clause rules
		return s.run(left[:r.subjIdx], p-1, -1, func(end int) bool {
			s.also, s.bare = -1, false
			k := s.subjectOf(end)
			if a := s.also; k >= 0 && a >= 0 && a != k && s.toks[a].g != nil && !s.toks[a].covered &&
				!s.elemFitsSaved(&left[r.subjIdx], k) && s.elemFitsSaved(&left[r.subjIdx], a) {
				// "PTHrP stimulates osteoblasts to produce RANKL": the
				// cells produce it, not PTHrP
				k, s.also = a, -1
			}
			if left[r.subjIdx].slot == 'Y' {
				// "IKK activation by TRAF6 requires Ubc13": what the
				// subject's nominal activates, not its agent
				if th := s.nominalTheme(k); th >= 0 && s.elemFitsSaved(&left[r.subjIdx], th) {
					k = th
				}
			}
			if k < 0 || !s.elemFitsSaved(&left[r.subjIdx], k) {
				return false
			}
			s.m.slots[slotIndex(left[r.subjIdx].slot)].bare = s.bare
			if a := s.also; a >= 0 && a != k && s.toks[a].g != nil && !s.toks[a].covered && consOK(left[r.subjIdx].cons, s.toks[a].g.ents) {
				s.m.slots[slotIndex(left[r.subjIdx].slot)].also = a
			}
			return s.run(left[r.subjIdx+1:], k-1, -1, func(int) bool { return true }) || s.undo(nil)
		})
	})
}

// nominalTheme returns, for a group at toks[k] that is the agent of a
// nominal of a positive class ("IKK activation by TRAF6", "activation of
// ERK by EGF"), the group the nominal acts on, or -1.
func (s *sentence) nominalTheme(k int) int {
	p := s.wordBefore(k)
	if k < 0 || s.w(p) != "by" {
		return -1
	}
	positive := func(i int) bool {
		return i >= 0 && s.toks[i].g == nil && slices.ContainsFunc(s.toks[i].forms, func(f wordForm) bool {
			return f.form&formNoun != 0 && s.rs.classes[f.class].sign > 0
		})
	}
	q := s.wordBefore(p)
	if positive(q) {
		if b := s.wordBefore(q); b >= 0 && s.toks[b].g != nil {
			return b // "IKK activation by TRAF6"
		}
		return -1
	}
	for n := 0; n < 2 && q >= 0 && s.toks[q].g == nil && s.rs.sets[setHeads][s.w(q)]; n++ {
		q = s.wordBefore(q) // "activation of the ERK pathway by EGF"
	}
	if q < 0 || s.toks[q].g == nil {
		return -1
	}
	o := s.wordBefore(q)
	for o >= 0 && s.rs.sets[setDet][s.w(o)] {
		o = s.wordBefore(o)
	}
	if s.w(o) == "of" && positive(s.wordBefore(o)) {
		return q // "activation of ERK by EGF"
	}
	return -1
}

// agentHead moves a slot of the left elements that matched the agent of
// a reduced relative to the relative's head, or the partner of a binding
// to what binds: in "FGF23 produced by osteocytes is an inhibitor of Y"
// the subject is FGF23, in "binding of M-CSF to c-Fms is essential for Y"
// M-CSF.
func (s *sentence) agentHead(left []elem) {
	for _, e := range left {
		if e.kind != eSlot {
			continue
		}
		ref := &s.m.slots[slotIndex(e.slot)]
		if ref.at < 0 || ref.mods {
			continue
		}
		h := -1
		switch p := s.wordBefore(ref.at); s.w(p) {
		case "by":
			h = s.headOf(ref.at)
		default:
			// "binding of M-CSF to (its receptor) c-Fms is essential for"
			for n := 0; n < 4 && p > 0 && (s.w(p) == "(" || s.plain(p)) && s.w(p) != "to" && s.w(p) != "with"; n++ {
				p = s.wordBefore(p)
			}
			if s.w(p) == "to" || s.w(p) == "with" {
				h = s.bindingOf(p)
			}
		}
		if h >= 0 && h != ref.at && s.toks[h].g != nil && consOK(e.cons, s.toks[h].g.ents) {
			ref.at = h
		}
	}
}

// modify applies the modifier that matched in s.m.
func (s *sentence) modify() {
	r := s.m.rule
	for _, i := range s.m.consumed {
		s.toks[i].covered = true
	}
	x, t := s.m.slot('X'), s.m.slot('T')
	switch {
	case r.Effect == Inhibitor && x.at >= 0 && t.at >= 0:
		xg, tg := s.toks[x.at].g, s.toks[t.at].g
		s.toks[t.at].covered = true
		actors := s.ents(x)
		last := len(actors) > 1 && (s.w(x.at+1) == "," || s.w(x.at+1) == "(") && (s.w(x.at+2) == "a" || s.w(x.at+2) == "an")
		if last {
			// "DKK-1 and Noggin, a BMP inhibitor,": a singular
			// apposition is the last item's
			actors = actors[len(actors)-1:]
		}
		targets := tg.ents
		if len(targets) == 1 && targets[0].stem != nil {
			// "the MEK inhibitor U0126": U0126 inhibits MEK, and is one
			// of the class, not its inhibitor
			targets = []*ent{targets[0].stem}
			s.emitPairs(bareEnts(actors), targets, graph.Inhibits, r.ID, r.Confidence)
		} else {
			// "knockdown of DKK1, a Wnt inhibitor,": DKK1 itself inhibits Wnt
			s.emitPairs(bareEnts(actors), s.ents(t), graph.Inhibits, r.ID, r.Confidence)
		}
		// the actor's group carries the targets, read through it, when
		// the actor is a drug or chemical: a protein that inhibits ("DKK1,
		// a Wnt inhibitor,") acts by itself, and what it does is not read
		// again, inverted, of what it inhibits (nor does a list whose
		// last item alone the apposition names)
		if last || !drugActors(xg.ents) {
			break
		}
		for _, e := range targets {
			if e.cells || e.procs {
				continue // a cell or process is no drug target
			}
			c := *e
			c.pol, c.polBy, c.polMod, c.target = -1, nil, r, true
			xg.ents = append(xg.ents, &c)
		}
	case r.Effect != LossOfFunction && x.at >= 0 && t.at < 0 && r.elems[r.anchor].kind == eSlot:
		// "IAP antagonists": the name says what it acts on
		for _, e := range s.ents(x) {
			if e.stem == nil || e.target {
				continue
			}
			// a name is an entity of its own: what it acts on is not
			// read through it
			s.emitPairs([]*ent{e}, []*ent{e.stem}, r.Relation, r.ID, r.Confidence)
		}
		s.sharedInhibitorHead(s.ents(x), r)
	case r.Effect == LossOfFunction || r.Effect == Inhibitor:
		at := x
		if at.at < 0 {
			at = t
		}
		es := s.ents(at)
		if len(s.m.consumed) > 0 && s.m.consumed[0] > at.at && len(es) > 1 && !s.pluralLoss(s.m.consumed) {
			es = es[len(es)-1:] // "A and B blockade": B's; "A and B inhibitors": both
		}
		dephos := s.saysWord(s.m.consumed, "dephosphorylation")
		for _, e := range es {
			if dephos && s.rs.phosphoInactivated(e) {
				continue // "NFATc1 dephosphorylation" switches NFATc1 on
			}
			if e.polMod == nil {
				e.pol, e.polBy, e.polMod = -1, slices.Clone(s.m.consumed), r
			}
		}
		if at.at >= 0 && len(s.m.consumed) == 0 {
			// a suffix ("X-deficient"): the mention itself says so
			for _, e := range s.ents(at) {
				e.polBy = nil
			}
		}
	}
}

// drugActors reports whether every mention of an inhibitor phrase's actor
// is a drug, a chemical or a class of them.
func drugActors(es []*ent) bool {
	for _, e := range es {
		if !e.known() || e.node.Kind != graph.Drug && e.node.Kind != graph.Chemical && e.node.Group != graph.DrugClass {
			return false
		}
	}
	return len(es) > 0
}

// ents returns the mentions a slot stands for.
func (s *sentence) ents(ref slotRef) []*ent {
	if ref.at < 0 {
		return nil
	}
	g := s.toks[ref.at].g
	if ref.mods {
		return g.mods
	}
	if ref.also >= 0 {
		return append(g.ents[:len(g.ents):len(g.ents)], s.toks[ref.also].g.ents...)
	}
	return g.ents
}

// appositive reports whether the group at toks[i] is followed by a comma
// and a determiner that open an apposition ("SOCS6, a repressor of
// STAT3"; "the SOCS6 gene (SOCS6), a repressor").
func (s *sentence) appositive(i int) bool {
	k := i + 1
	for k < len(s.toks) && s.toks[k].g == nil && s.rs.sets[setHeads][s.toks[k].w] {
		k++ // "the SOCS6 gene"
	}
	if k < len(s.toks) && s.toks[k].w == "(" {
		if j := s.aside(k, 1); j > 0 {
			k = j + 1 // "(SOCS6)"
		}
	} else if k < len(s.toks) && s.toks[k].w == ")" {
		k++
	}
	if k+1 >= len(s.toks) || s.toks[k].w != "," {
		return false
	}
	switch s.toks[k+1].w {
	case "a", "an", "the", "one":
		return true // ", a repressor of Y": not ", leading to Y"
	}
	return false
}

// sharedInhibitorHead reads the names before a plural inhibitor class in
// a coordination as inhibited too: in "the PI3K and the MEK inhibitors",
// "inhibitors" is said of PI3K as well, whose function is lost.
func (s *sentence) sharedInhibitorHead(es []*ent, r *Rule) {
	n := len(es)
	if n < 2 || es[n-1].stem == nil || r.Relation != graph.Inhibits {
		return
	}
	if suf := es[n-1].suffix; !strings.HasSuffix(suf, "s") || !s.rs.sets[setInhibitorNames][suf] {
		return // one inhibitor, or an agonist
	}
	for _, e := range es[:n-1] {
		if !e.known() || e.stem != nil || e.suffix != "" || e.cells || e.procs || e.chems || e.polMod != nil {
			return // a list of drugs and classes, each its own
		}
	}
	for _, e := range es[:n-1] {
		e.pol, e.polBy, e.polMod = -1, nil, r
	}
}

// saysWord reports whether the word w is among the tokens at.
func (s *sentence) saysWord(at []int, w string) bool {
	for _, i := range at {
		if s.w(i) == w {
			return true
		}
	}
	return false
}

// pluralLoss reports whether the words of a loss after a coordination
// end in a plural noun of agents ("miR-200b and miR-429 inhibitors",
// "IL-6 and TNF antagonists"): one for each name.
func (s *sentence) pluralLoss(consumed []int) bool {
	switch w := s.w(consumed[len(consumed)-1]); w {
	case "sirnas", "shrnas":
		return true
	default:
		return strings.HasSuffix(w, "s") && s.rs.sets[setInhibitorNames][w]
	}
}
