package ingest

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
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
	Relation        graph.Relation
	Quote           string // the sentence or phrase the claim rests on
	Start, End      int    // byte span of Quote in the section text
	Method          graph.Method
	Rule            string  // the reader's rule, or the importer's record id
	Confidence      float64 // 0..1
	// Hedge says why the confidence was lowered: "negated",
	// "speculative", ... or "" for a plain assertion.
	Hedge string
	Note  string
	Pos   Pos // where the statement was read
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
	Subject  string
	Relation graph.Relation
	Object   string
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
	if s.Hedge != "" {
		note = strings.TrimPrefix(note+"; "+s.Hedge, "; ")
	}
	return graph.Evidence{Doc: s.Doc, Section: s.Section, Quote: s.Quote, Start: s.Start, End: s.End,
		Method: s.Method, Rule: rule, Confidence: s.Confidence, Note: note}
}

// Corpus is everything a graph is built from.
type Corpus struct {
	Documents  []*Document
	Statements []Statement
	// Nodes are entities the inputs define themselves (pathway groups, for
	// instance); a statement naming one of their IDs uses it as is.
	Nodes []graph.Node
}

// Outcome says what became of a statement in [Build].
type Outcome uint8

// Outcomes. Every statement read has exactly one.
const (
	OutcomeInvalid Outcome = iota
	Added                  // it created an edge
	Merged                 // it added evidence to an edge another statement created
	Duplicate              // the same evidence was already there
	Unresolved             // its subject or object did not resolve to one entity
	Rejected               // a curation file rejected it, or it was malformed
	Applied                // a curation action (accept, reject) that acted on extracted statements
)

var outcomeNames = [...]string{"invalid", "added", "merged", "duplicate", "unresolved", "rejected", "applied"}

// String returns the outcome's name.
func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return fmt.Sprintf("Outcome(%d)", o)
}

// Problem is a statement that did not become (part of) an edge, and why.
type Problem struct {
	Statement Statement
	Outcome   Outcome
	// Name is the name that failed to resolve, for Unresolved.
	Name       string
	Status     resolve.Status
	Candidates []graph.Node
	Reason     string
}

// String returns "pos: doc: subject relation object: outcome: reason".
func (p Problem) String() string {
	s := p.Statement
	return fmt.Sprintf("%s: %s: %s %v %s: %v: %s", s.Pos, s.Doc, s.Subject, s.Relation, s.Object, p.Outcome, p.Reason)
}

// Report accounts for every statement a build read: Read equals Added +
// Merged + Applied + the Duplicates, Unresolved and Rejected problems.
type Report struct {
	Read       int
	Added      int
	Merged     int
	Applied    int
	Duplicates []Problem
	Unresolved []Problem
	Rejected   []Problem
	// Contradictions lists node pairs joined by edges of opposite sign.
	Contradictions []graph.Contradiction
}

// Balanced reports whether the counts add up (the no-loss invariant).
func (r *Report) Balanced() bool {
	return r.Read == r.Added+r.Merged+r.Applied+len(r.Duplicates)+len(r.Unresolved)+len(r.Rejected)
}

// Problems returns every problem, ordered by position.
func (r *Report) Problems() []Problem {
	ps := slices.Concat(r.Duplicates, r.Unresolved, r.Rejected)
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Statement.Pos.File, b.Statement.Pos.File), cmp.Compare(a.Statement.Pos.Line, b.Statement.Pos.Line),
			cmp.Compare(a.Statement.Pos.Column, b.Statement.Pos.Column))
	})
	return ps
}

// Summary returns one line of counts.
func (r *Report) Summary() string {
	applied := ""
	if r.Applied > 0 {
		applied = fmt.Sprintf(", %d curation actions applied", r.Applied)
	}
	return fmt.Sprintf("%d statements: %d added, %d merged, %d duplicate, %d unresolved, %d rejected%s; %d contradictions",
		r.Read, r.Added, r.Merged, len(r.Duplicates), len(r.Unresolved), len(r.Rejected), applied, len(r.Contradictions))
}

// Build resolves the statements of the corpus and builds the graph. A
// statement whose subject or object does not resolve to exactly one entity
// (or, for a slash list, one per part) is reported Unresolved; a list on
// either side yields one edge per entity. Group nodes bring their members
// along. The graph and report are deterministic: they do not depend on the
// order of the statements.
func Build(c Corpus, r *resolve.Resolver) (*graph.Graph, *Report, error) {
	var b graph.Builder
	rep := &Report{}
	own := make(map[string]graph.Node, len(c.Nodes))
	for _, n := range c.Nodes {
		own[n.ID] = n
	}
	addNode := func(n graph.Node) error {
		if b.HasNode(n.ID) {
			return nil
		}
		if err := b.AddNode(n); err != nil {
			return err
		}
		for _, m := range n.Members {
			if b.HasNode(m) {
				continue
			}
			mn, ok := own[m]
			if !ok {
				e, found := r.Entry(m)
				if !found {
					return fmt.Errorf("group %s: member %s: %w", n.ID, m, graph.ErrNoNode)
				}
				mn = e.Node
			}
			if err := b.AddNode(mn); err != nil {
				return err
			}
		}
		return nil
	}
	var resolveName resolver = func(name string) ([]graph.Node, resolve.Result) {
		if n, ok := own[name]; ok {
			return []graph.Node{n}, resolve.Result{Query: name, Status: resolve.Resolved, Candidates: []graph.Node{n}}
		}
		res := r.Resolve(name)
		if res.Status == resolve.Resolved {
			return res.Candidates, res
		}
		return nil, res
	}

	stmts := slices.Clone(c.Statements)
	slices.SortStableFunc(stmts, compareStatements)
	stmts = applyOverlay(stmts, rep, resolveName)
	for _, s := range stmts {
		rep.Read++
		subj, sres := resolveName(s.Subject)
		obj, ores := resolveName(s.Object)
		if subj == nil || obj == nil {
			bad, res := s.Subject, sres
			if subj != nil {
				bad, res = s.Object, ores
			}
			rep.Unresolved = append(rep.Unresolved, Problem{Statement: s, Outcome: Unresolved, Name: bad,
				Status: res.Status, Candidates: res.Candidates, Reason: fmt.Sprintf("%q is %v: %s", bad, res.Status, res.Reason)})
			continue
		}
		if s.Relation.Sign() == graph.NoSign {
			rep.Rejected = append(rep.Rejected, Problem{Statement: s, Outcome: Rejected, Reason: "no relation"})
			continue
		}
		added, merged := false, false
		var failure error
		for _, sn := range subj {
			for _, on := range obj {
				if err := addNode(sn); err != nil {
					failure = err
					continue
				}
				if err := addNode(on); err != nil {
					failure = err
					continue
				}
				isNew, err := b.AddEdge(sn.ID, on.ID, s.Relation, s.Evidence())
				if err != nil {
					failure = err
					continue
				}
				if isNew {
					if len(b.EdgeEvidence(sn.ID, on.ID, s.Relation)) == 1 {
						added = true
					} else {
						merged = true
					}
				}
			}
		}
		switch {
		case failure != nil:
			rep.Rejected = append(rep.Rejected, Problem{Statement: s, Outcome: Rejected, Reason: failure.Error()})
		case added:
			rep.Added++
		case merged:
			rep.Merged++
		default:
			rep.Duplicates = append(rep.Duplicates, Problem{Statement: s, Outcome: Duplicate, Reason: "the same evidence is already recorded"})
		}
	}
	g, err := b.Build()
	if err != nil {
		return nil, rep, err
	}
	rep.Contradictions = g.Contradictions()
	return g, rep, nil
}

type resolver func(name string) ([]graph.Node, resolve.Result)

type claimKey struct {
	doc, subj string
	rel       graph.Relation
	obj       string
}

// keysOf returns the resolved (doc, subject, relation, object) keys of a
// claim, or nil when a name does not resolve.
func keysOf(doc string, c Claim, res resolver) []claimKey {
	subj, _ := res(c.Subject)
	obj, _ := res(c.Object)
	var ks []claimKey
	for _, sn := range subj {
		for _, on := range obj {
			ks = append(ks, claimKey{doc, sn.ID, c.Relation, on.ID})
		}
	}
	return ks
}

// applyOverlay carries out the curation actions (accept, reject, correct)
// on the extracted statements, recording each in the report, and returns
// the statements left to build.
func applyOverlay(stmts []Statement, rep *Report, res resolver) []Statement {
	extracted := make(map[claimKey][]int)
	hasActions := false
	for i, s := range stmts {
		switch {
		case s.Method == graph.Extracted:
			for _, k := range keysOf(s.Doc, Claim{s.Subject, s.Relation, s.Object}, res) {
				extracted[k] = append(extracted[k], i)
			}
		case s.Action != Add:
			hasActions = true
		}
	}
	if !hasActions {
		return stmts
	}
	dropped := make(map[int]string)
	var out []Statement
	for _, s := range stmts {
		if s.Action == Add {
			continue
		}
		target := Claim{s.Subject, s.Relation, s.Object}
		if s.Action == Correct && s.Was != nil {
			target = *s.Was
		}
		ks := keysOf(s.Doc, target, res)
		var hits []int
		for _, k := range ks {
			hits = append(hits, extracted[k]...)
		}
		if len(hits) == 0 {
			rep.Read++
			reason := fmt.Sprintf("%v: no extracted statement of %s is %s %v %s", s.Action, s.Doc, target.Subject, target.Relation, target.Object)
			if ks == nil {
				reason = fmt.Sprintf("%v: %s %v %s does not resolve", s.Action, target.Subject, target.Relation, target.Object)
			}
			rep.Rejected = append(rep.Rejected, Problem{Statement: s, Outcome: Rejected, Reason: reason})
			continue
		}
		slices.Sort(hits)
		hits = slices.Compact(hits)
		switch s.Action {
		case Accept:
			rep.Read++
			rep.Applied++
			for _, h := range hits {
				stmts[h].Confidence = 1
				stmts[h].Note = strings.TrimPrefix(stmts[h].Note+"; accepted by "+s.Pos.String(), "; ")
			}
		case Reject:
			rep.Read++
			rep.Applied++
			for _, h := range hits {
				dropped[h] = "rejected by curation at " + s.Pos.String()
			}
		case Correct:
			for _, h := range hits {
				dropped[h] = "corrected by curation at " + s.Pos.String()
			}
			fixed := s
			fixed.Action, fixed.Was = Add, nil
			if fixed.Quote == "" {
				ex := stmts[hits[0]]
				fixed.Quote, fixed.Section, fixed.Start, fixed.End = ex.Quote, ex.Section, ex.Start, ex.End
			}
			out = append(out, fixed)
		}
	}
	for i, s := range stmts {
		if s.Action != Add {
			continue
		}
		if why, ok := dropped[i]; ok {
			rep.Read++
			rep.Rejected = append(rep.Rejected, Problem{Statement: s, Outcome: Rejected, Reason: why})
			continue
		}
		out = append(out, s)
	}
	slices.SortStableFunc(out, compareStatements)
	return out
}

func compareStatements(a, b Statement) int {
	return cmp.Or(
		cmp.Compare(a.Doc, b.Doc),
		cmp.Compare(a.Section, b.Section),
		cmp.Compare(a.Start, b.Start),
		cmp.Compare(a.Subject, b.Subject),
		cmp.Compare(a.Relation, b.Relation),
		cmp.Compare(a.Object, b.Object),
		cmp.Compare(a.Method, b.Method),
		cmp.Compare(a.Quote, b.Quote),
		cmp.Compare(a.Pos.File, b.Pos.File),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Column, b.Pos.Column),
	)
}
