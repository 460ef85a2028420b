package bel

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/bonemet/bonemet/source"
)

// lineSource yields the physical lines of the input without their line
// endings (LF or CRLF), a byte-order mark removed from the first. Lines
// pushed back by unread are read again first.
type lineSource struct {
	br      *bufio.Reader
	file    string
	maxLine int
	num     int // number of the last line returned
	buf     []byte
	back    [][]byte // pushed-back lines, read before br
	backNum int      // number of back[0]
}

var byteOrderMark = []byte("\uFEFF")

// next returns the next line and its 1-based number, or io.EOF after the
// last. A line over maxLine bytes fails with [source.ErrTooLarge]; the
// returned slice is valid until the next call.
func (s *lineSource) next() ([]byte, int, error) {
	if len(s.back) > 0 {
		l := s.back[0]
		s.back = s.back[1:]
		s.num = s.backNum
		s.backNum++
		return l, s.num, nil
	}
	s.buf = s.buf[:0]
	for {
		chunk, err := s.br.ReadSlice('\n')
		if len(s.buf)+len(chunk) > s.maxLine+2 { // +2: a CRLF is not part of the line
			s.num++
			s.buf = append(s.buf, chunk[:min(len(chunk), 2*maxShown)]...)
			e := source.ErrorAt(source.Pos{File: s.file, Line: s.num, Column: 1},
				fmt.Errorf("%w: line longer than %d bytes", source.ErrTooLarge, s.maxLine))
			e.Text = shown(s.buf, 1)
			return nil, s.num, e
		}
		s.buf = append(s.buf, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == io.EOF && len(s.buf) == 0 {
			return nil, s.num, io.EOF
		}
		if err != nil && err != io.EOF {
			return nil, s.num, source.ErrorAt(source.Pos{File: s.file, Line: s.num + 1}, err)
		}
		break
	}
	s.num++
	l := bytes.TrimSuffix(s.buf, []byte("\n"))
	l = bytes.TrimSuffix(l, []byte("\r"))
	if s.num == 1 {
		l = bytes.TrimPrefix(l, byteOrderMark)
	}
	if len(l) > s.maxLine {
		e := source.ErrorAt(source.Pos{File: s.file, Line: s.num, Column: 1},
			fmt.Errorf("%w: line longer than %d bytes", source.ErrTooLarge, s.maxLine))
		e.Text = shown(l, 1)
		return nil, s.num, e
	}
	return l, s.num, nil
}

// unread pushes lines back; the first is line num. Only lines of a record
// that read the whole input are pushed back, so nothing else is pending.
func (s *lineSource) unread(lines [][]byte, num int) {
	s.back, s.backNum = lines, num
}

// recKind is the kind of a record, told by its first word.
type recKind uint8

const (
	recStatement recKind = iota + 1
	recSet
	recUnset
	recDefine
)

// record is one logical line of a BEL script: a statement or a SET, UNSET
// or DEFINE, with its continuation lines (after a trailing backslash, or
// inside a quoted value that spans lines).
type record struct {
	kind recKind
	// raw holds the physical lines joined with "\n"; code is the same
	// bytes with comments and line-continuing backslashes blanked out, so
	// offsets into either are the same.
	raw, code []byte
	starts    []int // offset of each physical line
	line      int   // number of the first line
	file      string
	// unclosed is the offset of a quote that is never closed, or -1.
	unclosed int
	// comment is the text of a comment after a statement ("// ..." or
	// "# ...").
	comment string
}

// pos returns the file position of byte off of the record.
func (rec *record) pos(off int) source.Pos {
	i := sort.SearchInts(rec.starts, off+1) - 1
	i = max(i, 0)
	return source.Pos{File: rec.file, Line: rec.line + i, Column: off - rec.starts[i] + 1}
}

// errAt returns a ParseError for err at byte off of the record, spanning
// n bytes, with the offending line as its Text.
func (rec *record) errAt(off, n int, err error) *source.ParseError {
	off = min(max(off, 0), len(rec.raw))
	p := rec.pos(off)
	i := p.Line - rec.line
	end := len(rec.raw)
	if i+1 < len(rec.starts) {
		end = rec.starts[i+1] - 1
	}
	return &source.ParseError{File: p.File, Line: p.Line, Column: p.Column, Len: max(n, 0),
		Text: shown(rec.raw[rec.starts[i]:end], p.Column+n), Err: err}
}

// maxShown bounds how much of a line after the column at fault an error
// keeps for display.
const maxShown = 200

// shown returns line cut a little after column col.
func shown(line []byte, col int) string {
	if end := max(col, 1) + maxShown; len(line) > end {
		line = line[:end]
	}
	return string(line)
}

// keyword returns the kind of record a line starts, and whether it holds
// nothing but white space or a comment.
func keyword(line []byte) (recKind, bool) {
	i := 0
	for i < len(line) && isSpace(line[i]) {
		i++
	}
	t := line[i:]
	if len(t) == 0 || t[0] == '#' || bytes.HasPrefix(t, []byte("//")) {
		return 0, true
	}
	word := t
	if i := bytes.IndexAny(t, " \t{"); i >= 0 {
		word = t[:i]
	}
	switch {
	case bytes.EqualFold(word, []byte("SET")):
		return recSet, false
	case bytes.EqualFold(word, []byte("UNSET")):
		return recUnset, false
	case bytes.EqualFold(word, []byte("DEFINE")):
		return recDefine, false
	}
	return recStatement, false
}

// scanLine blanks out the comment of a line of code and a backslash that
// continues it, given whether it starts inside a quoted value. It returns
// whether the line continues on the next, whether it ends inside a quote,
// the offset of the quote opened last on it (-1 if none), and the offset
// of its comment (-1 if none). In statements, "//" also starts a comment.
func scanLine(b []byte, inQuote, statement bool) (cont, quoted bool, open, comment int) {
	open, comment = -1, -1
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inQuote {
			switch c {
			case '\\':
				if i+1 == len(b) { // a backslash at the end continues the value
					b[i] = ' '
					return true, true, open, comment
				}
				i++
			case '"':
				inQuote = false
			}
			continue
		}
		switch {
		case c == '"':
			inQuote, open = true, i
		case c == '#' || statement && c == '/' && i+1 < len(b) && b[i+1] == '/':
			comment = i
			for j := i; j < len(b); j++ {
				b[j] = ' '
			}
			i = len(b)
		}
	}
	if !inQuote {
		n := len(b)
		for n > 0 && isSpace(b[n-1]) {
			n--
		}
		if n > 0 && b[n-1] == '\\' {
			b[n-1] = ' '
			return true, false, open, comment
		}
	}
	return false, inQuote, open, comment
}

// maxRescans bounds how often lines are read again after a quoted value
// that is never closed; after that, a quoted value must close on its line,
// so that hostile input cannot make Read rescan the input many times.
const maxRescans = 2

// readRecord reads the next record, skipping blank and comment lines. It
// returns io.EOF after the last; a record over MaxRecord bytes, a line
// over MaxLine bytes or an I/O error is a *ParseError that ends the read.
// A quoted value of a SET or DEFINE may span lines; one never closed is
// cut at the line where it opened (unclosed >= 0), and the lines after it
// are read again as records.
func (r *reader) readRecord() (*record, error) {
	// The record's buffers are reused: nothing keeps them past the
	// handling of the record.
	rec := &r.rec
	*rec = record{file: r.file, unclosed: -1, raw: rec.raw[:0], code: rec.code[:0], starts: rec.starts[:0]}
	// open is the quote opened last; first the one left open at the end
	// of the first line that ended inside a quote, where a value that
	// runs to the end of the input is taken to have lost its closing
	// quote.
	inQuote, open, first := false, -1, -1
	for {
		line, num, err := r.src.next()
		if err == io.EOF {
			if len(rec.starts) == 0 {
				return nil, io.EOF
			}
			if inQuote && rec.kind != recStatement {
				r.cutUnclosed(rec, first)
			}
			return rec, nil
		}
		if err != nil {
			return nil, err
		}
		if len(rec.starts) == 0 {
			kind, blank := keyword(line)
			if blank {
				continue
			}
			rec.kind, rec.line = kind, num
		} else {
			rec.raw = append(rec.raw, '\n')
			rec.code = append(rec.code, '\n')
		}
		off := len(rec.raw)
		rec.starts = append(rec.starts, off)
		rec.raw = append(rec.raw, line...)
		rec.code = append(rec.code, line...)
		if int64(len(rec.raw)) > r.lim.MaxRecord {
			if !inQuote {
				first = -1
			}
			return nil, r.tooLarge(rec, first)
		}
		cont, q, o, c := scanLine(rec.code[off:], inQuote, rec.kind == recStatement)
		inQuote = q
		if o >= 0 {
			open = off + o
		}
		if inQuote && first < 0 {
			first = open
		}
		if c >= 0 && rec.kind == recStatement && rec.comment == "" {
			rec.comment = strings.ToValidUTF8(strings.TrimSpace(strings.TrimLeft(string(rec.raw[off+c:]), "#/")), "\uFFFD")
		}
		if cont || inQuote && rec.kind != recStatement && r.rescans < maxRescans {
			continue
		}
		if inQuote {
			rec.unclosed = first
		}
		return rec, nil
	}
}

// tooLarge returns the error of a record over MaxRecord: at the quote that
// opened the value spanning lines, or else at the record's start.
func (r *reader) tooLarge(rec *record, open int) error {
	if open >= 0 {
		return rec.errAt(open, 1, fmt.Errorf("%w: quoted value longer than %d bytes (is its closing quote missing?)",
			source.ErrTooLarge, r.lim.MaxRecord))
	}
	return rec.errAt(0, 0, fmt.Errorf("%w: record longer than %d bytes", source.ErrTooLarge, r.lim.MaxRecord))
}

// cutUnclosed ends rec at the line holding the quote opened at offset open
// that the input never closes, and pushes the lines after it back to be
// read again.
func (r *reader) cutUnclosed(rec *record, open int) {
	rec.unclosed = open
	r.rescans++
	i := rec.pos(open).Line - rec.line
	if i+1 >= len(rec.starts) {
		return
	}
	var back [][]byte
	for j := i + 1; j < len(rec.starts); j++ {
		end := len(rec.raw)
		if j+1 < len(rec.starts) {
			end = rec.starts[j+1] - 1
		}
		back = append(back, bytes.Clone(rec.raw[rec.starts[j]:end]))
	}
	r.src.unread(back, rec.line+i+1)
	cut := rec.starts[i+1] - 1
	rec.raw, rec.code, rec.starts = rec.raw[:cut], rec.code[:cut], rec.starts[:i+1]
}
