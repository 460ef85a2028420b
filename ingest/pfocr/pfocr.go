// Package pfocr reads PFOCR pathway-figure records: the figure pages of the
// PFOCR database (github.com/wikipathways/pfocr-database), YAML front matter
// between "---" lines, in both shapes found in the wild.
package pfocr

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/bonemet/bonemet/ingest/internal/yamlx"
	"github.com/bonemet/bonemet/source"
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
		return nil, 0, &source.ParseError{File: file, Line: line, Column: 1, Err: fmt.Errorf("%w: the file must start with a --- line", source.ErrNoFrontMatter)}
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
			return nil, 0, &source.ParseError{File: file, Line: line, Column: 1, Err: fmt.Errorf("%w: no closing --- line after the one here", source.ErrUnclosed)}
		}
		off += nl + 1
	}
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

// Parse reads a PFOCR pathway-figure record: YAML front matter between
// "---" lines, as the figure pages of the PFOCR database are written. It
// accepts both shapes found in the wild (with a genes/chemicals/diseases
// list, or with only schema-jsonld keywords), organisms as a string or a
// list, empty years, and R's ".na.character" for missing values. Unknown
// fields are ignored; fields of the wrong type are errors. Errors are
// [*source.ParseError]s with file:line:column and the offending line,
// joined with [errors.Join].
func Parse(r io.Reader, file string, lim source.Limits) (*source.Document, error) {
	data, err := lim.ReadText(r, file)
	if err != nil {
		return nil, err
	}
	data = yamlx.FixLoneCR(data)
	d, err := parse(data, file, lim)
	return d, source.WithText(err, data)
}

func parse(data []byte, file string, lim source.Limits) (*source.Document, error) {
	fm, start, err := frontMatter(data, file)
	if err != nil {
		return nil, err
	}
	d := &yamlx.Doc{File: file, LineOffset: start - 1, MaxErrors: lim.MaxErrors}
	var root yaml.Node
	if err := yaml.Unmarshal(fm, &root); err != nil {
		return nil, d.SyntaxError(err)
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil, &source.ParseError{File: file, Line: start, Column: 1, Err: fmt.Errorf("%w: empty front matter", source.ErrEmpty)}
	}
	m := d.Mapping(root.Content[0], "the front matter", nil)
	if m == nil {
		return nil, source.JoinErrors(d.Errs)
	}
	doc := &source.Document{Kind: source.PFOCRFigure, File: file}
	doc.ID = d.Str(m["figid"], "figid")
	doc.PMCID = d.Str(m["pmcid"], "pmcid")
	doc.Title = source.Collapse(d.Str(m["figtitle"], "figtitle"))
	doc.Year = d.Str(m["year"], "year")
	doc.DOI = d.Str(m["doi"], "doi")
	doc.Journal = d.Str(m["journal_title"], "journal_title")
	number := d.Str(m["number"], "number")
	doc.Citation = strings.TrimSpace(doc.PMCID + " " + number)
	doc.Reference = source.Collapse(d.Str(m["reftext"], "reftext"))
	for _, f := range []string{"organisms", "organisms_ner"} {
		for _, o := range d.Strs(m[f], f) {
			if !contains(doc.Organisms, o) {
				doc.Organisms = append(doc.Organisms, o)
			}
		}
	}
	addSection := func(name, field string) {
		n := m[field]
		if t := source.Collapse(d.Str(n, field)); t != "" {
			doc.Sections = append(doc.Sections, source.Section{Name: name, Text: t, Pos: d.Pos(yamlx.Deref(n))})
		}
	}
	addSection(source.SectionFigTitle, "figtitle")
	addSection(source.SectionCaption, "caption")
	addSection(source.SectionPaperTitle, "papertitle")
	if kw := d.Str(m["keywords"], "keywords"); kw != "" {
		for _, k := range strings.Split(kw, "|") {
			if k = source.Collapse(k); k != "" {
				doc.Keywords = append(doc.Keywords, k)
			}
		}
	}
	if sj := d.Mapping(m["schema-jsonld"], "schema-jsonld", nil); sj != nil {
		doc.Keywords = append(doc.Keywords, d.Strs(sj["keywords"], "schema-jsonld keywords")...)
	}
	annots := []struct {
		field string
		kind  source.AnnotationKind
	}{{"genes", source.AnnotGene}, {"chemicals", source.AnnotChemical}, {"diseases", source.AnnotDisease}}
	for _, a := range annots {
		for _, item := range d.List(m[a.field], a.field) {
			im := d.Mapping(item, a.field+" item", nil)
			if im == nil {
				continue
			}
			an := source.Annotation{Kind: a.kind, Word: d.Str(im["word"], "word"), Source: d.Str(im["source"], "source"), Pos: d.Pos(yamlx.Deref(item))}
			switch a.kind {
			case source.AnnotGene:
				an.Symbol = d.Str(im["hgnc_symbol"], "hgnc_symbol")
				if an.Symbol == "" {
					an.Symbol = d.Str(im["symbol"], "symbol")
				}
				if e := d.Str(im["entrez"], "entrez"); e != "" {
					an.ID = "NCBIGene:" + e
				}
			default:
				an.Symbol = an.Word
				if id := d.Str(im["identifier"], "identifier"); id != "" {
					an.ID = "MESH:" + strings.TrimPrefix(strings.ToUpper(id), "MESH:")
				}
			}
			doc.Annotations = append(doc.Annotations, an)
		}
	}
	if doc.ID == "" {
		d.Fail(root.Content[0], fmt.Errorf("%w: figid", source.ErrMissingField))
	}
	if len(doc.Sections) == 0 {
		d.Fail(root.Content[0], fmt.Errorf("%w: caption or figtitle", source.ErrMissingField))
	}
	if len(d.Errs) > 0 {
		return nil, source.JoinErrors(d.Errs)
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
