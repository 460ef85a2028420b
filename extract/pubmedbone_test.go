package extract_test

import (
	"testing"

	"github.com/bonemet/bonemet/internal/sharedtest"
)

// TestGoldPubMedBone scores the reader on the frozen gold of the 25
// bone-metastasis abstracts of shared/corpus/pubmed-bone
// (testdata/gold/pubmed-bone, annotated before the reader ever ran on
// them). The texts belong to their publishers and stay in shared/.
func TestGoldPubMedBone(t *testing.T) {
	dir := sharedtest.Require(t, "corpus/pubmed-bone/texts")
	gold := readGoldDir(t, sharedtest.Testdata("gold/pubmed-bone"))
	docs := readDocs(t, dir)
	covered := 0
	for _, g := range gold {
		if _, ok := docs[g.Document]; ok {
			covered++
		} else {
			t.Errorf("gold document %s is not among the texts", g.Document)
		}
	}
	all := evaluateAll(t, "pubmed-bone (every gold statement)", gold, docs, nil, true)
	known := evaluateAll(t, "pubmed-bone (gold whose ends the resolver knows)", gold, docs, nil, false)
	_, _ = all, known
}
