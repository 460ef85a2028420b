// Package source holds what every parser of the module shares: each
// [Document] read and each [Statement] read from it, the [Corpus] they
// make up, the [Pos] of what was read, the one positional error type
// [ParseError], the one set of [Limits], and the sentinel errors that
// ParseError wraps.
package source

import (
	"fmt"
	"strings"
)

// DocKind is the format a [Document] was read from. The zero value is
// invalid.
type DocKind uint8

// Document kinds.
const (
	DocInvalid         DocKind = iota
	PFOCRFigure                // a PFOCR pathway-figure record (YAML front matter)
	PubMedPage                 // a PubMed abstract page saved as text
	PubMedMedline              // a MEDLINE/nbib record
	PubMedXML                  // a PubmedArticle of a PubMed XML file
	PubMedAbstractText         // a record of PubMed's "Abstract (text)" export
	Pathway                    // a curated pathway (WikiPathways GPML)
	BELCitation                // the evidence of one citation of a BEL script
)

var docKindNames = [...]string{"invalid", "pfocr", "pubmed-page", "medline", "pubmed-xml", "pubmed-abstract-text", "pathway", "bel"}

// String returns the kind's name ("pfocr", "pubmed-page", ...).
func (k DocKind) String() string {
	if int(k) < len(docKindNames) {
		return docKindNames[k]
	}
	return fmt.Sprintf("DocKind(%d)", k)
}

// ParseDocKind returns the kind named s ("pfocr", "pathway", ...), and
// DocInvalid for any other name.
func ParseDocKind(s string) DocKind {
	for k, name := range docKindNames {
		if name == s {
			return DocKind(k)
		}
	}
	return DocInvalid
}

// Section names used by the parsers.
const (
	SectionTitle      = "title"      // article title
	SectionFigTitle   = "figtitle"   // PFOCR figure title
	SectionCaption    = "caption"    // PFOCR figure caption
	SectionPaperTitle = "papertitle" // PFOCR: title of the paper holding the figure
	SectionAbstract   = "abstract"   // unstructured abstract
)

// Section is a named piece of a document's text. Structured abstracts have
// one section per label ("abstract/background", "abstract/methods", ...).
type Section struct {
	// Name is one of the Section constants, "abstract/<label>" (the label
	// lower-cased) for a part of a structured abstract, or "evidence-<n>"
	// for the n-th evidence text of a BEL citation.
	Name string
	Text string // white space collapsed to single spaces, trimmed
	Pos  Pos    // where the text starts in the file, when known
}

// AnnotationKind says what an [Annotation] names.
type AnnotationKind uint8

// Annotation kinds.
const (
	AnnotationInvalid AnnotationKind = iota
	AnnotGene
	AnnotChemical
	AnnotDisease
)

var annotationKindNames = [...]string{"invalid", "gene", "chemical", "disease"}

// String returns "gene", "chemical" or "disease".
func (k AnnotationKind) String() string {
	if int(k) < len(annotationKindNames) {
		return annotationKindNames[k]
	}
	return fmt.Sprintf("AnnotationKind(%d)", k)
}

// Annotation is an entity a source found in a document, kept with the word
// it was read from: PFOCR's OCR gene, chemical and disease matches.
type Annotation struct {
	// Kind says what the annotation names: a gene, chemical or disease.
	Kind   AnnotationKind
	Word   string // the OCR word as written ("RANKL", "AIRE*")
	Symbol string // the symbol or term matched ("RANKL")
	ID     string // the identifier as a CURIE ("HGNC symbol TNFSF11" → "HGNC.SYMBOL:TNFSF11", "MESH:D009369", "NCBIGene:8600")
	Source string // how the source matched it ("hgnc_alias_symbol", "MESH")
	Pos    Pos    // where the annotation's record is in the file
}

// Document is one source text: a PFOCR figure or a PubMed article.
type Document struct {
	// ID identifies the document across the project: the PFOCR figid
	// ("PMC7426519__fonc-10-01283-g0003"), "PMID:<n>" for PubMed records
	// with a PMID, otherwise "doi:<doi>", otherwise "PMCID:<id>"; a
	// pathway's or a BEL citation's own ID.
	ID string
	// Kind is the format the document was read from.
	Kind DocKind
	// Title is the article's title, a PFOCR figure's title (figtitle), a
	// pathway's name or a BEL citation's name; "" when the source has none.
	Title string
	// Citation is a short human reference ("PMC7426519 F3",
	// "Roodman GD. J Clin Oncol. 2001").
	Citation string
	// Reference is the full reference of the source article as the source
	// gives it (PFOCR reftext), when there is one.
	Reference string
	Authors   []string // as the source gives them ("Roodman GD"), in its order
	Journal   string   // the journal's name (for PubMed, the NLM abbreviation when given)
	Year      string   // "" when unknown
	DOI       string   // without the "doi:" prefix
	PMID      string   // the PubMed ID, digits only; "" when unknown
	PMCID     string   // the PubMed Central ID ("PMC7426519"); "" when unknown
	// Organisms lists the species the source names (PFOCR organisms and
	// organisms_ner, missing values dropped).
	Organisms []string
	// Keywords are terms the source attached without an OCR word (PFOCR
	// schema-jsonld keywords and top-level keywords).
	Keywords []string
	// Sections are the document's texts, in the order the parser read
	// them, the title first when there is one.
	Sections []Section
	// Annotations are PFOCR's gene, then chemical, then disease matches,
	// each kind in file order; empty for other kinds of document.
	Annotations []Annotation
	// File is the path the document was read from, for messages.
	File string
	// Repaired counts the characters of mis-decoded text (UTF-8 read as
	// Windows-1252 or Mac Roman: "NF-ÎºB") the parser repaired with
	// [FixMojibake]; the sections hold the repaired text.
	Repaired int
}

// Section returns the section with the given name.
func (d *Document) Section(name string) (Section, bool) {
	for _, s := range d.Sections {
		if s.Name == name {
			return s, true
		}
	}
	return Section{}, false
}

// Collapse folds every run of white space in s to one space and trims the
// ends, as the parsers do to section text.
func Collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
