package pubmed

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/bonemet/bonemet/source"
)

// MedlineReader reads records of the MEDLINE text format, also known as
// .nbib or "PubMed format": PubMed's "Save > Format: PubMed" and efetch's
// rettype=medline. A record is a run of tagged lines ("PMID- 11483566",
// "TI  - Biology of osteoclast activation in cancer.") whose values go on
// in continuation lines indented with spaces; records are separated by
// blank lines. Lines may end with "\n" or "\r\n". The reader streams: it
// holds one record at a time.
//
// Read fills a [Document] of kind [PubMedMedline] from these tags: PMID
// (PMID), TI or, for books, BTI (Title and the [SectionTitle] section), AB
// (the [SectionAbstract] section; a structured abstract's labels stay
// inline, as MEDLINE writes them), AU and CN, in file order (Authors), TA,
// else JT (Journal: the NLM title abbreviation, as in [XMLReader] and
// [AbstractTextReader]), DP (Year: its first four-digit year), AID or else
// LID ending in "[doi]" (DOI) and PMC (PMCID). Every other tag is skipped.
// Values are joined across lines and their white space folded to single
// spaces. A translated title keeps its brackets ("[Bone metastases].").
// Invalid UTF-8 is replaced with U+FFFD.
type MedlineReader struct {
	// Limits bound what Read accepts: MaxRecord, the largest record (and,
	// for line formats, the longest line) in bytes; MaxDepth, the nesting
	// of XML elements. The zero value means the defaults.
	Limits source.Limits

	lines lineReader
	file  string
	err   error // sticky
	seen  bool  // a non-blank line was read
}

// NewMedlineReader returns a reader of the MEDLINE records in r; file
// names r in positions and in [Document.File].
func NewMedlineReader(r io.Reader, file string) *MedlineReader {
	return &MedlineReader{lines: lineReader{br: bufio.NewReader(r), file: file}, file: file}
}

// medlineField is one tagged value of a record.
type medlineField struct {
	tag   string
	value strings.Builder
	pos   source.Pos // where the value starts
}

// Read returns the next record, or io.EOF after the last. An input holding
// nothing but white space fails with [ErrEmpty]. Errors are [*ParseError]s:
// a line that is neither a tag line nor a continuation, or a PMID that is
// not a number, fails with [ErrSyntax], and a record with neither PMID nor
// DOI with [ErrMissingField]; after those Read may be called again and
// goes on with the next record. A record or line over Limits.MaxRecord
// ([ErrTooLarge]) or an I/O error ends the reading: Read returns the same
// error from then on.
func (r *MedlineReader) Read() (*source.Document, error) {
	d, err := r.read()
	return d, r.lines.withText(err)
}

func (r *MedlineReader) read() (*source.Document, error) {
	if r.err != nil {
		return nil, r.err
	}
	line, start, err := r.lines.recordStart(r.file, r.Limits, &r.seen)
	if err != nil {
		r.err = err
		return nil, err
	}
	max, ln := r.lines.max, start.Line
	var (
		fields []*medlineField
		bad    error
		size   int64
		pmid   bool
	)
	for {
		size += int64(len(line)) + 1
		if size > max {
			r.err = source.ErrorAt(start, fmt.Errorf("%w: MEDLINE record longer than %d bytes", source.ErrTooLarge, max))
			return nil, r.err
		}
		switch {
		case bad != nil:
			// Skip the rest of a broken record.
		case line[0] == ' ' || line[0] == '\t':
			if len(fields) == 0 {
				bad = source.ErrorAt(source.Pos{File: r.file, Line: ln, Column: 1}, fmt.Errorf("%w: continuation line before any tag", source.ErrSyntax))
				break
			}
			f := fields[len(fields)-1]
			if v := strings.TrimSpace(line); v != "" {
				if f.value.Len() > 0 {
					f.value.WriteByte(' ')
				}
				f.value.WriteString(v)
			}
		default:
			tag, col, ok := medlineTag(line)
			if !ok {
				bad = source.ErrorAt(source.Pos{File: r.file, Line: ln, Column: col}, fmt.Errorf("%w: want a MEDLINE tag line like \"TI  - text\", have %q", source.ErrSyntax, clip(line)))
				break
			}
			if tag == "PMID" {
				if pmid {
					// A record that is not set off by a blank line.
					r.lines.unread()
					return r.record(fields, start)
				}
				pmid = true
			}
			f := &medlineField{tag: tag}
			v := ""
			if len(line) > 6 {
				v = line[6:]
			}
			f.pos = source.Pos{File: r.file, Line: ln, Column: 7 + len(v) - len(strings.TrimLeft(v, " \t"))}
			f.value.WriteString(strings.TrimSpace(v))
			fields = append(fields, f)
		}
		var err error
		line, ln, err = r.lines.next()
		if err != nil && err != io.EOF {
			r.err = err
			return nil, err
		}
		if err == io.EOF || isBlank(line) {
			break
		}
	}
	if bad != nil {
		return nil, bad
	}
	return r.record(fields, start)
}

// broken reports whether Read has failed for good.
func (r *MedlineReader) broken() bool { return r.err != nil }

// record builds the document of a record's fields.
func (r *MedlineReader) record(fields []*medlineField, start source.Pos) (*source.Document, error) {
	d := &source.Document{Kind: source.PubMedMedline, File: r.file}
	var title, bookTitle, abstract *medlineField
	var ta, jt, lidDOI string
	for _, f := range fields {
		v := source.Collapse(f.value.String())
		switch f.tag {
		case "PMID":
			if !validPMID(v) {
				return nil, source.ErrorAt(f.pos, fmt.Errorf("%w: PMID %q is not a number", source.ErrSyntax, clip(v)))
			}
			d.PMID = v
		case "TI":
			if title == nil {
				title = f
			}
		case "BTI":
			if bookTitle == nil {
				bookTitle = f
			}
		case "AB":
			if abstract == nil {
				abstract = f
			}
		case "AU", "CN":
			if v != "" {
				d.Authors = append(d.Authors, v)
			}
		case "TA":
			if ta == "" {
				ta = v
			}
		case "JT":
			if jt == "" {
				jt = v
			}
		case "DP":
			if d.Year == "" {
				d.Year = firstYear(v)
			}
		case "AID", "LID":
			doi, ok := strings.CutSuffix(v, "[doi]")
			if !ok {
				break
			}
			if f.tag == "AID" && d.DOI == "" {
				d.DOI = cleanDOI(doi)
			} else if f.tag == "LID" && lidDOI == "" {
				lidDOI = cleanDOI(doi)
			}
		case "PMC":
			if d.PMCID == "" {
				d.PMCID = v
			}
		}
	}
	if d.DOI == "" {
		d.DOI = lidDOI
	}
	d.Journal = ta
	if d.Journal == "" {
		d.Journal = jt
	}
	if title == nil {
		title = bookTitle
	}
	if title != nil {
		d.Title = source.Collapse(title.value.String())
		if d.Title != "" {
			d.Sections = append(d.Sections, source.Section{Name: source.SectionTitle, Text: d.Title, Pos: title.pos})
		}
	}
	if abstract != nil {
		if t := source.Collapse(abstract.value.String()); t != "" {
			d.Sections = append(d.Sections, source.Section{Name: source.SectionAbstract, Text: t, Pos: abstract.pos})
		}
	}
	if !finish(d) {
		return nil, source.ErrorAt(start, fmt.Errorf("%w: MEDLINE record has no PMID, DOI or PMCID", source.ErrMissingField))
	}
	return d, nil
}

// medlineTag checks a tag line: a tag of up to four capital letters or
// digits, starting with a letter and padded with spaces to four bytes, then
// "-", then a space or the end of the line. It returns the tag, or the
// column of the first wrong byte.
func medlineTag(line string) (tag string, col int, ok bool) {
	end := 4
	for i := 0; i < 4; i++ {
		if i >= len(line) {
			return "", i + 1, false
		}
		c := line[i]
		switch {
		case c == ' ' && i > 0:
			if end == 4 {
				end = i
			}
		case end < 4: // a letter after the padding
			return "", i + 1, false
		case 'A' <= c && c <= 'Z', i > 0 && '0' <= c && c <= '9':
		default:
			return "", i + 1, false
		}
	}
	if len(line) < 5 || line[4] != '-' {
		return "", 5, false
	}
	if len(line) > 5 && line[5] != ' ' {
		return "", 6, false
	}
	return line[:end], 0, true
}

// clip shortens s for an error message.
func clip(s string) string {
	const n = 40
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}
