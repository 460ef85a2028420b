// Package resolve turns the names people write ("RANK ligand", "RANKL",
// "TNFSF11", "osteoclasts", "cIAP1/2", "NF-κB") into bonemet's entities.
//
// A [Lexicon] holds entries (a [graph.Node] with its synonyms, preferred
// synonyms and previous symbols); a [Resolver] looks names up in one or more
// lexicons after [Normalize] (case, Greek letters, hyphens and spaces,
// British spellings), falls back from plurals to singulars, and expands
// slash lists ("cIAP1/2" = cIAP1 + cIAP2, which is the group cIAP1/2). Each
// [Result] is resolved, ambiguous (with its candidates) or unknown, and
// says why.
//
// [Default] resolves with the embedded domain lexicon ([DefaultLexicon]):
// the genes of bone-metastasis signalling (HGNC), the domain's cells (Cell
// Ontology), drugs (DrugBank, ChEBI, MeSH), drug classes, families,
// complexes and processes. [LoadHGNC] reads the full HGNC table for
// genome-wide resolution.
package resolve
