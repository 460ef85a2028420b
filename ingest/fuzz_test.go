package ingest_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/source"
)

// FuzzReadDocuments feeds any bytes to the format sniffing and the parser
// it picks. It must not panic, an error must say where (a
// *source.ParseError) or name a limit, and a document read must carry an
// ID, its kind and the file it came from.
func FuzzReadDocuments(f *testing.F) {
	seeds := []string{
		sharedtest.Testdata("seeds/000_0b4618c4d182a6c1.txt"),
		sharedtest.Testdata("seeds/001_239f79544c5afd1d.txt"),
		filepath.Join("pubmed", "testdata", "pubmed", "synthetic.nbib"),
		filepath.Join("pubmed", "testdata", "pubmed", "synthetic.xml"),
		filepath.Join("pubmed", "testdata", "pubmed", "synthetic_abstract.txt"),
		hostile("truncated.md"),
		hostile("binary.bin"),
	}
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("PMID- 1\nTI  - A title.\nAB  - RANKL activates RANK.\n"))
	zw.Close()
	f.Add(gz.Bytes())
	f.Add([]byte("---\nfigid: x\n---\n"))
	f.Add([]byte("\n1. J. 2001;1:1.\n\nT.\n\nPMID: 1\n"))
	lim := source.Limits{MaxBytes: 1 << 16, MaxRecord: 1 << 14, MaxLine: 1 << 12}
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := ingest.ReadDocuments(bytes.NewReader(data), "fuzz.txt", lim)
		if err != nil {
			var pe *source.ParseError
			if !errors.As(err, &pe) && !errors.Is(err, source.ErrTooLarge) {
				t.Fatalf("error without a position: %v (%T)", err, err)
			}
			if pe != nil && (pe.File != "fuzz.txt" || pe.Line < 0 || pe.Column < 0) {
				t.Fatalf("error at %q %d:%d: %v", pe.File, pe.Line, pe.Column, err)
			}
		}
		for _, d := range docs {
			if d == nil || d.ID == "" || d.File != "fuzz.txt" {
				t.Fatalf("document without ID or file: %+v", d)
			}
		}
	})
}
