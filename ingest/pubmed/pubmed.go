// Package pubmed reads PubMed documents: abstract pages saved as text
// ([ParsePage]) and the three download formats, MEDLINE ([MedlineReader]),
// PubMed XML ([XMLReader]) and "Abstract (text)" ([AbstractTextReader]),
// told apart by content by [Read] and [Sniff]. The readers stream: a file is
// never held in memory whole, and every record is bounded by
// [source.Limits].
package pubmed

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/bonemet/bonemet/source"
)

// This file holds what the three PubMed download readers share
// ([MedlineReader], [XMLReader], [AbstractTextReader]): format
// sniffing, [Read], a bounded line reader and the building of
// [source.Document] identity fields.

// peekSize is how many bytes Read looks at to tell the format.
const peekSize = 64 << 10

// recordReader is what the three readers have in common.
type recordReader interface {
	Read() (*source.Document, error)
	// broken reports whether the reader has failed for good, so that
	// further calls to Read return the same error.
	broken() bool
}

var (
	_ recordReader = (*MedlineReader)(nil)
	_ recordReader = (*XMLReader)(nil)
	_ recordReader = (*AbstractTextReader)(nil)
)

// Read reads a file downloaded from PubMed and calls fn for each
// document, in file order. The file may be gzip-compressed (it then starts
// with the bytes 1f 8b), and may be in any of three formats, told apart by
// its first bytes ([Sniff]): PubMed XML ([XMLReader]), MEDLINE
// ([MedlineReader]) or "Abstract (text)" ([AbstractTextReader]). Only a
// bounded prefix is looked at, so the file is never held in memory.
//
// A file in none of these formats fails with a [*ParseError] wrapping
// [ErrUnknownFormat]; an empty file with one wrapping [ErrEmpty]. An error
// that concerns one record (a bad MEDLINE line, a record without PMID or
// DOI) does not stop the reading: the records after it are read, and the
// errors are returned together, joined with [errors.Join], once the file
// ends (or after lim.MaxErrors errors). An error that leaves the rest of the file
// unreadable (malformed XML, a record over the size limit, an I/O error)
// stops the reading. Every such error is a [*ParseError]. If fn returns an
// error, Read stops and returns it, joined to any record errors met
// before.
func Read(r io.Reader, file string, lim source.Limits, fn func(*source.Document) error) error {
	lim = lim.WithDefaults()
	br := bufio.NewReaderSize(r, peekSize)
	magic, err := br.Peek(2)
	if err != nil && err != io.EOF {
		return &source.ParseError{File: file, Err: err}
	}
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return &source.ParseError{File: file, Err: fmt.Errorf("gzip: %w", err)}
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, peekSize)
	}
	peek, err := br.Peek(peekSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return &source.ParseError{File: file, Err: err}
	}
	var rd recordReader
	switch sniffPlain(peek) {
	case source.PubMedXML:
		x := NewXMLReader(br, file)
		x.Limits = lim
		rd = x
	case source.PubMedMedline:
		m := NewMedlineReader(br, file)
		m.Limits = lim
		rd = m
	case source.PubMedAbstractText:
		a := NewAbstractTextReader(br, file)
		a.Limits = lim
		rd = a
	default:
		body := bytes.TrimLeft(bytes.TrimPrefix(peek, byteOrderMark), " \t\r\n")
		if len(body) == 0 {
			return &source.ParseError{File: file, Line: 1, Column: 1, Err: source.ErrEmpty}
		}
		p := posOf(peek, len(peek)-len(body))
		p.File = file
		return source.ErrorAt(p, fmt.Errorf("%w: not PubMed XML, MEDLINE or \"Abstract (text)\"", source.ErrUnknownFormat))
	}
	var errs []error
	for {
		d, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, err)
			if rd.broken() || len(errs) >= lim.MaxErrors {
				break
			}
			continue
		}
		if err := fn(d); err != nil {
			return source.JoinErrors(append(errs, err))
		}
	}
	return source.JoinErrors(errs)
}

// Sniff tells the format of a PubMed download from its first bytes
// (peek; a few KiB suffice): [PubMedXML] when it starts, after white space
// and a byte-order mark, with an XML declaration, a DOCTYPE, a comment or a
// PubMed root element (PubmedArticleSet, MedlineCitationSet, ...), and the
// root element, when peek reaches it, is a PubMed one; [PubMedMedline] when
// the first line starts with "PMID-"; [PubMedAbstractText] when the first
// line is a numbered citation ("1. J Clin Oncol. 2001 Aug 1;19(15):3562-71.").
// It returns [DocInvalid] otherwise. A gzip-compressed peek is unpacked as
// far as it goes and sniffed in turn. Sniff does not tell a whole file
// is valid; the readers do.
func Sniff(peek []byte) source.DocKind {
	if len(peek) >= 2 && peek[0] == 0x1f && peek[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(peek))
		if err != nil {
			return source.DocInvalid
		}
		// A truncated stream yields what it can before its error.
		data, _ := io.ReadAll(io.LimitReader(zr, peekSize))
		if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
			return source.DocInvalid
		}
		return sniffPlain(data)
	}
	return sniffPlain(peek)
}

var byteOrderMark = []byte("\uFEFF")

// xmlRoots are the root elements of PubMed XML files; a record element
// can be a root too (a file holding one record).
var xmlRoots = map[string]bool{
	"PubmedArticleSet": true, "MedlineCitationSet": true, "PubmedBookArticleSet": true,
	"PubmedArticle": true, "PubmedBookArticle": true, "MedlineCitation": true,
}

func sniffPlain(peek []byte) source.DocKind {
	b := bytes.TrimLeft(bytes.TrimPrefix(peek, byteOrderMark), " \t\r\n")
	if len(b) == 0 {
		return source.DocInvalid
	}
	if b[0] == '<' {
		if sniffXML(b) {
			return source.PubMedXML
		}
		return source.DocInvalid
	}
	first, rest, _ := bytes.Cut(b, []byte("\n"))
	first = bytes.TrimRight(first, "\r")
	if bytes.HasPrefix(first, []byte("PMID-")) {
		return source.PubMedMedline
	}
	if _, ok := abstHeader(string(first)); ok {
		second, _, _ := bytes.Cut(rest, []byte("\n"))
		if hasYear(string(first)) || hasYear(string(second)) {
			return source.PubMedAbstractText
		}
	}
	return source.DocInvalid
}

// sniffXML skips the prolog (declaration, comments, processing
// instructions, DOCTYPE) and checks the root element's name. When peek ends
// before the root, it answers yes if the prolog so far is well-formed.
func sniffXML(b []byte) bool {
	prolog := false
	for {
		b = bytes.TrimLeft(b, " \t\r\n")
		var end []byte
		switch {
		case len(b) == 0:
			return prolog
		case bytes.HasPrefix(b, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(b, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(b, []byte("<!DOCTYPE")):
			i := bytes.IndexAny(b, "[>")
			if i >= 0 && b[i] == '[' {
				j := bytes.Index(b[i:], []byte("]"))
				if j < 0 {
					return true
				}
				b = b[i+j:]
			}
			end = []byte(">")
		case len(b) > 1 && b[0] == '<':
			name := b[1:]
			if i := bytes.IndexAny(name, " \t\r\n/>"); i >= 0 {
				name = name[:i]
			} else if len(b) < 64 {
				// The name may go on past peek.
				for root := range xmlRoots {
					if strings.HasPrefix(root, string(name)) {
						return true
					}
				}
				return false
			}
			return xmlRoots[string(name)]
		default:
			return false
		}
		i := bytes.Index(b, end)
		if i < 0 {
			return true
		}
		b = b[i+len(end):]
		prolog = true
	}
}

// posOf returns the line and column of byte offset off of b.
func posOf(b []byte, off int) source.Pos {
	b = b[:off]
	line := 1 + bytes.Count(b, []byte("\n"))
	col := off - (bytes.LastIndexByte(b, '\n') + 1) + 1
	return source.Pos{Line: line, Column: col}
}

// firstYear returns the first run of exactly four digits in s ("2001" in
// "2001 Jan-Feb"), or "".
func firstYear(s string) string {
	y := ""
	fourDigits(s, func(run string) bool { y = run; return true })
	return y
}

// hasYear reports whether s holds a plausible year of publication
// (1800-2099) as a run of four digits.
func hasYear(s string) bool {
	return fourDigits(s, func(run string) bool {
		return run[0] == '1' && run[1] >= '8' || run[0] == '2' && run[1] == '0'
	})
}

// fourDigits calls fn on each run of exactly four digits in s, in order,
// until fn returns true, and reports whether it did.
func fourDigits(s string, fn func(run string) bool) bool {
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i == 4 && fn(s[i:j]) {
			return true
		}
		i = j
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// validPMID reports whether s is a PMID: 1 to 10 digits.
func validPMID(s string) bool {
	if len(s) == 0 || len(s) > 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// finish sets the fields derived from others: ID and Citation. It reports
// false when the record has neither PMID, DOI nor PMCID, so has no ID.
func finish(d *source.Document) bool {
	switch {
	case d.PMID != "":
		d.ID = "PMID:" + d.PMID
	case d.DOI != "":
		d.ID = "doi:" + d.DOI
	case d.PMCID != "":
		d.ID = "PMCID:" + d.PMCID
	default:
		return false
	}
	d.Citation = pageCitationText(d)
	if d.Citation == "" {
		d.Citation = d.ID
	}
	return true
}

// cleanDOI cleans a DOI as found in a record: it drops a "doi:" prefix or a
// doi.org address and a trailing period.
func cleanDOI(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:", "DOI:"} {
		s = strings.TrimPrefix(s, p)
	}
	return strings.TrimSpace(strings.TrimRight(s, "."))
}

// lineReader reads lines of text with bounded memory. Lines end with "\n" or
// "\r\n"; the end is dropped. Invalid UTF-8 is replaced with U+FFFD.
type lineReader struct {
	br   *bufio.Reader
	file string
	max  int64 // longest line accepted
	line int   // number of the line last returned
	buf  []byte
	last string
	back bool  // next returns last again
	err  error // io.EOF or a *source.ParseError, once met
	// hist keeps the latest lines by number modulo its length, for the
	// text of error messages.
	hist [64]histLine
}

// histLine is a line kept for messages, cut to 1 KiB.
type histLine struct {
	n    int
	text string
}

// text returns line n when it is among the latest read, or "".
func (l *lineReader) text(n int) string {
	if h := l.hist[n%len(l.hist)]; h.n == n && n > 0 {
		return h.text
	}
	return ""
}

// withText fills in the Text of the *source.ParseErrors of err from the
// lines kept.
func (l *lineReader) withText(err error) error {
	var pe *source.ParseError
	if errors.As(err, &pe) && pe.Text == "" {
		pe.Text = l.text(pe.Line)
	}
	return err
}

// recordStart sets the line limit from lim and reads the first line of the
// next record, with its position.
func (l *lineReader) recordStart(file string, lim source.Limits, seen *bool) (string, source.Pos, error) {
	l.max = lim.WithDefaults().MaxRecord
	line, ln, err := l.firstLine(file, seen)
	return line, source.Pos{File: file, Line: ln, Column: 1}, err
}

// next returns the next line and its number, or io.EOF or a *ParseError.
// firstLine skips blank lines and returns the first line of a record; at
// the end of an input that held no record it returns ErrEmpty. seen
// records that a record was started.
func (l *lineReader) firstLine(file string, seen *bool) (string, int, error) {
	for {
		line, ln, err := l.next()
		if err == io.EOF && !*seen {
			err = &source.ParseError{File: file, Line: 1, Column: 1, Err: source.ErrEmpty}
		}
		if err != nil {
			return "", 0, err
		}
		if !isBlank(line) {
			*seen = true
			return line, ln, nil
		}
	}
}

func (l *lineReader) next() (string, int, error) {
	if l.back {
		l.back = false
		return l.last, l.line, nil
	}
	if l.err != nil {
		return "", l.line, l.err
	}
	l.buf = l.buf[:0]
	for {
		frag, err := l.br.ReadSlice('\n')
		if int64(len(l.buf)+len(frag)) > l.max+2 { // room for "\r\n"
			l.err = source.ErrorAt(source.Pos{File: l.file, Line: l.line + 1, Column: 1}, fmt.Errorf("%w: line longer than %d bytes", source.ErrTooLarge, l.max))
			return "", l.line, l.err
		}
		l.buf = append(l.buf, frag...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err != io.EOF {
				l.err = source.ErrorAt(source.Pos{File: l.file, Line: l.line + 1, Column: 0}, err)
				return "", l.line, l.err
			}
			l.err = io.EOF
			if len(l.buf) == 0 {
				return "", l.line, io.EOF
			}
		}
		break
	}
	l.line++
	b := bytes.TrimSuffix(l.buf, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	if l.line == 1 {
		b = bytes.TrimPrefix(b, byteOrderMark)
	}
	if utf8.Valid(b) {
		l.last = string(b)
	} else {
		l.last = strings.ToValidUTF8(string(b), "\uFFFD")
	}
	l.hist[l.line%len(l.hist)] = histLine{l.line, l.last[:min(len(l.last), 1<<10)]}
	return l.last, l.line, nil
}

// unread makes next return the last line again.
func (l *lineReader) unread() { l.back = true }

// isBlank reports whether a line holds only white space.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }
