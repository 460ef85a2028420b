package ingest_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/graph/export"
	"github.com/bonemet/bonemet/ingest"
	"github.com/bonemet/bonemet/ingest/bel"
	"github.com/bonemet/bonemet/ingest/causal"
	"github.com/bonemet/bonemet/ingest/curation"
	"github.com/bonemet/bonemet/ingest/gpml"
	"github.com/bonemet/bonemet/ingest/pfocr"
	"github.com/bonemet/bonemet/ingest/pubmed"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

// readAll runs a reader of a streaming PubMed format to the end, returning
// the first error.
func readAll(rd interface {
	Read() (*source.Document, error)
}) error {
	for {
		_, err := rd.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// parseErrorTests is one bad input per format: every parser returns the
// module's one ParseError, at the right line and column, whose
// ErrorWithPosition shows the offending line with a caret under the column.
var parseErrorTests = []struct {
	format    string
	in        string
	read      func(in string) error
	line, col int
	msg       string // in Error()
	text      string // the line ErrorWithPosition shows
}{
	{"pfocr", "---\nfigid: PMC1__f1\ncaption: RANKL.\ngenes: a list please\n---\n",
		func(in string) error {
			_, err := pfocr.Parse(strings.NewReader(in), "f.md", source.Limits{})
			return err
		},
		4, 8, "wrong type: genes must be a list", "genes: a list please"},
	{"pfocr table", "figid\tpmcid\tnumber\tfigtitle\tpapertitle\tcaption\nPMC1__f1.jpg\tPMC1\tF1\tT\n",
		func(in string) error {
			_, err := pfocr.ReadTable(strings.NewReader(in), "t.tsv", source.Limits{})
			return err
		},
		2, 1, "missing required field: 4 columns, want 6", "PMC1__f1.jpg\tPMC1\tF1\tT"},
	{"pubmed page", "Some text\nwithout any abstract\n",
		func(in string) error {
			_, err := pubmed.ParsePage(strings.NewReader(in), "p.txt", source.Limits{})
			return err
		},
		1, 1, "unknown document format", "Some text"},
	{"medline", "PMID- 1\nTI  - A title\nBAD LINE HERE\n",
		func(in string) error { return readAll(pubmed.NewMedlineReader(strings.NewReader(in), "m.nbib")) },
		3, 5, "syntax error", "BAD LINE HERE"},
	{"pubmed xml", "<PubmedArticleSet>\n<PubmedArticle>\n<MedlineCitation><PMID>1</PMID></Article>\n</PubmedArticleSet>\n",
		func(in string) error { return readAll(pubmed.NewXMLReader(strings.NewReader(in), "x.xml")) },
		3, 0, "syntax error", "<MedlineCitation><PMID>1</PMID></Article>"},
	{"abstract text", "\n1. Synth Lett. 2001;1:1.\n\nA title.\n\nAn abstract.\n\n",
		func(in string) error { return readAll(pubmed.NewAbstractTextReader(strings.NewReader(in), "a.txt")) },
		2, 1, "no PMID, DOI or PMCID", "1. Synth Lett. 2001;1:1."},
	{"curation", "document: PMC1__f1\nstatements:\n  - subject: RANKL\n    relation: activatez\n    object: RANK\n    quote: q\n",
		func(in string) error {
			_, err := curation.Parse(strings.NewReader(in), "c.yaml", source.Limits{})
			return err
		},
		4, 15, "unknown relation", "    relation: activatez"},
	{"gpml", "<?xml version=\"1.0\"?>\n<Pathway xmlns=\"http://pathvisio.org/GPML/2013a\" Name=\"x\">\n<DataNode GraphId=\"a\"></Pathway>\n",
		func(in string) error {
			_, err := gpml.Read(strings.NewReader(in), "w.gpml", source.Limits{})
			return err
		},
		3, 0, "syntax error", "<DataNode GraphId=\"a\"></Pathway>"},
	{"causal table", "source\tinteraction\ttarget\nTNFSF11\tsideways\tTNFRSF11A\n",
		func(in string) error {
			_, err := causal.Read(strings.NewReader(in), "c.tsv", source.Limits{})
			return err
		},
		2, 9, "", "TNFSF11\tsideways\tTNFRSF11A"},
	{"bel", "SET Citation = {\"PubMed\", \"1\"}\nSET Evidence = \"RANKL binds RANK.\"\np(FOO:RANKL) increases p(HGNC:TNFRSF11A)\n",
		func(in string) error { _, err := bel.Read(strings.NewReader(in), "b.bel", source.Limits{}); return err },
		3, 3, "", "p(FOO:RANKL) increases p(HGNC:TNFRSF11A)"},
	{"graphml", "<graphml>\n<graph edgedefault=\"directed\">\n<node id=\"a\"></graph>\n</graphml>\n",
		func(in string) error { _, err := export.ReadGraphML(strings.NewReader(in), "g.graphml"); return err },
		3, 0, "", "<node id=\"a\"></graph>"},
	{"lexicon", "# a lexicon\nHGNC:1\tgene\tA1BG\n",
		func(in string) error { _, err := resolve.ParseLexicon(strings.NewReader(in), "l.tsv"); return err },
		2, 0, "", "HGNC:1\tgene\tA1BG"},
	{"documents (sniffing)", "\x00\x01binary",
		func(in string) error {
			_, err := ingest.ReadDocuments(strings.NewReader(in), "b.bin", source.Limits{})
			return err
		},
		1, 1, "unknown document format", ""},
}

func TestParseErrorsEveryFormat(t *testing.T) {
	for _, tt := range parseErrorTests {
		t.Run(tt.format, func(t *testing.T) {
			err := tt.read(tt.in)
			var pe *source.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *source.ParseError", err, err)
			}
			if pe.File == "" || pe.Line != tt.line || (tt.col != 0 && pe.Column != tt.col) {
				t.Errorf("at %s:%d:%d, want line %d column %d (%v)", pe.File, pe.Line, pe.Column, tt.line, tt.col, pe)
			}
			if !strings.HasPrefix(pe.Error(), pe.Pos().String()+": ") || !strings.Contains(pe.Error(), tt.msg) {
				t.Errorf("message %q lacks its position or %q", pe.Error(), tt.msg)
			}
			if tt.text == "" {
				return
			}
			if pe.Text != tt.text {
				t.Errorf("text %q, want %q", pe.Text, tt.text)
			}
			view := pe.ErrorWithPosition()
			lines := strings.Split(view, "\n")
			if len(lines) != 4 || !strings.HasSuffix(lines[2], strings.ReplaceAll(tt.text, "\t", " ")) {
				t.Fatalf("ErrorWithPosition:\n%s", view)
			}
			// The caret stands under the column (1 when unknown).
			col := max(pe.Column, 1)
			bar := strings.Index(lines[2], "| ") + 2
			if caret := strings.Index(lines[3], "^"); caret != bar+col-1 {
				t.Errorf("caret at %d, want %d:\n%s", caret-bar+1, col, view)
			}
		})
	}
}
