// Package bonemettest holds helpers for Go tests that state biology about
// bonemet knowledge, in the manner of net/http/httptest:
//
//	func TestDenosumab(t *testing.T) {
//		k := bonemet.Default()
//		bonemettest.ExpectBlocks(t, k, "denosumab", "osteoclast", "RANKL")
//	}
//
// A helper named after a sign checks the net sign, the one
// [graph.Graph.Downstream] answers; [ExpectRoute] checks one route of a
// sign, whatever the net sign. On failure each says what the graph holds
// instead. The bonemet package itself does not import testing.
package bonemettest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/graph"
)

// ExpectBlocks checks that from decreases to: the net sign of to in from's
// downstream answer is −. When via names nodes, a path of sign − through
// them, in that order, must also exist (a simple path of at most eight
// edges). On failure it reports on t why: which name did not resolve, what
// from reaches instead, the net sign with the path that decides it, or the
// paths found with their signs. It returns whether the expectation held.
//
//	bonemettest.ExpectBlocks(t, k, "denosumab", "osteoclast formation", "RANKL")
func ExpectBlocks(t testing.TB, k *bonemet.Knowledge, from, to string, via ...string) bool {
	t.Helper()
	return ExpectSign(t, k, from, to, graph.Negative, via...)
}

// ExpectPromotes checks that from increases to (net sign +); see
// [ExpectBlocks].
func ExpectPromotes(t testing.TB, k *bonemet.Knowledge, from, to string, via ...string) bool {
	t.Helper()
	return ExpectSign(t, k, from, to, graph.Positive, via...)
}

// ExpectSign checks that from reaches to with the wanted net sign, and,
// when via names nodes, that a path of that sign passes through them; see
// [ExpectBlocks].
func ExpectSign(t testing.TB, k *bonemet.Knowledge, from, to string, want graph.Sign, via ...string) bool {
	t.Helper()
	msg := checkSign(k, from, to, want, via, true)
	if msg != "" {
		t.Errorf("%s", msg)
		return false
	}
	return true
}

// ExpectRoute checks that a path from from to to of the wanted sign passes
// through the nodes named in via, in that order (a simple path of at most
// eight edges), whatever the net sign of to: it states one route, such as
// a hedged feedback loop, not the overall effect. On failure it lists the
// paths found with their signs.
func ExpectRoute(t testing.TB, k *bonemet.Knowledge, from, to string, want graph.Sign, via ...string) bool {
	t.Helper()
	msg := checkSign(k, from, to, want, via, false)
	if msg != "" {
		t.Errorf("%s", msg)
		return false
	}
	return true
}

// ExpectEdge checks that the graph has a direct edge from → to with the
// relation, and reports the edges that exist between the two otherwise.
func ExpectEdge(t testing.TB, k *bonemet.Knowledge, from string, rel graph.Relation, to string) bool {
	t.Helper()
	u, err := k.Find(from)
	if err != nil {
		t.Errorf("expected %s %v %s: %v", from, rel, to, err)
		return false
	}
	v, err := k.Find(to)
	if err != nil {
		t.Errorf("expected %s %v %s: %v", from, rel, to, err)
		return false
	}
	var have []string
	for _, e := range k.Graph.Out(u.ID) {
		if e.To != v.ID {
			continue
		}
		if e.Relation == rel {
			return true
		}
		have = append(have, e.Relation.String())
	}
	if len(have) == 0 {
		t.Errorf("expected %s %v %s: no edge from %s to %s", from, rel, to, u.Label(), v.Label())
	} else {
		t.Errorf("expected %s %v %s: the edges from %s to %s are: %s", from, rel, to, u.Label(), v.Label(), strings.Join(have, ", "))
	}
	return false
}

// checkSign returns why the expectation fails, or "". With net, the net
// sign must be want; via, when given, must be passed by a path of sign
// want.
func checkSign(k *bonemet.Knowledge, from, to string, want graph.Sign, via []string, net bool) string {
	claim := fmt.Sprintf("expected %s to %s %s", from, verb(want), to)
	if !net {
		claim = fmt.Sprintf("expected a %v route from %s to %s", want, from, to)
	}
	if len(via) > 0 {
		claim += " via " + strings.Join(via, ", ")
	}
	u, err := k.Find(from)
	if err != nil {
		return claim + ": " + err.Error()
	}
	v, err := k.Find(to)
	if err != nil {
		return claim + ": " + err.Error()
	}
	var vias []string
	for _, name := range via {
		n, err := k.Find(name)
		if err != nil {
			return claim + ": " + err.Error()
		}
		vias = append(vias, n.ID)
	}
	rs, err := k.Graph.Downstream(u.ID)
	if err != nil {
		return claim + ": " + err.Error()
	}
	i := slices.IndexFunc(rs, func(r graph.Reach) bool { return r.Node.ID == v.ID })
	if i < 0 {
		return claim + ":\n" + notReached(k, u, v, rs)
	}
	r := rs[i]
	if net && r.Sign != want {
		msg := fmt.Sprintf("%s: the net sign is %v, by the shortest path\n%s", claim, r.Sign, indent(k.Graph.Explain(r.Path())))
		if r.HasOpposite() {
			msg += "\nand of the other sign:\n" + indent(k.Graph.Explain(r.Opposite()))
		}
		return msg
	}
	if len(vias) == 0 {
		if net {
			return ""
		}
		vias = nil // any route of the sign will do
	}
	paths, err := k.Graph.Paths(u.ID, v.ID, graph.MaxDepth(8))
	if err != nil && len(paths) == 0 {
		return claim + ": " + err.Error()
	}
	var through []graph.Path
	for _, p := range paths {
		if passes(p, vias) {
			if p.Sign() == want {
				return ""
			}
			through = append(through, p)
		}
	}
	if len(through) == 0 {
		msg := fmt.Sprintf("%s: no path of at most 8 edges passes through %s; the paths are:", claim, strings.Join(via, ", "))
		for _, p := range paths[:min(len(paths), 5)] {
			msg += fmt.Sprintf("\n  %v  %s", p.Sign(), k.Graph.Chain(p))
		}
		return msg
	}
	msg := fmt.Sprintf("%s: the paths through %s have the other sign:", claim, strings.Join(via, ", "))
	for _, p := range through[:min(len(through), 3)] {
		msg += "\n" + indent(k.Graph.Explain(p))
	}
	return msg
}

func notReached(k *bonemet.Knowledge, u, v graph.Node, rs []graph.Reach) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  %s does not reach %s.\n", u.Label(), v.Label())
	fmt.Fprintf(&b, "  %s reaches %d nodes:", u.Label(), len(rs))
	for i, r := range rs {
		if i == 12 {
			fmt.Fprintf(&b, " …")
			break
		}
		fmt.Fprintf(&b, " %s(%v)", r.Node.Label(), r.Sign)
	}
	up, _ := k.Graph.Upstream(v.ID)
	fmt.Fprintf(&b, "\n  %s is reached from %d nodes:", v.Label(), len(up))
	for i, r := range up {
		if i == 12 {
			fmt.Fprintf(&b, " …")
			break
		}
		fmt.Fprintf(&b, " %s(%v)", r.Node.Label(), r.Sign)
	}
	return b.String()
}

func passes(p graph.Path, vias []string) bool {
	if len(p.Edges) == 0 {
		return len(vias) == 0
	}
	nodes := []string{p.Edges[0].From}
	for _, e := range p.Edges {
		nodes = append(nodes, e.To)
	}
	next := 0
	for _, n := range nodes {
		if next < len(vias) && n == vias[next] {
			next++
		}
	}
	return next == len(vias)
}

func verb(s graph.Sign) string {
	switch s {
	case graph.Positive:
		return "promote"
	case graph.Negative:
		return "block"
	}
	return "reach (" + s.String() + ")"
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ")
}
