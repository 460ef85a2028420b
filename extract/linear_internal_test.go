package extract

import (
	"strings"
	"testing"

	"github.com/bonemet/bonemet/resolve"
)

// longSentence returns a sentence of about n tokens with no full stop:
// clauses with mentions, verbs, modifiers and coordinations, joined by
// commas and "and".
func longSentence(n int) string {
	clauses := []string{
		"TNF induces IL-6 expression in osteoblasts",
		"RANKL-induced NF-κB activation was attenuated by the JAK inhibitor ruxolitinib",
		"knockdown of TRAF6 reduced the secretion of IL-1β and PTHrP by macrophages",
		"OPG, which blocks RANKL, may inhibit osteoclast formation through NFATc1",
		"A, B and C (see above) act on sclerostin",
	}
	var b strings.Builder
	tokens := 0
	for i := 0; tokens < n; i++ {
		c := clauses[i%len(clauses)]
		if i > 0 {
			b.WriteString(", and ")
			tokens += 2
		}
		b.WriteString(c)
		tokens += len(strings.Fields(c))
	}
	return b.String()
}

// workFor reads one long sentence and returns the elements the engine
// tried and the statements it read.
func workFor(t *testing.T, n int) (work, stmts int) {
	t.Helper()
	r := resolve.Default()
	text := longSentence(n)
	sp := SplitSentences(text)
	if len(sp) != 1 {
		t.Fatalf("the long sentence splits into %d", len(sp))
	}
	out, w := DefaultRules().readSentence(r, text, sp[0], r.Mentions(text))
	return w, len(out)
}

// TestReaderLinearWork checks that the engine's work (counted in elements
// tried, never in wall time) grows linearly with the length of a
// sentence: ten times the tokens take at most fifteen times the work, and
// a 10,000-token sentence is read.
func TestReaderLinearWork(t *testing.T) {
	w1, s1 := workFor(t, 1000)
	w10, s10 := workFor(t, 10000)
	t.Logf("1,000 tokens: %d elements tried, %d statements; 10,000 tokens: %d, %d", w1, s1, w10, s10)
	if w1 == 0 || s1 == 0 {
		t.Fatal("no work on the 1,000-token sentence")
	}
	if w10 > 15*w1 {
		t.Errorf("work grew %.1f times for 10 times the tokens", float64(w10)/float64(w1))
	}
	if s10 > 15*s1 {
		t.Errorf("statements grew %.1f times for 10 times the tokens", float64(s10)/float64(s1))
	}
}
