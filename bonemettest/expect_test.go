package bonemettest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bonemet/bonemet"
	"github.com/bonemet/bonemet/bonemettest"
	"github.com/bonemet/bonemet/graph"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	msgs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}

var expectTests = []struct {
	name  string
	check func(t testing.TB, k *bonemet.Knowledge) bool
	ok    bool
	says  []string // fragments of the failure message
}{
	{"denosumab blocks osteoclast formation through RANKL", func(t testing.TB, k *bonemet.Knowledge) bool {
		return bonemettest.ExpectBlocks(t, k, "denosumab", "osteoclast formation", "RANKL")
	}, true, nil},
	{"bisphosphonates interrupt the vicious cycle", func(t testing.TB, k *bonemet.Knowledge) bool {
		return bonemettest.ExpectBlocks(t, k, "bisphosphonates", "vicious cycle")
	}, true, nil},
	{"IAP antagonists promote osteoclastogenesis through NIK", func(t testing.TB, k *bonemet.Knowledge) bool {
		return bonemettest.ExpectPromotes(t, k, "IAP antagonists", "osteoclastogenesis", "cIAP1/2", "NIK", "p52/RelB")
	}, true, nil},
	{"wrong sign is explained hop by hop", func(t testing.TB, k *bonemet.Knowledge) bool {
		return bonemettest.ExpectPromotes(t, k, "denosumab", "osteoclast")
	}, false, []string{"net sign is -", "1. denosumab ⊣ TNFSF11 (inhibits)", `"RANKL inhibition with Denosumab"`}},
	{"missing path lists what is reached", func(t testing.TB, k *bonemet.Knowledge) bool {
		return bonemettest.ExpectBlocks(t, k, "osteoclast", "denosumab")
	}, false, []string{"osteoclast does not reach denosumab", "is reached from 0 nodes"}},
	{"no path through the via node", func(t testing.TB, k *bonemet.Knowledge) bool {
		return bonemettest.ExpectBlocks(t, k, "denosumab", "osteoclast", "zoledronic acid")
	}, false, []string{"no path of at most 8 edges passes through zoledronic acid"}},
	{"unknown name", func(t testing.TB, k *bonemet.Knowledge) bool {
		return bonemettest.ExpectBlocks(t, k, "unobtainium", "osteoclast")
	}, false, []string{`"unobtainium": unknown name`}},
	// A helper named after a sign checks the net sign: the via list only
	// adds that a path of that sign passes through it.
	{"denosumab blocks osteoclasts via RANKL", func(t testing.TB, k *bonemet.Knowledge) bool {
		return bonemettest.ExpectBlocks(t, k, "denosumab", "osteoclast", "RANKL")
	}, true, nil},
	{"denosumab does not promote osteoclasts, via RANKL or not", func(t testing.TB, k *bonemet.Knowledge) bool {
		return bonemettest.ExpectPromotes(t, k, "denosumab", "osteoclast", "RANKL")
	}, false, []string{"net sign is -", "1. denosumab ⊣ TNFSF11 (inhibits)"}},
	{"a route of the other sign is stated with ExpectRoute", func(t testing.TB, k *bonemet.Knowledge) bool {
		return bonemettest.ExpectRoute(t, k, "denosumab", "T cell", graph.Positive, "central tolerance")
	}, true, nil},
	{"ExpectRoute fails when no route of that sign passes", func(t testing.TB, k *bonemet.Knowledge) bool {
		return bonemettest.ExpectRoute(t, k, "denosumab", "osteoclast", graph.Positive, "zoledronic acid")
	}, false, []string{"expected a + route from denosumab to osteoclast", "passes through zoledronic acid"}},
	{"direct secretion", func(t testing.TB, k *bonemet.Knowledge) bool {
		return bonemettest.ExpectEdge(t, k, "osteoblasts", graph.Secretes, "RANKL")
	}, true, nil},
	{"wrong direct relation", func(t testing.TB, k *bonemet.Knowledge) bool {
		return bonemettest.ExpectEdge(t, k, "denosumab", graph.Activates, "RANKL")
	}, false, []string{"the edges from denosumab to TNFSF11 are: inhibits"}},
}

func TestExpect(t *testing.T) {
	k := bonemet.Default()
	for _, tt := range expectTests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{TB: t}
			ok := tt.check(rec, k)
			if ok != tt.ok || ok != (len(rec.msgs) == 0) {
				t.Fatalf("returned %v with messages %q, want %v", ok, rec.msgs, tt.ok)
			}
			msg := strings.Join(rec.msgs, "\n")
			for _, s := range tt.says {
				if !strings.Contains(msg, s) {
					t.Errorf("message lacks %q:\n%s", s, msg)
				}
			}
		})
	}
}
