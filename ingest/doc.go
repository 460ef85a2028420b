// Package ingest reads what bonemet learns from: it walks a folder or an
// [fs.FS], tells formats apart by content, and hands each file to the
// parser of its format family:
//
//   - [github.com/bonemet/bonemet/ingest/pfocr]: PFOCR pathway-figure records;
//   - [github.com/bonemet/bonemet/ingest/pubmed]: PubMed pages, MEDLINE, XML
//     and "Abstract (text)";
//   - [github.com/bonemet/bonemet/ingest/curation]: curation files, in which a
//     person records claims with the quote each rests on.
//
// Pathway imports have packages of their own
// ([github.com/bonemet/bonemet/ingest/gpml],
// [github.com/bonemet/bonemet/ingest/causal],
// [github.com/bonemet/bonemet/ingest/bel]).
//
// [Load] and [LoadParallel] return a [source.Corpus]: the documents and
// the curated statements, every quote checked against its document.
// [github.com/bonemet/bonemet/build] turns a corpus into a graph.
//
// Every parser returns [*source.ParseError]s carrying file:line:column and
// the offending line, never panics on bad input, and bounds what it reads
// with [source.Limits]. Files that are not documents or curation are
// skipped and listed ([Skipped]) unless [LoadOptions.Strict] is set.
package ingest
