package build_test

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/build"
	"github.com/bonemet/bonemet/graph"
	"github.com/bonemet/bonemet/resolve"
	"github.com/bonemet/bonemet/source"
)

func st(subj string, rel graph.Relation, obj, quote string, line int) source.Statement {
	return source.Statement{Doc: "d", Section: "caption", Subject: subj, Relation: rel, Object: obj, Quote: quote,
		Method: graph.Curated, Confidence: 1, Pos: source.Pos{File: "c.yaml", Line: line, Column: 5}}
}

var buildStatements = []source.Statement{
	st("denosumab", graph.Inhibits, "RANKL", "q1", 1),
	st("Denosumab", graph.Inhibits, "TNFSF11", "q2", 2),        // merged: same edge, new evidence
	st("denosumab", graph.Inhibits, "RANKL", "q1", 3),          // duplicate evidence
	st("unobtainium", graph.Activates, "RANKL", "q3", 4),       // unresolved subject
	st("RANKL", graph.Activates, "nonexistium", "q4", 5),       // unresolved object
	st("RANK/RANKL", graph.Activates, "osteoclast", "q5", 6),   // slash list: two edges
	st("IL-1", graph.Activates, "osteoclastogenesis", "q6", 7), // group with members
	st("RANKL", graph.Activates, "osteoclast", "q7", 8),        // merged into the list's edge
	st("RANKL", graph.Inhibits, "osteoclast", "q8", 9),         // contradiction
	st("RANKL", graph.RelationInvalid, "osteoclast", "q9", 10), // rejected
	st("IAP", graph.Activates, "osteoclast", "q10", 11),        // preferred sense: the IAP family
	st("BONEMET:vicious_cycle", graph.Activates, "X:own", "q11", 12),
}

func TestBuildReport(t *testing.T) {
	c := source.Corpus{Statements: buildStatements, Nodes: []graph.Node{{ID: "X:own", Kind: graph.Process, Name: "own node"}}}
	g, rep, err := build.Build(c, resolve.Default())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Balanced() {
		t.Fatalf("report does not add up: %s", rep.Summary())
	}
	want := "12 statements: 6 added, 2 merged, 1 duplicate, 2 unresolved, 1 rejected; 1 contradictions"
	if got := rep.Summary(); got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	ps := rep.Problems()
	if len(ps) != 4 {
		t.Fatalf("problems %v", ps)
	}
	if p := ps[1]; p.Name != "unobtainium" || p.Status != resolve.Unknown || p.Statement.Pos.Line != 4 || p.Outcome != build.Unresolved {
		t.Errorf("unresolved %+v", p)
	}
	if p := ps[0]; p.Statement.Pos.Line != 3 || p.Outcome != build.Duplicate {
		t.Errorf("duplicate %+v", p)
	}
	for _, id := range []string{"HGNC:5991", "HGNC:5992", "FPLX:IL1", "FPLX:BIRC", "HGNC:592", "X:own"} {
		if _, ok := g.Lookup(id); !ok {
			t.Errorf("graph lacks %s (group members come with their group)", id)
		}
	}
	out := g.Out("DRUGBANK:DB06643")
	if len(out) != 1 || len(out[0].Evidence) != 2 {
		t.Errorf("denosumab edges %+v, want one edge with two pieces of evidence", out)
	}
}

func TestBuildIsOrderIndependent(t *testing.T) {
	g0, rep0, _ := build.Build(source.Corpus{Statements: buildStatements, Nodes: []graph.Node{{ID: "X:own", Kind: graph.Process, Name: "own"}}}, resolve.Default())
	for seed := uint64(1); seed < 10; seed++ {
		ss := slices.Clone(buildStatements)
		rand.New(rand.NewPCG(seed, 0)).Shuffle(len(ss), func(i, j int) { ss[i], ss[j] = ss[j], ss[i] })
		g, rep, _ := build.Build(source.Corpus{Statements: ss, Nodes: []graph.Node{{ID: "X:own", Kind: graph.Process, Name: "own"}}}, resolve.Default())
		if !reflect.DeepEqual(g.Edges(), g0.Edges()) || !reflect.DeepEqual(rep, rep0) {
			t.Fatalf("seed %d: build depends on statement order", seed)
		}
	}
}

func ex(subj string, rel graph.Relation, obj, quote string, start int) source.Statement {
	return source.Statement{Doc: "d", Section: "caption", Subject: subj, Relation: rel, Object: obj, Quote: quote,
		Start: start, End: start + len(quote), Method: graph.Extracted, Rule: "act.verb", Confidence: 0.7}
}

func act(a source.Action, subj string, rel graph.Relation, obj string, line int) source.Statement {
	s := st(subj, rel, obj, "", line)
	s.Action = a
	return s
}

func TestCurationOverlay(t *testing.T) {
	correct := act(source.Correct, "T cells", graph.Secretes, "RANKL", 4)
	correct.Was = &source.Claim{Subject: "CL:0000084", Relation: graph.Activates, Object: "HGNC:11926"}
	stmts := []source.Statement{
		ex("DRUGBANK:DB06643", graph.Inhibits, "HGNC:11926", "Denosumab blocks RANKL.", 0),
		ex("HGNC:11926", graph.Activates, "BONEMET:immunosuppression", "RANKL causes immunosuppression.", 24),
		ex("CL:0000084", graph.Activates, "HGNC:11926", "T cells express RANKL.", 57),
		act(source.Accept, "denosumab", graph.Inhibits, "RANKL", 1),
		act(source.Reject, "RANKL", graph.Activates, "immunosuppression", 2),
		act(source.Reject, "RANKL", graph.Activates, "osteoclasts", 3), // matches nothing
		correct,
	}
	g, rep, err := build.Build(source.Corpus{Statements: stmts}, resolve.Default())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Balanced() {
		t.Fatalf("unbalanced: %s", rep.Summary())
	}
	want := "7 statements: 2 added, 0 merged, 0 duplicate, 0 unresolved, 3 rejected, 2 curation actions applied; 0 contradictions"
	if got := rep.Summary(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	dmab := g.Out("DRUGBANK:DB06643")
	if len(dmab) != 1 || dmab[0].Evidence[0].Confidence != 1 || dmab[0].Evidence[0].Method != graph.Extracted ||
		!strings.Contains(dmab[0].Evidence[0].Note, "accepted by c.yaml:1:5") {
		t.Errorf("accepted edge %+v", dmab)
	}
	if len(g.Out("HGNC:11926")) != 0 {
		t.Errorf("rejected edge still there: %+v", g.Out("HGNC:11926"))
	}
	tc := g.Out("CL:0000084")
	if len(tc) != 1 || tc[0].Relation != graph.Secretes || tc[0].Evidence[0].Quote != "T cells express RANKL." || tc[0].Evidence[0].Method != graph.Curated {
		t.Errorf("corrected edge %+v", tc)
	}
	var reasons []string
	for _, p := range rep.Rejected {
		reasons = append(reasons, p.Reason)
	}
	joined := strings.Join(reasons, "|")
	for _, w := range []string{"rejected by curation at c.yaml:2:5", "corrected by curation at c.yaml:4:5", "no extracted statement of d is RANKL activates osteoclasts"} {
		if !strings.Contains(joined, w) {
			t.Errorf("rejections lack %q: %q", w, reasons)
		}
	}
}
