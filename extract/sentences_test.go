package extract_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/bonemet/bonemet/extract"
)

var sentenceTests = []struct {
	name string
	text string
	want []string
}{
	{"two sentences", "Bone is a site of metastasis. Bone metastases result in bone destruction.",
		[]string{"Bone is a site of metastasis.", "Bone metastases result in bone destruction."}},
	{"et al.", "As shown by Roodman et al. in 2001, PTHrP induces RANKL. It matters.",
		[]string{"As shown by Roodman et al. in 2001, PTHrP induces RANKL.", "It matters."}},
	{"e.g. and i.e.", "Some factors, e.g. IL-6, i.e. a cytokine, act. Others do not.",
		[]string{"Some factors, e.g. IL-6, i.e. a cytokine, act.", "Others do not."}},
	{"Fig. 3", "See Fig. 3 for details. Then Figs. 4 and 5.",
		[]string{"See Fig. 3 for details.", "Then Figs. 4 and 5."}},
	{"a title glued to its caption", "EphB4 couples resorption to formation.Osteoclast differentiation is driven by NFATc1.",
		[]string{"EphB4 couples resorption to formation.", "Osteoclast differentiation is driven by NFATc1."}},
	{"no space and no sentence end", "Doses of 1.5 mM, p52.RelB and e.g.Foo, see Fig.Two and www.Nature here.",
		[]string{"Doses of 1.5 mM, p52.RelB and e.g.Foo, see Fig.Two and www.Nature here."}},
	{"vs.", "Treated vs. untreated mice differ. Yes.",
		[]string{"Treated vs. untreated mice differ.", "Yes."}},
	{"decimals", "The ratio was 1.5 in bone. It rose to 2.75.",
		[]string{"The ratio was 1.5 in bone.", "It rose to 2.75."}},
	{"initials", "Written by G. D. Roodman. Bone is fragile.",
		[]string{"Written by G. D. Roodman.", "Bone is fragile."}},
	{"vitamin D ends a sentence", "They need vitamin D. The kidney makes it.",
		[]string{"They need vitamin D.", "The kidney makes it."}},
	{"parentheses", "RANKL (see ref. 12. for details) binds RANK. OPG blocks it.",
		[]string{"RANKL (see ref. 12. for details) binds RANK.", "OPG blocks it."}},
	{"greek and lower-case symbols", "It acts on bone. β-catenin accumulates. cIAP1 is degraded. ephB4 binds.",
		[]string{"It acts on bone.", "β-catenin accumulates.", "cIAP1 is degraded.", "ephB4 binds."}},
	{"lower-case word does not start a sentence", "Cells (approx. ten) grew. and then died.",
		[]string{"Cells (approx. ten) grew. and then died."}},
	{"no end", "RANK/RANKL/OPG signaling pathway", []string{"RANK/RANKL/OPG signaling pathway"}},
	{"question and exclamation", "Is it RANKL? Yes! It is.", []string{"Is it RANKL?", "Yes!", "It is."}},
	{"labels", "(a) Ihh pathway: Ihh acts. (b) PTH pathway: PTH acts.",
		[]string{"(a) Ihh pathway: Ihh acts.", "(b) PTH pathway: PTH acts."}},
	{"closing quote", "It is called the \"vicious cycle.\" Tumor cells grow.",
		[]string{"It is called the \"vicious cycle.\"", "Tumor cells grow."}},
	{"white space", "  One.   Two.  ", []string{"One.", "Two."}},
	{"empty", "", nil},
}

func TestSplitSentences(t *testing.T) {
	for _, tt := range sentenceTests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range extract.SplitSentences(tt.text) {
				got = append(got, tt.text[sp.Start:sp.End])
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func ExampleSplitSentences() {
	text := "Tumor cells secrete PTHrP (Roodman et al. 2001). PTHrP induces RANKL, e.g. in osteoblasts (Fig. 2)."
	for _, sp := range extract.SplitSentences(text) {
		fmt.Printf("%d-%d %s\n", sp.Start, sp.End, text[sp.Start:sp.End])
	}
	// Output:
	// 0-48 Tumor cells secrete PTHrP (Roodman et al. 2001).
	// 49-99 PTHrP induces RANKL, e.g. in osteoblasts (Fig. 2).
}

func FuzzSplitSentences(f *testing.F) {
	for _, tt := range sentenceTests {
		f.Add(tt.text)
	}
	f.Add("((((. A. (b). \xff. Z")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, sp := range extract.SplitSentences(text) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
				t.Fatalf("bad span %v after %d in %d bytes", sp, prev, len(text))
			}
			s := text[sp.Start:sp.End]
			if strings.TrimFunc(s, unicode.IsSpace) != s {
				t.Fatalf("span %v has surrounding white space: %q", sp, s)
			}
			prev = sp.End
		}
	})
}
