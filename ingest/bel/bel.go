package bel

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/bonemet/bonemet/source"
)

// Errors of [Read], wrapped in [*source.ParseError]s.
var (
	// ErrUnknownNamespace is a namespace prefix that the script does not
	// define with DEFINE NAMESPACE and that is not a common one.
	ErrUnknownNamespace = errors.New("unknown namespace")
	// ErrUnknownFunction is a function name that is not BEL.
	ErrUnknownFunction = errors.New("unknown BEL function")
)

// Script is what [Read] found in a BEL script.
type Script struct {
	// Documents holds one document per citation, in the order the
	// citations are first set: ID "PMID:<n>" for a PubMed citation,
	// otherwise "BEL:<citation type>:<reference>". Each distinct evidence
	// text of a citation that a statement follows is a section, named
	// "evidence-1", "evidence-2", ... in file order. Title, Authors,
	// Year and PMID come from the citation, when it has them; Kind is
	// [source.BELCitation].
	Documents []*source.Document
	// Statements are the causal statements, in file order.
	Statements []source.Statement
	// NotCausal are the other statements, in file order, each with why
	// it yields no statement.
	NotCausal []Skip
	// Read counts the BEL statements read. Every one became either one or
	// more Statements or one Skip: see [Script.Balanced].
	Read int
	// Evidence counts the SET Evidence (or SupportingText, or Support)
	// values read. A text set twice for the same citation is one
	// section; a text no statement follows is none.
	Evidence int
	// Properties holds the SET DOCUMENT properties (Name, Version, ...);
	// list values are joined with ", ".
	Properties map[string]string
}

// Balanced reports whether every statement read is accounted for: Read
// equals the number of statement lines that gave Statements plus the
// number of Skips.
func (s *Script) Balanced() bool {
	return s.Read == s.statementLines()+len(s.NotCausal)
}

// statementLines counts the distinct positions of the Statements (one BEL
// statement may give several, next to each other).
func (s *Script) statementLines() int {
	n := 0
	for i, st := range s.Statements {
		if i == 0 || st.Pos != s.Statements[i-1].Pos {
			n++
		}
	}
	return n
}

// Summary returns one line of counts: citations, evidence sections,
// statements read, the causal ones by relation as written and the skipped
// ones by kind.
func (s *Script) Summary() string {
	sections := 0
	for _, d := range s.Documents {
		sections += len(d.Sections)
	}
	byRule := map[string]int{}
	for _, st := range s.Statements {
		byRule[strings.TrimPrefix(st.Rule, "bel:")]++
	}
	byKind := map[SkipKind]int{}
	for _, k := range s.NotCausal {
		byKind[k.Kind]++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d citations, %d evidence sections (%d evidence values); %d statements: %d causal",
		len(s.Documents), sections, s.Evidence, s.Read, len(s.Statements))
	writeCounts(&b, byRule, func(r string) string { return r })
	fmt.Fprintf(&b, ", %d skipped", len(s.NotCausal))
	writeCounts(&b, byKind, SkipKind.String)
	return b.String()
}

// writeCounts writes " (name n, ...)", the largest count first.
func writeCounts[K cmp.Ordered](b *strings.Builder, counts map[K]int, name func(K) string) {
	if len(counts) == 0 {
		return
	}
	keys := make([]K, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y K) int { return cmp.Or(counts[y]-counts[x], cmp.Compare(x, y)) })
	b.WriteString(" (")
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "%s %d", name(k), counts[k])
	}
	b.WriteString(")")
}

// SkipKind is why a BEL statement gave no [source.Statement]. The zero
// value is invalid.
type SkipKind uint8

// Skip kinds.
const (
	SkipInvalid      SkipKind = iota
	NotCausal                 // a relation without a causal sign (positiveCorrelation, hasMember, ...)
	TermOnly                  // a term without a relation
	NestedStatement           // A increases (B increases C)
	AnonymousComplex          // complex(p(A), p(B)): the resolver has no entity for it
	Composite                 // composite(A, B)
	Reaction                  // rxn(reactants(...), products(...))
	List                      // list(A, B)
	NoEvidence                // no evidence text set for the statement
	NoCitation                // evidence but no citation set for the statement
	BadContext                // the citation or evidence set for it failed to read
	BadStatement              // the statement failed to read; Skip.Err says why
)

var skipKindNames = [...]string{"invalid", "not causal", "term only", "nested statement", "anonymous complex",
	"composite", "reaction", "list", "no evidence set", "no citation set", "invalid citation or evidence", "error"}

// String returns the kind's name ("not causal", "nested statement", ...).
func (k SkipKind) String() string {
	if int(k) < len(skipKindNames) {
		return skipKindNames[k]
	}
	return fmt.Sprintf("SkipKind(%d)", k)
}

// Skip is a BEL statement that gave no [source.Statement], and why.
type Skip struct {
	Pos  source.Pos // where the statement starts
	Kind SkipKind   // why it gave none, as a closed set; Reason says it in words
	// Relation is the relation as written, "" when there is none or it
	// was not reached.
	Relation string
	// Reason says why: "not causal (positiveCorrelation)", "nested
	// statement", "anonymous complex", "no evidence set", or for
	// BadStatement the error's message.
	Reason string
	// Text is the statement, white space collapsed, abbreviated to about
	// 200 bytes.
	Text string
	// Doc and Section are the citation's document and the evidence
	// section in force, when there are.
	Doc, Section string
	// Err is, for BadStatement, the *source.ParseError that Read also
	// returns.
	Err error
}

// String returns "pos: reason: text".
func (s Skip) String() string { return fmt.Sprintf("%s: %s: %s", s.Pos, s.Reason, s.Text) }

// reader holds the state of one Read.
type reader struct {
	file   string
	lim    source.Limits
	src    lineSource
	script *Script
	errs   []error
	stop   bool // MaxErrors reached
	// rescans counts the times lines were read again after a quote that
	// is never closed.
	rescans int
	rec     record // the record being read

	defined  map[string]bool // namespaces of DEFINE NAMESPACE, upper-cased
	docs     map[string]*source.Document
	sections map[sectionKey]string
	cit      *citation // nil: none set
	ev       *evidence // nil: none set
}

type sectionKey struct{ doc, text string }

// Read reads a BEL script (BEL 1 as the OpenBEL tools write it, or BEL 2
// as PyBEL writes it) and returns its causal statements, the citations
// they come from as documents, and every other statement as a [Skip];
// file names r in positions.
//
// Statements whose relation is increases, directlyIncreases, -> or =>
// become [graph.Activates]; decreases, directlyDecreases, -| or =| become
// [graph.Inhibits]. Each has Doc the citation's document, Section and
// Quote the evidence text (white space collapsed), Method
// [graph.Imported], Rule "bel:" and the relation as written, Confidence 1,
// Pos the statement's position, QuotePos the evidence's, and Note the
// statement (abbreviated to about 200 bytes) with what was read into it:
//
//   - p(), a(), g(), r(), m(), bp(), path() and complex(NS:name) name
//     their value; activities (act(), kin(), tscript(), ...) and
//     translocations (tloc(), sec(), surf()) name their entity;
//     degradation deg(X) names X with the relation's sign flipped; a
//     modified protein, variant or fragment names its protein. The Note
//     says so.
//   - HGNC:X names "X"; MGI:X and RGD:X the human ortholog by symbol
//     (strings.ToUpper(X)), noted; EGID:n "NCBIGene:n"; SPID:x and UP:x
//     "UniProt:x"; CHEBIID:n "CHEBI:n"; SFAM and SCOMP names "BEL:name"
//     (FamPlex's keys for BEL families and complexes); CHEBI, SCHEM, GOBP,
//     MESHPP, MESHD, MESHCS, SDIS names the name itself. A namespace the
//     script defines but bonemet does not know names NS:value. Any other
//     namespace is an error wrapping [ErrUnknownNamespace].
//
// A statement with another relation, a nested statement, an anonymous
// complex, composite(), rxn() or list(), or a statement with no evidence
// or citation set, is a [Skip]: every statement read is accounted for
// ([Script.Balanced]).
//
// A SET Citation clears the evidence when a statement has followed it;
// evidence set after the last statement carries over to the new citation
// (the OpenBEL tools write the evidence before its citation). SET and
// UNSET STATEMENT_GROUP, UNSET Citation and UNSET ALL clear the citation
// in the same way; UNSET Evidence (or SupportingText, or Support) and
// UNSET ALL clear the evidence. An empty evidence text clears it too.
//
// The script may use comments ("#" to the end of the line, and "//" after
// a statement), lines continued by a trailing backslash, quoted values
// that span lines with \" for a quote, CRLF line ends and a byte-order
// mark. SET DOCUMENT properties go to [Script.Properties]; DEFINE
// NAMESPACE makes a namespace known; other annotations are read and not
// kept.
//
// Problems are [*source.ParseError]s with the offending line as Text, so
// that ErrorWithPosition shows it. A problem in one statement or SET (a
// syntax error, an unknown namespace, function or relation, invalid UTF-8,
// a quote never closed, reported where it opens) does not stop the read:
// Read returns the Script of everything else with the errors joined
// ([source.JoinErrors]), and the statement is a Skip of kind
// [BadStatement]. A quoted value that runs to the end of the input is cut
// at the line where it opened and the lines after it are read again
// (twice at most; after that a quoted value must close on its line). A
// bad SET Citation or SET Evidence skips the statements that follow it,
// until the next one. Only an I/O error, a line over lim.MaxLine bytes, a
// record (a statement or a SET with its continuation lines) over
// lim.MaxRecord bytes, or lim.MaxErrors errors stop the read; the Script
// then holds what was read before. An input with nothing but white space
// and comments fails with [source.ErrEmpty]. Read takes time and memory
// linear in the size of its input, and the Script is never nil.
func Read(r io.Reader, file string, lim source.Limits) (*Script, error) {
	lim = lim.WithDefaults()
	rd := &reader{
		file: file, lim: lim,
		src:      lineSource{br: bufio.NewReaderSize(r, 64<<10), file: file, maxLine: lim.MaxLine},
		script:   &Script{},
		defined:  map[string]bool{},
		docs:     map[string]*source.Document{},
		sections: map[sectionKey]string{},
	}
	records := 0
	for !rd.stop {
		rec, err := rd.readRecord()
		if err == io.EOF {
			break
		}
		if err != nil {
			rd.errs = append(rd.errs, err)
			break
		}
		records++
		rd.record(rec)
	}
	if records == 0 && len(rd.errs) == 0 {
		rd.errs = append(rd.errs, &source.ParseError{File: file, Line: 1, Column: 1,
			Err: fmt.Errorf("%w: no BEL statements or definitions", source.ErrEmpty)})
	}
	return rd.script, source.JoinErrors(rd.errs)
}

// fail records a row-level error; at lim.MaxErrors errors the read
// stops, and further errors of the record being handled are dropped.
func (r *reader) fail(err error) {
	if len(r.errs) < r.lim.MaxErrors {
		r.errs = append(r.errs, err)
	}
	if len(r.errs) >= r.lim.MaxErrors {
		r.stop = true
	}
}

// record handles one record.
func (r *reader) record(rec *record) {
	if rec.kind == recStatement {
		r.statement(rec)
		return
	}
	r.control(rec)
}
