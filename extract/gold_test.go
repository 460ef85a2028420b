package extract_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// Floors of the reader's quality on the in-sample gold sets, set a little
// below what the reader reaches, as a regression guard. Raise them when
// the reader improves. The gold was annotated on the same texts the rules
// were developed on: these are in-sample figures.
//
// History: the first reader (rules in Go) read seeds P 1.00 R 0.98 and
// pfocr-bone P 1.00 R 0.83 with the small domain lexicon. The resolver
// now knows every human gene, FamPlex families, ChEBI chemicals and Cell
// Ontology cells: it grounds names the gold never annotated (oxygen,
// "bone" as bone cells, ...), which counts against precision, and some
// cell names of the gold ("breast cancer cells") no longer resolve. With
// that resolver the first reader reads seeds P 1.00 R 0.81 and pfocr-bone
// P 0.80 R 0.73; the table-driven reader reads seeds P 0.98 R 0.91 and
// pfocr-bone P 0.85 R 0.73 (2026-12-07). The floors were lowered from
// 0.92/0.92 and 0.92/0.78 for that reason, not for a loss of the reader.
// With anaphors (2026-12-07) pfocr-bone reads P 0.80 R 0.72: the five new
// statements, read right by hand (TGF-beta at high doses suppresses
// RANKL and osteoclastogenesis and raises OPG; MAPKs induce RUNX2 and
// DLX5), are not in this gold, so its precision floor went to 0.78.
const (
	seedPrecisionFloor = 0.92
	seedRecallFloor    = 0.86
	bonePrecisionFloor = 0.78
	boneRecallFloor    = 0.70
)

// boneDir holds the PFOCR bone records the gold set annotates; they are
// not copied into the repository.
var boneDir = sharedtest.Path("corpus/pfocr-bone")

type goldFile struct {
	Document   string `yaml:"document"`
	Statements []struct {
		Subject  string `yaml:"subject"`
		Relation string `yaml:"relation"`
		Object   string `yaml:"object"`
		Sentence int    `yaml:"sentence"` // pubmed-bone gold: the sentence, for people
		Hedged   bool   `yaml:"hedged"`   // pubmed-bone gold: stated with "may", "suggest", ...
		Section  string `yaml:"section"`  // held-out gold: the record's field that states it
	} `yaml:"statements"`
}

type triple struct {
	subj string
	rel  graph.Relation
	obj  string
}

type score struct {
	tp, pred, gold int
}

func (s score) precision() float64 {
	if s.pred == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.pred)
}

func (s score) recall() float64 {
	if s.gold == 0 {
		return 1
	}
	return float64(s.tp) / float64(s.gold)
}

func readGold(t *testing.T) []goldFile {
	t.Helper()
	return readGoldDir(t, sharedtest.Testdata("gold"))
}

// readGoldDir reads the gold files (*.yaml) of a folder.
func readGoldDir(t *testing.T, dir string) []goldFile {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files: %v", err)
	}
	var out []goldFile
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldFile
		dec := yaml.NewDecoder(strings.NewReader(string(data)))
		dec.KnownFields(true)
		if err := dec.Decode(&g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if g.Document == "" {
			t.Fatalf("%s: no document", f)
		}
		out = append(out, g)
	}
	return out
}

// readDocFile reads the documents of one file, failing the test on any
// error.
func readDocFile(t *testing.T, path string) []*source.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ds, err := ingest.ReadDocuments(f, path, source.Limits{})
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	return ds
}

func readDocs(t *testing.T, dir string) map[string]*source.Document {
	t.Helper()
	docs := make(map[string]*source.Document)
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			if p != dir {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(e.Name(), ".") || strings.HasSuffix(e.Name(), ".tsv") {
			return nil
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		ds, err := ingest.ReadDocuments(f, p, source.Limits{})
		if err != nil {
			t.Logf("%s: %v", p, err)
			return nil
		}
		for _, d := range ds {
			docs[d.ID] = d
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// evaluate scores the reader on the gold files whose documents are in
// docs, per relation and overall.
func evaluate(t *testing.T, name string, gold []goldFile, docs map[string]*source.Document, skip map[string]bool) score {
	return evaluateAll(t, name, gold, docs, skip, false)
}

// evaluateAll is evaluate; with all, every gold statement counts, also
// those whose ends the resolver does not know.
func evaluateAll(t *testing.T, name string, gold []goldFile, docs map[string]*source.Document, skip map[string]bool, all bool) score {
	t.Helper()
	rd := &extract.Reader{Resolver: resolve.Default()}
	return evaluateWith(t, name, gold, docs, skip, all, testing.Verbose(), rd.Read)
}

// canonicalID returns the id of the entity the resolver reads a gold
// end's id as: the id itself, or the entry that carries it as a
// cross-reference ("MESH:D065130", endothelin A receptor antagonists,
// is ChEBI's CHEBI:51452), so that one entity under two ids counts once.
func canonicalID(r *resolve.Resolver, id string) string {
	if n, ok := r.Resolve(id).Node(); ok {
		return n.ID
	}
	return id
}

// evaluateWith is evaluateAll with the reading function read; with
// listMisses, the misses and extras are logged too (never for a gold whose
// errors nobody may look at, as the kept-apart records').
func evaluateWith(t *testing.T, name string, gold []goldFile, docs map[string]*source.Document, skip map[string]bool, all, listMisses bool, read func(*source.Document) []source.Statement) score {
	t.Helper()
	r := resolve.Default()
	per := map[graph.Relation]*score{graph.Activates: {}, graph.Inhibits: {}, graph.Secretes: {}}
	n, nstmts := 0, 0
	var misses, extras []string
	for _, g := range gold {
		d, ok := docs[g.Document]
		if !ok || skip[g.Document] {
			continue
		}
		n++
		want := make(map[triple]bool)
		for _, s := range g.Statements {
			rel, err := graph.ParseRelation(s.Relation)
			if err != nil {
				t.Fatalf("%s: %v", g.Document, err)
			}
			// only statements whose ends the resolver resolves count
			if !all && (r.Resolve(s.Subject).Status != resolve.Resolved || r.Resolve(s.Object).Status != resolve.Resolved) {
				continue
			}
			want[triple{canonicalID(r, s.Subject), rel, canonicalID(r, s.Object)}] = true
		}
		nstmts += len(want)
		got := make(map[triple]bool)
		for _, s := range read(d) {
			got[triple{s.Subject, s.Relation, s.Object}] = true
		}
		for tr := range want {
			per[tr.rel].gold++
			if got[tr] {
				per[tr.rel].tp++
			} else {
				misses = append(misses, fmt.Sprintf("%s: %s %v %s", g.Document, tr.subj, tr.rel, tr.obj))
			}
		}
		for tr := range got {
			if per[tr.rel] == nil {
				per[tr.rel] = &score{}
			}
			per[tr.rel].pred++
			if !want[tr] {
				extras = append(extras, fmt.Sprintf("%s: %s %v %s", g.Document, tr.subj, tr.rel, tr.obj))
			}
		}
	}
	var sum score
	t.Logf("%s: %d documents, %d gold statements", name, n, nstmts)
	t.Logf("%-10s %6s %6s %6s %9s %7s", "relation", "gold", "found", "right", "precision", "recall")
	for _, rel := range []graph.Relation{graph.Activates, graph.Inhibits, graph.Secretes} {
		s := per[rel]
		sum.tp, sum.pred, sum.gold = sum.tp+s.tp, sum.pred+s.pred, sum.gold+s.gold
		t.Logf("%-10v %6d %6d %6d %9.2f %7.2f", rel, s.gold, s.pred, s.tp, s.precision(), s.recall())
	}
	t.Logf("%-10s %6d %6d %6d %9.2f %7.2f", "overall", sum.gold, sum.pred, sum.tp, sum.precision(), sum.recall())
	slices.Sort(misses)
	slices.Sort(extras)
	if listMisses {
		for _, m := range misses {
			t.Logf("missed: %s", m)
		}
		for _, e := range extras {
			t.Logf("extra:  %s", e)
		}
	}
	return sum
}

func TestGoldSeeds(t *testing.T) {
	gold := readGold(t)
	docs := readDocs(t, sharedtest.Testdata("seeds"))
	if len(docs) != 3 {
		t.Fatalf("read %d seed documents, want 3", len(docs))
	}
	s := evaluate(t, "seeds", gold, docs, nil)
	if s.gold == 0 {
		t.Fatal("no gold statement for the seeds")
	}
	if p := s.precision(); p < seedPrecisionFloor {
		t.Errorf("seed precision %.3f < floor %.2f", p, seedPrecisionFloor)
	}
	if r := s.recall(); r < seedRecallFloor {
		t.Errorf("seed recall %.3f < floor %.2f", r, seedRecallFloor)
	}
}

func TestGoldPFOCRBone(t *testing.T) {
	if _, err := os.Stat(boneDir); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s is absent: the PFOCR bone records are read from the shared corpus beside the repository", boneDir)
	}
	gold := readGold(t)
	docs := readDocs(t, boneDir)
	seeds := readDocs(t, sharedtest.Testdata("seeds"))
	skip := make(map[string]bool)
	for id := range seeds {
		skip[id] = true // scored in TestGoldSeeds
	}
	covered := 0
	for _, g := range gold {
		if _, ok := docs[g.Document]; ok && !skip[g.Document] {
			covered++
		}
	}
	if covered < 20 {
		t.Fatalf("gold covers %d bone records, want at least 20", covered)
	}
	s := evaluate(t, "pfocr-bone", gold, docs, skip)
	if p := s.precision(); p < bonePrecisionFloor {
		t.Errorf("pfocr-bone precision %.3f < floor %.2f", p, bonePrecisionFloor)
	}
	if r := s.recall(); r < boneRecallFloor {
		t.Errorf("pfocr-bone recall %.3f < floor %.2f", r, boneRecallFloor)
	}
}
