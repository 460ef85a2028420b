package extract_test

import (
	"os"
	"testing"

	"github.com/bonemet/bonemet/internal/sharedtest"
)

// TestHeldOutCaptions scores the reader on the PFOCR records kept apart to
// measure it: never curated, never read while the rules were written. Their
// gold is annotated blind (without the reader's output) and kept outside
// the repository with the records' names, as the records themselves are;
// BONEMET_HELDOUT names its folder (one YAML file per record, the shape of
// testdata/gold/pubmed-bone with a section per statement). The figures are
// out-of-sample only on a gold's first run; the package's report lists them.
func TestHeldOutCaptions(t *testing.T) {
	dir := os.Getenv("BONEMET_HELDOUT")
	if dir == "" {
		t.Skip("set BONEMET_HELDOUT to the folder of the blind gold of the kept-apart PFOCR records")
	}
	gold := readGoldDir(t, dir)
	docs := readDocs(t, sharedtest.Require(t, "corpus/pfocr"))
	for _, g := range gold {
		if _, ok := docs[g.Document]; !ok {
			t.Errorf("gold document %s is not among the PFOCR records", g.Document)
		}
	}
	// the scores only: what the reader misses there stays unread, so
	// that the records keep measuring a reader nobody tuned to them
	scoresOnly = true
	defer func() { scoresOnly = false }()
	evaluateAll(t, "kept-apart PFOCR records (every gold statement)", gold, docs, nil, true)
	evaluateAll(t, "kept-apart PFOCR records (gold whose ends the resolver knows)", gold, docs, nil, false)
}
