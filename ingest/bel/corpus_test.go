package bel_test

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest/bel"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/source"
)

// The development corpus (shared/corpus/bel, see its SOURCES.md) is under
// a non-commercial licence: these tests count, and never print or keep
// its text. Failures report counts and positions only.
const devCorpus = "corpus/bel/small_corpus_dev.bel"

// What the development corpus gives. 524 SET Evidence values; three of
// them repeat an earlier text of the same citation, so 521 sections.
// Statements: 1296 read (one per statement line), 859 causal, 437 skipped.
var (
	devCitations  = 38
	devEvidence   = 524
	devSections   = 521
	devStatements = 1296
	devByRule     = map[string]int{"bel:increases": 511, "bel:directlyIncreases": 152, "bel:decreases": 140, "bel:directlyDecreases": 56}
	devBySkip     = map[bel.SkipKind]int{
		bel.NestedStatement: 150, bel.NotCausal: 112, bel.AnonymousComplex: 79, bel.TermOnly: 73,
		bel.Composite: 21, bel.Reaction: 2,
	}
)

func TestReadDevCorpus(t *testing.T) {
	path := sharedtest.Require(t, devCorpus)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := bel.Read(bytes.NewReader(data), "small_corpus_dev.bel", source.Limits{})
	if err != nil {
		// Positions only: the messages quote the corpus.
		var at []string
		for _, e := range errs(err) {
			var pe *source.ParseError
			if errors.As(e, &pe) {
				at = append(at, pe.Pos().String())
			}
		}
		t.Errorf("%d errors, at %s", len(errs(err)), strings.Join(at, ", "))
	}
	// Independent counts from the bytes: citations and evidence values
	// are SET lines, statements the lines outside quoted values that
	// start with a function.
	count := func(re string) int { return len(regexp.MustCompile(re).FindAllIndex(data, -1)) }
	if n := count(`(?m)^SET Citation\b`); n != devCitations || len(s.Documents) != n {
		t.Errorf("%d documents for %d citations, want %d", len(s.Documents), n, devCitations)
	}
	if n := count(`(?m)^SET Evidence\b`); n != devEvidence || s.Evidence != n {
		t.Errorf("%d evidence values read of %d, want %d", s.Evidence, n, devEvidence)
	}
	if n := statementLines(data); n != devStatements || s.Read != n {
		t.Errorf("%d statements read of %d statement lines, want %d", s.Read, n, devStatements)
	}
	sections := 0
	for _, d := range s.Documents {
		sections += len(d.Sections)
		if !strings.HasPrefix(d.ID, "PMID:") || d.PMID == "" || d.Title == "" || len(d.Authors) == 0 {
			t.Errorf("document at %d: incomplete citation", len(d.Sections))
		}
	}
	if sections != devSections {
		t.Errorf("%d evidence sections, want %d", sections, devSections)
	}
	if !s.Balanced() || len(s.Statements)+len(s.NotCausal) != s.Read {
		t.Errorf("not balanced: %d read, %d statements, %d skipped", s.Read, len(s.Statements), len(s.NotCausal))
	}
	byRule := map[string]int{}
	for _, st := range s.Statements {
		byRule[st.Rule]++
	}
	if !maps.Equal(byRule, devByRule) {
		t.Errorf("statements by relation %v, want %v", byRule, devByRule)
	}
	bySkip := map[bel.SkipKind]int{}
	for _, k := range s.NotCausal {
		bySkip[k.Kind]++
	}
	if !maps.Equal(bySkip, devBySkip) {
		t.Errorf("skips by kind %v, want %v", bySkip, devBySkip)
	}
	checkDevStatements(t, s)
	t.Log(s.Summary()) // counts and relation names only
}

// checkDevStatements checks every statement against its document without
// printing any text.
func checkDevStatements(t *testing.T, s *bel.Script) {
	t.Helper()
	docs := map[string]*source.Document{}
	for _, d := range s.Documents {
		docs[d.ID] = d
	}
	bad := 0
	for _, st := range s.Statements {
		d := docs[st.Doc]
		if d == nil {
			bad++
			continue
		}
		sec, ok := d.Section(st.Section)
		if !ok || sec.Text != st.Quote || st.Quote == "" || st.End != len(st.Quote) || st.Method != graph.Imported ||
			st.Confidence != 1 || st.Subject == "" || st.Object == "" || len(st.Note) > 600 ||
			!slices.Contains([]graph.Relation{graph.Activates, graph.Inhibits}, st.Relation) {
			bad++
		}
		// Mouse and rat genes are read as human symbols, and say so.
		if strings.Contains(st.Note, "mouse gene") || strings.Contains(st.Note, "rat gene") {
			continue
		}
		if strings.Contains(st.Note, "(MGI:") || strings.Contains(st.Note, "(RGD:") {
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d statements are malformed", bad, len(s.Statements))
	}
}

var startsTerm = regexp.MustCompile(`^[a-zA-Z]+\(`)

// statementLines counts the lines that start with a function outside a
// quoted value (a SET Evidence spans lines), following the quotes as a
// reader of BEL would.
func statementLines(data []byte) int {
	n, quoted := 0, false
	for _, line := range bytes.Split(data, []byte("\n")) {
		if !quoted && startsTerm.Match(line) {
			n++
		}
		for i := 0; i < len(line); i++ {
			switch {
			case line[i] == '\\' && quoted:
				i++
			case line[i] == '"':
				quoted = !quoted
			case line[i] == '#' && !quoted:
				i = len(line)
			}
		}
	}
	return n
}
