// Package bel reads BEL scripts, as PyBEL and the OpenBEL tools write
// them, and turns their causal statements into [source.Statement]s.
//
// BEL (Biological Expression Language) records curated claims such as
//
//	SET Citation = {"PubMed", "12345"}
//	SET Evidence = "RANKL raised osteoclast numbers."
//	p(HGNC:TNFSF11) increases bp(GOBP:"osteoclast differentiation")
//
// [Read] returns a [Script]: one [source.Document] per citation, with the
// evidence texts as sections; a [source.Statement] for every statement
// whose relation is causal and signed (increases, decreases and their
// direct and symbolic forms); and a [Skip] saying why for every other
// statement. Nothing is dropped silently: [Script.Balanced] checks that
// every statement read is one or the other.
//
// The terms become names for bonemet's resolver: HGNC symbols as they
// are, mouse and rat genes as their human orthologs by symbol, Entrez and
// UniProt ids as CURIEs, Selventa families and complexes as "BEL:name"
// (the keys of FamPlex's BEL equivalences), chemicals, processes and
// diseases by name. See [Read] for the details, and its example for a
// script read end to end.
package bel
