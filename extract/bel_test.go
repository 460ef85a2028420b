package extract_test

import (
	"cmp"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest/bel"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// The BEL development set (the Selventa small corpus, citations 20 to 57,
// in shared/corpus/bel; non-commercial, never copied into the
// repository) is split by citation: the PMIDs sorted as numbers, the
// first, third, fifth, ... in the tuning half and the others in the test
// half. Rules were tuned on the tuning half only; nobody looked at what
// the reader misses or adds on the test half. These tests print counts
// and scores only, never text of the corpus.
const belDev = "corpus/bel/small_corpus_dev.bel"

// belHalf says which half of the split a citation belongs to.
type belHalf int

const (
	tuneHalf belHalf = iota
	testHalf
)

func (h belHalf) String() string { return [...]string{"tune", "test"}[h] }

// belSplit returns the half of each document (by its PMID).
func belSplit(docs []*source.Document) map[string]belHalf {
	type cit struct {
		id   string
		pmid int
	}
	var cs []cit
	for _, d := range docs {
		n, err := strconv.Atoi(strings.TrimPrefix(d.ID, "PMID:"))
		if err != nil {
			n = 1 << 40 // not a PubMed citation: last, in id order
		}
		cs = append(cs, cit{d.ID, n})
	}
	slices.SortFunc(cs, func(a, b cit) int { return cmp.Or(cmp.Compare(a.pmid, b.pmid), strings.Compare(a.id, b.id)) })
	out := make(map[string]belHalf, len(cs))
	for i, c := range cs {
		out[c.id] = belHalf(i % 2)
	}
	return out
}

// belScore holds the counts of one measurement.
type belScore struct {
	rel  map[graph.Relation]*score // per relation, molecular ends only
	all  map[graph.Relation]*score // per relation, every grounded end
	rule map[string]*score         // per rule (the base id): pred and tp over every grounded end
	// relaxed counts molecular activates and inhibits together, a family
	// matching any of its members ("VEGF" read as VEGFA, curated as the
	// VEGF family): tp counts gold statements matched, ptp predictions
	relaxed score
	ptp     int
	// sections and gold statements read, and the BEL statements whose
	// ends the resolver did not ground
	sections, stmts, ungrounded int
	misses, extras              []string // for the tuning half only
}

func f1(s *score) float64 {
	p, r := s.precision(), s.recall()
	if s.tp == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// molecular reports whether a node is a gene, family, complex, chemical
// or drug: not a cell, nor a process.
func molecular(n graph.Node) bool {
	return n.Kind == graph.Gene || n.Kind == graph.Group || n.Kind == graph.Chemical || n.Kind == graph.Drug
}

// readBEL reads the development set, skipping when it is absent.
func readBEL(t testing.TB) *bel.Script {
	t.Helper()
	p := sharedtest.Require(t, belDev)
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc, err := bel.Read(f, p, source.Limits{})
	if sc == nil || len(sc.Documents) == 0 {
		t.Fatalf("reading %s: %v", belDev, err)
	}
	if err != nil {
		t.Logf("%s: read with problems (%d documents kept)", belDev, len(sc.Documents))
	}
	return sc
}

// scoreBEL runs rd on every evidence section of the half h as a text of
// its own and compares (subject, relation, object) sets per section with
// the BEL statements whose ends r grounds.
func scoreBEL(sc *bel.Script, rd *extract.Reader, r *resolve.Resolver, h belHalf) belScore {
	split := belSplit(sc.Documents)
	out := belScore{rel: map[graph.Relation]*score{}, all: map[graph.Relation]*score{}, rule: map[string]*score{}}
	for _, rel := range []graph.Relation{graph.Activates, graph.Inhibits} {
		out.rel[rel], out.all[rel] = &score{}, &score{}
	}
	type key struct{ doc, sec string }
	gold := map[key]map[triple]bool{}
	nodes := map[string]graph.Node{}
	for _, st := range sc.Statements {
		if split[st.Doc] != h {
			continue
		}
		sn, ok1 := r.Resolve(st.Subject).Node()
		on, ok2 := r.Resolve(st.Object).Node()
		if !ok1 || !ok2 {
			out.ungrounded++
			continue
		}
		if sn.ID == on.ID {
			continue
		}
		k := key{st.Doc, st.Section}
		if gold[k] == nil {
			gold[k] = map[triple]bool{}
		}
		gold[k][triple{sn.ID, st.Relation, on.ID}] = true
		nodes[sn.ID], nodes[on.ID] = sn, on
	}
	for _, d := range sc.Documents {
		if split[d.ID] != h {
			continue
		}
		for _, sec := range d.Sections {
			out.sections++
			one := &source.Document{ID: d.ID, Sections: []source.Section{sec}}
			want := gold[key{d.ID, sec.Name}]
			out.stmts += len(want)
			got := map[triple]string{}
			for _, s := range rd.Read(one) {
				if s.Hedge != source.Negated {
					got[triple{s.Subject, s.Relation, s.Object}] = s.Rule
				}
			}
			out.count(want, got, nodes, r, fmt.Sprintf("%s/%s", d.ID, sec.Name))
			out.countRelaxed(want, got, nodes, r)
		}
	}
	return out
}

// count adds one section's comparison to the score.
func (b *belScore) count(want map[triple]bool, got map[triple]string, nodes map[string]graph.Node, r *resolve.Resolver, where string) {
	node := func(id string) graph.Node {
		if n, ok := nodes[id]; ok {
			return n
		}
		n, _ := r.Resolve(id).Node()
		return n
	}
	for tr := range want {
		if b.all[tr.rel] == nil {
			continue
		}
		mol := molecular(node(tr.subj)) && molecular(node(tr.obj))
		_, hit := got[tr]
		for _, s := range []*score{b.all[tr.rel], b.rel[tr.rel]} {
			if s == b.rel[tr.rel] && !mol {
				continue
			}
			s.gold++
			if hit {
				s.tp++
			}
		}
		if !hit {
			b.misses = append(b.misses, fmt.Sprintf("%s: %s %v %s", where, tr.subj, tr.rel, tr.obj))
		}
	}
	for tr, rule := range got {
		if b.all[tr.rel] == nil {
			continue
		}
		for _, key := range ruleKeys(rule) {
			if b.rule[key] == nil {
				b.rule[key] = &score{}
			}
			b.rule[key].pred++
			if want[tr] {
				b.rule[key].tp++
			}
		}
		b.all[tr.rel].pred++
		if molecular(node(tr.subj)) && molecular(node(tr.obj)) {
			b.rel[tr.rel].pred++
		}
		if !want[tr] {
			b.extras = append(b.extras, fmt.Sprintf("%s: %s %v %s [%s]", where, tr.subj, tr.rel, tr.obj, rule))
		}
	}
}

// countRelaxed adds one section to the relaxed score: an end matches
// the same entity, a family it belongs to or a member of it.
func (b *belScore) countRelaxed(want map[triple]bool, got map[triple]string, nodes map[string]graph.Node, r *resolve.Resolver) {
	node := func(id string) graph.Node {
		if n, ok := nodes[id]; ok {
			return n
		}
		n, _ := r.Resolve(id).Node()
		return n
	}
	same := func(a, b string) bool {
		if a == b {
			return true
		}
		for _, m := range r.Members(a) {
			if m.ID == b {
				return true
			}
		}
		for _, m := range r.Members(b) {
			if m.ID == a {
				return true
			}
		}
		return false
	}
	mol := func(tr triple) bool {
		return (tr.rel == graph.Activates || tr.rel == graph.Inhibits) && molecular(node(tr.subj)) && molecular(node(tr.obj))
	}
	match := func(a, b triple) bool { return a.rel == b.rel && same(a.subj, b.subj) && same(a.obj, b.obj) }
	for g := range want {
		if !mol(g) {
			continue
		}
		b.relaxed.gold++
		for p := range got {
			if match(p, g) {
				b.relaxed.tp++
				break
			}
		}
	}
	for p := range got {
		if !mol(p) {
			continue
		}
		b.relaxed.pred++
		for g := range want {
			if match(p, g) {
				b.ptp++
				break
			}
		}
	}
}

// relaxedF1 is the family-relaxed precision, recall and F1 of molecular
// activates and inhibits.
func (b belScore) relaxedF1() (p, r, f float64) {
	if b.relaxed.pred > 0 {
		p = float64(b.ptp) / float64(b.relaxed.pred)
	}
	r = b.relaxed.recall()
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// molecularF1 is the F1 of activates and inhibits together, molecular
// ends only.
func (b belScore) molecularF1() (p, r, f float64) {
	var s score
	for _, x := range b.rel {
		s.tp, s.pred, s.gold = s.tp+x.tp, s.pred+x.pred, s.gold+x.gold
	}
	return s.precision(), s.recall(), f1(&s)
}

func (b belScore) log(t *testing.T, h belHalf) {
	t.Helper()
	t.Logf("BEL %s half: %d evidence sections, %d grounded statements (%d with an end not grounded, left out)", h, b.sections, b.stmts, b.ungrounded)
	t.Logf("%-22s %5s %5s %5s %6s %6s %6s", "", "gold", "found", "right", "P", "R", "F1")
	for _, rel := range []graph.Relation{graph.Activates, graph.Inhibits} {
		for _, x := range []struct {
			name string
			s    *score
		}{{"molecular " + rel.String(), b.rel[rel]}, {"all " + rel.String(), b.all[rel]}} {
			t.Logf("%-22s %5d %5d %5d %6.2f %6.2f %6.2f", x.name, x.s.gold, x.s.pred, x.s.tp, x.s.precision(), x.s.recall(), f1(x.s))
		}
	}
	p, r, f := b.molecularF1()
	t.Logf("%-22s %5s %5s %5s %6.2f %6.2f %6.2f", "molecular act+inh", "", "", "", p, r, f)
	p, r, f = b.relaxedF1()
	t.Logf("%-22s %5s %5s %5s %6.2f %6.2f %6.2f", "  family-relaxed", "", "", "", p, r, f)
}

// logRules logs what each rule read and how much of it is right (every
// grounded end, both relations): counts only, never text.
func (b belScore) logRules(t *testing.T) {
	t.Helper()
	ids := make([]string, 0, len(b.rule))
	for id := range b.rule {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		s := b.rule[id]
		t.Logf("rule %-32s found %3d right %3d precision %.2f", id, s.pred, s.tp, s.precision())
	}
}

// Floors on the BEL halves (molecular activates and inhibits, exact ids),
// set a little below what the reader reaches with the resolver of the
// time (2026-12-07: tune F1 0.18, test F1 0.20; after the resolver stopped
// reading English words, citation numbers, figures and residues as names:
// tune F1 0.19, test F1 0.19; after phosphorylated forms, elliptic
// coordinations, "X, but not Y," asides and "the Y promoter" as an object:
// tune F1 0.22, test F1 0.21; after anaphors, enzyme-inhibitor roles,
// elliptic processes, losses inside modified phrases, agents of cell
// exposures and longer object phrases: tune F1 0.24, test F1 0.20 (P 0.34
// R 0.15), the tuning half's gain not carried over; after members listed
// by number ("Smads 1, 5, and 8"), bracketed examples after a class and
// "targets" as a verb: tune F1 0.24, test F1 0.198 (P 0.33 R 0.14), one
// statement fewer read right, found when this floor failed; at 7f6b839,
// after a few more rules from the curated figures: test P 0.32 R 0.14 F1
// 0.197; at cc04a60, after experimental phrasings, nominal forms with the
// agent first, second nominal objects, object pronouns and descriptions,
// phosphorylations that switch their substrate off: tune F1 0.25 (P 0.28
// R 0.22), test P 0.32 R 0.14 F1 0.197, unchanged; at fd438d0, after
// the round on pubmed-bone's misses: tune F1 0.25, test F1 0.197, the
// same 32 of 99 right; at 6b8e9a2: tune F1 0.27, test F1 0.228 (P 0.35
// R 0.17); at 654bb09, after a round of the tuning half's misses
// ("both kinases", class nouns, descriptions after names of two senses,
// lists before "by", Greek members): tune F1 0.32 (P 0.33 R 0.31), test
// F1 0.227 (P 0.35 R 0.17), the tuning half's gain again not carried
// over; at 24813d6, after a round on the OmniPath measure's texts: tune F1
// 0.32, test F1 0.226 (P 0.34 R 0.17); at 3f61c10, after ambiguous
// symbols settled by the text's genes, the MeSH classes and a round of
// spot checks on the OmniPath measure's texts: tune F1 0.33 (P 0.34
// R 0.32), test F1 0.225 (P 0.34 R 0.17); at 692146b, after a round of
// sentences of the OmniPath measure's texts read wrongly or not at all
// (relative clauses about a partner, "not only", asides, "Y activation
// via X", promoter possessives, families and ions the resolver lacked,
// long forms spelled with κ): tune F1 0.33 (P 0.34 R 0.33), test F1 0.242
// (P 0.35 R 0.19), family-relaxed 0.28; at 11b173d, after another such
// round (subjects across asides and "one of", plurals of capitals,
// residue codes, cell lines named elsewhere in the text, COX-1, MTX,
// MHC class II): tune F1 0.33 (P 0.34 R 0.33), test F1 0.237 (P 0.34
// R 0.18), family-relaxed 0.27, a little lower, not looked at; the same
// at db69166; at 7d9dae4, after a third round (names a section leaves
// ambiguous resolved by the document, groups a text defines by their
// members, routes through what a statement depends on, appositions after
// lists, second messengers named): tune F1 0.34 (P 0.34 R 0.33), test F1
// 0.234 (P 0.33 R 0.18), family-relaxed 0.27, not looked at; the same
// at f839b76 and bb5cbb9). belTargetF1
// is the bar the project aims at (the best BioCreative BEL systems reached F
// 0.31-0.36 on relationships); it is not met yet, and the tests say by
// how much.
const (
	belTestF1Floor = 0.19
	belTuneF1Floor = 0.24
	belTargetF1    = 0.35
)

// TestBELTestHalf scores the reader on the test half of the BEL
// development set: citations never tuned on.
func TestBELTestHalf(t *testing.T) {
	sc := readBEL(t)
	r := resolve.Default()
	b := scoreBEL(sc, &extract.Reader{Resolver: r}, r, testHalf)
	b.log(t, testHalf)
	b.logRules(t)
	if b.sections < 100 {
		t.Fatalf("only %d evidence sections in the test half", b.sections)
	}
	_, _, f := b.molecularF1()
	if f < belTestF1Floor {
		t.Errorf("test half: molecular activates/inhibits F1 %.3f < %.2f", f, belTestF1Floor)
	}
	if f < belTargetF1 {
		t.Logf("test half: F1 %.3f is %.3f short of the target %.2f", f, belTargetF1-f, belTargetF1)
	}
}

// TestBELTuneHalf scores the reader on the tuning half, with the
// precision of every rule there.
func TestBELTuneHalf(t *testing.T) {
	sc := readBEL(t)
	r := resolve.Default()
	b := scoreBEL(sc, &extract.Reader{Resolver: r}, r, tuneHalf)
	b.log(t, tuneHalf)
	b.logRules(t)
	if _, _, f := b.molecularF1(); f < belTuneF1Floor {
		t.Errorf("tune half: molecular activates/inhibits F1 %.3f < %.2f", f, belTuneF1Floor)
	}
}

// TestBELSplit checks that the split is by citation and balanced.
func TestBELSplit(t *testing.T) {
	sc := readBEL(t)
	split := belSplit(sc.Documents)
	n := [2]int{}
	for _, h := range split {
		n[h]++
	}
	if d := n[0] - n[1]; d < 0 || d > 1 {
		t.Errorf("split %d/%d citations", n[0], n[1])
	}
	t.Logf("split: %d citations to tune on, %d to test", n[0], n[1])
}
