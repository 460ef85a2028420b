package resolve

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
)

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
	wRankBehind   = 0.3  // another candidate of the same tier comes from a preferred source
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
	gf, gwhy := s.groupEvidence(c, byOther)
	f *= gf
	why = append(why, gwhy...)
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

// groupEvidence returns the factor by which the groups of a candidate
// named in the text support it: a member of a group named in the text, a
// group with a named member, or a fellow member of a named entity's
// group; byOther gives the text of a mention naming an ID by another
// name, or "".
func (s *Scope) groupEvidence(c *candidate, byOther func(string) string) (float64, []string) {
	a := s.an
	n := c.entry.Node
	f := 1.0
	var why []string
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
