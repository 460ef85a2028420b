package source

import (
	"fmt"
	"strings"

	"github.com/bonemet/bonemet/graph"
)

// Statement is one claim read from a source: subject, relation, object, as
// a person wrote them (or as a reader or importer found them), with the
// evidence that supports it. Statements become edges in [Build].
type Statement struct {
	Doc     string // document id
	Section string // section of the document the quote is from
	// Subject and Object are names as written ("RANK ligand"), CURIEs
	// ("HGNC:11926"), or IDs of nodes the corpus defines itself.
	Subject, Object string
	// Relation is the claimed relation of Subject to Object.
	Relation   graph.Relation
	Quote      string // the sentence or phrase the claim rests on
	Start, End int    // byte span of Quote in the section text
	// Method says whether a person curated the statement, the reader
	// extracted it, or an importer read it (GPML, BEL, causal tables).
	Method     graph.Method
	Rule       string  // the reader's rule, or the importer's record id
	Confidence float64 // 0..1
	// Hedge says why the confidence was lowered; NotHedged for a plain
	// assertion.
	Hedge Hedge
	// Note is a curator's or importer's comment; [Statement.Evidence]
	// appends the hedge to it.
	Note string
	Pos  Pos // where the statement was read
	// QuotePos is where the quote was read, when it differs from Pos.
	QuotePos Pos
	// Action is what a curated statement does: Add (the zero value) states
	// a claim; Accept, Reject and Correct act on the extracted statements
	// of the same document with the same subject, relation and object (for
	// Correct, those given in Was).
	Action Action
	// Was is, for Correct, the extracted claim being corrected.
	Was *Claim
}

// Claim is a subject, relation and object, as names or CURIEs.
type Claim struct {
	Subject  string         // a name as written or a CURIE
	Relation graph.Relation // the claimed relation of Subject to Object
	Object   string         // a name as written or a CURIE
}

// Action is what a curated statement does to the extracted statements.
type Action uint8

// Actions.
const (
	Add     Action = iota // state a claim (the default)
	Accept                // confirm an extracted statement: its confidence becomes 1
	Reject                // drop an extracted statement, reported as rejected
	Correct               // drop an extracted statement and state the corrected claim on its quote
)

var actionNames = [...]string{"add", "accept", "reject", "correct"}

// String returns "add", "accept", "reject" or "correct".
func (a Action) String() string {
	if int(a) < len(actionNames) {
		return actionNames[a]
	}
	return fmt.Sprintf("Action(%d)", a)
}

// ParseAction returns the action named s.
func ParseAction(s string) (Action, error) {
	for a, name := range actionNames {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			return Action(a), nil
		}
	}
	return Add, fmt.Errorf("%w: %q (want add, accept, reject or correct)", ErrUnknownAction, s)
}

// Evidence returns the statement's evidence record.
func (s *Statement) Evidence() graph.Evidence {
	rule := s.Rule
	if rule == "" && s.Method == graph.Curated {
		rule = s.Pos.String()
	}
	note := s.Note
	if s.Hedge != NotHedged {
		note = strings.TrimPrefix(note+"; "+s.Hedge.String(), "; ")
	}
	return graph.Evidence{Doc: s.Doc, Section: s.Section, Quote: s.Quote, Start: s.Start, End: s.End,
		Method: s.Method, Rule: rule, Confidence: s.Confidence, Note: note}
}

// Corpus is everything a graph is built from.
type Corpus struct {
	// Documents are the documents read; statements name them by
	// [Document.ID].
	Documents []*Document
	// Statements are every statement read: curated (curation actions
	// included), extracted and imported.
	Statements []Statement
	// Nodes are entities the inputs define themselves (pathway groups, for
	// instance); a statement naming one of their IDs uses it as is.
	Nodes []graph.Node
	// Skipped lists the files of a folder that were not read because they
	// are neither documents nor curation, each with why.
	Skipped []Skipped
}

// Skipped is a file a loader passed over, and why (an error wrapping
// [ErrUnknownFormat]).
type Skipped struct {
	File   string // the file's path in the file system the loader read
	Reason error  // why it was not read, wrapping [ErrUnknownFormat]
}

// Hedge is how a statement's sentence qualifies its claim.
type Hedge uint8

// Hedges. The zero value is a plain assertion.
const (
	NotHedged   Hedge = iota
	Speculative       // "may", "might", "seems": the confidence is lowered
	Negated           // "not", "no", "fails to": the claim is denied
)

var hedgeNames = [...]string{"", "speculative", "negated"}

// String returns "speculative", "negated", or "" for NotHedged.
func (h Hedge) String() string {
	if int(h) < len(hedgeNames) {
		return hedgeNames[h]
	}
	return fmt.Sprintf("Hedge(%d)", h)
}

// MarshalText writes the hedge's name.
func (h Hedge) MarshalText() ([]byte, error) { return []byte(h.String()), nil }
