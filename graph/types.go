package graph

import (
	"fmt"
	"strings"
)

// Kind is the type of a [Node]. The zero value is invalid.
type Kind uint8

// Node kinds.
const (
	KindInvalid Kind = iota
	Gene             // a gene or its protein, identified by HGNC
	Cell             // a cell type, identified by the Cell Ontology or locally
	Drug             // a drug, identified by DrugBank, ChEBI or MeSH
	Chemical         // a metabolite or ion (PGE2, calcium), ChEBI or MeSH
	Process          // a biological process or phenotype (bone resorption)
	Group            // a family, complex or drug class with members
)

var kindNames = [...]string{"invalid", "gene", "cell", "drug", "chemical", "process", "group"}

// String returns the lower-case name used in JSON ("gene", "cell", ...).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// ParseKind returns the Kind named s (as printed by [Kind.String]).
func ParseKind(s string) (Kind, error) {
	for k, name := range kindNames {
		if k != 0 && strings.EqualFold(s, name) {
			return Kind(k), nil
		}
	}
	return KindInvalid, fmt.Errorf("%w: %q", ErrUnknownKind, s)
}

// GroupType says what holds the members of a [Group] node together.
type GroupType uint8

// Group types.
const (
	NotGroup  GroupType = iota
	Family              // paralogues or a named set (IAPs, IL-1, growth factors)
	Complex             // physically bound subunits (p52/RelB)
	DrugClass           // drugs sharing a mechanism (bisphosphonates)
)

var groupTypeNames = [...]string{"", "family", "complex", "drug class"}

// String returns "family", "complex", "drug class", or "" for [NotGroup].
func (t GroupType) String() string {
	if int(t) < len(groupTypeNames) {
		return groupTypeNames[t]
	}
	return fmt.Sprintf("GroupType(%d)", t)
}

// ParseGroupType returns the GroupType named s.
func ParseGroupType(s string) (GroupType, error) {
	for t, name := range groupTypeNames {
		if t != 0 && (strings.EqualFold(s, name) || strings.EqualFold(s, strings.ReplaceAll(name, " ", "_"))) {
			return GroupType(t), nil
		}
	}
	return NotGroup, fmt.Errorf("%w: %q", ErrUnknownGroupType, s)
}

// Relation is the type of an [Edge]. The zero value is invalid.
type Relation uint8

// Relations. Each has a fixed [Sign].
const (
	RelationInvalid Relation = iota
	Activates                // + : the source increases the amount or activity of the target
	Inhibits                 // − : the source decreases the amount or activity of the target
	Secretes                 // + : a cell produces or releases a molecule
)

var relationNames = [...]string{"invalid", "activates", "inhibits", "secretes"}

// String returns "activates", "inhibits" or "secretes".
func (r Relation) String() string {
	if int(r) < len(relationNames) {
		return relationNames[r]
	}
	return fmt.Sprintf("Relation(%d)", r)
}

// Sign returns the sign of the relation: [Positive] for Activates and
// Secretes, [Negative] for Inhibits, [NoSign] for an invalid relation.
func (r Relation) Sign() Sign {
	switch r {
	case Activates, Secretes:
		return Positive
	case Inhibits:
		return Negative
	}
	return NoSign
}

// Arrow returns the symbol drawn for the relation: → for activates, ⊣ for
// inhibits, ⇒ for secretes.
func (r Relation) Arrow() string {
	switch r {
	case Activates:
		return "→"
	case Inhibits:
		return "⊣"
	case Secretes:
		return "⇒"
	}
	return "?"
}

// ParseRelation returns the Relation named s ("activates", "inhibits",
// "secretes"; case-insensitive).
func ParseRelation(s string) (Relation, error) {
	for r, name := range relationNames {
		if r != 0 && strings.EqualFold(strings.TrimSpace(s), name) {
			return Relation(r), nil
		}
	}
	return RelationInvalid, fmt.Errorf("%w: %q (want activates, inhibits or secretes)", ErrUnknownRelation, s)
}

// Sign is the net effect of a path: the product of its edge signs.
type Sign int8

// Signs. A node reached both positively and negatively is [Ambivalent].
const (
	NoSign     Sign = 0
	Positive   Sign = 1
	Negative   Sign = -1
	Ambivalent Sign = 2
)

// String returns "+", "-", "±" or "0".
func (s Sign) String() string {
	switch s {
	case Positive:
		return "+"
	case Negative:
		return "-"
	case Ambivalent:
		return "±"
	}
	return "0"
}

// Times returns the product of two signs; [Ambivalent] absorbs the others
// and [NoSign] absorbs everything.
func (s Sign) Times(t Sign) Sign {
	switch {
	case s == NoSign || t == NoSign:
		return NoSign
	case s == Ambivalent || t == Ambivalent:
		return Ambivalent
	}
	return s * t
}

// Method says how a piece of evidence was obtained.
type Method uint8

// Methods.
const (
	MethodInvalid Method = iota
	Curated              // written by a person in a curation file
	Extracted            // found by the reader in the text
	Imported             // taken from a pathway database
)

var methodNames = [...]string{"invalid", "curated", "extracted", "imported"}

// String returns "curated", "extracted" or "imported".
func (m Method) String() string {
	if int(m) < len(methodNames) {
		return methodNames[m]
	}
	return fmt.Sprintf("Method(%d)", m)
}

// ParseMethod returns the Method named s.
func ParseMethod(s string) (Method, error) {
	for m, name := range methodNames {
		if m != 0 && strings.EqualFold(s, name) {
			return Method(m), nil
		}
	}
	return MethodInvalid, fmt.Errorf("%w: %q", ErrUnknownMethod, s)
}
