package graph

import (
	"errors"
	"strings"
)

// Errors returned by the package. They are wrapped with context; test them
// with [errors.Is].
var (
	ErrUnknownKind      = errors.New("unknown node kind")
	ErrUnknownGroupType = errors.New("unknown group type")
	ErrUnknownRelation  = errors.New("unknown relation")
	ErrUnknownMethod    = errors.New("unknown evidence method")
	ErrNoNode           = errors.New("no such node")
	ErrNodeConflict     = errors.New("conflicting node definitions")
	ErrNoEvidence       = errors.New("edge without evidence")
	ErrBadID            = errors.New("malformed node id")
	ErrTooManyNodes     = errors.New("graph too large")
)

// LocalPrefix is the CURIE prefix of nodes that no public ontology names:
// processes ("BONEMET:bone_resorption"), groups ("BONEMET:cIAP1_2") and
// cell states such as "BONEMET:breast_cancer_cell". The local part is
// snake_case and stable across releases.
const LocalPrefix = "BONEMET"

// Node is an entity of the pathway graph.
type Node struct {
	// ID is a CURIE: HGNC:11926, CL:0000092, DRUGBANK:DB06643, MESH:D004164,
	// CHEBI:46557 or BONEMET:bone_resorption.
	ID string
	// Kind is the type of entity.
	Kind Kind
	// Symbol is the short name: the HGNC symbol of a gene, or a common
	// abbreviation; it may be empty for cells, drugs and processes.
	Symbol string
	// Name is the full name ("TNF superfamily member 11", "osteoclast").
	Name string
	// Xrefs are equivalent identifiers in other namespaces (ENTREZ:8600,
	// MESH:D053245, ...).
	Xrefs []string
	// Group is the type of a Group node, and NotGroup for the other kinds.
	Group GroupType
	// Members are the IDs of a Group node's members, sorted.
	Members []string
}

// Label returns the name a person reads: the symbol when there is one,
// otherwise the name, otherwise the ID.
func (n Node) Label() string {
	switch {
	case n.Symbol != "":
		return n.Symbol
	case n.Name != "":
		return n.Name
	}
	return n.ID
}

// ValidID reports whether id looks like a CURIE: a non-empty prefix of
// letters, digits, dots or underscores, a colon, and a non-empty local part
// without white space.
func ValidID(id string) bool {
	prefix, local, ok := strings.Cut(id, ":")
	if !ok || prefix == "" || local == "" {
		return false
	}
	for _, r := range prefix {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_') {
			return false
		}
	}
	return !strings.ContainsAny(local, " \t\r\n")
}

// Evidence is the source of an [Edge]: a quoted sentence of a document, or a
// record of a pathway database.
type Evidence struct {
	// Doc is the document id: a PFOCR figure id, a DOI ("doi:10.1200/..."),
	// a PMID ("PMID:11481364") or a pathway id.
	Doc string
	// Section is the part of the document the quote is from ("caption",
	// "abstract", "title").
	Section string
	// Quote is the text the statement rests on, as it occurs in the
	// section (white space collapsed).
	Quote string
	// Start and End are the byte offsets of the quote in the section text,
	// or 0, 0 when not known.
	Start, End int
	// Method says whether a person curated the statement, the reader
	// extracted it, or it was imported.
	Method Method
	// Rule names the reader's pattern that fired, or the curation file
	// position ("curation/seed002.yaml:14:5") for curated statements.
	Rule string
	// Confidence is in 0..1; curated statements default to 1.
	Confidence float64
	// Note is a curator's comment.
	Note string
}

// Edge is a typed, signed, directed relation between two nodes with every
// piece of evidence that supports it. There is one Edge per (From, To,
// Relation); its evidence is sorted by document, section and offset.
type Edge struct {
	From, To string // node IDs
	// Relation is the type of the edge; it gives the edge its [Edge.Sign].
	Relation Relation
	// Evidence is every piece of evidence for the edge (at least one in a
	// built [Graph]), sorted by document, section and offset.
	Evidence []Evidence
}

// Sign returns the sign of the edge's relation.
func (e *Edge) Sign() Sign { return e.Relation.Sign() }
