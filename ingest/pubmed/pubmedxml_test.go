package pubmed_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/bonemet/bonemet/ingest/pubmed"
	"github.com/bonemet/bonemet/source"
)

// pubmedXMLSynthetic is what testdata/pubmed/synthetic.xml holds.
var pubmedXMLSynthetic = []pmWant{
	{
		ID: "PMID:90000001", PMID: "90000001", PMCID: "PMC9000001",
		Title:    "Osteoclast activation by tumour-derived PTHrP in a synthetic model of bone metastasis.",
		Citation: "Rivera AM et al. J Synth Bone Res. 2001",
		Journal:  "J Synth Bone Res", Year: "2001", DOI: "10.5555/jsbr.2001.0042",
		Authors: []string{"Rivera AM", "Okafor CN", "Synthetic Bone Consortium"},
		Sections: []pmWantSection{
			{"title", "Osteoclast activation by tumour-derived PTHrP in a synthetic model of bone metastasis.", 16, 21},
			{"abstract", "Breast cancer cells that reach bone secrete parathyroid hormone-related protein (PTHrP). " +
				"PTHrP raises RANKL on osteoblasts, and RANKL drives osteoclast formation. " +
				"Denosumab blocks RANKL and reduces osteolysis.", 19, 23},
		},
	},
	{
		// MedlineDate, a bracketed title with markup, labelled sections,
		// entities, MathML, an author marked invalid, no DOI.
		ID: "PMID:90000002", PMID: "90000002",
		Title:    "[Bone metastases in a synthetic cohort].",
		Citation: "Dubois M. Synth Rev Oncol. 1998",
		Journal:  "Synth Rev Oncol", Year: "1998",
		Authors: []string{"Dubois M"},
		Sections: []pmWantSection{
			{"title", "[Bone metastases in a synthetic cohort].", 52, 21},
			{"abstract/background", "Sclerostin (SOST) inhibits Wnt signalling in osteoblasts & osteocytes.", 54, 67},
			{"abstract/methods", "We gave a synthetic anti-sclerostin antibody (10 mg kg-1) to mice with Ca2+ at p<0.05.", 56, 11},
			{"abstract/results", "β-catenin rose in café mice.", 61, 39},
		},
	},
	{
		// A book chapter: chapter authors, not the book's editors.
		ID: "PMID:90000004", PMID: "90000004",
		Title:    "Bisphosphonates and zoledronic acid",
		Citation: "Writer W Jr. Synthetic Bone Handbook. 2012",
		Journal:  "Synthetic Bone Handbook", Year: "2012",
		Authors: []string{"Writer W Jr"},
		Sections: []pmWantSection{
			{"title", "Bisphosphonates and zoledronic acid", 82, 19},
			{"abstract", "Zoledronic acid binds bone mineral.", 84, 29},
		},
	},
}

func TestPubMedXMLReader(t *testing.T) {
	pmCheckFixture(t, "synthetic.xml", source.PubMedXML, func(r io.Reader, name string) pmRecordReader {
		return pubmed.NewXMLReader(r, name)
	}, pubmedXMLSynthetic)
}

var pubmedXMLShapeTests = []struct {
	name string
	in   string
	want []string // ID Title Year
}{
	{"record as root", `<PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>T.</ArticleTitle></Article></MedlineCitation></PubmedArticle>`,
		[]string{"PMID:1 T. "}},
	{"old baseline", "<MedlineCitationSet>\n<MedlineCitation Owner=\"NLM\"><PMID>2</PMID><Article><Journal><JournalIssue><PubDate><Year>2015</Year></PubDate></JournalIssue></Journal><ArticleTitle>U.</ArticleTitle></Article></MedlineCitation>\n<DeleteCitation><PMID>3</PMID></DeleteCitation>\n</MedlineCitationSet>",
		[]string{"PMID:2 U. 2015"}},
	{"empty set", "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n</PubmedArticleSet>\n", nil},
	{"doi from ELocationID only", `<PubmedArticleSet><PubmedArticle><MedlineCitation><Article><ArticleTitle>V.</ArticleTitle><ELocationID EIdType="pii">X1</ELocationID><ELocationID EIdType="doi" ValidYN="Y">10.5555/v</ELocationID></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>`,
		[]string{"doi:10.5555/v V. "}},
	{"pmid from ArticleIdList", `<PubmedArticleSet><PubmedArticle><MedlineCitation><Article><ArticleTitle>W.</ArticleTitle></Article></MedlineCitation><PubmedData><ArticleIdList><ArticleId IdType="pubmed">9</ArticleId></ArticleIdList></PubmedData></PubmedArticle></PubmedArticleSet>`,
		[]string{"PMID:9 W. "}},
	{"whole book", `<PubmedBookArticle><BookDocument><PMID>4</PMID><Book><BookTitle>Bone atlas</BookTitle><PubDate><MedlineDate>2001 Jan-Feb</MedlineDate></PubDate></Book></BookDocument></PubmedBookArticle>`,
		[]string{"PMID:4 Bone atlas 2001"}},
	{"unknown entity-free html entities", `<PubmedArticle><MedlineCitation><PMID>5</PMID><Article><ArticleTitle>&alpha;&ndash;&Beta; &hellip;</ArticleTitle></Article></MedlineCitation></PubmedArticle>`,
		[]string{"PMID:5 α–Β … "}},
	{"cdata and comment", `<PubmedArticle><MedlineCitation><PMID>6</PMID><Article><ArticleTitle><![CDATA[a < b]]><!-- x --> c</ArticleTitle></Article></MedlineCitation></PubmedArticle>`,
		[]string{"PMID:6 a < b c "}},
}

func TestPubMedXMLReaderShapes(t *testing.T) {
	for _, tt := range pubmedXMLShapeTests {
		t.Run(tt.name, func(t *testing.T) {
			docs, errs := pmReadAll(t, pubmed.NewXMLReader(strings.NewReader(tt.in), "x.xml"), 10)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			var got []string
			for _, d := range docs {
				got = append(got, d.ID+" "+d.Title+" "+d.Year)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("read %q, want %q", got, tt.want)
			}
		})
	}
}

var pubmedXMLErrorTests = []struct {
	name      string
	in        string
	file      string // fixture, instead of in
	want      error
	line, col int
	ids       []string // documents read around the error
}{
	{name: "truncated", file: "truncated.xml", want: source.ErrSyntax, line: 8, col: 1},
	{name: "unclosed tag", file: "unclosed.xml", want: source.ErrSyntax, line: 7, col: 58},
	{name: "external entity", file: "entity.xml", want: source.ErrSyntax, line: 9, col: 40},
	{name: "jats root", file: "jats.xml", want: source.ErrUnknownFormat, line: 3, col: 1},
	{name: "empty", in: "", want: source.ErrEmpty, line: 1, col: 1},
	{name: "blank", in: " \n\t\n", want: source.ErrEmpty, line: 1, col: 1},
	{name: "prolog only", in: "<?xml version=\"1.0\"?>\n", want: source.ErrSyntax, line: 2, col: 1},
	{name: "text", in: "\nhello", want: source.ErrUnknownFormat, line: 1, col: 1},
	{name: "binary junk", in: "\x00\x01\x02", want: source.ErrSyntax, line: 1, col: 4},
	{name: "latin-1", in: "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<PubmedArticleSet/>", want: source.ErrUnknownFormat, line: 1, col: 44},
	{name: "invalid utf-8", in: "<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>Caf\xe9</ArticleTitle>",
		want: source.ErrInvalidUTF8, line: 2, col: 74},
	{name: "text after root", in: "<PubmedArticleSet/>\nmore", want: source.ErrSyntax, line: 1, col: 20},
	{name: "no PMID, DOI or PMCID",
		in:   "<PubmedArticleSet>\n  <PubmedArticle><MedlineCitation><Article><ArticleTitle>A.</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n<PubmedArticle><MedlineCitation><PMID>2</PMID></MedlineCitation></PubmedArticle></PubmedArticleSet>",
		want: source.ErrMissingField, line: 2, col: 3, ids: []string{"PMID:2"}},
	{name: "bad PMID",
		in:   "<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID> 12x</PMID></MedlineCitation></PubmedArticle>\n<PubmedArticle><MedlineCitation><PMID>3</PMID></MedlineCitation></PubmedArticle></PubmedArticleSet>",
		want: source.ErrSyntax, line: 2, col: 40, ids: []string{"PMID:3"}},
	{name: "error after a record",
		in:   "<PubmedArticleSet>\n<PubmedArticle><MedlineCitation><PMID>1</PMID></MedlineCitation></PubmedArticle>\n<PubmedArticle><MedlineCitation><PMID>2</PMID></MedlineCitation></PubmedArticle>\n<PubmedArticle><Medline",
		want: source.ErrSyntax, line: 4, col: 24, ids: []string{"PMID:1", "PMID:2"}},
	{name: "mismatched end", in: "<PubmedArticleSet>\n<PubmedArticle>\n</PubmedArticleSet>", want: source.ErrSyntax, line: 3, col: 20},
}

func TestPubMedXMLReaderErrors(t *testing.T) {
	for _, tt := range pubmedXMLErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.in)
			if tt.file != "" {
				in = pmFixture(t, tt.file)
			}
			docs, errs := pmReadAll(t, pubmed.NewXMLReader(bytes.NewReader(in), "in.xml"), len(in))
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

// TestPubMedXMLReaderNoFetch points the DOCTYPE and an entity at a local
// server: the reader must not ask it for anything.
func TestPubMedXMLReaderNoFetch(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, `<!ENTITY title "fetched">`)
	}))
	defer srv.Close()
	docs := []string{
		`<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle//EN" "` + srv.URL + `/pubmed.dtd">
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>Local.</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>`,
		`<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [ <!ENTITY % dtd SYSTEM "` + srv.URL + `/x.dtd"> %dtd; <!ENTITY t SYSTEM "` + srv.URL + `/t"> ]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&t;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>`,
	}
	for i, in := range docs {
		d, err := pubmed.NewXMLReader(strings.NewReader(in), "x.xml").Read()
		switch {
		case i == 0 && (err != nil || d.Title != "Local."):
			t.Errorf("external DTD: %+v, %v", d, err)
		case i == 1 && err == nil:
			t.Errorf("external entity: read %q, want an error", d.Title)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the reader made %d requests", n)
	}
}

var pubmedXMLLimitTests = []struct {
	name      string
	max       int64
	in        io.Reader
	line, col int
}{
	{"record", 100, strings.NewReader("<PubmedArticleSet>\n <PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>" +
		strings.Repeat("osteolysis ", 20) + "</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"), 2, 2},
	{"token outside records", 100, strings.NewReader("<PubmedArticleSet>\n<!-- " + strings.Repeat("x", 200) + " -->"), 2, 1},
	{"endless text", 0, &pmInfinite{head: "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>", fill: "1"}, 1, 19},
	{"endless comment", 0, &pmInfinite{head: "<?xml version=\"1.0\"?><!--", fill: "x"}, 1, 22},
	{"endless nesting", 0, &pmInfinite{head: "<PubmedArticleSet><PubmedArticle>", fill: "<i>"}, 1, 802},
	{"endless nesting outside records", 0, &pmInfinite{head: "<PubmedArticleSet><Other>", fill: "<i>"}, 1, 794},
}

// TestPubMedXMLReaderLimits checks that no input makes the reader hold more
// than MaxRecord bytes, endless input included.
func TestPubMedXMLReaderLimits(t *testing.T) {
	for _, tt := range pubmedXMLLimitTests {
		t.Run(tt.name, func(t *testing.T) {
			rd := pubmed.NewXMLReader(tt.in, "big.xml")
			rd.Limits.MaxRecord = tt.max
			_, err := rd.Read()
			pmCheckErr(t, err, source.ErrTooLarge, tt.line, tt.col)
			if _, again := rd.Read(); again != err {
				t.Errorf("second Read: %v, want the same error", again)
			}
		})
	}
}

func FuzzPubMedXML(f *testing.F) {
	for _, name := range []string{"synthetic.xml", "truncated.xml", "unclosed.xml", "entity.xml", "jats.xml"} {
		f.Add(pmFixture(f, name))
	}
	for _, tt := range pubmedXMLShapeTests {
		f.Add([]byte(tt.in))
	}
	for _, tt := range pubmedXMLErrorTests {
		if tt.in != "" {
			f.Add([]byte(tt.in))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rd := pubmed.NewXMLReader(bytes.NewReader(data), "fuzz")
		rd.Limits.MaxRecord = 4096
		pmCheckFuzz(t, rd, source.PubMedXML, len(data))
	})
}
