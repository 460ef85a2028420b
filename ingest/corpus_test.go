package ingest_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/build"
	"github.com/bonemet/bonemet/extract"
	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

func corpusDir(t *testing.T, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "corpus", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus not found at %s (the shared data lives beside the checkout): %v", dir, err)
	}
	return dir
}

// maxCorpusErrorRate is the share of PFOCR records allowed to fail: none of
// the 43 real records may.
const maxCorpusErrorRate = 0.0

// Every real PFOCR record parses; errors are counted by kind.
func TestCorpusPFOCR(t *testing.T) {
	dir := corpusDir(t, "pfocr")
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(files) < 40 {
		t.Fatalf("%d records in %s, want the 43 of the corpus", len(files), dir)
	}
	kinds := map[string]int{}
	var docs []*source.Document
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		ds, err := ingest.ReadDocuments(r, f, source.Limits{})
		r.Close()
		if err != nil {
			kinds[errorKind(err)]++
			t.Logf("%v", err)
			continue
		}
		for _, d := range ds {
			if d.Kind != source.PFOCRFigure || d.ID == "" || len(d.Sections) == 0 {
				t.Errorf("%s: incomplete document %+v", f, d)
			}
		}
		docs = append(docs, ds...)
	}
	failed := 0
	for _, n := range kinds {
		failed += n
	}
	t.Logf("%d records, %d documents, errors by kind: %v", len(files), len(docs), kinds)
	if rate := float64(failed) / float64(len(files)); rate > maxCorpusErrorRate {
		t.Errorf("error rate %.3f above the floor %.3f", rate, maxCorpusErrorRate)
	}
	// No loss: every statement read from the corpus is accounted for.
	var c source.Corpus
	c.Documents = docs
	rd := extract.Reader{Resolver: resolve.Default()}
	for _, d := range docs {
		c.Statements = append(c.Statements, rd.Read(d)...)
	}
	_, rep, err := build.Build(c, resolve.Default())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Balanced() {
		t.Errorf("report does not add up: %s", rep.Summary())
	}
	t.Logf("reader over the corpus: %s", rep.Summary())
}

func errorKind(err error) string {
	for _, k := range []error{source.ErrSyntax, source.ErrWrongType, source.ErrMissingField, source.ErrDuplicateKey,
		source.ErrInvalidUTF8, source.ErrUnclosed, source.ErrNoFrontMatter, source.ErrEmpty, source.ErrTooLarge, source.ErrUnknownFormat} {
		if errors.Is(err, k) {
			return strings.TrimSpace(k.Error())
		}
	}
	return "other"
}
