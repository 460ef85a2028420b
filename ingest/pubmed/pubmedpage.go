package pubmed

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/bonemet/bonemet/source"
)

// pageBoilerplate are whole lines of the PubMed web page that carry no
// content of the article.
var pageBoilerplate = map[string]bool{
	"Skip to main page content": true, "U.S. flag": true, "Dot gov": true, "Https": true,
	"An official website of the United States government": true,
	"The .gov means it’s official.":                       true, "The .gov means it's official.": true,
	"The site is secure.": true, "Affiliations": true, "Expand": true, "Collapse": true,
	"Review": true, "Free article": true, "Free PMC article": true, "Editorial": true,
	"Comment": true, "Letter": true, "Meta-Analysis": true, "Clinical Trial": true,
	"Case Reports": true, "Randomized Controlled Trial": true, "Systematic Review": true,
	"Full text links": true, "Cite": true, "Display options": true, "Item in Clipboard": true,
}

// pageEnd are headings after which a PubMed page holds no more of the
// abstract.
var pageEnd = []string{
	"PubMed Disclaimer", "Keywords:", "Comment in", "Comment on", "Publication types", "MeSH terms",
	"Substances", "LinkOut - more resources", "Similar articles", "Cited by", "References",
	"Figures", "Grants and funding", "Conflict of interest statement", "Supplementary info",
	"Related information", "Erratum in", "Full text links", "Associated data",
}

var (
	pageCitation = regexp.MustCompile(`^(.*?)\.?\s*((?:19|20)\d{2})\b[^;]*;`)
	pageDOI      = regexp.MustCompile(`(?i)^doi:\s*(10\.\S+?)\.?$`)
	pagePMID     = regexp.MustCompile(`^PMID:\s*(\d+)`)
	pagePMCID    = regexp.MustCompile(`^PMCID:\s*(PMC\d+)`)
)

// ParsePage reads a PubMed abstract page saved as text from a web
// browser: the title, authors, journal, year, DOI, PMID and PMCID when
// present, and the abstract; the page's boilerplate (banners, navigation,
// disclaimers, comments, similar articles) is ignored. PMIDs that appear
// after the abstract (in "Comment in" or "Similar articles") belong to
// other articles and are not taken. The document ID is "PMID:<n>" or, when
// the page shows no PMID of its own, "doi:<doi>".
func ParsePage(r io.Reader, file string, lim source.Limits) (*source.Document, error) {
	data, err := lim.ReadText(r, file)
	if err != nil {
		return nil, err
	}
	d, err := parsePage(data, file)
	return d, source.WithText(err, data)
}

type pageLine struct {
	text string
	line int
}

func parsePage(data []byte, file string) (*source.Document, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	var lines []pageLine
	for i, l := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		l = strings.TrimSpace(strings.ReplaceAll(l, "\r", " "))
		if l != "" {
			lines = append(lines, pageLine{l, i + 1})
		}
	}
	doc := &source.Document{Kind: source.PubMedPage, File: file}
	abs := -1
	for i, l := range lines {
		if l.text == "Abstract" {
			abs = i
			break
		}
	}
	if abs < 0 {
		return nil, &source.ParseError{File: file, Line: 1, Column: 1, Err: fmt.Errorf("%w: no \"Abstract\" heading: not a PubMed abstract page", source.ErrUnknownFormat)}
	}
	// Header: citation, DOI, PMID, title and authors, before the abstract.
	var header []pageLine
	for _, l := range lines[:abs] {
		switch {
		case doc.DOI == "" && pageDOI.MatchString(l.text):
			doc.DOI = pageDOI.FindStringSubmatch(l.text)[1]
		case pagePMID.MatchString(l.text):
			doc.PMID = pagePMID.FindStringSubmatch(l.text)[1]
		case pagePMCID.MatchString(l.text):
			doc.PMCID = pagePMCID.FindStringSubmatch(l.text)[1]
		case doc.Year == "" && pageCitation.MatchString(l.text) && strings.Contains(l.text, "):") || doc.Year == "" && strings.HasPrefix(l.text, ". ") && pageCitation.MatchString(l.text):
			m := pageCitation.FindStringSubmatch(l.text)
			doc.Year = m[2]
			if j := strings.TrimSpace(strings.TrimSuffix(m[1], ".")); j != "" {
				doc.Journal = j
			}
		case pageBoilerplate[l.text], isBanner(l.text):
		default:
			header = append(header, l)
		}
	}
	// The page shows the title twice (page heading and citation block);
	// the authors line follows the second.
	for i, l := range header {
		if doc.Title == "" {
			doc.Title = l.text
			doc.Sections = append(doc.Sections, source.Section{Name: source.SectionTitle, Text: source.Collapse(l.text), Pos: source.Pos{File: file, Line: l.line, Column: 1}})
			continue
		}
		if l.text == doc.Title {
			continue
		}
		if len(doc.Authors) == 0 && i > 0 {
			authors, journal, _ := strings.Cut(l.text, ". ")
			for _, a := range strings.Split(authors, ",") {
				if a = strings.TrimSpace(a); a != "" {
					doc.Authors = append(doc.Authors, a)
				}
			}
			if j := strings.Trim(strings.TrimSpace(journal), ". "); j != "" && doc.Journal == "" {
				doc.Journal = j
			}
		}
	}
	if doc.Title == "" {
		return nil, &source.ParseError{File: file, Line: lines[abs].line, Column: 1, Err: fmt.Errorf("%w: title (no text between the citation and the abstract)", source.ErrMissingField)}
	}
	// Abstract: until the first heading of the page's tail.
	var text []string
	start := 0
	for _, l := range lines[abs+1:] {
		if isPageEnd(l.text) {
			break
		}
		if start == 0 {
			start = l.line
		}
		text = append(text, l.text)
	}
	if len(text) > 0 {
		doc.Sections = append(doc.Sections, source.Section{Name: source.SectionAbstract, Text: source.Collapse(strings.Join(text, " ")), Pos: source.Pos{File: file, Line: start, Column: 1}})
	}
	switch {
	case doc.PMID != "":
		doc.ID = "PMID:" + doc.PMID
	case doc.DOI != "":
		doc.ID = "doi:" + doc.DOI
	default:
		return nil, &source.ParseError{File: file, Line: lines[abs].line, Column: 1, Err: fmt.Errorf("%w: neither PMID nor DOI before the abstract", source.ErrMissingField)}
	}
	doc.Citation = pageCitationText(doc)
	return doc, nil
}

func isBanner(s string) bool {
	return strings.HasPrefix(s, "Federal government websites") || strings.HasPrefix(s, "The https://") ||
		strings.HasPrefix(s, "Access keys") || strings.HasPrefix(s, "An official website")
}

func isPageEnd(s string) bool {
	for _, h := range pageEnd {
		if s == h || strings.HasPrefix(s, h) && len(h) > 10 {
			return true
		}
	}
	return false
}

func pageCitationText(d *source.Document) string {
	var parts []string
	if len(d.Authors) > 0 {
		a := d.Authors[0]
		if len(d.Authors) > 1 {
			a += " et al"
		}
		parts = append(parts, a)
	}
	if d.Journal != "" {
		parts = append(parts, d.Journal)
	}
	if d.Year != "" {
		parts = append(parts, d.Year)
	}
	return strings.Join(parts, ". ")
}
