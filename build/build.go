// Package build turns a corpus (documents and statements read from them,
// curated, extracted or imported) into a graph: it resolves names, applies
// curators' accept, reject and correct actions, merges evidence, and
// returns a [Report] that accounts for every statement read.
package build

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

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
	// Statement is the statement as read: the curation action itself for
	// an action that matched nothing, the extracted statement for one a
	// curator rejected or corrected.
	Statement source.Statement
	// Outcome is Duplicate, Unresolved or Rejected.
	Outcome Outcome
	// Name is the name that failed to resolve, for Unresolved.
	Name string
	// Status is how Name resolved, Ambiguous or Unknown, for Unresolved;
	// StatusInvalid otherwise.
	Status resolve.Status
	// Candidates are, for an Ambiguous Name, the entities it (or its
	// ambiguous list part) matches, strongest first; nil otherwise.
	Candidates []graph.Node
	// Cause says why, as a closed set; Reason says it in words.
	Cause Cause
	// Reason is the cause in words, with its particulars (the name and
	// why it failed, the graph's error, the position of the curation).
	Reason string
}

// Cause is why a statement became a [Problem]. The zero value is invalid.
type Cause uint8

// Causes.
const (
	CauseInvalid     Cause = iota
	NameUnresolved         // a name did not resolve to one entity
	NoRelation             // the statement has no relation
	BadEdge                // the graph refused the edge (a self-loop of a group, ...)
	SameEvidence           // the same evidence was already recorded
	CuratorRejected        // a curation file rejected the extracted statement
	CuratorCorrected       // a curation file corrected the extracted statement
	ActionUnmatched        // a curation action matched no extracted statement
	ActionUnresolved       // a curation action's claim did not resolve
)

var causeNames = [...]string{"invalid", "name unresolved", "no relation", "bad edge", "same evidence",
	"rejected by curation", "corrected by curation", "action unmatched", "action unresolved"}

// String returns the cause in words ("rejected by curation").
func (c Cause) String() string {
	if int(c) < len(causeNames) {
		return causeNames[c]
	}
	return fmt.Sprintf("Cause(%d)", c)
}

// ByCuration reports whether the problem is a curator's decision (a
// rejection or correction of an extracted statement) rather than a fault
// of the input.
func (p Problem) ByCuration() bool {
	return p.Cause == CuratorRejected || p.Cause == CuratorCorrected
}

// String returns "pos: doc: subject relation object: outcome: reason".
func (p Problem) String() string {
	s := p.Statement
	return fmt.Sprintf("%s: %s: %s %v %s: %v: %s", s.Pos, s.Doc, s.Subject, s.Relation, s.Object, p.Outcome, p.Reason)
}

// Report accounts for every statement a build read: Read equals Added +
// Merged + Applied + the Duplicates, Unresolved and Rejected problems.
type Report struct {
	// Read is the number of statements of the corpus, curation actions
	// included; each has exactly one outcome.
	Read int
	// Added counts the statements that created at least one edge.
	Added int
	// Merged counts the statements that only added evidence to edges
	// other statements created.
	Merged int
	// Applied counts the accept and reject actions that acted on at least
	// one extracted statement.
	Applied int
	// Duplicates are the statements whose evidence was already recorded.
	Duplicates []Problem
	// Unresolved are the statements with a subject or object that did not
	// resolve to one entity.
	Unresolved []Problem
	// Rejected are the statements that did not become edges for any other
	// reason: see [Problem.Cause]. [Report.Problems] merges the three lists
	// by position.
	Rejected []Problem
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
func Build(c source.Corpus, r *resolve.Resolver) (*graph.Graph, *Report, error) {
	bd := &builder{r: r, rep: &Report{}, own: make(map[string]graph.Node, len(c.Nodes))}
	for _, n := range c.Nodes {
		bd.own[n.ID] = n
	}
	stmts := slices.Clone(c.Statements)
	slices.SortStableFunc(stmts, compareStatements)
	stmts = applyOverlay(stmts, bd.rep, bd.resolve)
	for _, s := range stmts {
		bd.add(s)
	}
	g, err := bd.b.Build()
	if err != nil {
		return nil, bd.rep, err
	}
	bd.rep.Contradictions = g.Contradictions()
	return g, bd.rep, nil
}

// builder turns statements into the edges of a graph.
type builder struct {
	b   graph.Builder
	r   *resolve.Resolver
	rep *Report
	own map[string]graph.Node // the nodes the corpus defines itself
}

// resolve returns the nodes a name refers to: a node of the corpus's own,
// or what the resolver resolves it to.
func (bd *builder) resolve(name string) ([]graph.Node, resolve.Result) {
	if n, ok := bd.own[name]; ok {
		return []graph.Node{n}, resolve.Result{Query: name, Status: resolve.Resolved, Candidates: []graph.Node{n}}
	}
	res := bd.r.Resolve(name)
	if res.Status == resolve.Resolved {
		return res.Candidates, res
	}
	return nil, res
}

// addNode adds a node, and for a group its members (groups of groups
// too), once.
func (bd *builder) addNode(n graph.Node) error {
	if bd.b.HasNode(n.ID) {
		return nil
	}
	if err := bd.b.AddNode(n); err != nil {
		return err
	}
	for _, m := range n.Members {
		if bd.b.HasNode(m) {
			continue
		}
		mn, ok := bd.own[m]
		if !ok {
			e, found := bd.r.Entry(m)
			if !found {
				return fmt.Errorf("group %s: member %s: %w", n.ID, m, graph.ErrNoNode)
			}
			mn = e.Node
		}
		if err := bd.addNode(mn); err != nil {
			return err
		}
	}
	return nil
}

// add builds one statement, a list on either side giving one edge per
// entity, and accounts for it in the report.
func (bd *builder) add(s source.Statement) {
	rep := bd.rep
	rep.Read++
	subj, sres := bd.resolve(s.Subject)
	obj, ores := bd.resolve(s.Object)
	if subj == nil || obj == nil {
		bad, res := s.Subject, sres
		if subj != nil {
			bad, res = s.Object, ores
		}
		rep.Unresolved = append(rep.Unresolved, Problem{Statement: s, Outcome: Unresolved, Name: bad,
			Status: res.Status, Candidates: res.Candidates, Cause: NameUnresolved, Reason: fmt.Sprintf("%q is %v: %s", bad, res.Status, res.Reason)})
		return
	}
	if s.Relation.Sign() == graph.NoSign {
		rep.Rejected = append(rep.Rejected, Problem{Statement: s, Outcome: Rejected, Cause: NoRelation, Reason: "no relation"})
		return
	}
	added, merged := false, false
	var failure error
	for _, sn := range subj {
		for _, on := range obj {
			isNew, err := bd.edge(sn, on, s)
			switch {
			case err != nil:
				failure = err
			case isNew && len(bd.b.EdgeEvidence(sn.ID, on.ID, s.Relation)) == 1:
				added = true
			case isNew:
				merged = true
			}
		}
	}
	switch {
	case failure != nil:
		rep.Rejected = append(rep.Rejected, Problem{Statement: s, Outcome: Rejected, Cause: BadEdge, Reason: failure.Error()})
	case added:
		rep.Added++
	case merged:
		rep.Merged++
	default:
		rep.Duplicates = append(rep.Duplicates, Problem{Statement: s, Outcome: Duplicate, Cause: SameEvidence, Reason: "the same evidence is already recorded"})
	}
}

// edge adds the statement's evidence to the edge sn → on, reporting
// whether the evidence is new.
func (bd *builder) edge(sn, on graph.Node, s source.Statement) (bool, error) {
	if err := bd.addNode(sn); err != nil {
		return false, err
	}
	if err := bd.addNode(on); err != nil {
		return false, err
	}
	return bd.b.AddEdge(sn.ID, on.ID, s.Relation, s.Evidence())
}

type resolver func(name string) ([]graph.Node, resolve.Result)

type claimKey struct {
	doc, subj string
	rel       graph.Relation
	obj       string
}

// keysOf returns the resolved (doc, subject, relation, object) keys of a
// claim, or nil when a name does not resolve.
func keysOf(doc string, c source.Claim, res resolver) []claimKey {
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
func applyOverlay(stmts []source.Statement, rep *Report, res resolver) []source.Statement {
	extracted := make(map[claimKey][]int)
	hasActions := false
	for i, s := range stmts {
		switch {
		case s.Method == graph.Extracted:
			for _, k := range keysOf(s.Doc, source.Claim{Subject: s.Subject, Relation: s.Relation, Object: s.Object}, res) {
				extracted[k] = append(extracted[k], i)
			}
		case s.Action != source.Add:
			hasActions = true
		}
	}
	if !hasActions {
		return stmts
	}
	dropped := make(map[int]Problem)
	var out []source.Statement
	for _, s := range stmts {
		if s.Action == source.Add {
			continue
		}
		target := source.Claim{Subject: s.Subject, Relation: s.Relation, Object: s.Object}
		if s.Action == source.Correct && s.Was != nil {
			target = *s.Was
		}
		ks := keysOf(s.Doc, target, res)
		var hits []int
		for _, k := range ks {
			hits = append(hits, extracted[k]...)
		}
		if len(hits) == 0 {
			rep.Read++
			cause, reason := ActionUnmatched, fmt.Sprintf("%v: no extracted statement of %s is %s %v %s", s.Action, s.Doc, target.Subject, target.Relation, target.Object)
			if ks == nil {
				cause, reason = ActionUnresolved, fmt.Sprintf("%v: %s %v %s does not resolve", s.Action, target.Subject, target.Relation, target.Object)
			}
			rep.Rejected = append(rep.Rejected, Problem{Statement: s, Outcome: Rejected, Cause: cause, Reason: reason})
			continue
		}
		slices.Sort(hits)
		hits = slices.Compact(hits)
		switch s.Action {
		case source.Accept:
			rep.Read++
			rep.Applied++
			for _, h := range hits {
				stmts[h].Confidence = 1
				stmts[h].Note = strings.TrimPrefix(stmts[h].Note+"; accepted by "+s.Pos.String(), "; ")
			}
		case source.Reject:
			rep.Read++
			rep.Applied++
			for _, h := range hits {
				dropped[h] = Problem{Cause: CuratorRejected, Reason: "rejected by curation at " + s.Pos.String()}
			}
		case source.Correct:
			for _, h := range hits {
				dropped[h] = Problem{Cause: CuratorCorrected, Reason: "corrected by curation at " + s.Pos.String()}
			}
			fixed := s
			fixed.Action, fixed.Was = source.Add, nil
			if fixed.Quote == "" {
				ex := stmts[hits[0]]
				fixed.Quote, fixed.Section, fixed.Start, fixed.End = ex.Quote, ex.Section, ex.Start, ex.End
			}
			out = append(out, fixed)
		}
	}
	for i, s := range stmts {
		if s.Action != source.Add {
			continue
		}
		if why, ok := dropped[i]; ok {
			rep.Read++
			why.Statement, why.Outcome = s, Rejected
			rep.Rejected = append(rep.Rejected, why)
			continue
		}
		out = append(out, s)
	}
	slices.SortStableFunc(out, compareStatements)
	return out
}

func compareStatements(a, b source.Statement) int {
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
