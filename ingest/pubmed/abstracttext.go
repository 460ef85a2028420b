package pubmed

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bonemet/bonemet/source"
)

// AbstractTextReader reads PubMed's "Abstract (text)" export ("Send to >
// File > Format: Abstract (text)" and efetch's rettype=abstract). Each
// record starts with a numbered citation line, and its parts are
// paragraphs set off by blank lines, hard-wrapped at about 80 columns:
//
//  1. J Clin Oncol. 2001 Aug 1;19(15):3562-71. doi: 10.1200/JCO.2001.19.15.3562.
//
//     Title of the article.
//
//     Roodman GD(1), Smith J(2).
//
//     Author information:
//     (1)Department of ...
//
//     Abstract, in one or more paragraphs.
//
//     Copyright © 2001 ...
//
//     DOI: 10.1200/JCO.2001.19.15.3562
//     PMCID: PMC1234567
//     PMID: 11481357  [Indexed for MEDLINE]
//
// Read fills a [Document] of kind [PubMedAbstractText]: Journal (the
// abbreviation that opens the citation line), Year (its first four-digit
// year), Title and the [SectionTitle] section (the first paragraph after the
// citation; a translated title keeps its brackets), Authors (affiliation
// marks such as "(1)" dropped), the abstract, DOI (the "DOI:" line, else the
// citation's "doi:"), PMCID and PMID. "Author information", "Comment in" and
// other link lists, "[Article in ...]", the copyright statement and
// everything after the PMID line (a conflict of interest statement) are
// skipped. An abstract whose paragraphs start with capitalised labels
// ("BACKGROUND: ...") gives one section per label, named
// "abstract/<label in lower case>"; any other abstract is one
// [SectionAbstract] section. White space in values is folded to single
// spaces. Invalid UTF-8 is replaced with U+FFFD.
//
// A numbered line that starts a paragraph inside an abstract ("1. An
// experiment was ...") is not taken for a new record: a record ends only at
// a numbered paragraph that follows its PMID line, or that has the next
// number and holds a year.
type AbstractTextReader struct {
	// Limits bound what Read accepts: MaxRecord, the largest record (and,
	// for line formats, the longest line) in bytes; MaxDepth, the nesting
	// of XML elements. The zero value means the defaults.
	Limits source.Limits

	lines lineReader
	file  string
	err   error // sticky
	seen  bool  // a non-blank line was read
	num   int   // number of the record last read
}

// NewAbstractTextReader returns a reader of the "Abstract (text)" records
// in r; file names r in positions and in [Document.File].
func NewAbstractTextReader(r io.Reader, file string) *AbstractTextReader {
	return &AbstractTextReader{lines: lineReader{br: bufio.NewReader(r), file: file}, file: file}
}

// abstPara is a paragraph: lines between blank lines.
type abstPara struct {
	lines []string
	line  int // number of the first line
}

func (p abstPara) text() string { return source.Collapse(strings.Join(p.lines, " ")) }

// Read returns the next record, or io.EOF after the last. An input holding
// nothing but white space fails with [ErrEmpty]. Errors are [*ParseError]s:
// text where a numbered citation line should start a record, or a PMID
// that is not a number, fails with [ErrSyntax], and a record with neither
// PMID nor DOI with [ErrMissingField]; after those Read may be called again
// and goes on with the next record. A record or line over Limits.MaxRecord
// ([ErrTooLarge]) or an I/O error ends the reading: Read returns the same
// error from then on.
func (r *AbstractTextReader) Read() (*source.Document, error) {
	d, err := r.read()
	return d, r.lines.withText(err)
}

func (r *AbstractTextReader) read() (*source.Document, error) {
	if r.err != nil {
		return nil, r.err
	}
	line, start, err := r.lines.recordStart(r.file, r.Limits, &r.seen)
	if err != nil {
		r.err = err
		return nil, err
	}
	max := r.lines.max
	n, ok := abstHeader(line)
	if !ok {
		bad := source.ErrorAt(start, fmt.Errorf("%w: want a numbered citation like \"1. J Clin Oncol. 2001 ...\", have %q", source.ErrSyntax, clip(line)))
		if err := r.resync(); err != nil {
			r.err = err
		}
		return nil, bad
	}
	paras := []abstPara{{lines: []string{line}, line: start.Line}}
	size := int64(len(line)) + 1
	blank, pmid := false, false
	for {
		line, ln, err := r.lines.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			r.err = err
			return nil, err
		}
		if size += int64(len(line)) + 1; size > max {
			r.err = source.ErrorAt(start, fmt.Errorf("%w: record longer than %d bytes", source.ErrTooLarge, max))
			return nil, r.err
		}
		if isBlank(line) {
			blank = true
			continue
		}
		if blank {
			if m, ok := abstHeader(line); ok && (m == n+1 || pmid) && (hasYear(line) || pmid) {
				r.lines.unread()
				break
			}
			paras = append(paras, abstPara{line: ln})
			blank = false
		}
		if strings.HasPrefix(line, "PMID:") {
			pmid = true
		}
		p := &paras[len(paras)-1]
		p.lines = append(p.lines, line)
	}
	r.num = n
	return r.record(paras, start)
}

// resync skips lines up to the next paragraph that looks like the start of
// a record.
func (r *AbstractTextReader) resync() error {
	blank := false
	for {
		line, _, err := r.lines.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if isBlank(line) {
			blank = true
			continue
		}
		if _, ok := abstHeader(line); ok && blank && hasYear(line) {
			r.lines.unread()
			return nil
		}
		blank = false
	}
}

// broken reports whether Read has failed for good.
func (r *AbstractTextReader) broken() bool { return r.err != nil }

// Where a record's reading is.
const (
	abstInTitle = iota
	abstInAuthors
	abstInBody
	abstInCopyright
	abstInTrailer
)

// record builds the document of a record's paragraphs.
func (r *AbstractTextReader) record(paras []abstPara, start source.Pos) (*source.Document, error) {
	d := &source.Document{Kind: source.PubMedAbstractText, File: r.file}
	head := paras[0].text()
	head = head[strings.IndexByte(head, ' ')+1:] // drop "1. "
	journal, rest, ok := strings.Cut(head, ". ")
	if !ok {
		journal, rest = strings.TrimSuffix(head, "."), ""
	}
	d.Journal = strings.TrimSpace(journal)
	d.Year = firstYear(rest)
	headDOI := ""
	if i := strings.Index(strings.ToLower(rest), "doi:"); i >= 0 {
		if f := strings.Fields(rest[i+4:]); len(f) > 0 {
			headDOI = cleanDOI(f[0])
		}
	}
	state := abstInTitle
	var title *abstPara
	var body []abstPara
	for j := 1; j < len(paras); j++ {
		p := paras[j]
		first := p.lines[0]
		if abstIsTrailer(first) {
			if err := r.trailer(d, p); err != nil {
				return nil, err
			}
			state = abstInTrailer
			continue
		}
		switch {
		case state == abstInTrailer, state == abstInCopyright:
			continue
		case state == abstInTitle:
			title = &paras[j]
			state = abstInAuthors
			continue
		case strings.HasPrefix(first, "Author information:"):
			state = abstInBody
			continue
		case strings.HasPrefix(first, "[Article in "), abstIsLinks(p):
			continue
		case abstIsCopyright(first):
			state = abstInCopyright
			continue
		}
		if state == abstInAuthors {
			state = abstInBody
			t := p.text()
			if j+1 < len(paras) && strings.HasPrefix(paras[j+1].lines[0], "Author information:") || abstLooksLikeAuthors(t) {
				d.Authors = abstAuthors(t)
				continue
			}
		}
		body = append(body, p)
	}
	if d.DOI == "" {
		d.DOI = headDOI
	}
	if title != nil {
		d.Title = title.text()
		d.Sections = append(d.Sections, source.Section{Name: source.SectionTitle, Text: d.Title, Pos: source.Pos{File: r.file, Line: title.line, Column: 1}})
	}
	d.Sections = append(d.Sections, abstSections(body, r.file)...)
	if !finish(d) {
		return nil, source.ErrorAt(start, fmt.Errorf("%w: record has no PMID, DOI or PMCID", source.ErrMissingField))
	}
	return d, nil
}

// trailer reads the "DOI:", "PMCID:" and "PMID:" lines of a paragraph.
func (r *AbstractTextReader) trailer(d *source.Document, p abstPara) error {
	for i, line := range p.lines {
		key, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		f := strings.Fields(v)
		if len(f) == 0 {
			continue
		}
		switch key {
		case "DOI":
			if d.DOI == "" {
				d.DOI = cleanDOI(f[0])
			}
		case "PMCID":
			if d.PMCID == "" {
				d.PMCID = f[0]
			}
		case "PMID":
			if d.PMID != "" {
				continue
			}
			if !validPMID(f[0]) {
				col := len(key) + 2 + strings.Index(v, f[0])
				return source.ErrorAt(source.Pos{File: r.file, Line: p.line + i, Column: col}, fmt.Errorf("%w: PMID %q is not a number", source.ErrSyntax, clip(f[0])))
			}
			d.PMID = f[0]
		}
	}
	return nil
}

// abstSections splits the abstract's paragraphs into sections.
func abstSections(body []abstPara, file string) []source.Section {
	if len(body) == 0 {
		return nil
	}
	if _, _, ok := abstLabel(body[0].text()); !ok {
		texts := make([]string, len(body))
		for i, p := range body {
			texts[i] = p.text()
		}
		return []source.Section{{Name: source.SectionAbstract, Text: strings.Join(texts, " "), Pos: source.Pos{File: file, Line: body[0].line, Column: 1}}}
	}
	var secs []source.Section
	for _, p := range body {
		t := p.text()
		label, rest, ok := abstLabel(t)
		if !ok {
			s := &secs[len(secs)-1]
			s.Text = strings.TrimSpace(s.Text + " " + t)
			continue
		}
		pos := source.Pos{File: file, Line: p.line, Column: len(label) + 3}
		if len(label)+2 >= len(p.lines[0]) {
			pos = source.Pos{File: file, Line: p.line + 1, Column: 1}
		}
		secs = append(secs, source.Section{Name: source.SectionAbstract + "/" + strings.ToLower(label), Text: rest, Pos: pos})
	}
	return secs
}

// abstHeader reports whether line starts a record ("12. J Clin Oncol. ...")
// and returns its number.
func abstHeader(line string) (int, bool) {
	i := 0
	for i < len(line) && i < 9 && isDigit(line[i]) {
		i++
	}
	if i == 0 || len(line) < i+3 || line[i] != '.' || line[i+1] != ' ' || line[i+2] == ' ' {
		return 0, false
	}
	n, err := strconv.Atoi(line[:i])
	return n, err == nil
}

// abstIsTrailer reports whether a paragraph starting with line holds the
// record's identifiers.
func abstIsTrailer(line string) bool {
	for _, p := range []string{"DOI: ", "PMCID: ", "PMID: "} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// abstIsCopyright reports whether a paragraph starting with line is a
// copyright statement.
func abstIsCopyright(line string) bool {
	for _, p := range []string{"Copyright", "©", "(c) ", "(C) ", "Crown Copyright", "Crown copyright",
		"This article is protected by copyright", "Published by "} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// abstIsLinks reports whether a paragraph is a list of linked citations: a
// heading ("Comment in", "Erratum for") and indented citations.
func abstIsLinks(p abstPara) bool {
	if len(p.lines) < 2 || len(p.lines[0]) > 60 || strings.Contains(p.lines[0], ":") {
		return false
	}
	for _, l := range p.lines[1:] {
		if l[0] != ' ' && l[0] != '\t' {
			return false
		}
	}
	return true
}

// abstLabel splits "BACKGROUND: text" into its label and text.
func abstLabel(t string) (label, rest string, ok bool) {
	label, rest, ok = strings.Cut(t, ": ")
	if !ok || len(label) < 2 || len(label) > 60 || rest == "" {
		return "", "", false
	}
	letters := 0
	for _, c := range label {
		switch {
		case 'A' <= c && c <= 'Z':
			letters++
		case c == ' ' || c == ',' || c == '&' || c == '/' || c == '-' || c == '(' || c == ')' || '0' <= c && c <= '9':
		default:
			return "", "", false
		}
	}
	if letters < 2 || label[0] < 'A' || label[0] > 'Z' {
		return "", "", false
	}
	return label, rest, true
}

var abstAffiliation = regexp.MustCompile(`\(\d+(?:,\s*\d+)*\)`)

// abstAuthors splits an author paragraph ("Canelli E(1), De Angelis E(2);
// Synthetic Bone Consortium.") into names.
func abstAuthors(t string) []string {
	t = strings.TrimSuffix(abstAffiliation.ReplaceAllString(t, ""), ".")
	var names []string
	for _, a := range strings.FieldsFunc(strings.ReplaceAll(t, "; ", ", "), func(r rune) bool { return r == ',' }) {
		if a = strings.TrimSpace(a); a != "" {
			names = append(names, a)
		}
	}
	return names
}

// abstGroupWords mark a collective author name.
var abstGroupWords = []string{"Group", "Consortium", "Committee", "Collaborat", "Investigators", "Network",
	"Society", "Association", "Team", "Working", "Panel", "Task Force", "Study"}

// abstLooksLikeAuthors reports whether a paragraph is a list of authors:
// it ends with "." and each comma-separated item is a name with initials
// ("De Angelis E") or a group.
func abstLooksLikeAuthors(t string) bool {
	if !strings.HasSuffix(t, ".") {
		return false
	}
	names := abstAuthors(t)
	if len(names) == 0 {
		return false
	}
	for _, a := range names {
		if !abstNameLike(a) && !abstGroupLike(a) {
			return false
		}
	}
	return true
}

// abstParticles are the lower-case words a surname may hold ("van der
// Berg").
var abstParticles = map[string]bool{"van": true, "von": true, "der": true, "den": true, "de": true, "da": true,
	"di": true, "del": true, "della": true, "la": true, "le": true, "du": true, "dos": true, "das": true,
	"ter": true, "ten": true, "y": true, "e": true, "al": true, "el": true, "bin": true, "ibn": true}

// abstNameLike reports whether a is a name with initials: "Roodman GD",
// "van der Berg J", "Smith JA Jr".
func abstNameLike(a string) bool {
	f := strings.Fields(a)
	if len(f) >= 3 {
		switch f[len(f)-1] {
		case "Jr", "Sr", "2nd", "3rd", "II", "III", "IV":
			f = f[:len(f)-1]
		}
	}
	if len(f) < 2 || len(f) > 6 {
		return false
	}
	for _, w := range f[:len(f)-1] {
		if c, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(c) && !abstParticles[w] {
			return false
		}
	}
	ini := f[len(f)-1]
	if utf8.RuneCountInString(ini) > 4 {
		return false
	}
	for _, c := range ini {
		if !unicode.IsUpper(c) {
			return false
		}
	}
	return true
}

// abstGroupLike reports whether a is a collective name.
func abstGroupLike(a string) bool {
	for _, w := range abstGroupWords {
		if strings.Contains(a, w) {
			return true
		}
	}
	return false
}
