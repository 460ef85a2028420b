package textdiff_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/bonemet/bonemet/internal/textdiff"
)

func TestText(t *testing.T) {
	for _, tt := range []struct {
		name, want, got, diff string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"empty", "", "", ""},
		{"changed line", "a\nb\nc\n", "a\nB\nc\n", "  a\n- b\n+ B\n  c\n"},
		{"added at end", "a\n", "a\nb\n", "  a\n+ b\n"},
		{"removed at start", "a\nb\n", "b\n", "- a\n  b\n"},
		{"from nothing", "", "x\n", "+ x\n"},
		{"line ends only", "a\nb", "a\nb\n", "the texts differ in their line ends only (want 3 bytes, got 4)\n"},
		{"context is cut", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n",
			"  …\n  3\n  4\n- 5\n+ five\n  6\n  7\n  …\n"},
		{"moved line", "a\nb\nc\n", "b\nc\na\n", "- a\n  b\n  c\n+ a\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := textdiff.Text(tt.want, tt.got); got != tt.diff {
				t.Errorf("Text(%q, %q) =\n%s\nwant\n%s", tt.want, tt.got, got, tt.diff)
			}
		})
	}
}

func TestLines(t *testing.T) {
	if d := textdiff.Lines([]string{"a\n", "b"}, []string{"a", "b\r\n"}); d != "" {
		t.Errorf("line ends were compared:\n%s", d)
	}
	if d := textdiff.Lines([]string{"a", ""}, []string{"a"}); d != "  a\n- \n" {
		t.Errorf("a final empty line was dropped: %q", d)
	}
}

// Large inputs that differ throughout are summarised, not tabled.
func TestLarge(t *testing.T) {
	var want, got strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&want, "w%d\n", i)
		fmt.Fprintf(&got, "g%d\n", i)
	}
	d := textdiff.Text(want.String(), got.String())
	if !strings.HasPrefix(d, "line 1 differs:\n- w0\n+ g0\n(5000 lines want, 5000 got") {
		t.Errorf("large diff starts %q", d[:min(len(d), 80)])
	}
}

func ExampleText() {
	fmt.Print(textdiff.Text("RANKL → RANK\nOPG ⊣ RANKL\n", "RANKL → RANK\nOPG → RANKL\n"))
	// Output:
	//   RANKL → RANK
	// - OPG ⊣ RANKL
	// + OPG → RANKL
}
