// Package bonemet answers questions about bone-metastasis signalling from
// the documents that describe it, citing the sentence each step came from.
//
// "What does denosumab block downstream?" is one call:
//
//	k := bonemet.Default()
//	blocked, err := k.Blocks("denosumab")
//	for _, r := range blocked {
//		fmt.Println(r.Node.Label(), r.Sign, k.Graph.Chain(r.Path()))
//	}
//
// [Default] is the knowledge compiled into the module: the curated
// statements of over a hundred documents about bone biology and bone
// metastasis (PFOCR pathway figures and seed abstracts), each with the
// quote it rests on, and the WikiPathways bone pathways, every edge with a
// belief from its evidence. [Load] and [LoadDir] add folders of documents
// and curation files of your own (or start from nothing), [Import] merges
// curated pathways (GPML, BEL, causal tables), and [Knowledge.Coverage]
// says how the documents cover each pathway.
//
// The module's rooms, one concern each, imports running one way:
//
//   - [github.com/bonemet/bonemet/source]: what every parser shares
//     (Document, Statement, Pos, one ParseError, one Limits);
//   - [github.com/bonemet/bonemet/ingest]: walks folders, tells formats
//     apart, and dispatches to one package per format family (pfocr,
//     pubmed, curation; gpml, causal and bel for pathway imports);
//   - [github.com/bonemet/bonemet/resolve]: names to entities (every
//     human gene, FamPlex families and complexes, ChEBI chemicals, Cell
//     Ontology cells, the field's processes), in context;
//   - [github.com/bonemet/bonemet/extract]: the reader, rules as data;
//   - [github.com/bonemet/bonemet/build]: statements and curation to a
//     graph, with a report that accounts for every statement;
//   - [github.com/bonemet/bonemet/graph]: the typed, signed multigraph,
//     its queries and explanations (graph/export writes it in common
//     formats; graph/compare compares graphs);
//   - [github.com/bonemet/bonemet/knowledge]: the compiled default
//     knowledge and its manifest of sources;
//   - [github.com/bonemet/bonemet/bonemettest]: expectations for Go tests
//     ("denosumab blocks osteoclasts"), whose failures say what the graph
//     holds instead; this package itself imports no testing;
//   - cmd/bonemet: the command-line tool.
package bonemet
