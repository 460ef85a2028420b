package resolve_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// goldRow is one labelled mention of testdata/resolve_gold.tsv.
type goldRow struct {
	line    int
	doc     string
	mention string
	note    string
	want    string   // the label: a CURIE, "A|B" for a list, NOT_A_GENE or NOT_AN_ENTITY
	pfocr   []string // HGNC symbols PFOCR matched from this word
	fanOut  []string // those of pfocr marked "*": family members not named by themselves
}

const (
	notAGene    = "NOT_A_GENE"
	notAnEntity = "NOT_AN_ENTITY"
)

// goldClass is the kind of a gold label.
type goldClass int

const (
	classGene      goldClass = iota // an HGNC gene (or a slash list of them)
	classEntity                     // a cell, drug, chemical, process or family
	classNotGene                    // names no gene
	classNotEntity                  // names nothing
)

func (r goldRow) class() goldClass {
	switch {
	case r.want == notAGene:
		return classNotGene
	case r.want == notAnEntity:
		return classNotEntity
	case strings.HasPrefix(r.want, "HGNC:"):
		return classGene
	}
	return classEntity
}

// goldTable calls fn for each row of a gold table in testdata (comments,
// blank lines and the header skipped) with its line number and columns,
// failing on a row of fewer than minCols columns.
func goldTable(t testing.TB, name string, minCols int, fn func(line int, c []string)) {
	t.Helper()
	f, err := os.Open(sharedtest.Testdata(name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	header := true
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if strings.HasPrefix(text, "#") || strings.TrimSpace(text) == "" {
			continue
		}
		if header {
			header = false
			continue
		}
		c := strings.Split(text, "\t")
		if len(c) < minCols {
			t.Fatalf("%s:%d: %d columns, want %d", name, line, len(c), minCols)
		}
		fn(line, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

func readGold(t testing.TB) []goldRow {
	var rows []goldRow
	goldTable(t, "resolve_gold.tsv", 5, func(line int, c []string) {
		row := goldRow{line: line, doc: c[0], mention: c[1], note: c[2], want: c[3]}
		for _, s := range strings.Fields(c[4]) {
			if sym, ok := strings.CutSuffix(s, "*"); ok {
				row.fanOut = append(row.fanOut, sym)
				s = sym
			}
			row.pfocr = append(row.pfocr, s)
		}
		rows = append(rows, row)
	})
	return rows
}

// goldDocs reads the seeds (always there) and the PFOCR bone records
// (when the shared corpus is beside the checkout), by document ID.
func goldDocs(t testing.TB) (docs map[string]*source.Document, corpus bool) {
	docs = make(map[string]*source.Document)
	read := func(pattern string) int {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			f, err := os.Open(p)
			if err != nil {
				t.Fatal(err)
			}
			ds, err := ingest.ReadDocuments(f, p, source.Limits{})
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			for _, d := range ds {
				docs[d.ID] = d
			}
		}
		return len(paths)
	}
	if read(sharedtest.Testdata(filepath.Join("seeds", "*.txt"))) == 0 {
		t.Fatal("no seeds in ../testdata/seeds")
	}
	corpus = read(filepath.Join("..", "..", "shared", "corpus", "pfocr-bone", "*.md")) > 0
	return docs, corpus
}

// docContext is the context a mention of a document is read in: the
// figure title (or article title) and the caption (or abstract), and the
// species the source names.
func docContext(d *source.Document) resolve.Context {
	var parts []string
	for _, name := range []string{"figtitle", "title", "caption", "abstract"} {
		if s, ok := d.Section(name); ok {
			parts = append(parts, s.Text)
		}
	}
	return resolve.Context{Text: strings.Join(parts, "\n"), Species: d.Organisms}
}

// goldResolver is the default lexicon with the full HGNC table behind it,
// or the default lexicon alone when the table is absent.
// judge reports whether a result agrees with a gold label.
func judge(row goldRow, res resolve.ContextResult) bool {
	switch row.class() {
	case classNotGene:
		if res.Status == resolve.Ambiguous {
			return false
		}
		if res.Status == resolve.Resolved {
			for _, n := range res.Candidates {
				if n.Kind == graph.Gene || n.Kind == graph.Group && n.Group != graph.DrugClass {
					return false
				}
			}
		}
		return true
	case classNotEntity:
		return res.Status != resolve.Resolved
	}
	if res.Status != resolve.Resolved {
		return false
	}
	want := strings.Split(row.want, "|")
	var got []string
	for _, n := range res.Candidates {
		got = append(got, n.ID)
	}
	slices.Sort(want)
	slices.Sort(got)
	return slices.Equal(want, got)
}

// Accuracy floors, a little under what was measured (see the report in
// TestGold's log), with the full HGNC table and the PFOCR corpus.
const (
	floorGenes     = 0.96 // measured 161/163 = 98.8%
	floorEntities  = 0.97 // measured 141/141
	floorNonGenes  = 0.95 // measured 26/26
	floorNonEntity = 0.93 // measured 16/16
)

// TestGold resolves every labelled mention in its document's context and
// checks the accuracy on genes, other entities and non-genes.
func TestGold(t *testing.T) {
	rows := readGold(t)
	docs, corpus := goldDocs(t)
	if !corpus {
		t.Log("the PFOCR bone corpus (../../shared/corpus/pfocr-bone) is absent: only the seed rows are checked")
	}
	// The default resolver names every HGNC gene itself: the floors hold
	// in a clean checkout too, on the rows whose documents it has (the
	// seeds) and, beside the shared corpus, on all of them.
	r := resolve.Default()
	type tally struct{ n, ok int }
	var by [4]tally
	var fails []string
	skipped := 0
	scopes := make(map[string]*resolve.Scope)
	for _, row := range rows {
		d, ok := docs[row.doc]
		if !ok {
			skipped++
			continue
		}
		sc := scopes[row.doc]
		if sc == nil {
			sc = r.InContext(docContext(d))
			scopes[row.doc] = sc
		}
		res := sc.Resolve(row.mention)
		c := row.class()
		by[c].n++
		if judge(row, res) {
			by[c].ok++
			continue
		}
		var got []string
		for _, n := range res.Candidates {
			got = append(got, n.ID+" "+n.Label())
		}
		fails = append(fails, fmt.Sprintf("resolve_gold.tsv:%d %s %q: want %s, got %v %v (%.2f; %s)",
			row.line, shortDoc(row.doc), row.mention, row.want, res.Status, got, res.Score, res.Reason))
	}
	if skipped > 0 {
		t.Logf("%d rows skipped: their documents are not present", skipped)
	}
	sort.Strings(fails)
	for _, f := range fails {
		t.Log("miss: " + f)
	}
	names := [4]string{"genes", "other entities", "not genes", "not entities"}
	floors := [4]float64{floorGenes, floorEntities, floorNonGenes, floorNonEntity}
	total := 0
	for c, tl := range by {
		total += tl.n
		if tl.n == 0 {
			continue
		}
		acc := float64(tl.ok) / float64(tl.n)
		t.Logf("%-15s %3d/%3d = %5.1f%% (floor %.0f%%)", names[c], tl.ok, tl.n, 100*acc, 100*floors[c])
		if acc < floors[c] {
			t.Errorf("accuracy on %s %.3f below the floor %.2f", names[c], acc, floors[c])
		}
	}
	ng := by[classNotGene].n + by[classNotEntity].n
	if ng > 0 {
		t.Logf("%-15s %3d/%3d = %5.1f%%", "all non-genes", by[classNotGene].ok+by[classNotEntity].ok, ng,
			100*float64(by[classNotGene].ok+by[classNotEntity].ok)/float64(ng))
	}
	t.Logf("%d mentions in %d documents", total, len(scopes))
	if total < 50 {
		t.Errorf("only %d gold mentions evaluated", total)
	}
}

func shortDoc(id string) string {
	if i := strings.Index(id, "__"); i > 0 {
		return id[:i]
	}
	return id
}
