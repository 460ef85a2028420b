// Package gpml reads WikiPathways pathways in GPML (2013a) and turns their
// causal interactions into statements: every interaction is placed,
// reported as not causal, or reported as unplaced, with its position.
package gpml

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/source"
)

// Errors of the GPML reader, wrapped in [*source.ParseError]s.
var (
	ErrNotGPML  = errors.New("not a GPML pathway")
	ErrUnplaced = errors.New("interaction end not placed")
)

// Tolerance is how far, in GPML pixels, a free interaction end may lie
// from a line or a data node's box and still be taken to touch it.
const Tolerance = 5.0

// Pathway is a WikiPathways pathway read from GPML by [Read]: its
// causal interactions as statements, its groups as nodes, and an account of
// every interaction it did not turn into a statement.
type Pathway struct {
	// ID is the WikiPathways id ("WP2018"), from the Pathway element's
	// Version ("WP2018_r137624") or else the file name; when neither
	// names one, the file's base name.
	ID       string
	Revision string // "137624", or "" when the file does not say
	Title    string // the Pathway element's Name
	File     string // the file name given to [Read], used in positions
	// Nodes are the pathway's groups: one [graph.Group] node per GPML Group
	// element, with ID "<ID>:group_<GraphId>" (a [graph.ValidID] CURIE in
	// the pathway's own namespace), type [graph.Complex] for Style
	// "Complex" and [graph.Family] otherwise, and as Members those member
	// IDs that are CURIEs already (HGNC:…, CHEBI:…, DRUGBANK:…, and nested
	// groups). Members named only by a label are listed in [Pathway.Members];
	// [Pathway.Corpus] resolves them.
	Nodes []graph.Node
	// Members maps each group node's ID to the names of all its members,
	// as statements name them (see [Read]), sorted.
	Members map[string][]string
	// Xrefs maps each name used in the statements to the database ids (as
	// CURIEs: NCBIGene:8600, ENSEMBL:ENSG…, UniProt:…) the data nodes of
	// that name carry, sorted. [Pathway.Corpus] uses them to settle
	// ambiguous names.
	Xrefs map[string][]string
	// Statements are the causal interactions, one per (source, target)
	// pair an interaction connects, ordered by position.
	Statements []source.Statement
	// Interactions is the number of Interaction elements read. Each is
	// placed (it has statements, whose Rule is "gpml:interaction:<GraphId>"),
	// in Other, or in Unplaced.
	Interactions int
	// Other lists the interactions without a causal arrowhead (plain lines,
	// mim-binding, mim-catalysis, ...), which are not turned into edges.
	Other []Interaction
	// Unplaced lists the causal interactions an end of which could not be
	// attached to anything; each is also reported in Problems.
	Unplaced []Interaction
	// Problems reports, with positions, unplaced interactions (wrapping
	// [ErrUnplaced]) and malformed elements.
	Problems []*source.ParseError

	groupPos    map[string]source.Pos // group node ID → position of its Group element
	metabolites map[string]bool       // names of Metabolite data nodes named by their label
}

// Interaction is a GPML interaction that did not become a statement.
type Interaction struct {
	ID string // GraphId
	// Type is the arrowhead ("mim-binding", "Arrow", ...), "" for a plain
	// line; "A/B" when the two ends carry different ones.
	Type string
	// Source and Target say what the ends are attached to: a label
	// ("TNFSF11"), "interaction <id>", or "free end at (x,y)".
	Source, Target string
	Reason         string     // why it was not placed, for Unplaced
	Pos            source.Pos // the Interaction element's line and column
}

// Summary returns one line of counts.
func (p *Pathway) Summary() string {
	placed := make(map[string]bool)
	for _, s := range p.Statements {
		placed[s.Rule] = true
	}
	id := p.ID
	if p.Revision != "" {
		id += " r" + p.Revision
	}
	return fmt.Sprintf("%s: %d interactions: %d placed as %d statements, %d not causal, %d unplaced; %d groups",
		id, p.Interactions, len(placed), len(p.Statements), len(p.Other), len(p.Unplaced), len(p.Nodes))
}

// GPML arrowheads that are causal. Every other arrowhead (mim-binding,
// mim-catalysis, mim-modification, mim-cleavage, ...) and a plain line are
// not.
var relations = map[string]graph.Relation{
	"Arrow":                         graph.Activates,
	"mim-stimulation":               graph.Activates,
	"mim-necessary-stimulation":     graph.Activates,
	"mim-conversion":                graph.Activates,
	"mim-transcription-translation": graph.Activates,
	"TBar":                          graph.Inhibits,
	"mim-inhibition":                graph.Inhibits,
}

// Read reads a WikiPathways pathway in GPML 2013a (PathVisio's format)
// and turns its interactions into statements. file names the input in
// positions and, when the Pathway element lacks a Version, supplies the
// pathway id.
//
// Entities. A DataNode is named by its Xref: "HGNC Accession" gives
// "HGNC:<n>", "HGNC" the symbol, "ChEBI" "CHEBI:<n>", "DrugBank"
// "DRUGBANK:<id>"; every other database, Entrez Gene and Ensembl included,
// gives the node's TextLabel, because the resolver looks up identifiers
// and names but not cross-references. The Entrez and Ensembl ids are kept in
// [Pathway.Xrefs] (as NCBIGene:… and ENSEMBL:…), and [Pathway.Corpus] uses
// them to settle a label that names several genes. A Group is a group node
// (see [Pathway.Nodes]); a Label or a Shape with text is named by its text.
//
// Relations. The arrowheads Arrow, mim-stimulation,
// mim-necessary-stimulation, mim-conversion and
// mim-transcription-translation activate; TBar and mim-inhibition inhibit.
// An arrowhead on the first point acts towards the first point, so a line
// with heads at both ends yields statements both ways. Other arrowheads and
// plain lines go to [Pathway.Other].
//
// Geometry. An end is attached by its GraphRef to a DataNode (or one of
// its States), Group, Label, Shape or the Anchor of another interaction.
// An end without GraphRef is placed by position: inside a DataNode's box,
// then on another interaction's line (within [Tolerance]; elbow
// connectors are routed the way PathVisio draws them), then near a box
// (within the tolerance). An end on another interaction X is read as
// follows:
//   - a target on X means the interaction acts on X: an inhibitor ending
//     on the line or anchor of A→B inhibits B (B's activation by A), and
//     becomes an edge to B with the note "acts on interaction <id> (A→B)";
//   - a source on X is a branch: X's source also acts on the branch target
//     (note "branches from interaction <id> (A→B)");
//   - when X is a plain line, it is a connector: plain lines that touch
//     one another form one connector, and every entity at their ends acts
//     on (or is acted on by) the interaction, with the note "via connector
//     <ids>". This reads the "bus" lines of NetPath pathways, where one line
//     from a receptor feeds many arrows.
//
// An interaction whose end touches nothing is not guessed at: it goes to
// [Pathway.Unplaced] and [Pathway.Problems] with the end's coordinates.
//
// Evidence. Each statement has Doc = the pathway id, Section = "r" +
// revision, Quote = "TNFSF11 → TNFRSF11A (Arrow)", Rule =
// "gpml:interaction:<GraphId>" ("gpml:interaction:<GraphId>@<line>:<column>"
// for an interaction without GraphId or with one used before), Method [graph.Imported], Confidence 1, and
// Pos the Interaction element's line and column. Statements are ordered by
// position.
//
// A document that is not well-formed XML, not a Pathway, or in the newer
// GPML 2021 format fails with a
// [*ParseError]; problems inside a well-formed pathway are reported in
// [Pathway.Problems] and do not fail the read. Inputs over lim.MaxBytes
// fail with [source.ErrTooLarge].
func Read(r io.Reader, file string, lim source.Limits) (*Pathway, error) {
	data, err := lim.ReadAll(r, file)
	if err != nil {
		return nil, err
	}
	raw, err := parse(bytes.NewReader(data), file)
	if err != nil {
		return nil, source.WithText(err, data)
	}
	return raw.resolve(), nil
}
