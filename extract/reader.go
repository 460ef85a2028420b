package extract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// DefaultMinConfidence is the confidence below which a [Reader] drops a
// statement when its MinConfidence is zero. Negated statements fall below
// it; speculative ones stay.
const DefaultMinConfidence = 0.3

// Reader extracts signed statements from the titles, captions and
// abstracts of documents. It splits each section into sentences, finds
// the mentions with its resolver, and applies a rule table ([Rules]): the
// modifiers first (loss of function, inhibitors as actors), then the
// relation rules anchored on their trigger words, then the routes that
// continue a statement ("through Z"). The zero value reads with
// [resolve.Default] and [DefaultRules] and drops statements below
// [DefaultMinConfidence]. A Reader is safe for concurrent use.
type Reader struct {
	// Resolver finds and resolves the mentions; nil means
	// [resolve.Default].
	Resolver *resolve.Resolver
	// Rules is the rule table; nil means [DefaultRules].
	Rules *Rules
	// MinConfidence drops statements with a lower confidence; 0 means
	// [DefaultMinConfidence], a negative value keeps every statement,
	// negated ones included.
	MinConfidence float64
}

// Read returns the statements the reader finds in the sections of doc, at
// most one per section, sentence, subject, relation and object (the most
// confident). Each has Method [graph.Extracted], the document ID and
// section name, Subject and Object set to entity ids (CURIEs) the
// resolver knows, Quote set to the sentence (Section.Text[Start:End]; the
// sentence before too when an end was read through an anaphor such as
// "it" or "these kinases"), Rule to the id of the table entry that read
// it (with "+lof" when a loss of function inverted its sign, "+target"
// when it was read through the target of an inhibitor, "+anaphor" when an
// end is an anaphor's antecedent, "+phospho-off" when a phosphorylation
// switches its substrate off, "+ratio" when an end is the second term of
// a ratio ("OPG" of "the RANKL/OPG ratio", read with the opposite sign),
// "+contradicted" when a more confident
// reading of its sentence says the opposite), a Confidence in 0..1, and Hedge
// [source.Negated], [source.Speculative] or none. A name a section
// leaves ambiguous is resolved in the context of the whole document
// ([resolve.Resolver.InContextOf]); it stays unread when that does not
// decide it either. Statements are sorted by
// section (in document order), Start, Rule, Subject, Relation and Object.
// Time is linear in the length of the text.
func (rd *Reader) Read(doc *source.Document) []source.Statement {
	if doc == nil {
		return nil
	}
	r, rs := rd.Resolver, rd.Rules
	if r == nil {
		r = resolve.Default()
	}
	if rs == nil {
		rs = DefaultRules()
	}
	minConf := rd.MinConfidence
	if minConf == 0 {
		minConf = DefaultMinConfidence
	}
	var all []keyed
	found := make([][]resolve.Mention, len(doc.Sections))
	for si, sec := range doc.Sections {
		found[si] = r.Mentions(sec.Text)
	}
	listedMembers(doc, found)
	var scope *resolve.Scope // the whole document, for names a section leaves ambiguous
	for si, sec := range doc.Sections {
		if sec.Text == "" {
			continue
		}
		ms := cellLinesOfText(sec.Text, slices.Clone(found[si]))
		for i := range ms {
			if ms[i].Result.Status != resolve.Ambiguous {
				continue
			}
			if scope == nil {
				text, dms := documentMentions(doc, found)
				scope = r.InContextOf(resolve.Context{Text: text}, dms)
			}
			// "pS2" ambiguous alone, and the document says which
			if cr := scope.Resolve(ms[i].Text); cr.Status == resolve.Resolved {
				ms[i].Result = cr.Result
			}
		}
		k := 0
		var prev []resolve.Mention
		prevStart, skipped := 0, 0
		for _, sp := range SplitSentences(sec.Text) {
			for k < len(ms) && ms[k].Start < sp.Start {
				k++
			}
			j := k
			for j < len(ms) && ms[j].End <= sp.End {
				j++
			}
			here := ms[k:j]
			if an := anaphors(sec.Text, sp, prevStart, prev, here); len(an) > 0 {
				here = slices.SortedFunc(slices.Values(append(slices.Clip(here), an...)), func(a, b resolve.Mention) int {
					return cmp.Compare(a.Start, b.Start)
				})
			}
			if !slices.ContainsFunc(here, resolve.Mention.Resolved) {
				// a sentence that names nothing known ("The reactions
				// were analysed by SDS-PAGE.") keeps the sentence before
				// as the antecedents' place, once
				if skipped++; skipped > 1 {
					prev = nil
				}
				if len(here) == 0 {
					continue
				}
			} else {
				skipped = 0
			}
			fs, _ := rs.readSentence(r, sec.Text, sp, here)
			contradictions(fs)
			for _, f := range fs {
				if minConf > 0 && f.conf < minConf {
					continue
				}
				start := sp.Start
				if f.anaphor {
					start = prevStart // the quote names what the anaphor stands for
				}
				all = append(all, keyed{si, source.Statement{
					Doc: doc.ID, Section: sec.Name, Subject: f.subj, Object: f.obj, Relation: f.rel,
					Quote: sec.Text[start:sp.End], Start: start, End: sp.End,
					Method: graph.Extracted, Rule: f.rule, Confidence: f.conf, Hedge: f.hedge, Pos: sec.Pos,
				}})
			}
			if skipped == 0 {
				prev, prevStart = here, sp.Start
			}
		}
	}
	return dedupe(all)
}

// contradictedFactor is what a reading's confidence is multiplied by
// when its sentence also reads the same pair with the opposite sign, more
// confidently by at least contradictedMargin.
const (
	contradictedFactor = 0.5
	contradictedMargin = 0.1
)

// contradictions lowers the readings of a sentence that a more confident
// reading of the same pair contradicts ("GSK3B phosphorylates β-catenin
// and inactivates it": the phosphorylation's default activation gives way
// to the inactivation), marking them "+contradicted". Readings of equal
// standing both stay.
func contradictions(fs []found) {
	type pair struct {
		subj, obj string
		rel       graph.Relation
	}
	best := make(map[pair]float64, len(fs))
	for _, f := range fs {
		if k := (pair{f.subj, f.obj, f.rel}); f.conf > best[k] {
			best[k] = f.conf
		}
	}
	for i := range fs {
		a := &fs[i]
		if a.rel != graph.Activates && a.rel != graph.Inhibits {
			continue
		}
		if b, ok := best[pair{a.subj, a.obj, opposite(a.rel)}]; ok && b >= a.conf+contradictedMargin {
			a.conf *= contradictedFactor
			a.rule += "+contradicted"
		}
	}
}

type keyed struct {
	sec int
	st  source.Statement
}

// dedupe keeps the most confident statement per section, sentence and
// triple, and sorts.
func dedupe(all []keyed) []source.Statement {
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

// documentMentions joins the texts of doc's sections, the context in
// which a name one section leaves ambiguous is resolved, and the
// sections' mentions (found, by section) at their places in it.
func documentMentions(doc *source.Document, found [][]resolve.Mention) (string, []resolve.Mention) {
	if len(doc.Sections) == 1 {
		return doc.Sections[0].Text, found[0]
	}
	var b strings.Builder
	var ms []resolve.Mention
	for si, sec := range doc.Sections {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		off := b.Len()
		b.WriteString(sec.Text)
		for _, m := range found[si] {
			m.Start += off
			m.End += off
			ms = append(ms, m)
		}
	}
	return b.String(), ms
}

// listedMembers reads a group the document defines by its members, in
// brackets opened by "i.e." or "namely" ("miR-200s (i.e. miR-200b,
// miR-200a, miR-429)"), as those members wherever the document names
// the group: the statements are the members'. A bracket without them
// may name a subset ("inhibitory SMADs (SMAD6 and SMAD7)") or examples,
// and defines nothing. found holds each section's mentions and is
// changed in place.
func listedMembers(doc *source.Document, found [][]resolve.Mention) {
	groups := map[string]graph.Node{}
	for _, ms := range found {
		for _, m := range ms {
			if g, ok := m.Result.Node(); ok && g.Kind == graph.Group && len(g.Members) > 0 {
				groups[g.ID] = g
			}
		}
	}
	if len(groups) == 0 {
		return
	}
	listed := map[string][]graph.Node{}
	for si, ms := range found {
		text := doc.Sections[si].Text
		closing := -1 // the next ")" at or after i: each byte is scanned once
		for i := 0; i < len(text); i++ {
			if text[i] != '(' {
				continue
			}
			if closing < i {
				c := strings.IndexByte(text[i:], ')')
				if c < 0 {
					break
				}
				closing = i + c
			}
			end := closing - i
			inner := strings.TrimSpace(text[i+1 : i+end])
			if !strings.HasPrefix(inner, "i.e") && !strings.HasPrefix(inner, "namely") {
				continue
			}
			var members []graph.Node
			first, _ := slices.BinarySearchFunc(ms, i+1, func(m resolve.Mention, at int) int { return cmp.Compare(m.Start, at) })
			for _, m := range ms[first:] {
				if m.Start > i+end {
					break
				}
				if m.End <= i+end {
					c, ok := m.Result.Node()
					if !ok {
						members = nil
						break
					}
					members = append(members, c)
				}
			}
			if len(members) < 2 {
				continue
			}
			for id, g := range groups {
				if listed[id] != nil {
					continue
				}
				if !slices.ContainsFunc(members, func(c graph.Node) bool { return !slices.Contains(g.Members, c.ID) }) {
					listed[id] = members
				}
			}
		}
	}
	if len(listed) == 0 {
		return
	}
	for _, ms := range found {
		for i, m := range ms {
			if g, ok := m.Result.Node(); ok && listed[g.ID] != nil {
				ms[i].Result = resolve.Result{Query: m.Result.Query, Status: resolve.Resolved, List: true,
					Candidates: listed[g.ID], Tier: m.Result.Tier,
					Reason: "the members of " + g.Symbol + " the text lists"}
			}
		}
	}
}
