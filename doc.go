// Package bonemet answers questions about bone-metastasis signalling from
// the documents that describe it, citing the sentence each step came from.
//
// bonemet reads pathway-figure records (PFOCR) and PubMed abstracts
// (package [github.com/bonemet/bonemet/ingest]), names their entities
// through a lexicon of genes, cells, drugs, families and processes
// (package [github.com/bonemet/bonemet/resolve]), and builds a typed,
// signed, directed multigraph whose every edge carries its evidence
// (package [github.com/bonemet/bonemet/graph]). Traversals propagate signs,
// so "what does denosumab block downstream?" is one call:
//
//	k := bonemet.Default()
//	blocked, err := k.Blocks("denosumab")
//	for _, r := range blocked {
//		fmt.Println(r.Node.Label(), r.Sign, k.Graph.Chain(r.Path()))
//	}
//
// [Default] builds the graph from the embedded default knowledge: three
// seed documents and the curation files that capture every causal claim in
// them. [LoadDir] builds one from a folder of documents and curation files
// of your own. The Expect functions turn biological expectations into
// one-line Go tests whose failures explain the missing or wrongly signed
// path.
package bonemet
