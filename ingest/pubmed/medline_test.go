package pubmed_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/ingest/pubmed"
	"github.com/bonemet/bonemet/source"
)

// medlineSynthetic is what testdata/pubmed/synthetic.nbib holds.
var medlineSynthetic = []pmWant{
	{
		ID: "PMID:90000001", PMID: "90000001", PMCID: "PMC9000001",
		Title:    "Osteoclast activation by tumour-derived PTHrP in a synthetic model of bone metastasis.",
		Citation: "Rivera AM et al. J Synth Bone Res. 2001",
		Journal:  "J Synth Bone Res", Year: "2001", DOI: "10.5555/jsbr.2001.0042",
		Authors: []string{"Rivera AM", "Okafor CN", "Synthetic Bone Consortium"},
		Sections: []pmWantSection{
			{"title", "Osteoclast activation by tumour-derived PTHrP in a synthetic model of bone metastasis.", 6, 7},
			{"abstract", "Breast cancer cells that reach bone secrete parathyroid hormone-related protein (PTHrP). " +
				"PTHrP raises RANKL on osteoblasts, and RANKL drives osteoclast formation. " +
				"Denosumab blocks RANKL and reduces osteolysis.", 10, 7},
		},
	},
	{
		ID: "PMID:90000002", PMID: "90000002",
		Title:    "[Bone metastases in a synthetic cohort].",
		Citation: "Dubois M. Synth Rev Oncol. 1998",
		Journal:  "Synth Rev Oncol", Year: "1998", DOI: "10.5555/sro.1998.7",
		Authors: []string{"Dubois M"},
		Sections: []pmWantSection{
			{"title", "[Bone metastases in a synthetic cohort].", 31, 7},
			{"abstract", "BACKGROUND: Sclerostin (SOST) inhibits Wnt signalling in osteoblasts. METHODS: " +
				"We gave a synthetic anti-sclerostin antibody. RESULTS: Bone formation rose. " +
				"CONCLUSIONS: DKK1 and SOST restrain osteoblasts.", 33, 7},
		},
	},
	{
		ID: "PMID:90000003", PMID: "90000003",
		Title:    "A letter without an abstract.",
		Citation: "Chen L et al. Synth Lett. 2005",
		Journal:  "Synth Lett", Year: "2005",
		Authors:  []string{"Chen L", "Smith JA Jr"},
		Sections: []pmWantSection{{"title", "A letter without an abstract.", 43, 7}},
	},
	{
		ID:       "doi:10.5555/nopmid.2024",
		Title:    "A record without a PMID.",
		Citation: "Novak P. Synth Lett. 2024",
		Journal:  "Synth Lett", Year: "2024", DOI: "10.5555/nopmid.2024",
		Authors:  []string{"Novak P"},
		Sections: []pmWantSection{{"title", "A record without a PMID.", 50, 7}},
	},
}

func TestMedlineReader(t *testing.T) {
	pmCheckFixture(t, "synthetic.nbib", source.PubMedMedline, func(r io.Reader, name string) pmRecordReader {
		return pubmed.NewMedlineReader(r, name)
	}, medlineSynthetic)
}

var medlineErrorTests = []struct {
	name      string
	in        string
	want      error
	line, col int
	ids       []string // documents read around the error
}{
	{"empty", "", source.ErrEmpty, 1, 1, nil},
	{"blank lines", "\n\r\n   \n", source.ErrEmpty, 1, 1, nil},
	{"lower-case tag", "PMID- 1\nTi  - x\n\nPMID- 2\n", source.ErrSyntax, 2, 2, []string{"PMID:2"}},
	{"no dash", "PMID- 1\nTI    x\n", source.ErrSyntax, 2, 5, nil},
	{"no space after dash", "PMID- 1\nTI  -x\n", source.ErrSyntax, 2, 6, nil},
	{"letter after padding", "PMID- 1\nT I - x\n", source.ErrSyntax, 2, 3, nil},
	{"short line", "PMID- 1\nAB\n", source.ErrSyntax, 2, 3, nil},
	{"digit first", "PMID- 1\n1TI - x\n", source.ErrSyntax, 2, 1, nil},
	{"continuation first", "\n\n      indented\nPMID- 1\n", source.ErrSyntax, 3, 1, nil},
	{"bad PMID", "PMID- 12a4\nTI  - x\n\nPMID- 5\n", source.ErrSyntax, 1, 7, []string{"PMID:5"}},
	{"no PMID, DOI or PMCID", "\nTI  - x\nAU  - A B\n\nPMID- 7\n", source.ErrMissingField, 2, 1, []string{"PMID:7"}},
	{"binary junk", "\x00\x01\x02\xff\xfe", source.ErrSyntax, 1, 1, nil},
	{"error in second record", "PMID- 1\n\nPMID- 2\nAB  - x\n      y\nab\n", source.ErrSyntax, 6, 1, []string{"PMID:1"}},
}

func TestMedlineReaderErrors(t *testing.T) {
	for _, tt := range medlineErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := pmReadAll(t, pubmed.NewMedlineReader(strings.NewReader(tt.in), "in.nbib"), len(tt.in))
			if len(errs) != 1 {
				t.Fatalf("errors %v, want one", errs)
			}
			pmCheckErr(t, errs[0], tt.want, tt.line, tt.col)
			var ids []string
			for _, d := range docs {
				ids = append(ids, d.ID)
			}
			if strings.Join(ids, " ") != strings.Join(tt.ids, " ") {
				t.Errorf("read %q, want %q", ids, tt.ids)
			}
		})
	}
}

// TestMedlineReaderRecovers reads past a broken record: the error comes at
// the record's place, and the next record is read.
func TestMedlineReaderRecovers(t *testing.T) {
	rd := pubmed.NewMedlineReader(bytes.NewReader(pmFixture(t, "bad_tag.nbib")), "bad_tag.nbib")
	_, err := rd.Read()
	pmCheckErr(t, err, source.ErrSyntax, 3, 2)
	d, err := rd.Read()
	if err != nil || d.ID != "PMID:90000012" || d.Year != "2010" {
		t.Fatalf("after the error: %+v, %v", d, err)
	}
	if _, err := rd.Read(); err != io.EOF {
		t.Fatalf("at the end: %v, want io.EOF", err)
	}
	if _, err := rd.Read(); err != io.EOF {
		t.Fatalf("after the end: %v, want io.EOF", err)
	}
}

func TestMedlineReaderNoBlankLine(t *testing.T) {
	in := "PMID- 1\nTI  - One.\nPMID- 2\nTI  - Two.\n"
	docs, errs := pmReadAll(t, pubmed.NewMedlineReader(strings.NewReader(in), "x"), 5)
	if len(errs) > 0 || len(docs) != 2 || docs[0].Title != "One." || docs[1].Title != "Two." {
		t.Fatalf("docs %+v, errors %v", docs, errs)
	}
	if p := docs[1].Sections[0].Pos; p.Line != 4 || p.Column != 7 {
		t.Errorf("second title at %v, want 4:7", p)
	}
}

func TestMedlineReaderInvalidUTF8(t *testing.T) {
	in := "PMID- 1\nTI  - Caf\xe9 and bone.\n"
	d, err := pubmed.NewMedlineReader(strings.NewReader(in), "x").Read()
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Caf\uFFFD and bone." {
		t.Errorf("Title = %q, want the bad byte replaced", d.Title)
	}
}

var medlineLimitTests = []struct {
	name      string
	max       int64
	in        io.Reader
	line, col int
}{
	{"record", 64, strings.NewReader("PMID- 1\nAB  - " + strings.Repeat("osteolysis ", 5) + "\n      " +
		strings.Repeat("osteolysis ", 5) + "\n"), 1, 1},
	{"line", 64, strings.NewReader("PMID- 1\nAB  - " + strings.Repeat("x", 100) + "\n"), 2, 1},
	{"endless line", 0, &pmInfinite{head: "PMID- 1\nAB  - ", fill: "x"}, 2, 1},
	{"endless record", 0, &pmInfinite{head: "PMID- 1\nAB  - x\n", fill: "      osteoclast\n"}, 1, 1},
}

// TestMedlineReaderLimits checks that no input makes the reader hold more
// than MaxRecord bytes, endless input included.
func TestMedlineReaderLimits(t *testing.T) {
	for _, tt := range medlineLimitTests {
		t.Run(tt.name, func(t *testing.T) {
			rd := pubmed.NewMedlineReader(tt.in, "big")
			rd.Limits.MaxRecord = tt.max
			_, err := rd.Read()
			pmCheckErr(t, err, source.ErrTooLarge, tt.line, tt.col)
			if _, again := rd.Read(); again != err {
				t.Errorf("second Read: %v, want the same error", again)
			}
		})
	}
}

func FuzzMedline(f *testing.F) {
	for _, name := range []string{"synthetic.nbib", "bad_tag.nbib"} {
		f.Add(pmFixture(f, name))
	}
	for _, tt := range medlineErrorTests {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rd := pubmed.NewMedlineReader(bytes.NewReader(data), "fuzz")
		rd.Limits.MaxRecord = 4096
		pmCheckFuzz(t, rd, source.PubMedMedline, len(data))
		var pe *source.ParseError
		if _, err := rd.Read(); err != io.EOF && !errors.As(err, &pe) {
			t.Fatalf("Read after the end: %v", err)
		}
	})
}
