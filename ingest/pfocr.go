package ingest

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// frontMatter splits a document that starts with a "---" line into the
// YAML between the first two "---" lines and the line number the YAML
// starts on. A byte-order mark and leading blank lines are skipped.
func frontMatter(data []byte, file string) ([]byte, int, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	line := 1
	for {
		nl := bytes.IndexByte(data, '\n')
		first := data
		if nl >= 0 {
			first = data[:nl]
		}
		if len(bytes.TrimSpace(first)) != 0 || nl < 0 {
			break
		}
		data = data[nl+1:]
		line++
	}
	rest, ok := cutDelimiter(data)
	if !ok {
		return nil, 0, &ParseError{file, line, 1, fmt.Errorf("%w: the file must start with a --- line", ErrNoFrontMatter)}
	}
	start := line + 1
	off := 0
	for l := start; ; l++ {
		nl := bytes.IndexByte(rest[off:], '\n')
		var text []byte
		if nl < 0 {
			text = rest[off:]
		} else {
			text = rest[off : off+nl]
		}
		if isDelimiter(text) {
			return rest[:off], start, nil
		}
		if nl < 0 {
			return nil, 0, &ParseError{file, line, 1, fmt.Errorf("%w: no closing --- line after the one here", ErrUnclosed)}
		}
		off += nl + 1
	}
}

// fixLoneCR turns the line ends of a file written with lone carriage
// returns (classic Mac OS) into line feeds, so that YAML and line numbers
// see lines; CRLF files are left alone.
func fixLoneCR(data []byte) []byte {
	if !bytes.Contains(data, []byte("\r")) {
		return data
	}
	out := make([]byte, 0, len(data))
	for i, c := range data {
		if c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}

func isDelimiter(line []byte) bool {
	return string(bytes.TrimRight(line, " \t\r")) == "---"
}

func cutDelimiter(data []byte) ([]byte, bool) {
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 {
		return nil, isDelimiter(data)
	}
	if !isDelimiter(data[:nl]) {
		return nil, false
	}
	return data[nl+1:], true
}

// ParsePFOCR reads a PFOCR pathway-figure record: YAML front matter between
// "---" lines, as the figure pages of the PFOCR database are written. It
// accepts both shapes found in the wild (with a genes/chemicals/diseases
// list, or with only schema-jsonld keywords), organisms as a string or a
// list, empty years, and R's ".na.character" for missing values. Unknown
// fields are ignored; fields of the wrong type are errors. Errors are
// [*ParseError]s with file:line:column, joined with [errors.Join].
func ParsePFOCR(r io.Reader, file string, lim Limits) (*Document, error) {
	data, err := readLimited(r, file, lim)
	if err != nil {
		return nil, err
	}
	return parsePFOCR(data, file)
}

func readLimited(r io.Reader, file string, lim Limits) ([]byte, error) {
	max := lim.maxBytes()
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, &ParseError{File: file, Err: err}
	}
	if int64(len(data)) > max {
		return nil, &ParseError{file, 0, 0, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &ParseError{file, 1, 1, ErrEmpty}
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
		return nil, &ParseError{file, line, col, ErrInvalidUTF8}
	}
	return data, nil
}

func parsePFOCR(data []byte, file string) (*Document, error) {
	data = fixLoneCR(data)
	fm, start, err := frontMatter(data, file)
	if err != nil {
		return nil, err
	}
	d := &yamlDoc{file: file, lineOffset: start - 1}
	var root yaml.Node
	if err := yaml.Unmarshal(fm, &root); err != nil {
		return nil, d.syntaxError(err)
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil, &ParseError{file, start, 1, fmt.Errorf("%w: empty front matter", ErrEmpty)}
	}
	m := d.mapping(root.Content[0], "the front matter", nil)
	if m == nil {
		return nil, joinErrs(d.errs)
	}
	doc := &Document{Kind: PFOCRFigure, File: file}
	doc.ID = d.str(m["figid"], "figid")
	doc.PMCID = d.str(m["pmcid"], "pmcid")
	doc.Title = collapse(d.str(m["figtitle"], "figtitle"))
	doc.Year = d.str(m["year"], "year")
	doc.DOI = d.str(m["doi"], "doi")
	doc.Journal = d.str(m["journal_title"], "journal_title")
	number := d.str(m["number"], "number")
	doc.Citation = strings.TrimSpace(doc.PMCID + " " + number)
	doc.Reference = collapse(d.str(m["reftext"], "reftext"))
	for _, f := range []string{"organisms", "organisms_ner"} {
		for _, o := range d.strs(m[f], f) {
			if !contains(doc.Organisms, o) {
				doc.Organisms = append(doc.Organisms, o)
			}
		}
	}
	addSection := func(name, field string) {
		n := m[field]
		if t := collapse(d.str(n, field)); t != "" {
			doc.Sections = append(doc.Sections, Section{Name: name, Text: t, Pos: d.pos(deref(n))})
		}
	}
	addSection(SectionFigTitle, "figtitle")
	addSection(SectionCaption, "caption")
	addSection(SectionPaperTitle, "papertitle")
	if kw := d.str(m["keywords"], "keywords"); kw != "" {
		for _, k := range strings.Split(kw, "|") {
			if k = collapse(k); k != "" {
				doc.Keywords = append(doc.Keywords, k)
			}
		}
	}
	if sj := d.mapping(m["schema-jsonld"], "schema-jsonld", nil); sj != nil {
		doc.Keywords = append(doc.Keywords, d.strs(sj["keywords"], "schema-jsonld keywords")...)
	}
	annots := []struct {
		field string
		kind  AnnotationKind
	}{{"genes", AnnotGene}, {"chemicals", AnnotChemical}, {"diseases", AnnotDisease}}
	for _, a := range annots {
		for _, item := range d.list(m[a.field], a.field) {
			im := d.mapping(item, a.field+" item", nil)
			if im == nil {
				continue
			}
			an := Annotation{Kind: a.kind, Word: d.str(im["word"], "word"), Source: d.str(im["source"], "source"), Pos: d.pos(deref(item))}
			switch a.kind {
			case AnnotGene:
				an.Symbol = d.str(im["hgnc_symbol"], "hgnc_symbol")
				if an.Symbol == "" {
					an.Symbol = d.str(im["symbol"], "symbol")
				}
				if e := d.str(im["entrez"], "entrez"); e != "" {
					an.ID = "NCBIGene:" + e
				}
			default:
				an.Symbol = an.Word
				if id := d.str(im["identifier"], "identifier"); id != "" {
					an.ID = "MESH:" + strings.TrimPrefix(strings.ToUpper(id), "MESH:")
				}
			}
			doc.Annotations = append(doc.Annotations, an)
		}
	}
	if doc.ID == "" {
		d.fail(root.Content[0], fmt.Errorf("%w: figid", ErrMissingField))
	}
	if len(doc.Sections) == 0 {
		d.fail(root.Content[0], fmt.Errorf("%w: caption or figtitle", ErrMissingField))
	}
	if len(d.errs) > 0 {
		return nil, joinErrs(d.errs)
	}
	return doc, nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
