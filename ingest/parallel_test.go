package ingest_test

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/source"
)

// parSentences are caption sentences the generated records are made of.
var parSentences = []string{
	"RANKL activates RANK on osteoclast precursors.",
	"Denosumab inhibits RANKL and so bone resorption.",
	"PTHrP secreted by breast cancer cells induces RANKL in osteoblasts.",
	"OPG is a decoy receptor that blocks RANKL.",
	"TGF-β released from the bone matrix stimulates tumor growth.",
	"Zoledronic acid inhibits osteoclasts.",
	"IL-6 and IL-1 promote osteoclastogenesis.",
	"DKK1 from myeloma cells inhibits osteoblast differentiation.",
	"Sclerostin blocks Wnt signalling in osteoblasts.",
	"The vicious cycle of bone metastasis links tumor cells and bone.",
}

var parGenes = [][3]string{
	{"RANKL", "TNFSF11", "8600"}, {"RANK", "TNFRSF11A", "8792"}, {"OPG", "TNFRSF11B", "4982"},
	{"PTHrP", "PTHLH", "5744"}, {"DKK1", "DKK1", "22943"}, {"SOST", "SOST", "50964"}, {"IL-6", "IL6", "3569"},
}

// parRecord returns a PFOCR record (shape B) with a caption of a few
// sentences, and the caption.
func parRecord(rng *rand.Rand, id string) (string, string) {
	var caption []string
	for range 2 + rng.IntN(4) {
		caption = append(caption, parSentences[rng.IntN(len(parSentences))])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "---\nfigid: %s\nnumber: F%d\ncaption: %s\npmcid: PMC%d\n", id, 1+rng.IntN(9), strings.Join(caption, " "), rng.IntN(1e7))
	fmt.Fprintf(&b, "figtitle: Figure of %s\nyear: '%d'\norganisms: Homo sapiens\ngenes:\n", id, 2000+rng.IntN(25))
	for range rng.IntN(5) {
		g := parGenes[rng.IntN(len(parGenes))]
		fmt.Fprintf(&b, "- word: %s\n  symbol: %s\n  source: hgnc_symbol\n  hgnc_symbol: %s\n  entrez: '%s'\n", g[0], g[0], g[1], g[2])
	}
	b.WriteString("---\n")
	return b.String(), strings.Join(caption, " ")
}

// parCorpus generates a folder of about n records spread over
// subfolders, with broken records, duplicates, curation files (good and
// bad) and files the loader skips. It returns the folder and the paths
// the loader reads, sorted.
func parCorpus(n int) (fstest.MapFS, []string) {
	rng := rand.New(rand.NewPCG(1, 2))
	fsys := fstest.MapFS{}
	var read []string
	add := func(p, text string) {
		fsys[p] = &fstest.MapFile{Data: []byte(text)}
		if !strings.Contains(p, "/.") && !strings.HasPrefix(p, ".") {
			base := p[strings.LastIndex(p, "/")+1:]
			up := strings.ToUpper(base)
			if !strings.HasPrefix(up, "README") && !strings.HasPrefix(up, "LICENSE") && !strings.HasPrefix(up, "SOURCES") {
				read = append(read, p)
			}
		}
	}
	dirs := []string{"docs", "docs/a", "docs/b", "docs/b/c", "docs/d"}
	captions := map[string]string{}
	var ids []string
	for i := range n {
		id := fmt.Sprintf("PMC%d__fig-%03d", 1000+i, i)
		text, caption := parRecord(rng, id)
		captions[id] = caption
		ids = append(ids, id)
		add(fmt.Sprintf("%s/%s.md", dirs[rng.IntN(len(dirs))], id), text)
	}
	// A duplicate with the same text is dropped silently; one with other
	// text is an error.
	same := fsys[fmt.Sprintf("%s/%s.md", "docs", ids[0])]
	for _, d := range dirs {
		if f, ok := fsys[d+"/"+ids[0]+".md"]; ok {
			same = f
		}
	}
	add("docs/zz/copy.md", string(same.Data))
	other, _ := parRecord(rng, ids[1])
	add("docs/zz/other.md", strings.Replace(other, "caption: ", "caption: Changed. ", 1))
	// Broken records.
	add("docs/a/broken-unclosed.md", "---\nfigid: X1\ncaption: never closed\n")
	add("docs/b/broken-syntax.md", "---\nfigid: [unclosed\ncaption: x\n---\n")
	add("docs/b/c/broken-nocaption.md", "---\nfigid: X3\npmcid: PMC3\n---\n")
	add("docs/d/broken-type.md", "---\nfigid: X4\ncaption: ok\ngenes: 12\n---\n")
	add("docs/d/broken-empty.md", "")
	add("docs/d/broken-utf8.md", "---\nfigid: X5\ncaption: caf\xe9\n---\n")
	add("docs/d/broken-large.md", "---\nfigid: X6\ncaption: "+strings.Repeat("long ", 2000)+"\n---\n")
	add("docs/notes.txt", "Some notes that are neither a record nor a PubMed page.\n")
	// Curation: good, quote absent, unknown document, syntax error.
	var good strings.Builder
	for _, id := range ids[:5] {
		first, _, _ := strings.Cut(captions[id], ".")
		fmt.Fprintf(&good, "---\ndocument: %s\nstatements:\n  - subject: RANKL\n    relation: activates\n    object: RANK\n    quote: %s\n", id, first)
	}
	add("curation/good.yaml", good.String())
	add("curation/absent.yml", fmt.Sprintf("document: %s\nstatements:\n  - subject: a\n    relation: inhibits\n    object: b\n    quote: words that are nowhere\n", ids[7]))
	add("curation/unknown.yaml", "document: PMC0__nowhere\nstatements:\n  - subject: a\n    relation: inhibits\n    object: b\n    quote: x\n")
	add("curation/syntax.yaml", "document: [\n")
	// Skipped files.
	add("README.md", "# readme")
	add("docs/LICENSE", "CC0")
	add("docs/a/SOURCES.md", "sources")
	add(".hidden.md", "---\nfigid: H\ncaption: hidden\n---\n")
	add("docs/.git/config.md", "not read")
	slices.Sort(read)
	return fsys, read
}

// parFailFS wraps a file system (only through Open, so that directory
// listings go through it too) and fails to open the given paths.
type parFailFS struct {
	fsys fs.FS
	fail map[string]bool
}

func (f parFailFS) Open(name string) (fs.File, error) {
	if f.fail[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return f.fsys.Open(name)
}

// parCountFS records the most files open at the same time.
type parCountFS struct {
	fsys       fs.FS
	mu         sync.Mutex
	open, peak int
}

type parCountFile struct {
	fs.File
	c *parCountFS
}

func (f parCountFile) Close() error {
	f.c.mu.Lock()
	f.c.open--
	f.c.mu.Unlock()
	return f.File.Close()
}

func (f parCountFile) ReadDir(n int) ([]fs.DirEntry, error) {
	d, ok := f.File.(fs.ReadDirFile)
	if !ok {
		return nil, errors.New("not a directory")
	}
	return d.ReadDir(n)
}

func (c *parCountFS) Open(name string) (fs.File, error) {
	f, err := c.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.open++
	c.peak = max(c.peak, c.open)
	c.mu.Unlock()
	return parCountFile{f, c}, nil
}

var parLimits = source.Limits{MaxBytes: 8 << 10}

var parFolders = []struct {
	name string
	fsys func() fs.FS
	root string
}{
	{"generated", func() fs.FS { f, _ := parCorpus(200); return f }, "."},
	{"subfolder", func() fs.FS { f, _ := parCorpus(200); return f }, "docs/b"},
	{"unreadable", func() fs.FS {
		f, _ := parCorpus(200)
		f["docs/sealed/x.md"] = &fstest.MapFile{Data: []byte("---\nfigid: S\ncaption: sealed\n---\n")}
		return parFailFS{f, map[string]bool{"docs/sealed": true, "curation/good.yaml": true, "docs/notes.txt": true}}
	}, "."},
	{"missing root", func() fs.FS { f, _ := parCorpus(10); return f }, "nowhere"},
	{"empty", func() fs.FS { return fstest.MapFS{"README": {Data: []byte("x")}} }, "."},
}

func TestLoadParallelMatchesLoad(t *testing.T) {
	workers := []int{1, 2, 8, runtime.GOMAXPROCS(0), 0, -3, 1000}
	for _, tc := range parFolders {
		t.Run(tc.name, func(t *testing.T) {
			fsys := tc.fsys()
			want, wantErr := ingest.Load(fsys, tc.root, parLimits)
			for _, w := range workers {
				got, err := ingest.LoadParallel(fsys, tc.root, ingest.LoadOptions{Limits: parLimits, Workers: w})
				if (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
					t.Errorf("workers %d: error\n%v\nwant\n%v", w, err, wantErr)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("workers %d: corpus differs from Load's: %d documents, %d statements; want %d, %d",
						w, len(got.Documents), len(got.Statements), len(want.Documents), len(want.Statements))
				}
			}
		})
	}
}

// TestLoadParallelGenerated checks that the generated folder exercises
// what it is meant to: documents, curated statements and every kind of
// error, so that agreement with Load is not agreement on nothing.
func TestLoadParallelGenerated(t *testing.T) {
	fsys, _ := parCorpus(200)
	c, err := ingest.LoadParallel(fsys, ".", ingest.LoadOptions{Limits: parLimits, Workers: 4})
	if len(c.Documents) != 200 {
		t.Errorf("%d documents, want 200", len(c.Documents))
	}
	if len(c.Statements) != 5 {
		t.Errorf("%d statements, want 5", len(c.Statements))
	}
	for _, want := range []error{ingest.ErrDuplicateDocument, source.ErrUnclosed, source.ErrSyntax, source.ErrMissingField,
		source.ErrWrongType, source.ErrEmpty, source.ErrInvalidUTF8, source.ErrTooLarge,
		source.ErrQuoteNotFound, source.ErrUnknownDocument} {
		if !errors.Is(err, want) {
			t.Errorf("error lacks %v", want)
		}
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 11 {
		t.Errorf("%d errors, want 11:\n%v", n, err)
	}
	// The file that is no document is skipped and listed, not an error...
	if len(c.Skipped) != 1 || !errors.Is(c.Skipped[0].Reason, source.ErrUnknownFormat) {
		t.Errorf("skipped %+v, want one file that is no document", c.Skipped)
	}
	// ... unless the load is strict.
	_, err = ingest.LoadParallel(fsys, ".", ingest.LoadOptions{Limits: parLimits, Workers: 4, Strict: true})
	if !errors.Is(err, source.ErrUnknownFormat) || strings.Count(err.Error(), "\n")+1 != 12 {
		t.Errorf("strict load: want 12 errors with the unknown format among them, got:\n%v", err)
	}
}

func TestLoadParallelDeterministic(t *testing.T) {
	fsys, _ := parCorpus(200)
	first, firstErr := ingest.LoadParallel(fsys, ".", ingest.LoadOptions{Limits: parLimits, Workers: 8})
	for i := range 5 {
		c, err := ingest.LoadParallel(fsys, ".", ingest.LoadOptions{Limits: parLimits, Workers: 8})
		if err.Error() != firstErr.Error() || !reflect.DeepEqual(c, first) {
			t.Fatalf("run %d differs from the first", i+1)
		}
	}
}

func TestLoadParallelProgress(t *testing.T) {
	fsys, files := parCorpus(200)
	for _, w := range []int{1, 2, 8} {
		t.Run(fmt.Sprint("workers=", w), func(t *testing.T) {
			var dones []int
			var seen []string
			opts := ingest.LoadOptions{Limits: parLimits, Workers: w, Progress: func(done, total int, file string) {
				if total != len(files) {
					t.Errorf("total %d, want %d", total, len(files))
				}
				dones = append(dones, done)
				seen = append(seen, file)
			}}
			if _, err := ingest.LoadParallel(fsys, ".", opts); err == nil {
				t.Fatal("no error from a folder with broken files")
			}
			for i, d := range dones {
				if d != i+1 {
					t.Fatalf("done values %v, want 1..%d", dones, len(files))
				}
			}
			slices.Sort(seen)
			if !slices.Equal(seen, files) {
				t.Errorf("progress reported %d files, want each of the %d read once", len(seen), len(files))
			}
		})
	}
}

func TestLoadParallelBoundsOpenFiles(t *testing.T) {
	for _, w := range []int{1, 2, 3} {
		f, _ := parCorpus(60)
		c := &parCountFS{fsys: f}
		if _, err := ingest.LoadParallel(c, ".", ingest.LoadOptions{Limits: parLimits, Workers: w}); err == nil {
			t.Fatal("no error from a folder with broken files")
		}
		if c.peak > w || c.open != 0 {
			t.Errorf("workers %d: %d files open at once, %d left open", w, c.peak, c.open)
		}
	}
}

// parExtractors are extractors for TestLoadParallelExtract: a fake one
// that depends only on the document, and the reader.
var parExtractors = []struct {
	name    string
	extract func(d *source.Document) []source.Statement
}{
	{"fake", func(d *source.Document) []source.Statement {
		if len(d.Annotations)%2 == 1 {
			return nil
		}
		return []source.Statement{{Doc: d.ID, Subject: d.Title, Relation: graph.Activates, Object: d.File, Method: graph.Extracted}}
	}},
	{"reader", (&extract.Reader{}).Read},
}

func TestLoadParallelExtract(t *testing.T) {
	fsys, _ := parCorpus(200)
	for _, ex := range parExtractors {
		t.Run(ex.name, func(t *testing.T) {
			want, wantErr := ingest.Load(fsys, ".", parLimits)
			extracted := 0
			for _, d := range want.Documents {
				s := ex.extract(d)
				extracted += len(s)
				want.Statements = append(want.Statements, s...)
			}
			if extracted == 0 {
				t.Fatal("the extractor found nothing: the comparison would prove little")
			}
			for _, w := range []int{1, 2, 8} {
				got, err := ingest.LoadParallel(fsys, ".", ingest.LoadOptions{Limits: parLimits, Workers: w, Extract: ex.extract})
				if err == nil || err.Error() != wantErr.Error() {
					t.Errorf("workers %d: error\n%v\nwant\n%v", w, err, wantErr)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("workers %d: corpus differs from Load's with the statements extracted in document order: %d statements, want %d",
						w, len(got.Statements), len(want.Statements))
				}
			}
		})
	}
}
