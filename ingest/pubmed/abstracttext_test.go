package pubmed_test

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/ingest/pubmed"
	"github.com/bonemet/bonemet/source"
)

// abstractTextSynthetic is what testdata/pubmed/synthetic_abstract.txt
// holds.
var abstractTextSynthetic = []pmWant{
	{
		ID: "PMID:90000001", PMID: "90000001", PMCID: "PMC9000001",
		Title:    "Osteoclast activation by tumour-derived PTHrP in a synthetic model of bone metastasis.",
		Citation: "Rivera AM et al. J Synth Bone Res. 2001",
		Journal:  "J Synth Bone Res", Year: "2001", DOI: "10.5555/jsbr.2001.0042",
		Authors: []string{"Rivera AM", "Okafor CN", "Synthetic Bone Consortium"},
		Sections: []pmWantSection{
			{"title", "Osteoclast activation by tumour-derived PTHrP in a synthetic model of bone metastasis.", 4, 1},
			{"abstract", "Breast cancer cells that reach bone secrete parathyroid hormone-related protein (PTHrP). " +
				"PTHrP raises RANKL on osteoblasts, and RANKL drives osteoclast formation. " +
				"Denosumab blocks RANKL and reduces osteolysis.", 13, 1},
		},
	},
	{
		// "[Article in French]", a "Comment in" list, labelled paragraphs,
		// a numbered paragraph inside the abstract, DOI from the DOI line.
		ID: "PMID:90000002", PMID: "90000002",
		Title:    "[Bone metastases in a synthetic cohort].",
		Citation: "Dubois M. Synth Rev Oncol. 1998",
		Journal:  "Synth Rev Oncol", Year: "1998", DOI: "10.5555/sro.1998.7",
		Authors: []string{"Dubois M"},
		Sections: []pmWantSection{
			{"title", "[Bone metastases in a synthetic cohort].", 26, 1},
			{"abstract/background", "Sclerostin (SOST) inhibits Wnt signalling in osteoblasts.", 35, 13},
			{"abstract/methods", "We gave a synthetic anti-sclerostin antibody in two steps. 1. A first dose was given on day one.", 37, 10},
			{"abstract/results", "Bone formation rose.", 41, 10},
			{"abstract/conclusions", "DKK1 and SOST restrain osteoblasts.", 43, 14},
		},
	},
	{
		// No abstract, no DOI, a conflict of interest statement after the
		// PMID.
		ID: "PMID:90000003", PMID: "90000003",
		Title:    "A letter without an abstract.",
		Citation: "Chen L et al. Synth Lett. 2005",
		Journal:  "Synth Lett", Year: "2005",
		Authors:  []string{"Chen L", "Smith JA Jr"},
		Sections: []pmWantSection{{"title", "A letter without an abstract.", 51, 1}},
	},
}

func TestAbstractTextReader(t *testing.T) {
	pmCheckFixture(t, "synthetic_abstract.txt", source.PubMedAbstractText, func(r io.Reader, name string) pmRecordReader {
		return pubmed.NewAbstractTextReader(r, name)
	}, abstractTextSynthetic)
}

var abstractTextShapeTests = []struct {
	name string
	in   string
	want []string // ID | Title | Authors | abstract
}{
	{"no authors", "1. Synth Lett. 2001;1:1.\n\nAn editorial.\n\nBone is alive.\n\nPMID: 1\n",
		[]string{"PMID:1|An editorial.||Bone is alive."}},
	{"authors without affiliations", "1. Synth Lett. 2001;1:1.\n\nA title.\n\nRoodman GD, De Angelis E.\n\nBone is alive.\n\nPMID: 1\n",
		[]string{"PMID:1|A title.|Roodman GD;De Angelis E|Bone is alive."}},
	{"doi from the citation", "1. Synth Lett. 2001;1:1. doi: 10.5555/x.1. Epub 2001 Jan 2.\n\nA title.\n",
		[]string{"doi:10.5555/x.1|A title.||"}},
	{"abstract in paragraphs", "1. Synth Lett. 2001;1:1.\n\nA title.\n\nFirst paragraph\nwrapped.\n\nSecond one.\n\n© 2001 Synth.\nThis article is protected by copyright.\n\nPMID: 1\n",
		[]string{"PMID:1|A title.||First paragraph wrapped. Second one."}},
	{"record numbers that restart", "7. Synth Lett. 2001;1:1.\n\nA.\n\nPMID: 1\n\n1. Synth Lett. 2002;1:2.\n\nB.\n\nPMID: 2\n",
		[]string{"PMID:1|A.||", "PMID:2|B.||"}},
	{"record without PMID line ends at next number", "1. Synth Lett. 2001;1:1. doi: 10.5555/a\n\nA.\n\n2. Synth Lett. 2002;1:2.\n\nB.\n\nPMID: 2\n",
		[]string{"doi:10.5555/a|A.||", "PMID:2|B.||"}},
	{"short abstract that is no author list", "1. Synth Lett. 2001;1:1.\n\nA title.\n\nResults in HIV.\n\nPMID: 1\n",
		[]string{"PMID:1|A title.||Results in HIV."}},
	{"year paragraph in abstract", "1. Synth Lett. 2001;1:1.\n\nA.\n\nCases rose until\n\n2015. Then they fell.\n\nPMID: 1\n",
		[]string{"PMID:1|A.||Cases rose until 2015. Then they fell."}},
}

func TestAbstractTextReaderShapes(t *testing.T) {
	for _, tt := range abstractTextShapeTests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := pmReadAll(t, pubmed.NewAbstractTextReader(strings.NewReader(tt.in), "a.txt"), 10)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			var got []string
			for _, d := range docs {
				abs, _ := d.Section(source.SectionAbstract)
				got = append(got, strings.Join([]string{d.ID, d.Title, strings.Join(d.Authors, ";"), abs.Text}, "|"))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

var abstractTextErrorTests = []struct {
	name      string
	in        string
	want      error
	line, col int
	ids       []string // documents read around the error
}{
	{"empty", "", source.ErrEmpty, 1, 1, nil},
	{"blank lines", "\n  \r\n\n", source.ErrEmpty, 1, 1, nil},
	{"not numbered", "\nHello.\n\n2. Synth Lett. 2006;3:4.\n\nA.\n\nPMID: 22\n", source.ErrSyntax, 2, 1, []string{"PMID:22"}},
	{"number without text", "1.\n", source.ErrSyntax, 1, 1, nil},
	{"bad PMID", "1. Synth Lett. 2001;1:1.\n\nA.\n\nDOI: 10.5555/a\nPMID:  9x9 \n", source.ErrSyntax, 6, 8, nil},
	{"no PMID, DOI or PMCID", "\n\n1. Synth Lett. 2001;1:1.\n\nA.\n\n2. Synth Lett. 2001;1:2.\n\nB.\n\nPMID: 2\n", source.ErrMissingField, 3, 1, []string{"PMID:2"}},
	{"binary junk", "\x00\x01\x02\xff\xfe", source.ErrSyntax, 1, 1, nil},
}

func TestAbstractTextReaderErrors(t *testing.T) {
	for _, tt := range abstractTextErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := pmReadAll(t, pubmed.NewAbstractTextReader(strings.NewReader(tt.in), "a.txt"), len(tt.in))
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

func TestAbstractTextReaderRecovers(t *testing.T) {
	rd := pubmed.NewAbstractTextReader(bytes.NewReader(pmFixture(t, "bad_abstract.txt")), "bad_abstract.txt")
	_, err := rd.Read()
	pmCheckErr(t, err, source.ErrSyntax, 1, 1)
	d, err := rd.Read()
	if err != nil || d.ID != "PMID:90000022" || d.Title != "A letter that reads fine." {
		t.Fatalf("after the error: %+v, %v", d, err)
	}
	if _, err := rd.Read(); err != io.EOF {
		t.Fatalf("at the end: %v, want io.EOF", err)
	}
}

func TestAbstractTextReaderLimits(t *testing.T) {
	for _, tt := range []struct {
		name      string
		max       int64
		in        io.Reader
		line, col int
	}{
		{"record", 64, strings.NewReader("1. Synth Lett. 2001;1:1.\n\nA title.\n\n" + strings.Repeat("Bone is alive.\n", 5)), 1, 1},
		{"endless line", 0, &pmInfinite{head: "1. Synth Lett. 2001;1:1.\n\n", fill: "x"}, 3, 1},
		{"endless record", 0, &pmInfinite{head: "1. Synth Lett. 2001;1:1.\n\n", fill: "Bone is alive.\n\n"}, 1, 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rd := pubmed.NewAbstractTextReader(tt.in, "big.txt")
			rd.Limits.MaxRecord = tt.max
			_, err := rd.Read()
			pmCheckErr(t, err, source.ErrTooLarge, tt.line, tt.col)
			if _, again := rd.Read(); again != err {
				t.Errorf("second Read: %v, want the same error", again)
			}
		})
	}
}

func FuzzAbstractText(f *testing.F) {
	for _, name := range []string{"synthetic_abstract.txt", "bad_abstract.txt"} {
		f.Add(pmFixture(f, name))
	}
	for _, tt := range abstractTextShapeTests {
		f.Add([]byte(tt.in))
	}
	for _, tt := range abstractTextErrorTests {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rd := pubmed.NewAbstractTextReader(bytes.NewReader(data), "fuzz")
		rd.Limits.MaxRecord = 4096
		pmCheckFuzz(t, rd, source.PubMedAbstractText, len(data))
	})
}
