package pfocr

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/bonemet/bonemet/source"
)

// tableColumns are the columns ReadTable needs, by name; any order, others
// ignored.
var tableColumns = []string{"figid", "pmcid", "number", "figtitle", "papertitle", "caption"}

// columnAliases are the names other PFOCR tables give the same columns
// (the covid and terpene figure tables).
var columnAliases = map[string]string{"figure.title": "figtitle", "paper.title": "papertitle"}

// ReadTable reads a PFOCR figure table: the tab-separated export of the
// PFOCR curated titles (shiny-titles_pfocr_curated, columns figid, pmcid,
// filename, number, figtitle, papertitle, caption, organism; a header row
// names them, in any order; the figure tables of PFOCR's topic sets, which
// name two of them figure.title and paper.title, read as well). Text
// mis-decoded on its way into the table ("NF-Œ∫B") is repaired with
// [source.FixMojibake] and counted in [source.Document.Repaired]. Each row becomes a [source.Document] as
// [Parse] makes one of a figure page, with the sections figtitle, caption
// and papertitle and the ".jpg" of the figid dropped. "NA" and empty
// values are missing. A row with a missing figid, the wrong number of
// columns or invalid UTF-8 is an error at its line; the other rows are
// returned with the errors joined.
func ReadTable(r io.Reader, file string, lim source.Limits) ([]*source.Document, error) {
	lim = lim.WithDefaults()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), lim.MaxLine)
	var (
		docs []*source.Document
		errs []error
		col  map[string]int
		n    int
	)
	for sc.Scan() {
		n++
		line := strings.TrimSuffix(sc.Text(), "\r")
		at := source.Pos{File: file, Line: n, Column: 1}
		fail := func(err error) {
			e := source.ErrorAt(at, err)
			e.Text = line
			errs = append(errs, e)
		}
		if !utf8.ValidString(line) {
			fail(source.ErrInvalidUTF8)
			continue
		}
		fields := strings.Split(line, "\t")
		if col == nil {
			col = make(map[string]int)
			for i, f := range fields {
				f = strings.TrimPrefix(f, "\uFEFF")
				if a, ok := columnAliases[f]; ok {
					f = a
				}
				col[f] = i
			}
			for _, c := range tableColumns {
				if _, ok := col[c]; !ok {
					return nil, &source.ParseError{File: file, Line: 1, Column: 1, Text: line,
						Err: fmt.Errorf("%w: column %q (not a PFOCR figure table)", source.ErrMissingField, c)}
				}
			}
			continue
		}
		if len(fields) != len(col) {
			fail(fmt.Errorf("%w: %d columns, want %d", source.ErrMissingField, len(fields), len(col)))
			continue
		}
		repaired := 0
		get := func(name string) string {
			v := strings.TrimSpace(fields[col[name]])
			if v == "NA" {
				return ""
			}
			v, n := source.FixMojibake(v)
			repaired += n
			return source.Collapse(v)
		}
		id := strings.TrimSuffix(get("figid"), ".jpg")
		if id == "" {
			fail(fmt.Errorf("%w: figid", source.ErrMissingField))
			continue
		}
		title := get("figtitle")
		d := &source.Document{ID: id, Kind: source.PFOCRFigure, PMCID: get("pmcid"), Title: title, File: file}
		d.Citation = strings.TrimSpace(d.PMCID + " " + get("number"))
		for _, s := range []struct{ name, text string }{
			{source.SectionFigTitle, title}, {source.SectionCaption, get("caption")}, {source.SectionPaperTitle, get("papertitle")},
		} {
			if t := s.text; t != "" {
				d.Sections = append(d.Sections, source.Section{Name: s.name, Text: t, Pos: at})
			}
		}
		d.Repaired = repaired
		docs = append(docs, d)
		if len(errs) >= lim.MaxErrors {
			break
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("%w: a line longer than %d bytes", source.ErrTooLarge, lim.MaxLine)
		}
		errs = append(errs, source.ErrorAt(source.Pos{File: file, Line: n + 1, Column: 1}, err))
	}
	if n == 0 {
		return nil, &source.ParseError{File: file, Line: 1, Column: 1, Err: source.ErrEmpty}
	}
	return docs, source.JoinErrors(errs)
}
