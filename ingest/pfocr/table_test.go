package pfocr_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/ingest/pfocr"
	"github.com/bonemet/bonemet/source"
)

const table = "figid\tpmcid\tfilename\tnumber\tfigtitle\tpapertitle\tcaption\torganism\n" +
	"PMC1__f1.jpg\tPMC1\tf1.jpg\tFigure 1\tRANKL signalling\tA paper.\tRANKL activates RANK.  OPG blocks it.\tHomo sapiens\n" +
	"PMC2__f2.jpg\tPMC2\tf2.jpg\tF2\tNA\tNA\tA caption.\tNA\n"

func TestReadTable(t *testing.T) {
	docs, err := pfocr.ReadTable(strings.NewReader(table), "t.tsv", source.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	d := docs[0]
	if d.ID != "PMC1__f1" || d.Kind != source.PFOCRFigure || d.Citation != "PMC1 Figure 1" || d.Title != "RANKL signalling" {
		t.Errorf("document %+v", d)
	}
	if c, ok := d.Section(source.SectionCaption); !ok || c.Text != "RANKL activates RANK. OPG blocks it." || c.Pos.Line != 2 {
		t.Errorf("caption %+v", c)
	}
	if _, ok := docs[1].Section(source.SectionFigTitle); ok {
		t.Error("an NA figure title became a section")
	}
}

// A topic table (PFOCR's covid and terpene sets) names two columns
// otherwise and carries text mis-decoded on its way in.
const topicTable = "pmcid\tfigid\tpaper.title\tnumber\tfigure.title\tcaption\treference\n" +
	"PMC3\tPMC3__f3.jpg\tA paper.\tFigure 3\tTNF-Œ± signalling\tTNF-Œ± activates NF-Œ∫B; IL-1Î² too.\tNA\n"

func TestReadTopicTable(t *testing.T) {
	docs, err := pfocr.ReadTable(strings.NewReader(topicTable), "covid.tsv", source.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Fatalf("%d documents, want 1", len(docs))
	}
	d := docs[0]
	c, _ := d.Section(source.SectionCaption)
	p, _ := d.Section(source.SectionPaperTitle)
	if d.ID != "PMC3__f3" || d.Title != "TNF-α signalling" || c.Text != "TNF-α activates NF-κB; IL-1β too." || p.Text != "A paper." {
		t.Errorf("document %s, title %q, caption %q, paper %q", d.ID, d.Title, c.Text, p.Text)
	}
	if d.Repaired != 4 {
		t.Errorf("%d characters repaired, want 4", d.Repaired)
	}
}

var readTableErrors = []struct {
	name, in string
	err      error
	line     int
}{
	{"empty", "", source.ErrEmpty, 1},
	{"not a figure table", "a\tb\n1\t2\n", source.ErrMissingField, 1},
	{"short row", "figid\tpmcid\tnumber\tfigtitle\tpapertitle\tcaption\nPMC1__f1\tPMC1\n", source.ErrMissingField, 2},
	{"no figid", "figid\tpmcid\tnumber\tfigtitle\tpapertitle\tcaption\n\tPMC1\tF1\tT\tP\tC\n", source.ErrMissingField, 2},
	{"invalid UTF-8", "figid\tpmcid\tnumber\tfigtitle\tpapertitle\tcaption\nPMC1__f1\tPMC1\tF1\tT\tP\t\xff\n", source.ErrInvalidUTF8, 2},
	{"line too long", "figid\tpmcid\tnumber\tfigtitle\tpapertitle\tcaption\n" + strings.Repeat("x", 2<<20) + "\n", source.ErrTooLarge, 2},
}

func TestReadTableErrors(t *testing.T) {
	for _, tt := range readTableErrors {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pfocr.ReadTable(strings.NewReader(tt.in), "t.tsv", source.Limits{})
			var pe *source.ParseError
			if !errors.Is(err, tt.err) || !errors.As(err, &pe) || pe.Line != tt.line || pe.File != "t.tsv" {
				t.Errorf("got %v, want %v at line %d", err, tt.err, tt.line)
			}
		})
	}
}

// FuzzReadTable: no panic; every error is a positioned ParseError; every
// document has an ID and sections of collapsed text.
func FuzzReadTable(f *testing.F) {
	f.Add(table)
	for _, tt := range readTableErrors {
		if len(tt.in) < 4096 {
			f.Add(tt.in)
		}
	}
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := pfocr.ReadTable(strings.NewReader(in), "f.tsv", source.Limits{MaxLine: 1 << 16})
		if err != nil {
			for _, e := range unjoin(err) {
				var pe *source.ParseError
				if !errors.As(e, &pe) || pe.File != "f.tsv" || pe.Line < 1 {
					t.Fatalf("error %v is not a positioned ParseError", e)
				}
			}
		}
		for _, d := range docs {
			if d.ID == "" {
				t.Fatal("a document without ID")
			}
			for _, s := range d.Sections {
				if s.Text == "" || s.Text != source.Collapse(s.Text) {
					t.Fatalf("section %q of %s: %q", s.Name, d.ID, s.Text)
				}
			}
		}
	})
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
