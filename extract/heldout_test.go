package extract_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/resolve"
)

// The blind gold of the kept-apart records as first annotated
// (2026-12-07: 15 records, 329 statements, 322 distinct per record; the
// SHA-256 of its files' bytes in name order), and floors a little under
// its first measurements, all out-of-sample (nobody looked at what the
// reader missed there): P 0.70 R 0.30 (95 of 136 read right) with the
// reader of 5afacb8, P 0.71 R 0.30 (98 of 139) with that of 2baf570, P
// 0.71 R 0.31 (100 of 141) with those of 7f6b839, 9c2ca58 and 28346d1, P
// 0.71 R 0.30 (98 of 139) with those of cc04a60 and fd438d0. The floors
// hold for that gold only.
const (
	heldOutGoldSHA256     = "f39bc7080b39400249a869761aa788ede918716ab09fba3a4b8275f51a2ed379"
	heldOutPrecisionFloor = 0.67
	heldOutRecallFloor    = 0.28
)

// TestHeldOutCaptions scores the reader on the PFOCR records kept apart to
// measure it: never curated, never read while the rules were written. Their
// gold is annotated blind (without the reader's output) and kept outside
// the repository with the records' names, as the records themselves are;
// BONEMET_HELDOUT names its folder (one YAML file per record, the shape of
// testdata/gold/pubmed-bone with a section per statement).
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
	rd := &extract.Reader{Resolver: resolve.Default()}
	all := evaluateWith(t, "kept-apart PFOCR records (every gold statement)", gold, docs, nil, true, false, rd.Read)
	evaluateWith(t, "kept-apart PFOCR records (gold whose ends the resolver knows)", gold, docs, nil, false, false, rd.Read)
	if goldHash(t, dir) != heldOutGoldSHA256 {
		t.Logf("a gold other than the first (SHA-256 %s...): no floors", heldOutGoldSHA256[:12])
		return
	}
	if p := all.precision(); p < heldOutPrecisionFloor {
		t.Errorf("kept-apart records: precision %.3f < floor %.2f", p, heldOutPrecisionFloor)
	}
	if r := all.recall(); r < heldOutRecallFloor {
		t.Errorf("kept-apart records: recall %.3f < floor %.2f", r, heldOutRecallFloor)
	}
}

// goldHash returns the SHA-256 of the YAML files of dir, concatenated in
// name order.
func goldHash(t *testing.T, dir string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	for _, f := range files { // Glob sorts
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// TestKeptApartBone2 scores the reader on the second kept-apart set of
// PFOCR records about bone (testdata/gold/pfocr-bone-kept2; its README
// says where the records come from). The gold is in the repository; the
// records are not (their captions belong to their publishers), and
// BONEMET_BONE2 names the folder that holds them. Nobody tunes on this
// set: the test prints the scores only, never what the reader misses or
// adds.
func TestKeptApartBone2(t *testing.T) {
	dir := os.Getenv("BONEMET_BONE2")
	if dir == "" {
		t.Skip("set BONEMET_BONE2 to the folder of the PFOCR records of testdata/gold/pfocr-bone-kept2 (see its README)")
	}
	checkRecords(t, dir, sharedtest.Testdata("gold/pfocr-bone-kept2/records.tsv"))
	gold := readGoldDir(t, sharedtest.Testdata("gold/pfocr-bone-kept2"))
	docs := readDocs(t, dir)
	for _, g := range gold {
		if _, ok := docs[g.Document]; !ok {
			t.Fatalf("gold document %s is not among the records in %s", g.Document, dir)
		}
	}
	rd := &extract.Reader{Resolver: resolve.Default()}
	all := evaluateWith(t, "second kept-apart bone records (every gold statement)", gold, docs, nil, true, false, rd.Read)
	evaluateWith(t, "second kept-apart bone records (gold whose ends the resolver knows)", gold, docs, nil, false, false, rd.Read)
	if p, r := all.precision(), all.recall(); p < keptBone2Floors[0] || r < keptBone2Floors[1] {
		t.Errorf("second kept-apart bone records: P %.3f R %.3f, under the floors P %.2f R %.2f", p, r, keptBone2Floors[0], keptBone2Floors[1])
	}
}

// keptBone2Floors are the precision and recall floors of
// TestKeptApartBone2, a little under its measurements, all out-of-sample:
// the reader at a2659fa on the gold as frozen in ca673c6, P 0.44 R 0.20
// (22 of 110 right, 50 read, 11 records). Three of those records were
// figures of papers the first kept-apart set holds, which the repository
// must not name; without them (8 records, 52 statements) the reader reads
// P 0.52 R 0.27 (14 of 52, 27 read) at a2659fa and at 41d3967 alike,
// and P 0.58 R 0.35 (18 of 52, 31 read) at df387d1, after a round of
// rules written for other texts (nobody looked at this set's misses).
// At 9c6df5b (comma lists after "of", "immune cells" as leukocytes) it
// reads four statements more, none right: P 0.51 R 0.35 (18 of 52, 35
// read), found when the round was measured at its end; the floor follows
// the measurement and the drop is reported, not tuned away. At 692146b
// and at 11b173d and 7d9dae4: P 0.51 R 0.35 again.
var keptBone2Floors = [2]float64{0.48, 0.31}

// checkRecords fails unless every record that list (figid, SHA-256, size;
// tab-separated, # comments) names is in dir as figid.md with those
// bytes: the scores are of the records the gold was made for.
func checkRecords(t *testing.T, dir, list string) {
	t.Helper()
	data, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			t.Fatalf("%s:%d: want figid, SHA-256 and size, got %q", list, i+1, line)
		}
		rec, err := os.ReadFile(filepath.Join(dir, f[0]+".md"))
		if err != nil {
			t.Fatalf("record %s: %v", f[0], err)
		}
		if sum := sha256.Sum256(rec); hex.EncodeToString(sum[:]) != f[1] {
			t.Fatalf("record %s in %s is not the one the gold was made for (SHA-256 %s)", f[0], dir, f[1][:12])
		}
	}
}
