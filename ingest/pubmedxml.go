package ingest

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// PubMedXMLReader reads PubMed XML: the PubmedArticleSet that PubMed's
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
type PubMedXMLReader struct {
	// MaxRecord is the largest record Read accepts, in bytes; 0 means
	// [DefaultMaxBytes] (16 MiB). Outside records it bounds every XML token
	// (a DOCTYPE, a comment) and every element skipped. A larger one fails
	// with [ErrTooLarge].
	MaxRecord int64

	in     pmxInput
	d      *xml.Decoder
	file   string
	err    error // sticky
	depth  int   // 0 outside the root, 1 inside a record set
	root   bool  // the root element was seen
	prolog bool  // a declaration, DOCTYPE, comment or processing instruction was seen
}

// pmxMaxDepth bounds the nesting of elements in a record.
const pmxMaxDepth = 256

// NewPubMedXMLReader returns a reader of the PubMed XML records in r; file
// names r in positions and in [Document.File].
func NewPubMedXMLReader(r io.Reader, file string) *PubMedXMLReader {
	x := &PubMedXMLReader{in: pmxInput{br: bufio.NewReader(r)}, file: file}
	x.d = xml.NewDecoder(&x.in)
	x.d.Strict = true
	x.d.Entity = xml.HTMLEntity
	x.d.CharsetReader = func(label string, _ io.Reader) (io.Reader, error) {
		return nil, fmt.Errorf("%w: encoding %q (only UTF-8 is read)", ErrUnknownFormat, label)
	}
	return x
}

// pmxInput feeds the decoder byte by byte (it is an io.ByteReader, so the
// decoder reads no further ahead) and stops at a limit.
type pmxInput struct {
	br     *bufio.Reader
	n      int64 // bytes read
	limit  int64 // bytes allowed
	ioErr  error // the last error of br other than io.EOF
	bomOff bool  // a leading byte-order mark was dropped
}

func (in *pmxInput) ReadByte() (byte, error) {
	if in.n >= in.limit {
		return 0, ErrTooLarge
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
	return b, nil
}

func (in *pmxInput) Read(p []byte) (int, error) {
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
func (x *PubMedXMLReader) pos() Pos {
	line, col := x.d.InputPos()
	return Pos{x.file, line, col}
}

// Read returns the next record, or io.EOF after the last. An input holding
// nothing but white space fails with [ErrEmpty]; one whose root element is
// not a PubMed one (a PMC JATS article, say) with [ErrUnknownFormat].
// Errors are [*ParseError]s. A record without PMID or DOI
// ([ErrMissingField], at the record's start) or with a PMID that is not a
// number ([ErrSyntax], at the PMID) is skipped: Read may be called again
// and goes on with the next record. Malformed XML ([ErrSyntax]; invalid
// UTF-8 also wraps [ErrInvalidUTF8]), a record over MaxRecord or nested
// deeper than 256 elements ([ErrTooLarge]) or an I/O error end the
// reading: Read returns the same error from then on. Malformed XML is
// reported where the decoder stopped ([encoding/xml.Decoder.InputPos]):
// just after the bad byte or token.
func (x *PubMedXMLReader) Read() (*Document, error) {
	if x.err != nil {
		return nil, x.err
	}
	max := pmMax(x.MaxRecord)
	for {
		before := x.pos()
		x.in.limit = x.in.n + max
		tok, err := x.d.Token()
		if err == io.EOF {
			switch {
			case x.root:
				x.err = io.EOF
			case x.prolog:
				x.err = errAt(x.pos(), fmt.Errorf("%w: no root element", ErrSyntax))
			default:
				x.err = &ParseError{File: x.file, Line: 1, Column: 1, Err: ErrEmpty}
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
				if !pmXMLRoots[name] {
					x.err = errAt(before, fmt.Errorf("%w: root element <%s> is not PubMed XML", ErrUnknownFormat, pmClip(name)))
					return nil, x.err
				}
				x.root = true
				if pmxRecords[name] {
					return x.record(t, before)
				}
				x.depth = 1
				continue
			}
			if pmxRecords[name] {
				return x.record(t, before)
			}
			if err := x.skip(before); err != nil {
				return nil, err
			}
		case xml.EndElement:
			x.depth = 0
		case xml.CharData:
			if x.depth == 0 && strings.TrimSpace(string(t)) != "" {
				cause := ErrUnknownFormat
				if x.root {
					cause = ErrSyntax
				}
				x.err = errAt(before, fmt.Errorf("%w: text outside the root element", cause))
				return nil, x.err
			}
		case xml.ProcInst, xml.Directive, xml.Comment:
			x.prolog = true
		}
	}
}

// pmxRecords are the elements read as records.
var pmxRecords = map[string]bool{"PubmedArticle": true, "PubmedBookArticle": true, "MedlineCitation": true}

// broken reports whether Read has failed for good.
func (x *PubMedXMLReader) broken() bool { return x.err != nil }

// fail turns a decoder error into a sticky *ParseError. at is where the
// token or record being read started.
func (x *PubMedXMLReader) fail(err error, at Pos) error {
	var se *xml.SyntaxError
	switch {
	case errors.Is(err, ErrTooLarge):
		err = errAt(at, fmt.Errorf("%w: XML record or token longer than %d bytes", ErrTooLarge, pmMax(x.MaxRecord)))
	case x.in.ioErr != nil && err == x.in.ioErr:
		err = errAt(x.pos(), err)
	case errors.Is(err, ErrUnknownFormat):
		err = errAt(x.pos(), err)
	case errors.As(err, &se) && strings.Contains(se.Msg, "invalid UTF-8"):
		err = errAt(x.pos(), fmt.Errorf("%w: %w", ErrSyntax, ErrInvalidUTF8))
	case errors.As(err, &se):
		err = errAt(x.pos(), fmt.Errorf("%w: %s", ErrSyntax, se.Msg))
	default:
		err = errAt(x.pos(), fmt.Errorf("%w: %v", ErrSyntax, err))
	}
	x.err = err
	return err
}

// skip skips the element whose start was just read.
func (x *PubMedXMLReader) skip(at Pos) error {
	for depth := 1; depth > 0; {
		tok, err := x.d.Token()
		if err != nil {
			return x.fail(err, at)
		}
		switch tok.(type) {
		case xml.StartElement:
			if depth++; depth > pmxMaxDepth {
				return x.tooDeep()
			}
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

func (x *PubMedXMLReader) tooDeep() error {
	x.err = errAt(x.pos(), fmt.Errorf("%w: elements nested deeper than %d", ErrTooLarge, pmxMaxDepth))
	return x.err
}

// What the text of an element is, by its path below the record element
// (the MedlineCitation record of old baseline files included).
const (
	pmxNone = iota
	pmxPMID
	pmxTitle
	pmxBookTitle
	pmxJournalTitle
	pmxISOAbbrev
	pmxMedlineTA
	pmxYear
	pmxMedlineDate
	pmxELocation
	pmxArticleID
	pmxAbstract
	pmxAuthorList
	pmxAuthor
	pmxLastName
	pmxInitials
	pmxSuffix
	pmxCollective
)

var pmxPaths = pmxAddAuthorPaths(map[string]int{
	"MedlineCitation/PMID":                                             pmxPMID,
	"MedlineCitation/Article/ArticleTitle":                             pmxTitle,
	"MedlineCitation/Article/Journal/Title":                            pmxJournalTitle,
	"MedlineCitation/Article/Journal/ISOAbbreviation":                  pmxISOAbbrev,
	"MedlineCitation/MedlineJournalInfo/MedlineTA":                     pmxMedlineTA,
	"MedlineCitation/Article/Journal/JournalIssue/PubDate/Year":        pmxYear,
	"MedlineCitation/Article/Journal/JournalIssue/PubDate/MedlineDate": pmxMedlineDate,
	"MedlineCitation/Article/ELocationID":                              pmxELocation,
	"MedlineCitation/Article/Abstract/AbstractText":                    pmxAbstract,
	"PubmedData/ArticleIdList/ArticleId":                               pmxArticleID,

	"BookDocument/PMID":                      pmxPMID,
	"BookDocument/ArticleTitle":              pmxTitle,
	"BookDocument/Book/BookTitle":            pmxBookTitle,
	"BookDocument/Book/PubDate/Year":         pmxYear,
	"BookDocument/Book/PubDate/MedlineDate":  pmxMedlineDate,
	"BookDocument/ELocationID":               pmxELocation,
	"BookDocument/ArticleIdList/ArticleId":   pmxArticleID,
	"BookDocument/Abstract/AbstractText":     pmxAbstract,
	"PubmedBookData/ArticleIdList/ArticleId": pmxArticleID,
})

// pmxAddAuthorPaths adds the paths of the author lists: the article's (or
// chapter's) and, for a whole book, the book's.
func pmxAddAuthorPaths(m map[string]int) map[string]int {
	for _, l := range []string{"MedlineCitation/Article/AuthorList", "BookDocument/AuthorList", "BookDocument/Book/AuthorList"} {
		m[l] = pmxAuthorList
		m[l+"/Author"] = pmxAuthor
		m[l+"/Author/LastName"] = pmxLastName
		m[l+"/Author/Initials"] = pmxInitials
		m[l+"/Author/Suffix"] = pmxSuffix
		m[l+"/Author/CollectiveName"] = pmxCollective
	}
	return m
}

// pmxCapture collects the character data of one element and of all the
// elements inside it.
type pmxCapture struct {
	what  int
	depth int // len(stack) when the element started
	attr  []xml.Attr
	text  strings.Builder
	pos   Pos  // where the text starts
	found bool // pos is set
	math  int  // MathML elements open
}

// pmxMathML reports whether an element is MathML (<mml:math>, ...).
func pmxMathML(n xml.Name) bool {
	return n.Space == "http://www.w3.org/1998/Math/MathML" || n.Space == "mml"
}

// pmxPerson is an author being read.
type pmxPerson struct {
	last, initials, suffix, collective string
	invalid                            bool
}

func (a pmxPerson) name() string {
	if a.collective != "" {
		return a.collective
	}
	n := strings.TrimSpace(a.last + " " + a.initials)
	if a.suffix != "" && n != "" {
		n += " " + a.suffix
	}
	return n
}

// pmxRecord is what a record has told so far.
type pmxRecord struct {
	pmid                  string
	pmidPos               Pos
	title, bookTitle      *Section
	journalTitle, iso, ta string
	year, medlineDate     string
	elocDOI, idDOI, idPMC string
	sections              []Section
	authors               [2][]string // article's, book's
	list                  int         // index into authors of the list being read, -1 to skip
	author                pmxPerson
}

func pmxAttr(attrs []xml.Attr, name string) string {
	for _, a := range attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// record reads the record whose start element was just read.
func (x *PubMedXMLReader) record(start xml.StartElement, at Pos) (*Document, error) {
	max := pmMax(x.MaxRecord)
	x.in.limit = x.in.n + max
	base := 1 // paths start below the record element...
	if start.Name.Local == "MedlineCitation" {
		base = 0 // ...or with it, so that old and new files share paths
	}
	stack := []string{start.Name.Local}
	var rec pmxRecord
	var capt *pmxCapture
	for len(stack) > 0 {
		before := x.pos()
		tok, err := x.d.Token()
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return nil, x.fail(err, at)
			}
			return nil, x.fail(err, before)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= pmxMaxDepth {
				return nil, x.tooDeep()
			}
			stack = append(stack, t.Name.Local)
			if capt != nil { // inline markup
				if pmxMathML(t.Name) {
					capt.math++
				}
				continue
			}
			what := pmxPaths[strings.Join(stack[base:], "/")]
			switch what {
			case pmxNone:
			case pmxAuthorList:
				switch {
				case pmxAttr(t.Attr, "Type") == "editors":
					rec.list = -1
				case stack[len(stack)-2] == "Book":
					rec.list = 1
				default:
					rec.list = 0
				}
			case pmxAuthor:
				rec.author = pmxPerson{invalid: pmxAttr(t.Attr, "ValidYN") == "N"}
			default:
				capt = &pmxCapture{what: what, depth: len(stack), attr: t.Attr}
			}
		case xml.EndElement:
			if capt != nil && len(stack) == capt.depth {
				x.captured(&rec, capt)
				capt = nil
			} else if capt != nil && pmxMathML(t.Name) {
				capt.math--
			} else if capt == nil && t.Name.Local == "Author" && rec.list >= 0 && !rec.author.invalid &&
				pmxPaths[strings.Join(stack[base:], "/")] == pmxAuthor {
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
					capt.pos = pmxAdvance(before, s[:len(s)-len(trim)])
					capt.found = true
				}
			}
			capt.text.Write(t)
		}
	}
	return x.document(&rec, start.Name.Local, at)
}

// pmxAdvance returns the position after skipping the white space ws from p.
func pmxAdvance(p Pos, ws string) Pos {
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
func (x *PubMedXMLReader) captured(rec *pmxRecord, c *pmxCapture) {
	v := collapse(c.text.String())
	switch c.what {
	case pmxPMID:
		if rec.pmid == "" {
			rec.pmid, rec.pmidPos = v, c.pos
		}
	case pmxTitle:
		if rec.title == nil {
			rec.title = &Section{Name: SectionTitle, Text: v, Pos: c.pos}
		}
	case pmxBookTitle:
		if rec.bookTitle == nil {
			rec.bookTitle = &Section{Name: SectionTitle, Text: v, Pos: c.pos}
		}
	case pmxJournalTitle:
		rec.journalTitle = v
	case pmxISOAbbrev:
		rec.iso = v
	case pmxMedlineTA:
		rec.ta = v
	case pmxYear:
		rec.year = pmYear(v)
	case pmxMedlineDate:
		rec.medlineDate = pmYear(v)
	case pmxELocation:
		if rec.elocDOI == "" && pmxAttr(c.attr, "EIdType") == "doi" && pmxAttr(c.attr, "ValidYN") != "N" {
			rec.elocDOI = pmDOI(v)
		}
	case pmxArticleID:
		switch pmxAttr(c.attr, "IdType") {
		case "doi":
			if rec.idDOI == "" {
				rec.idDOI = pmDOI(v)
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
	case pmxAbstract:
		if v == "" {
			return
		}
		name := SectionAbstract
		if l := collapse(pmxAttr(c.attr, "Label")); l != "" {
			name += "/" + strings.ToLower(l)
		} else if n := len(rec.sections); n > 0 && rec.sections[n-1].Name == SectionAbstract {
			rec.sections[n-1].Text += " " + v
			return
		}
		rec.sections = append(rec.sections, Section{Name: name, Text: v, Pos: c.pos})
	case pmxLastName:
		rec.author.last = v
	case pmxInitials:
		rec.author.initials = v
	case pmxSuffix:
		rec.author.suffix = v
	case pmxCollective:
		rec.author.collective = v
	}
}

// document builds the document of a record.
func (x *PubMedXMLReader) document(rec *pmxRecord, kind string, at Pos) (*Document, error) {
	d := &Document{Kind: PubMedXML, File: x.file, PMID: rec.pmid, PMCID: rec.idPMC}
	if d.PMID != "" && !pmValidPMID(d.PMID) {
		return nil, errAt(rec.pmidPos, fmt.Errorf("%w: PMID %q is not a number", ErrSyntax, pmClip(d.PMID)))
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
	if !pmFinish(d) {
		return nil, errAt(at, fmt.Errorf("%w: <%s> has neither PMID nor DOI", ErrMissingField, kind))
	}
	return d, nil
}
