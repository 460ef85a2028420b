package source

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bonemet/bonemet/graph"
)

// Errors wrapped by [*ParseError]; test with [errors.Is]. Each is declared
// here once and used by every parser of the module.
var (
	ErrSyntax          = errors.New("syntax error")
	ErrNoFrontMatter   = errors.New("missing front matter")
	ErrUnclosed        = errors.New("unclosed front matter")
	ErrMissingField    = errors.New("missing required field")
	ErrWrongType       = errors.New("wrong type")
	ErrUnknownField    = errors.New("unknown field")
	ErrDuplicateKey    = errors.New("duplicate key")
	ErrUnknownAction   = errors.New("unknown curation action")
	ErrQuoteNotFound   = errors.New("quote does not occur in the document")
	ErrUnknownDocument = errors.New("unknown document")
	ErrUnknownFormat   = errors.New("unknown document format")
	ErrEmpty           = errors.New("empty input")
	ErrTooLarge        = errors.New("input exceeds limit")
	ErrInvalidUTF8     = errors.New("invalid UTF-8")
	// ErrUnknownRelation is [graph.ErrUnknownRelation], so that either
	// name matches a relation word no parser knows.
	ErrUnknownRelation = graph.ErrUnknownRelation
)

// Pos is a position in a file: 1-based line and column (in bytes).
type Pos struct {
	// File is the path of the file, as the caller of the parser named it.
	File string
	// Line and Column are 1-based, the column counted in bytes; 0 when
	// unknown.
	Line, Column int
}

// String returns "file:line:column", omitting what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Column == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// ParsePos reads a position written by [Pos.String] ("file:line:col",
// "file:line" or "file"); what does not parse stays in File.
func ParsePos(s string) Pos {
	p := Pos{File: s}
	rest, col, ok := cutNumber(s)
	if !ok {
		return p
	}
	if file, line, ok := cutNumber(rest); ok {
		return Pos{File: file, Line: line, Column: col}
	}
	return Pos{File: rest, Line: col}
}

// cutNumber splits "x:12" into "x" and 12.
func cutNumber(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 || i == len(s)-1 {
		return s, 0, false
	}
	n := 0
	for _, c := range s[i+1:] {
		if c < '0' || c > '9' || n > 1<<40 {
			return s, 0, false
		}
		n = n*10 + int(c-'0')
	}
	return s[:i], n, true
}

// ParseError is an error at a position of an input file, in the shape of
// encoding/csv.ParseError: every parser of the module returns it. Several
// problems in one file are joined with [errors.Join].
type ParseError struct {
	// File is the path of the input, as the caller of the parser named it.
	File         string
	Line, Column int // 1-based; 0 when unknown
	// Len is how many bytes of the line, from Column on, the problem
	// spans; 0 means a point.
	Len int
	// Text is the offending line of the input, without its line ending,
	// when the parser had it; [ParseError.ErrorWithPosition] shows it.
	Text string
	// Err is the cause, which wraps one of the package's sentinel errors
	// ([ErrSyntax], [ErrTooLarge], ...) when one applies.
	Err error
}

// ErrorAt returns a ParseError for err at p.
func ErrorAt(p Pos, err error) *ParseError {
	return &ParseError{File: p.File, Line: p.Line, Column: p.Column, Err: err}
}

// Pos returns where the error is.
func (e *ParseError) Pos() Pos { return Pos{e.File, e.Line, e.Column} }

// Error returns "file:line:column: message".
func (e *ParseError) Error() string {
	return e.Pos().String() + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *ParseError) Unwrap() error { return e.Err }

// maxShown bounds the bytes of a source line that ErrorWithPosition prints.
const maxShown = 160

// ErrorWithPosition returns the message of [ParseError.Error] followed by
// the offending line of the input with carets under the columns at fault,
// so that a reader sees the mistake without opening the file:
//
//	doc.yaml:3:15: unknown relation: "activatez"
//
//	   3 |     relation: activatez
//	     |               ^^^^^^^^^
//
// Without the line's text (Text empty) it is the same as Error. Long lines
// are cut around the column.
func (e *ParseError) ErrorWithPosition() string {
	msg := e.Error()
	if e.Text == "" || e.Line == 0 {
		return msg
	}
	line, col := e.Text, max(e.Column, 1)
	if col > len(line)+1 {
		col = len(line) + 1
	}
	// Cut a long line around the column, at rune boundaries.
	lead := ""
	if len(line) > maxShown {
		from := max(0, col-1-maxShown/2)
		for from > 0 && !utf8.RuneStart(line[from]) {
			from--
		}
		to := min(len(line), from+maxShown)
		for to < len(line) && !utf8.RuneStart(line[to]) {
			to++
		}
		if from > 0 {
			lead = "…"
		}
		line, col = line[from:to], col-from
	}
	line = strings.ToValidUTF8(strings.ReplaceAll(line, "\t", " "), "\uFFFD")
	// The caret's indent counts runes, not bytes, of the text before the
	// column.
	before := line[:min(col-1, len(line))]
	width := max(1, min(e.Len, len(line)-(col-1)))
	num := fmt.Sprint(e.Line)
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n %s | %s%s\n %s | %s%s%s", msg, num, lead, line,
		strings.Repeat(" ", len(num)), strings.Repeat(" ", utf8.RuneCountInString(lead)),
		strings.Repeat(" ", utf8.RuneCountInString(before)), strings.Repeat("^", width))
	return b.String()
}

// WithText fills in the Text of every [*ParseError] in err (alone or
// joined) from data, the input the errors are about, and returns err.
func WithText(err error, data []byte) error {
	each(err, func(pe *ParseError) {
		if pe.Text == "" && pe.Line > 0 {
			pe.Text = lineOf(data, pe.Line, pe.Column)
		}
	})
	return err
}

// each calls fn on every *ParseError in err's tree.
func each(err error, fn func(*ParseError)) {
	switch e := err.(type) {
	case nil:
	case *ParseError:
		fn(e)
	case interface{ Unwrap() []error }:
		for _, x := range e.Unwrap() {
			each(x, fn)
		}
	}
}

// lineOf returns line n (1-based) of data without its line ending, cut a
// little after column col.
func lineOf(data []byte, n, col int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return ""
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	data = bytes.TrimSuffix(data, []byte("\r"))
	if end := max(col, 1) + maxShown; len(data) > end {
		data = data[:end] // enough to show the column's neighbourhood
	}
	return string(data)
}

// XMLError returns the error of an XML decoder as a ParseError of file,
// at the decoder's position, or at the line of an [xml.SyntaxError] (whose
// column the decoder does not know). A syntax error wraps [ErrSyntax].
func XMLError(file string, d *xml.Decoder, err error) *ParseError {
	line, col := d.InputPos()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line, col, err = se.Line, 0, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	return &ParseError{File: file, Line: line, Column: col, Err: err}
}

// JoinErrors joins errors, returning the only one unwrapped so that callers
// can [errors.As] it directly, and nil for none.
func JoinErrors(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}
