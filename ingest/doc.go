// Package ingest reads the documents bonemet learns from and the statements
// made about them, and builds the graph.
//
// Documents: PFOCR pathway-figure records ([ParsePFOCR]), PubMed abstract
// pages saved as text ([ParsePubMedPage]), and PubMed downloads: MEDLINE,
// XML and "Abstract (text)" ([ReadPubMed]). [ReadDocuments] tells them
// apart by content. All become a [Document]: ID, title, sections of text,
// and the source's own annotations.
//
// Statements: curation files ([ParseCuration]) in which a person records,
// per document, subject–relation–object claims with the quote each rests
// on; [VerifyQuotes] checks every quote against its document.
//
// [Load] reads a folder of documents and curation files; [Build] resolves
// the statements' names and builds a [graph.Graph], returning a [Report]
// that accounts for every statement read (added, merged, duplicate,
// unresolved or rejected).
//
// Every parser returns [*ParseError]s carrying file:line:column, never
// panics on bad input, and bounds what it reads with [Limits].
package ingest
