package pubmed

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/bonemet/bonemet/source"
)

// XMLReader reads PubMed XML: the PubmedArticleSet that PubMed's
// "Save > Format: XML" and efetch (db=pubmed, retmode=xml) return, and the
// annual baseline files, old (MedlineCitationSet) and new. It reads
// PubmedArticle, PubmedBookArticle and MedlineCitation records, token by
// token with [encoding/xml], holding one record at a time; other elements
// (DeleteCitation, ...) are skipped. A file holding a single record as its
// root element is read too.
//
// Read fills a [Document] of kind [PubMedXML]: PMID (MedlineCitation/PMID),
// Title and the [SectionTitle] section (ArticleTitle; for a book,
// BookTitle when there is no ArticleTitle), the abstract, Authors
// ("LastName Initials", plus Suffix, or CollectiveName; editors and authors
// marked ValidYN="N" are left out), Journal (MedlineTA, else
// ISOAbbreviation, else Title: the NLM abbreviation, as in [MedlineReader]
// and [AbstractTextReader]; for a book chapter, the book title), Year
// (PubDate/Year, else the first four-digit year of PubDate/MedlineDate:
// "1998 Dec-1999 Jan" gives "1998"), DOI (ArticleIdList, else ELocationID)
// and PMCID (ArticleIdList). Each AbstractText with a Label is a section
// named "abstract/<label in lower case>" ("abstract/background"); unlabelled
// text is the [SectionAbstract] section. CopyrightInformation and
// OtherAbstract are skipped. Inline markup inside titles and abstracts
// (<i>, <b>, <sup>, <sub>, MathML, ...) is flattened to its character data,
// so "at the<i>TERT</i>gene" reads "at theTERTgene" and
// "Ca<sup>2+</sup>" reads "Ca2+"; white space between MathML elements is
// dropped, and other white space is folded to single spaces. A translated
// title keeps its brackets ("[Bone metastases]."). Section positions point
// at the first character of the text.
//
// The input must be UTF-8 (as PubMed serves it); another declared encoding
// fails with [ErrUnknownFormat], and invalid UTF-8 with [ErrInvalidUTF8].
// HTML named entities (&nbsp;, &eacute;, ...) and numeric character
// references decode. The DOCTYPE's external DTD is never fetched, nor any
// entity it or the internal subset declares: encoding/xml reads DOCTYPE as
// an opaque directive and has no network or file access, and a reference to
// an undeclared entity is a syntax error.
type XMLReader struct {
	// Limits bound what Read accepts: MaxRecord, the largest record (and,
	// for line formats, the longest line) in bytes; MaxDepth, the nesting
	// of XML elements. The zero value means the defaults.
	Limits source.Limits

	in     xmlInput
	d      *xml.Decoder
	file   string
	err    error // sticky
	depth  int   // 0 outside the root, 1 inside a record set
	root   bool  // the root element was seen
	prolog bool  // a declaration, DOCTYPE, comment or processing instruction was seen
}

// NewXMLReader returns a reader of the PubMed XML records in r; file
// names r in positions and in [Document.File].
func NewXMLReader(r io.Reader, file string) *XMLReader {
	x := &XMLReader{in: xmlInput{br: bufio.NewReader(r)}, file: file}
	x.d = xml.NewDecoder(&x.in)
	x.d.Strict = true
	x.d.Entity = xml.HTMLEntity
	x.d.CharsetReader = func(label string, _ io.Reader) (io.Reader, error) {
		return nil, fmt.Errorf("%w: encoding %q (only UTF-8 is read)", source.ErrUnknownFormat, label)
	}
	return x
}

// xmlInput feeds the decoder byte by byte (it is an io.ByteReader, so the
// decoder reads no further ahead) and stops at a limit.
type xmlInput struct {
	br     *bufio.Reader
	n      int64 // bytes read
	limit  int64 // bytes allowed
	ioErr  error // the last error of br other than io.EOF
	bomOff bool  // a leading byte-order mark was dropped
	// The line being read (cur, its number line) and the one before, for
	// the text of error messages; each is kept to maxLineKept bytes.
	line      int
	cur, prev []byte
}

// maxLineKept bounds the bytes of a line kept for messages.
const maxLineKept = 4 << 10

// text returns line n when it is the line being read (completed from the
// input not yet read) or the one before; "" otherwise.
func (in *xmlInput) text(n int) string {
	switch n {
	case in.line + 1:
		rest, _ := in.br.Peek(min(in.br.Buffered(), maxLineKept))
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			rest = rest[:i]
		}
		return strings.TrimSuffix(string(in.cur)+string(rest), "\r")
	case in.line:
		return strings.TrimSuffix(string(in.prev), "\r")
	}
	return ""
}

func (in *xmlInput) ReadByte() (byte, error) {
	if in.n >= in.limit {
		return 0, source.ErrTooLarge
	}
	if in.n == 0 && !in.bomOff {
		in.bomOff = true
		if b, err := in.br.Peek(3); err == nil && string(b) == "\uFEFF" {
			in.br.Discard(3)
		}
	}
	b, err := in.br.ReadByte()
	if err != nil {
		if err != io.EOF {
			in.ioErr = err
		}
		return 0, err
	}
	in.n++
	if b == '\n' {
		in.line++
		in.prev, in.cur = append(in.prev[:0], in.cur...), in.cur[:0]
	} else if len(in.cur) < maxLineKept {
		in.cur = append(in.cur, b)
	}
	return b, nil
}

func (in *xmlInput) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	b, err := in.ReadByte()
	if err != nil {
		return 0, err
	}
	p[0] = b
	return 1, nil
}

// pos returns the decoder's position: just after the last token.
func (x *XMLReader) pos() source.Pos {
	line, col := x.d.InputPos()
	return source.Pos{File: x.file, Line: line, Column: col}
}

// Read returns the next record, or io.EOF after the last. An input holding
// nothing but white space fails with [ErrEmpty]; one whose root element is
// not a PubMed one (a PMC JATS article, say) with [ErrUnknownFormat].
// Errors are [*ParseError]s. A record without PMID or DOI
// ([ErrMissingField], at the record's start) or with a PMID that is not a
// number ([ErrSyntax], at the PMID) is skipped: Read may be called again
// and goes on with the next record. Malformed XML ([ErrSyntax]; invalid
// UTF-8 also wraps [ErrInvalidUTF8]), a record over Limits.MaxRecord or nested
// deeper than 256 elements ([ErrTooLarge]) or an I/O error end the
// reading: Read returns the same error from then on. Malformed XML is
// reported where the decoder stopped ([encoding/xml.Decoder.InputPos]):
// just after the bad byte or token.
func (x *XMLReader) Read() (*source.Document, error) {
	d, err := x.read()
	var pe *source.ParseError
	if errors.As(err, &pe) && pe.Text == "" && pe.Line > 0 {
		pe.Text = x.in.text(pe.Line)
	}
	return d, err
}

func (x *XMLReader) read() (*source.Document, error) {
	if x.err != nil {
		return nil, x.err
	}
	max := x.Limits.WithDefaults().MaxRecord
	for {
		before := x.pos()
		x.in.limit = x.in.n + max
		tok, err := x.d.Token()
		if err == io.EOF {
			switch {
			case x.root:
				x.err = io.EOF
			case x.prolog:
				x.err = source.ErrorAt(x.pos(), fmt.Errorf("%w: no root element", source.ErrSyntax))
			default:
				x.err = &source.ParseError{File: x.file, Line: 1, Column: 1, Err: source.ErrEmpty}
			}
			return nil, x.err
		}
		if err != nil {
			return nil, x.fail(err, before)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			if x.depth == 0 {
				if !xmlRoots[name] {
					x.err = source.ErrorAt(before, fmt.Errorf("%w: root element <%s> is not PubMed XML", source.ErrUnknownFormat, clip(name)))
					return nil, x.err
				}
				x.root = true
				if xmlRecords[name] {
					return x.record(t, before)
				}
				x.depth = 1
				continue
			}
			if xmlRecords[name] {
				return x.record(t, before)
			}
			if err := x.skip(before); err != nil {
				return nil, err
			}
		case xml.EndElement:
			x.depth = 0
		case xml.CharData:
			if x.depth == 0 && strings.TrimSpace(string(t)) != "" {
				cause := source.ErrUnknownFormat
				if x.root {
					cause = source.ErrSyntax
				}
				x.err = source.ErrorAt(before, fmt.Errorf("%w: text outside the root element", cause))
				return nil, x.err
			}
		case xml.ProcInst, xml.Directive, xml.Comment:
			x.prolog = true
		}
	}
}

// xmlRecords are the elements read as records.
var xmlRecords = map[string]bool{"PubmedArticle": true, "PubmedBookArticle": true, "MedlineCitation": true}

// broken reports whether Read has failed for good.
func (x *XMLReader) broken() bool { return x.err != nil }

// fail turns a decoder error into a sticky *ParseError. at is where the
// token or record being read started.
func (x *XMLReader) fail(err error, at source.Pos) error {
	var se *xml.SyntaxError
	switch {
	case errors.Is(err, source.ErrTooLarge):
		err = source.ErrorAt(at, fmt.Errorf("%w: XML record or token longer than %d bytes", source.ErrTooLarge, x.Limits.WithDefaults().MaxRecord))
	case x.in.ioErr != nil && err == x.in.ioErr:
		err = source.ErrorAt(x.pos(), err)
	case errors.Is(err, source.ErrUnknownFormat):
		err = source.ErrorAt(x.pos(), err)
	case errors.As(err, &se) && strings.Contains(se.Msg, "invalid UTF-8"):
		err = source.ErrorAt(x.pos(), fmt.Errorf("%w: %w", source.ErrSyntax, source.ErrInvalidUTF8))
	case errors.As(err, &se):
		err = source.ErrorAt(x.pos(), fmt.Errorf("%w: %s", source.ErrSyntax, se.Msg))
	default:
		err = source.ErrorAt(x.pos(), fmt.Errorf("%w: %v", source.ErrSyntax, err))
	}
	x.err = err
	return err
}

// skip skips the element whose start was just read.
func (x *XMLReader) skip(at source.Pos) error {
	for depth := 1; depth > 0; {
		tok, err := x.d.Token()
		if err != nil {
			return x.fail(err, at)
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth++; depth > x.Limits.WithDefaults().MaxDepth {
				return x.tooDeep()
			}
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

func (x *XMLReader) tooDeep() error {
	x.err = source.ErrorAt(x.pos(), fmt.Errorf("%w: elements nested deeper than %d", source.ErrTooLarge, x.Limits.WithDefaults().MaxDepth))
	return x.err
}

// What the text of an element is, by its path below the record element
// (the MedlineCitation record of old baseline files included).
const (
	xmlNone = iota
	xmlPMID
	xmlTitle
	xmlBookTitle
	xmlJournalTitle
	xmlISOAbbrev
	xmlMedlineTA
	xmlYear
	xmlMedlineDate
	xmlELocation
	xmlArticleID
	xmlAbstract
	xmlAuthorList
	xmlAuthor
	xmlLastName
	xmlInitials
	xmlSuffix
	xmlCollective
)

var xmlPaths = xmlAddAuthorPaths(map[string]int{
	"MedlineCitation/PMID":                                             xmlPMID,
	"MedlineCitation/Article/ArticleTitle":                             xmlTitle,
	"MedlineCitation/Article/Journal/Title":                            xmlJournalTitle,
	"MedlineCitation/Article/Journal/ISOAbbreviation":                  xmlISOAbbrev,
	"MedlineCitation/MedlineJournalInfo/MedlineTA":                     xmlMedlineTA,
	"MedlineCitation/Article/Journal/JournalIssue/PubDate/Year":        xmlYear,
	"MedlineCitation/Article/Journal/JournalIssue/PubDate/MedlineDate": xmlMedlineDate,
	"MedlineCitation/Article/ELocationID":                              xmlELocation,
	"MedlineCitation/Article/Abstract/AbstractText":                    xmlAbstract,
	"PubmedData/ArticleIdList/ArticleId":                               xmlArticleID,

	"BookDocument/PMID":                      xmlPMID,
	"BookDocument/ArticleTitle":              xmlTitle,
	"BookDocument/Book/BookTitle":            xmlBookTitle,
	"BookDocument/Book/PubDate/Year":         xmlYear,
	"BookDocument/Book/PubDate/MedlineDate":  xmlMedlineDate,
	"BookDocument/ELocationID":               xmlELocation,
	"BookDocument/ArticleIdList/ArticleId":   xmlArticleID,
	"BookDocument/Abstract/AbstractText":     xmlAbstract,
	"PubmedBookData/ArticleIdList/ArticleId": xmlArticleID,
})

// xmlAddAuthorPaths adds the paths of the author lists: the article's (or
// chapter's) and, for a whole book, the book's.
func xmlAddAuthorPaths(m map[string]int) map[string]int {
	for _, l := range []string{"MedlineCitation/Article/AuthorList", "BookDocument/AuthorList", "BookDocument/Book/AuthorList"} {
		m[l] = xmlAuthorList
		m[l+"/Author"] = xmlAuthor
		m[l+"/Author/LastName"] = xmlLastName
		m[l+"/Author/Initials"] = xmlInitials
		m[l+"/Author/Suffix"] = xmlSuffix
		m[l+"/Author/CollectiveName"] = xmlCollective
	}
	return m
}

// xmlCapture collects the character data of one element and of all the
// elements inside it.
type xmlCapture struct {
	what  int
	depth int // len(stack) when the element started
	attr  []xml.Attr
	text  strings.Builder
	pos   source.Pos // where the text starts
	found bool       // pos is set
	math  int        // MathML elements open
}

// xmlMathML reports whether an element is MathML (<mml:math>, ...).
func xmlMathML(n xml.Name) bool {
	return n.Space == "http://www.w3.org/1998/Math/MathML" || n.Space == "mml"
}

// xmlPerson is an author being read.
type xmlPerson struct {
	last, initials, suffix, collective string
	invalid                            bool
}

func (a xmlPerson) name() string {
	if a.collective != "" {
		return a.collective
	}
	n := strings.TrimSpace(a.last + " " + a.initials)
	if a.suffix != "" && n != "" {
		n += " " + a.suffix
	}
	return n
}

// xmlRecord is what a record has told so far.
type xmlRecord struct {
	pmid                  string
	pmidPos               source.Pos
	title, bookTitle      *source.Section
	journalTitle, iso, ta string
	year, medlineDate     string
	elocDOI, idDOI, idPMC string
	sections              []source.Section
	authors               [2][]string // article's, book's
	list                  int         // index into authors of the list being read, -1 to skip
	author                xmlPerson
}

func xmlAttr(attrs []xml.Attr, name string) string {
	for _, a := range attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// record reads the record whose start element was just read.
func (x *XMLReader) record(start xml.StartElement, at source.Pos) (*source.Document, error) {
	max := x.Limits.WithDefaults().MaxRecord
	x.in.limit = x.in.n + max
	base := 1 // paths start below the record element...
	if start.Name.Local == "MedlineCitation" {
		base = 0 // ...or with it, so that old and new files share paths
	}
	stack := []string{start.Name.Local}
	var rec xmlRecord
	var capt *xmlCapture
	for len(stack) > 0 {
		before := x.pos()
		tok, err := x.d.Token()
		if err != nil {
			if errors.Is(err, source.ErrTooLarge) {
				return nil, x.fail(err, at)
			}
			return nil, x.fail(err, before)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= x.Limits.WithDefaults().MaxDepth {
				return nil, x.tooDeep()
			}
			stack = append(stack, t.Name.Local)
			if capt != nil { // inline markup
				if xmlMathML(t.Name) {
					capt.math++
				}
				continue
			}
			what := xmlPaths[strings.Join(stack[base:], "/")]
			switch what {
			case xmlNone:
			case xmlAuthorList:
				switch {
				case xmlAttr(t.Attr, "Type") == "editors":
					rec.list = -1
				case stack[len(stack)-2] == "Book":
					rec.list = 1
				default:
					rec.list = 0
				}
			case xmlAuthor:
				rec.author = xmlPerson{invalid: xmlAttr(t.Attr, "ValidYN") == "N"}
			default:
				capt = &xmlCapture{what: what, depth: len(stack), attr: t.Attr}
			}
		case xml.EndElement:
			if capt != nil && len(stack) == capt.depth {
				x.captured(&rec, capt)
				capt = nil
			} else if capt != nil && xmlMathML(t.Name) {
				capt.math--
			} else if capt == nil && t.Name.Local == "Author" && rec.list >= 0 && !rec.author.invalid &&
				xmlPaths[strings.Join(stack[base:], "/")] == xmlAuthor {
				if n := rec.author.name(); n != "" {
					rec.authors[rec.list] = append(rec.authors[rec.list], n)
				}
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if capt == nil || capt.math > 0 && len(bytes.TrimSpace(t)) == 0 {
				// White space between MathML elements is not text.
				continue
			}
			if !capt.found {
				s := string(t)
				trim := strings.TrimLeftFunc(s, unicode.IsSpace)
				if trim != "" {
					capt.pos = xmlAdvance(before, s[:len(s)-len(trim)])
					capt.found = true
				}
			}
			capt.text.Write(t)
		}
	}
	return x.document(&rec, start.Name.Local, at)
}

// xmlAdvance returns the position after skipping the white space ws from p.
func xmlAdvance(p source.Pos, ws string) source.Pos {
	for i := 0; i < len(ws); i++ {
		if ws[i] == '\n' {
			p.Line++
			p.Column = 1
		} else {
			p.Column++
		}
	}
	return p
}

// captured stores the text of a captured element.
func (x *XMLReader) captured(rec *xmlRecord, c *xmlCapture) {
	v := source.Collapse(c.text.String())
	switch c.what {
	case xmlPMID:
		if rec.pmid == "" {
			rec.pmid, rec.pmidPos = v, c.pos
		}
	case xmlTitle:
		if rec.title == nil {
			rec.title = &source.Section{Name: source.SectionTitle, Text: v, Pos: c.pos}
		}
	case xmlBookTitle:
		if rec.bookTitle == nil {
			rec.bookTitle = &source.Section{Name: source.SectionTitle, Text: v, Pos: c.pos}
		}
	case xmlJournalTitle:
		rec.journalTitle = v
	case xmlISOAbbrev:
		rec.iso = v
	case xmlMedlineTA:
		rec.ta = v
	case xmlYear:
		rec.year = firstYear(v)
	case xmlMedlineDate:
		rec.medlineDate = firstYear(v)
	case xmlELocation:
		if rec.elocDOI == "" && xmlAttr(c.attr, "EIdType") == "doi" && xmlAttr(c.attr, "ValidYN") != "N" {
			rec.elocDOI = cleanDOI(v)
		}
	case xmlArticleID:
		switch xmlAttr(c.attr, "IdType") {
		case "doi":
			if rec.idDOI == "" {
				rec.idDOI = cleanDOI(v)
			}
		case "pmc":
			if rec.idPMC == "" {
				rec.idPMC = v
			}
		case "pubmed":
			if rec.pmid == "" {
				rec.pmid, rec.pmidPos = v, c.pos
			}
		}
	case xmlAbstract:
		if v == "" {
			return
		}
		name := source.SectionAbstract
		if l := source.Collapse(xmlAttr(c.attr, "Label")); l != "" {
			name += "/" + strings.ToLower(l)
		} else if n := len(rec.sections); n > 0 && rec.sections[n-1].Name == source.SectionAbstract {
			rec.sections[n-1].Text += " " + v
			return
		}
		rec.sections = append(rec.sections, source.Section{Name: name, Text: v, Pos: c.pos})
	case xmlLastName:
		rec.author.last = v
	case xmlInitials:
		rec.author.initials = v
	case xmlSuffix:
		rec.author.suffix = v
	case xmlCollective:
		rec.author.collective = v
	}
}

// document builds the document of a record.
func (x *XMLReader) document(rec *xmlRecord, kind string, at source.Pos) (*source.Document, error) {
	d := &source.Document{Kind: source.PubMedXML, File: x.file, PMID: rec.pmid, PMCID: rec.idPMC}
	if d.PMID != "" && !validPMID(d.PMID) {
		return nil, source.ErrorAt(rec.pmidPos, fmt.Errorf("%w: PMID %q is not a number", source.ErrSyntax, clip(d.PMID)))
	}
	d.DOI = rec.idDOI
	if d.DOI == "" {
		d.DOI = rec.elocDOI
	}
	d.Year = rec.year
	if d.Year == "" {
		d.Year = rec.medlineDate
	}
	d.Authors = rec.authors[0]
	if len(d.Authors) == 0 {
		d.Authors = rec.authors[1]
	}
	title := rec.title
	switch {
	case kind != "PubmedBookArticle":
		d.Journal = rec.ta
		if d.Journal == "" {
			d.Journal = rec.iso
		}
		if d.Journal == "" {
			d.Journal = rec.journalTitle
		}
	case title == nil:
		title = rec.bookTitle
	case rec.bookTitle != nil:
		d.Journal = rec.bookTitle.Text
	}
	if title != nil && title.Text != "" {
		d.Title = title.Text
		d.Sections = append(d.Sections, *title)
	}
	d.Sections = append(d.Sections, rec.sections...)
	if !finish(d) {
		return nil, source.ErrorAt(at, fmt.Errorf("%w: <%s> has no PMID, DOI or PMCID", source.ErrMissingField, kind))
	}
	return d, nil
}
