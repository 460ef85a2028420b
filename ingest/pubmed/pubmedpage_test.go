package pubmed_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/ingest/pubmed"
	"github.com/bonemet/bonemet/internal/sharedtest"
	"github.com/bonemet/bonemet/source"
)

func TestParsePubMedPageSeed(t *testing.T) {
	d, err := pubmed.ParsePage(strings.NewReader(sharedtest.Seed(t, sharedtest.SeedPage)), sharedtest.SeedPage, source.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct{ field, got, want string }{
		{"ID", d.ID, "doi:10.1200/JCO.2001.19.15.3562"},
		{"Title", d.Title, "Biology of osteoclast activation in cancer"},
		{"Authors", strings.Join(d.Authors, "|"), "G D Roodman"},
		{"Journal", d.Journal, "J Clin Oncol"},
		{"Year", d.Year, "2001"},
		{"DOI", d.DOI, "10.1200/JCO.2001.19.15.3562"},
		{"PMID", d.PMID, ""}, // the only PMID on the page is a comment's
		{"Citation", d.Citation, "G D Roodman. J Clin Oncol. 2001"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	abs, ok := d.Section(source.SectionAbstract)
	if !ok || !strings.HasPrefix(abs.Text, "Bone is a frequent site of cancer metastasis.") ||
		!strings.HasSuffix(abs.Text, "fatal complication of cancer.") || abs.Pos.Line != 32 {
		t.Errorf("abstract at %v: %q", abs.Pos, abs.Text)
	}
	if strings.Contains(abs.Text, "Disclaimer") || strings.Contains(abs.Text, "Sezer") {
		t.Error("page boilerplate leaked into the abstract")
	}
}

var pageVariants = []struct {
	name         string
	edit         func(string) string
	err          error
	line, column int
	id           string
}{
	{"no abstract heading", func(s string) string { return strings.Replace(s, "\nAbstract\n", "\nSummary\n", 1) }, source.ErrUnknownFormat, 1, 1, ""},
	{"no DOI and no PMID", func(s string) string { return strings.Replace(s, "doi: 10.1200/JCO.2001.19.15.3562.", "", 1) }, source.ErrMissingField, 30, 1, ""},
	{"no title", func(s string) string {
		s = strings.ReplaceAll(s, "Biology of osteoclast activation in cancer", "")
		return strings.Replace(s, "G D Roodman. J Clin Oncol. .", "", 1)
	}, source.ErrMissingField, 30, 1, ""},
	{"PMID of its own", func(s string) string {
		return strings.Replace(s, "doi: 10.1200/JCO.2001.19.15.3562.", "doi: 10.1200/JCO.2001.19.15.3562.\nPMID: 11481364", 1)
	}, nil, 0, 0, "PMID:11481364"},
	{"CRLF", func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }, nil, 0, 0, "doi:10.1200/JCO.2001.19.15.3562"},
	{"empty", func(string) string { return "" }, source.ErrEmpty, 1, 1, ""},
	{"invalid UTF-8", func(s string) string { return strings.Replace(s, "Bone is", "Bone\xc3 is", 1) }, source.ErrInvalidUTF8, 32, 5, ""},
}

func TestParsePubMedPageVariants(t *testing.T) {
	base := sharedtest.Seed(t, sharedtest.SeedPage)
	for _, tt := range pageVariants {
		t.Run(tt.name, func(t *testing.T) {
			d, err := pubmed.ParsePage(strings.NewReader(tt.edit(base)), "p.txt", source.Limits{})
			if tt.err == nil {
				if err != nil {
					t.Fatal(err)
				}
				if d.ID != tt.id {
					t.Errorf("ID %q, want %q", d.ID, tt.id)
				}
				return
			}
			var pe *source.ParseError
			if !errors.Is(err, tt.err) || !errors.As(err, &pe) || pe.Line != tt.line || pe.Column != tt.column {
				t.Errorf("got %v, want %v at p.txt:%d:%d", err, tt.err, tt.line, tt.column)
			}
		})
	}
}

func FuzzPubMedPage(f *testing.F) {
	base := sharedtest.Seed(f, sharedtest.SeedPage)
	f.Add([]byte(base))
	for _, v := range pageVariants {
		f.Add([]byte(v.edit(base)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := pubmed.ParsePage(bytes.NewReader(data), "fuzz.txt", source.Limits{})
		if err != nil {
			var pe *source.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		if d.ID == "" || d.Title == "" {
			t.Fatalf("document without ID or title: %+v", d)
		}
	})
}
