// Package resolve turns the names people write ("RANK ligand", "RANKL",
// "TNFSF11", "osteoclasts", "cIAP1/2", "NF-κB", "U0126") into bonemet's
// entities.
//
// A [Lexicon] holds entries (a [graph.Node] with its synonyms, preferred
// synonyms and previous symbols); a [Resolver] looks names up in one or more
// lexicons after [Normalize] (case, Greek letters, hyphens and spaces,
// British spellings), falls back from plurals to singulars, expands
// slash lists ("cIAP1/2" = cIAP1 + cIAP2, which is the group cIAP1/2) and
// reads names joined by hyphens for a pathway as lists ("PI3K-AKT" = PI3K
// + AKT, when no entry is named so as a whole). A slash of two names of
// one entity ("Fas/CD95", "Nox1/Mox1") is that entity. Variant forms are
// read as their gene: a point mutant ("RasV12", "N17Rac1", "BRAFV600E"),
// a microRNA ("miR-218", "miR-335-5p": its HGNC gene, the first locus of
// a microRNA with several), a last Greek letter written as its Latin
// initial ("PGC-1b"), a form of a protein ("sRANKL", "rhBMP-2", "tBID");
// [DominantNegative] names the gene of a dominant-negative form. A group's
// name with a Greek letter is the member the letter spells ("PKACα":
// PRKACA), and a symbol as written beats symbols that differ from it only
// in punctuation ("MIR124-3", not MIR1243). A label that names its entity
// through what surrounds the name ("AKT1_HUMAN", "CEBPB gene", "COX2
// (PTGS2)", a bare Ensembl id) is read by Resolve and ResolveIn, not in
// running text. A name mis-decoded on its
// way in ("NF-ÎºB") is repaired first ([source.FixMojibake]). Each
// [Result] is resolved, ambiguous (with its candidates, strongest first) or
// unknown, and says why. A CURIE resolves to its entry ("HGNC:11998",
// "FPLX:ERK", "CHEBI:90693"), and so does a cross-reference one entry
// carries ("NCBIGene:7157", "UniProt:P04637", "BEL:AKT Family").
//
// [Default] resolves with the embedded lexicon ([DefaultLexicon]): the
// hand-reviewed domain lexicon of bone-metastasis biology (its names for
// genes, cells and drugs; drug classes, processes and cell groups) on a
// compiled index of every approved human gene (HGNC), the FamPlex families
// and complexes (FPLX, with their members), the Cell Ontology, ChEBI's
// chemicals and MeSH's, made by go generate from the tables listed in
// lexicon/SOURCES.md. The index is read in place: the default is ready in
// a few milliseconds and a megabyte of heap. FamPlex's grounding map and
// HGNC's tiers rank the senses of a shared name: a curated grounding and
// an approved symbol beat an alias of another entity. [LoadHGNC] reads a
// newer HGNC table.
//
// [Resolver.ResolveIn] reads a name in its context (a caption, an
// abstract): definitions, the other entities the text names, the words of
// each candidate's names, and the shape of the name, and explains its
// choice. [Resolver.ResolveAll] resolves a batch and suggests close names
// for unknown ones ([Resolver.Suggest]); [Resolver.Mentions] finds the
// names in a text, and sets aside a short alias of a gene that shares no
// pathway with the other genes the text names.
//
// The word tables of the context-aware resolver are data too:
// lexicon/words.tsv and lexicon/senses.tsv; the pathway gene sets
// (lexicon/pathways.tsv) are generated from WikiPathways.
package resolve
