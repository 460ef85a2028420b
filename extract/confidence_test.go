package extract_test

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// ruleCounts counts, per rule (its base id), the statements read and
// those a gold set holds, over the documents of gold that docs has.
// Negated statements are left out: they claim nothing.
func ruleCounts(gold []goldFile, docs map[string]*source.Document, skip map[string]bool, rd *extract.Reader, counts map[string]*score) {
	r := resolve.Default()
	for _, g := range gold {
		d, ok := docs[g.Document]
		if !ok || skip[g.Document] {
			continue
		}
		want := map[triple]bool{}
		for _, s := range g.Statements {
			if rel, err := graph.ParseRelation(s.Relation); err == nil {
				want[triple{canonicalID(r, s.Subject), rel, canonicalID(r, s.Object)}] = true
			}
		}
		for _, s := range rd.Read(d) {
			if s.Hedge == source.Negated {
				continue
			}
			hit := want[triple{s.Subject, s.Relation, s.Object}]
			for _, key := range ruleKeys(s.Rule) {
				if counts[key] == nil {
					counts[key] = &score{}
				}
				counts[key].pred++
				if hit {
					counts[key].tp++
				}
			}
		}
	}
}

// ruleKeys returns the keys a statement's rule counts under: its base id,
// and "+lof" or "+target" when a loss of function or an inhibitor's
// target made it.
func ruleKeys(rule string) []string {
	base, mark, ok := strings.Cut(rule, "+")
	if ok {
		return []string{base, "+" + mark}
	}
	return []string{base}
}

// devCounts measures every rule on the development data: the tuning half
// of the BEL set and the in-sample gold of the seeds, the pfocr-bone
// captions, the pubmed-bone abstracts and the caption gold's dev halves
// (never its test halves), with every statement kept (MinConfidence -1).
func devCounts(t *testing.T) map[string]*score {
	t.Helper()
	r := resolve.Default()
	rd := &extract.Reader{Resolver: r, MinConfidence: -1}
	counts := map[string]*score{}
	gold := readGold(t)
	seeds := readDocs(t, sharedtest.Testdata("seeds"))
	ruleCounts(gold, seeds, nil, rd, counts)
	if _, err := os.Stat(boneDir); err == nil {
		skip := map[string]bool{}
		for id := range seeds {
			skip[id] = true
		}
		ruleCounts(gold, readDocs(t, boneDir), skip, rd, counts)
	}
	if _, err := os.Stat(sharedtest.Path("corpus/pubmed-bone/texts")); err == nil {
		ruleCounts(readGoldDir(t, sharedtest.Testdata("gold/pubmed-bone")), readDocs(t, sharedtest.Path("corpus/pubmed-bone/texts")), nil, rd, counts)
	}
	if _, err := os.Stat(sharedtest.Path("corpus/pfocr-tables/shiny-titles_pfocr_curated.tsv")); err == nil {
		titles := pfocrCaptions(t)
		for _, batch := range captionGolds[:calibratedCaptionBatches] {
			captions := titles
			if batch.table != "" {
				captions = topicCaptions(t, batch.table)
			}
			halves := captionHalves(t, batch.dir)
			docs, skip := map[string]*source.Document{}, map[string]bool{}
			for fig, half := range halves {
				docs[fig] = &source.Document{ID: fig, Sections: []source.Section{{Name: "caption", Text: captions[fig]}}}
				skip[fig] = half != "dev" // the test half is never tuned on
			}
			ruleCounts(readGoldDir(t, sharedtest.Testdata(batch.dir)), docs, skip, rd, counts)
		}
	}
	if _, err := os.Stat(sharedtest.Path(belDev)); err == nil {
		b := scoreBEL(readBEL(t), rd, r, tuneHalf)
		for id, s := range b.rule {
			if counts[id] == nil {
				counts[id] = &score{}
			}
			counts[id].pred += s.pred
			counts[id].tp += s.tp
		}
	}
	return counts
}

// calibratedCaptionBatches is how many batches of the caption gold (their
// dev halves) the confidences were measured on.
const calibratedCaptionBatches = 3

// priorWeight is how many statements a rule's prior counts for.
const priorWeight = 4

// shrunk is the measured precision shrunk toward the rule's prior, that
// the table's confidences are set to: (right + 4 prior) / (found + 4).
func shrunk(s *score, prior float64) float64 {
	return (float64(s.tp) + priorWeight*prior) / float64(s.pred+priorWeight)
}

// confidenceSlack is how far a rule's confidence may stray from its
// measured precision.
const confidenceSlack = 0.1

// TestRuleConfidence checks that every rule's confidence is its precision
// measured on the development data, for the rules that read enough there
// to measure. Run with BONEMET_CALIBRATE=1 to print the table's new
// confidences.
func TestRuleConfidence(t *testing.T) {
	sharedtest.Require(t, belDev)
	counts := devCounts(t)
	rules := extract.DefaultRules().Entries()
	ids := make([]string, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	calibrate := os.Getenv("BONEMET_CALIBRATE") != ""
	for _, id := range ids {
		s := counts[id]
		if strings.HasPrefix(id, "+") {
			t.Logf("%-34s found %3d right %3d precision %.2f", "statements read "+id, s.pred, s.tp, s.precision())
			continue
		}
		i := slices.IndexFunc(rules, func(r extract.Rule) bool { return r.ID == id })
		if i < 0 {
			t.Errorf("statements of rule %s, which the table lacks", id)
			continue
		}
		if rules[i].Prior == 0 && rules[i].Kind != extract.Modifier {
			t.Errorf("rule %s has no prior", id)
		}
		conf, m := rules[i].Confidence, shrunk(s, rules[i].Prior)
		t.Logf("%-34s found %3d right %3d measured %.2f confidence %.2f", id, s.pred, s.tp, m, conf)
		if calibrate {
			fmt.Printf("CALIBRATE %s %.2f %d %d\n", id, m, s.tp, s.pred)
		}
		if math.Abs(conf-m) > confidenceSlack {
			t.Errorf("rule %s: confidence %.2f, measured %.2f (%d of %d right)", id, conf, m, s.tp, s.pred)
		}
	}
}
