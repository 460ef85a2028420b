package extract

import (
	"slices"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/source"
)

// unknownCost is what each plain word a "~" filler admits takes off the
// confidence.
const unknownCost = 0.05

// emitMatch reads the statements of the relation entry that matched in
// s.m, then follows the routes after its object.
func (s *sentence) emitMatch() {
	r := s.m.rule
	xs, ys := s.ents(s.m.slot('X')), s.ents(s.m.slot('Y'))
	if s.m.slot('X').mods && s.m.slot('X').at == s.m.slot('Y').at {
		// "RANKL-induced Y": a reading inside one phrase, whatever the
		// phrase's own loss of function; but a loss written between the
		// modifier and its head is what the modifier does ("TNF-induced
		// inhibition of bone formation")
		xs, ys = bareEnts(xs), s.innerLoss(ys, s.toks[s.m.slot('Y').at].g.modAt, s.m.slot('Y').at)
	} else if s.m.slot('X').bare {
		xs = bareEnts(xs)
	}
	if y := s.m.slot('Y'); r.Kind == Relation && y.at >= 0 && y.at == s.m.hi && !y.mods {
		if z := s.agentNominalObject(y.at); z >= 0 {
			// "Jnk inhibitor I blocked Wnt5a induction of the BMP
			// promoters": what is blocked is the induction of BMP
			ys = s.toks[z].g.ents
		}
	}
	if x := s.m.slot('X'); x.at >= 0 && x.at+1 <= s.m.hi && s.w(x.at+1) == "," && strings.Contains(r.Shape, "@cop") {
		// "the loss of miR-200b, a negative regulator of SUZ12": the
		// apposition says what X is, whatever happens to X around it
		xs = bareEnts(xs)
	}
	if x, y := s.m.slot('X'), s.m.slot('Y'); y.at >= 0 && y.at < x.at && strings.Contains(r.Shape, "@cop") && s.relativeAfter(y.at) {
		// "loss of PTEN, which is a target of miR-21": the clause says
		// what Y is, whatever happens to Y around it
		ys = bareEnts(ys)
	}
	if x, y := s.m.slot('X'), s.m.slot('Y'); slices.Contains(r.Triggers, "lead") && x.at >= 0 && y.at > x.at {
		if j := s.lossAfterSubject(x.at, y.at); j >= 0 {
			// "Inhibition of SMO by PTCH1 was relieved, leading to SMO
			// accumulation": the subject's loss leads to Y
			xs = lostEnts(xs, j)
		}
	}
	conf := r.Confidence - unknownCost*float64(s.m.unknown)
	hedge := s.hedge(s.m.lo, s.m.hi)
	consumed := s.m.consumed
	respectively := len(xs) > 1 && len(xs) == len(ys) && s.respectively(s.m.hi)
	if sameEntities(xs, ys) {
		// "CLOCK-BMAL1 ... binding of CLOCK-BMAL1": one complex on both
		// sides says nothing of its parts on each other
		return
	}
	for i, x := range xs {
		for j, y := range ys {
			if respectively && i != j {
				continue
			}
			rel, id := r.Relation, r.ID
			if rel == graph.Activates && (s.phosphoOff(r, y) || s.phosphoPurposeOff(r, s.m.hi)) {
				rel, id = graph.Inhibits, id+"+phospho-off"
			}
			s.emitOne(x, y, rel, id, conf, hedge, consumed)
		}
	}
	if y := s.m.slot('Y'); y.at >= 0 && r.Kind == Relation && !y.mods && y.at >= s.m.hi {
		s.follow(xs, ys, r, y.at, conf, hedge, s.amount(ys))
	}
}

// relativeAfter reports whether a relative pronoun or an apposition
// follows the group at toks[i]: ", which", "which", ", a".
func (s *sentence) relativeAfter(i int) bool {
	k := i + 1
	if s.w(k) == "," {
		k++
	}
	switch s.w(k) {
	case "which", "that":
		return true
	case "a", "an", "the", "one":
		return s.w(i+1) == ","
	}
	return false
}

// sameEntities reports whether xs and ys name the same two entities or
// more.
func sameEntities(xs, ys []*ent) bool {
	ids := func(es []*ent) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.ids...)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	a := ids(xs)
	return len(a) > 1 && slices.Equal(a, ids(ys))
}

// contrastAfter reports whether a word of contrast ("but", "whereas",
// "yet", a semicolon) follows toks[i] up to toks[to]: a negation before it
// belongs to the clause it closes.
func (s *sentence) contrastAfter(i, to int) bool {
	for j := i + 1; j <= to && j < len(s.toks); j++ {
		switch s.w(j) {
		case "but", "whereas", "yet", ";":
			return true
		}
	}
	return false
}

// agentNominalObject returns, for an object at toks[y] followed by a
// noun of activation and "of" ("Wnt5a induction of the BMP promoters"),
// the group after "of", or -1: the object the verb acts on is what that
// agent induces.
func (s *sentence) agentNominalObject(y int) int {
	n := y + 1
	if n+1 >= len(s.toks) || s.toks[n].g != nil || s.w(n+1) != "of" {
		return -1
	}
	noun := false
	for _, f := range s.toks[n].forms {
		if f.form&formNoun != 0 {
			if c := s.rs.classes[f.class]; c.sign > 0 && (c.name == "activate" || c.name == "increase") {
				noun = true
			}
		}
	}
	if !noun {
		return -1
	}
	z := n + 2
	for z < len(s.toks) && s.rs.sets[setDet][s.w(z)] {
		z++
	}
	if z >= len(s.toks) || s.toks[z].g == nil {
		return -1
	}
	return z
}

// phosphoOff reports whether r reads a phosphorylation and y is a
// substrate that phosphorylation switches off (the table's
// phospho-inactivated set: "CDK4 phosphorylates RB1" reads CDK4 inhibits
// RB1).
func (s *sentence) phosphoOff(r *Rule, y *ent) bool {
	return slices.Contains(r.Triggers, "phosphorylate") && s.rs.phosphoInactivated(y)
}

// phosphoInactivated reports whether e is in the table's
// phospho-inactivated set, by symbol or FamPlex name.
func (rs *Rules) phosphoInactivated(e *ent) bool { return rs.inSet(setPhosOff, e) }

// inSet reports whether e, by its symbol or FamPlex name in lower case,
// is in the table's set.
func (rs *Rules) inSet(set string, e *ent) bool {
	name := strings.ToLower(e.node.Symbol)
	if after, ok := strings.CutPrefix(e.node.ID, "FPLX:"); ok {
		name = strings.ToLower(after)
	}
	return name != "" && rs.sets[set][name]
}

// lossAfterSubject returns the index of a participle of loss said of the
// subject at toks[x] by a form of "be" before toks[y] ("X was relieved,
// leading to Y", "X is lost, resulting in Y"), or -1.
func (s *sentence) lossAfterSubject(x, y int) int {
	for j := x + 1; j+1 < y && j+1 < len(s.toks); j++ {
		if s.toks[j].g != nil {
			return -1
		}
		if s.rs.sets[setBe][s.w(j)] && s.rs.sets[setLostAfter][s.w(j+1)] {
			return j + 1
		}
	}
	return -1
}

// lostEnts returns copies of es with a loss of function said at toks[at].
func lostEnts(es []*ent, at int) []*ent {
	out := make([]*ent, 0, len(es))
	for _, e := range es {
		c := *e
		c.pol, c.polBy = -1, []int{at}
		out = append(out, &c)
	}
	return out
}

// phosphoPurposeOff reports whether r reads a phosphorylation whose
// purpose or consequence, said just after toks[at], is to switch its
// substrate off: "GSK3β phosphorylates GLI3 to suppress its activity",
// "... and thereby inactivates them", "..., causing its inhibition".
func (s *sentence) phosphoPurposeOff(r *Rule, at int) bool {
	if !slices.Contains(r.Triggers, "phosphorylate") && !s.phosphoNounIn(s.m.lo, at) {
		return false
	}
	j := at + 1
	if s.w(j) == "," {
		j++
	}
	switch s.w(j) {
	case "to", "thereby":
		j++
	case "and":
		j++
		if s.w(j) == "thereby" || s.w(j) == "thus" {
			j++
		}
	case "causing", "leading", "resulting", "facilitating", "promoting", "triggering", "inducing", "enhancing":
		// "PKCε phosphorylates INSR, causing its inhibition", "...,
		// leading to their degradation", "..., promoting its
		// degradation"
		j++
		if s.w(j) == "to" || s.w(j) == "in" {
			j++
		}
		if s.w(j) != "its" && s.w(j) != "their" {
			return false
		}
		return j+1 < len(s.toks) && slices.ContainsFunc(s.toks[j+1].forms, func(f wordForm) bool {
			return f.form&formNoun != 0 && s.rs.classes[f.class].sign < 0
		})
	default:
		return false
	}
	if j >= len(s.toks) || s.toks[j].g != nil {
		return false
	}
	for _, f := range s.toks[j].forms {
		if f.form&formVerb != 0 && s.rs.classes[f.class].sign < 0 {
			switch s.w(j + 1) {
			case "its", "their", "them", "it": // the substrate, not another object
				return true
			}
		}
	}
	return false
}

// phosphoNounIn reports whether the noun "phosphorylation" is among
// toks[from:to] ("PKA promotes phosphorylation of GLI3").
func (s *sentence) phosphoNounIn(from, to int) bool {
	for i := max(from, 0); i <= to && i < len(s.toks); i++ {
		if w := s.w(i); w == "phosphorylation" || w == "phosphorylations" {
			return true
		}
	}
	return false
}

// innerLoss returns copies of ys without their loss of function, except
// a loss said by words between toks[from] and toks[to], or by a noun of
// a lowering class just after the head toks[to], past its head words
// ("TNF-induced IκBα degradation", "SMAD2-dependent DLX5 mRNA
// down-regulation": the phrase names the loss the modifier causes).
func (s *sentence) innerLoss(ys []*ent, from, to int) []*ent {
	out := make([]*ent, 0, len(ys))
	loss := s.lossNounAfter(to)
	for _, y := range ys {
		inside := y.pol < 0 && len(y.polBy) > 0
		for _, i := range y.polBy {
			inside = inside && (i > from && i < to || i > to && i <= loss)
		}
		if inside {
			out = append(out, y)
			continue
		}
		if loss >= 0 {
			// "the absence of BARX1-induced Wnt blockade": the phrase
			// names the loss, whatever loss is said of the phrase
			c := *y
			c.pol, c.polBy = -1, []int{loss}
			out = append(out, &c)
			continue
		}
		out = append(out, bareEnts([]*ent{y})...)
	}
	return out
}

// lossNounAfter returns the index of a noun of a class that lowers its
// object (degradation, down-regulation, loss) after the head toks[head],
// with only head words ("mRNA", "protein") between them, or -1.
func (s *sentence) lossNounAfter(head int) int {
	heads := s.rs.sets[setHeads]
	for k := head + 1; k < len(s.toks) && k <= head+3; k++ {
		if s.toks[k].g != nil {
			return -1
		}
		for _, f := range s.toks[k].forms {
			if f.form&formNoun != 0 && s.rs.classes[f.class].sign < 0 {
				return k
			}
		}
		if !heads[s.toks[k].w] {
			return -1
		}
	}
	return -1
}

// amount returns the sign of the change in amount that the statement in
// s.m says of its object ys: -1 for "X enhances the degradation of Y",
// +1 for "X stabilizes Y", 0 when it says none.
func (s *sentence) amount(ys []*ent) int {
	sign := 0
	for _, f := range s.toks[s.m.anchor].forms {
		if c := s.rs.classes[f.class]; c.sign != 0 {
			sign = 1 // the relation's sign says which way
		}
	}
	for _, y := range ys {
		if y.pol < 0 && !overlaps(y.polBy, s.m.consumed) {
			return -relSign(s.m.rule.Relation)
		}
	}
	return sign * relSign(s.m.rule.Relation)
}

func relSign(rel graph.Relation) int {
	if rel == graph.Inhibits {
		return -1
	}
	return 1
}

// emitOne reads subject x, relation rel and object y, with the signs of
// the loss-of-function modifiers of x and y that no word of the match
// itself consumed.
func (s *sentence) emitOne(x, y *ent, rel graph.Relation, rule string, conf float64, hedge source.Hedge, consumed []int) {
	if !x.known() || !y.known() || x.promoter || y.promoter && rel == graph.Secretes {
		return
	}
	sign := 1
	lof, ratio := false, false
	for _, e := range [2]*ent{x, y} {
		if e.pol < 0 && !overlaps(e.polBy, consumed) {
			sign = -sign
			lof = lof || !e.target
		}
		if e.ratio {
			sign = -sign
			ratio = true
		}
	}
	if rel == graph.Secretes {
		if sign < 0 || x.target {
			return
		}
	} else if sign < 0 {
		rel = opposite(rel)
	}
	switch {
	case x.target:
		rule += "+target"
		conf *= s.rs.inferred
	case lof:
		rule += "+lof"
		conf *= s.rs.lof
	}
	if ratio {
		rule += "+ratio"
	}
	switch hedge {
	case source.Negated:
		conf *= s.rs.hedges.negated
	case source.Speculative:
		conf *= s.rs.hedges.speculative
	}
	if len(x.ids) > 1 || len(y.ids) > 1 {
		conf *= 0.95
	}
	if x.anaphor || y.anaphor {
		rule += "+anaphor"
		conf *= s.rs.anaphor
	}
	before := x.crossSentence || y.crossSentence // the quote takes the sentence before
	for _, a := range x.ids {
		for _, b := range y.ids {
			if a != b {
				s.out = append(s.out, found{a, b, rel, rule, clamp01(conf), hedge, before})
			}
		}
	}
}

// emitPairs reads every pair of xs and ys.
func (s *sentence) emitPairs(xs, ys []*ent, rel graph.Relation, rule string, conf float64) {
	hedge := s.hedge(s.m.lo, s.m.hi)
	for _, x := range xs {
		for _, y := range ys {
			s.emitOne(x, y, rel, rule, conf, hedge, s.m.consumed)
		}
	}
}

// bareEnts returns copies of es without their loss of function.
func bareEnts(es []*ent) []*ent {
	out := make([]*ent, 0, len(es))
	for _, e := range es {
		if e.target {
			continue
		}
		c := *e
		c.pol, c.polBy = 1, nil
		out = append(out, &c)
	}
	return out
}

func opposite(rel graph.Relation) graph.Relation {
	switch rel {
	case graph.Activates:
		return graph.Inhibits
	case graph.Inhibits:
		return graph.Activates
	}
	return rel
}

func overlaps(a, b []int) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func clamp01(x float64) float64 { return max(0, min(1, x)) }

// respectively reports whether "respectively" follows toks[hi] within
// three tokens.
func (s *sentence) respectively(hi int) bool {
	for k := hi + 1; k < len(s.toks) && k <= hi+3; k++ {
		if s.toks[k].w == "respectively" {
			return true
		}
	}
	return false
}

// hedge looks for negation and speculation from a few words before token
// from to token to.
func (s *sentence) hedge(from, to int) source.Hedge {
	h := &s.rs.hedges
	// "blocked Wnt3a but not Wnt5a induction of the BMP promoters": the
	// "not" denies the blocking, not Wnt5a's induction, which the phrase
	// takes as given
	exclusion := -1
	if from >= 2 && s.w(from-1) == "not" && s.w(from-2) == "but" && s.agentNominalObject(from) >= 0 {
		exclusion = from - 1
	}
	from = max(0, from-h.before)
	to = min(len(s.toks)-1, to)
	out := source.NotHedged
	for i := from; i <= to; i++ {
		w := s.toks[i].w
		if h.negation[w] {
			if w == "no" && s.w(i+1) == "longer" || s.contrastAfter(i, to) || i == exclusion {
				continue // "has no effect on A, but increases B": A's clause
			}
			if w == "not" && (s.w(i+1) == "only" || s.w(i+1) == "just" || s.w(i+1) == "merely") {
				continue // "not only inhibits A but also induces B": both hold
			}
			return source.Negated
		}
		if h.speculation[w] {
			out = source.Speculative
		}
	}
	return out
}

// afterCellSetting returns the index after the cells that are the
// setting of an object ("stimulates migration of ECs through KDR",
// "activates NF-κB in osteoclasts via TRAF6"): "of" or "in", determiners,
// and a group of cells at toks[i:]; else i.
func (s *sentence) afterCellSetting(i int) int {
	if w := s.w(i); w != "of" && w != "in" {
		return i
	}
	j := i + 1
	for j < len(s.toks) && s.toks[j].g == nil && s.rs.sets[setDet][s.toks[j].w] {
		j++
	}
	if j >= len(s.toks) || s.toks[j].g == nil || !slices.ContainsFunc(s.toks[j].g.ents, func(e *ent) bool { return e.cells }) ||
		slices.ContainsFunc(s.toks[j].g.ents, func(e *ent) bool { return !e.cells }) {
		return i
	}
	return j + 1
}

// independentOf reports whether "independent" or "independently" is
// said between toks[from] and toks[to].
func (s *sentence) independentOf(from, to int) bool {
	for i := from; i < to && i < len(s.toks); i++ {
		if w := s.toks[i].w; w == "independent" || w == "independently" {
			return true
		}
	}
	return false
}

// follow continues a statement X → Y with the first route that matches
// after its object (at toks[y]). A route "through Z" reads X → Z and
// Z → Y, with the route's sign (and Z's loss of function) in both; a
// participle route (chain: object) reads Y → Z when the statement changed
// the amount of Y: "X degrades Y, stabilizing Z" reads Y inhibits Z.
// amount says whether it did, with its sign.
func (s *sentence) follow(xs, ys []*ent, main *Rule, y int, conf float64, hedge source.Hedge, amount int) {
	if s.chained > 2 {
		return
	}
	s.chained++
	saved := s.m
	defer func() { s.m = saved; s.chained-- }()
	start := s.afterCellSetting(y + 1)
	for _, r := range s.rs.entries {
		if r.Kind != Route || (r.Chain == chainObject && amount == 0) {
			continue
		}
		s.m = match{consumed: make([]int, 0, 4)}
		s.m.reset(r)
		s.saved = s.saved[:0]
		s.budget = workLimit
		if !s.run(r.elems, start, 1, func(int) bool { return true }) {
			continue
		}
		z := s.m.slot('Z')
		if z.at >= 0 && s.independentOf(start, z.at) {
			continue // "through mechanisms independent of Z": not through Z
		}
		zs := s.ents(z)
		if r.Chain == chainSubject && z.at >= 0 && !z.mods && s.toks[z.at].g.mods != nil {
			// "X induced A and AHR-mediated activation of Z": Z's
			// activation has an agent of its own
			continue
		}
		rc := min(conf, r.Confidence)
		if r.Chain == chainSubject {
			// "X leads to activation of A and repression of B": X and
			// B with the verb's sign times the noun's
			rel := main.Relation
			if r.Relation == graph.Inhibits {
				if rel == graph.Secretes {
					return // "cells secrete A and inhibition of B": no sign to turn
				}
				rel = opposite(rel)
			}
			for _, x := range xs {
				for _, zz := range zs {
					s.emitOne(x, zz, rel, r.ID, rc, hedge, s.m.consumed)
				}
			}
			return
		}
		if r.Chain == chainObject {
			rel := r.Relation
			if amount < 0 {
				rel = opposite(rel)
			}
			changed := make([]*ent, 0, len(ys))
			for _, yy := range ys {
				y0 := *yy // its change is in amount already
				y0.pol, y0.polBy = 1, nil
				for _, zz := range zs {
					s.emitOne(&y0, zz, rel, r.ID, rc, hedge, s.m.consumed)
				}
				if amount < 0 {
					// what follows is the work of Y's loss: "TGF-β
					// suppresses OPG, thereby promoting osteoclastogenesis
					// by activating RANK" reads OPG inhibits RANK
					y0.pol = -1
				}
				changed = append(changed, &y0)
			}
			s.follow(changed, zs, r, z.at, rc, hedge, 0)
			return
		}
		own := s.signalWay(y, z.at)
		for _, zz := range zs {
			s.route(xs, ys, zz, main, r, rc, hedge, own)
		}
		return
	}
}

// signalWay reports whether the way between the object at toks[y] and Z
// at toks[z] opens with a word of the set signal-words ("Y signaling
// through Z"): Z
// may then be upstream of Y ("NF-κB signaling via TLR4") or downstream
// ("IFN-γ signaling through JAK/STAT"), so only X → Z is read.
func (s *sentence) signalWay(y, z int) bool {
	for k := y + 1; k < z && k < len(s.toks); k++ {
		if w := s.toks[k].w; w == "through" || w == "via" {
			return s.rs.sets[setSignal][s.w(k-1)]
		}
	}
	return false
}

// route reads X → Z and Z → Y for the route r after the statement main;
// with xOnly, X → Z alone.
func (s *sentence) route(xs, ys []*ent, z *ent, main, r *Rule, conf float64, hedge source.Hedge, xOnly bool) {
	zsign := 1
	if z.pol < 0 && !overlaps(z.polBy, s.m.consumed) {
		zsign = -1
	}
	route := r.Relation
	// "downregulates survivin through a Smad-dependent mechanism": what
	// the statement depends on is raised, and acts with its sign
	// (a drug that acts in a Z-dependent manner acts on Z with its sign:
	// "curcumin inhibits proliferation in an NF-κB-dependent manner")
	dependent := r.SameSign && s.rs.mergeSuffix[z.suffix] &&
		!slices.ContainsFunc(xs, func(x *ent) bool { return x.chems || x.node.Kind == graph.Chemical || x.node.Kind == graph.Drug })
	if r.SameSign {
		switch {
		case zsign < 0 || main.Relation == graph.Secretes || dependent:
			route = graph.Activates // the sign is Z's own
		default:
			route, zsign = main.Relation, 1
		}
	}
	for _, x := range xs {
		rel := route
		if route == graph.Secretes && !x.cells {
			rel = graph.Activates // "TNF promotes Y through release of IL-6": TNF raises IL-6
		}
		if rel != graph.Secretes || !z.cells && !z.procs {
			s.emitOne(x, z, rel, r.ID, conf, hedge, s.m.consumed)
		}
	}
	if main.Relation == graph.Secretes || xOnly {
		return
	}
	// Z → Y carries the main sign times the route's
	rel := main.Relation
	switch {
	case r.SameSign && zsign > 0 && !dependent:
		rel = graph.Activates
	case route == graph.Inhibits:
		rel = opposite(rel)
	}
	if zsign < 0 {
		rel = opposite(rel)
	}
	zz := *z
	zz.pol, zz.polBy = 1, nil
	for _, y := range ys {
		s.emitOne(&zz, y, rel, r.ID, conf, hedge, s.m.consumed)
	}
}
