package source

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"
)

// Limits bound what a parser accepts, so that hostile input cannot exhaust
// memory or time. Every parser of the module honours the same Limits. The
// zero value means the defaults; [Limits.WithDefaults] fills them in.
type Limits struct {
	// MaxBytes is the largest file read whole (a PFOCR record, a page, a
	// curation or GPML file), in bytes (default 16 MiB). A larger input
	// fails with [ErrTooLarge].
	MaxBytes int64
	// MaxRecord is the largest record of a file that holds many (MEDLINE,
	// PubMed XML, "Abstract (text)", BEL), in bytes (default 16 MiB).
	MaxRecord int64
	// MaxLine is the longest line of a line-based format (causal tables,
	// BEL, MEDLINE), in bytes (default 1 MiB).
	MaxLine int
	// MaxStatements is the most statements one curation file may hold
	// (default 10,000).
	MaxStatements int
	// MaxDepth bounds nesting: XML elements of a record, YAML collections
	// (default 256).
	MaxDepth int
	// MaxErrors is the most errors reported for one file before a parser
	// stops reporting (default 50).
	MaxErrors int
}

// Default limits.
const (
	DefaultMaxBytes      = 16 << 20
	DefaultMaxRecord     = 16 << 20
	DefaultMaxLine       = 1 << 20
	DefaultMaxStatements = 10000
	DefaultMaxDepth      = 256
	DefaultMaxErrors     = 50
)

// WithDefaults returns l with every zero or negative field set to its
// default.
func (l Limits) WithDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxRecord <= 0 {
		l.MaxRecord = DefaultMaxRecord
	}
	if l.MaxLine <= 0 {
		l.MaxLine = DefaultMaxLine
	}
	if l.MaxStatements <= 0 {
		l.MaxStatements = DefaultMaxStatements
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxErrors <= 0 {
		l.MaxErrors = DefaultMaxErrors
	}
	return l
}

// ReadAll reads r to the end, failing with a [*ParseError] wrapping
// [ErrTooLarge] past MaxBytes.
func (l Limits) ReadAll(r io.Reader, file string) ([]byte, error) {
	max := l.WithDefaults().MaxBytes
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, &ParseError{File: file, Err: err}
	}
	if int64(len(data)) > max {
		return nil, &ParseError{File: file, Err: fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)}
	}
	return data, nil
}

// ReadText reads a text file whole with [Limits.ReadAll] and checks that it
// holds something ([ErrEmpty] otherwise) and is valid UTF-8
// ([ErrInvalidUTF8], at the first bad byte).
func (l Limits) ReadText(r io.Reader, file string) ([]byte, error) {
	data, err := l.ReadAll(r, file)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &ParseError{File: file, Line: 1, Column: 1, Err: ErrEmpty}
	}
	if !utf8.Valid(data) {
		line, col := 1, 1
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col += size
			}
			i += size
		}
		return nil, WithText(&ParseError{File: file, Line: line, Column: col, Len: 1, Err: ErrInvalidUTF8}, data)
	}
	return data, nil
}
